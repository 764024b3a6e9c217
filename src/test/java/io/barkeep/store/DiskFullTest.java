package io.barkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionKind;
import io.barkeep.domain.TradingCalendar;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk mid-write: one clear line, and what was stored before stays whole. */
class DiskFullTest {
    @TempDir
    Path dir;

    @Test
    void aWriteThatFillsTheDiskFailsWithOneLineAndLosesNothingStoredBefore() {
        List<Session> sessions = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2024, 1, 1); sessions.size() < 60; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                sessions.add(Session.of(d, SessionKind.REGULAR));
            }
        }
        TradingCalendar calendar = new TradingCalendar("test", sessions.get(0).date(),
                sessions.get(sessions.size() - 1).date(), sessions);
        try (Database db = Database.open(dir.resolve("full.db"))) {
            BarStore store = new BarStore(db, calendar, 0, Clock.systemUTC());
            List<Bar> first = bars(sessions.subList(0, 2));
            store.write(BarBatch.of("AAPL", first));
            long pages = db.writer().run(dsl -> dsl.fetchOne("PRAGMA page_count").get(0, Long.class));
            // SQLite answers SQLITE_FULL once the file may not grow: the same code path as a full disk.
            db.writer().run(dsl -> dsl.fetch("PRAGMA max_page_count = " + (pages + 2)));

            StoreException e = assertThrows(StoreException.class,
                    () -> store.write(BarBatch.of("AAPL", bars(sessions.subList(2, 60)))));

            assertTrue(e.getMessage().contains("disk full"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), "one line");
            var all = store.bars("AAPL", sessions.get(0).open(), sessions.get(59).close());
            assertEquals(first, all, "the earlier range is whole and the failed one absent");
        }
    }

    private static List<Bar> bars(List<Session> sessions) {
        List<Bar> out = new ArrayList<>();
        for (Session s : sessions) {
            for (int k = 0; k < s.expectedBars(); k++) {
                long p = 1_000_000 + k;
                out.add(Bar.of(s.open().plusSeconds(300L * k), p, p + 100, p - 100, p + 50, 1000 + k));
            }
        }
        return out;
    }
}
