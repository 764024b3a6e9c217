package io.barkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Quarantine;
import io.barkeep.store.QuarantineRepository.Entry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quarantine keeps what was refused, within bounds: per import or answer, by age, and in all. */
class QuarantineRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private QuarantineRepository quarantine;

    @BeforeEach
    void open() {
        db = TestDatabases.open(dir, "trading_data.db");
        quarantine = new QuarantineRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static List<Entry> entries(String symbol, int n) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Entry(symbol, "csv", i + 2, null, "row " + i, "bad open 'x'"));
        }
        return out;
    }

    @Test
    void ofOneBatchTheFirstRowsAreKeptAndOneRowCountsTheRest() {
        quarantine.keep(entries("AAPL", 1_500), 3_000, NOW);

        List<Entry> kept = quarantine.list("AAPL", 5_000);
        assertEquals(Quarantine.ROWS_PER_BATCH + 1, kept.size());
        assertEquals("row 0", kept.get(0).raw());
        assertEquals("row 999", kept.get(Quarantine.ROWS_PER_BATCH - 1).raw());
        Entry summary = kept.get(kept.size() - 1);
        assertEquals("3500 more rejected rows not kept (the first 1000 of one import or answer are)",
                summary.reason());
        assertEquals("csv", summary.source());
    }

    @Test
    void aBatchWithinTheBoundIsKeptWholeWithoutASummary() {
        quarantine.keep(entries("AAPL", 3), NOW);

        assertEquals(List.of("row 0", "row 1", "row 2"),
                quarantine.list("AAPL", 10).stream().map(Entry::raw).toList());
    }

    @Test
    void aLongRowIsKeptCutWithItsLength() {
        String raw = "9".repeat(50_000);
        quarantine.keep(List.of(new Entry("AAPL", "csv", 2, null, raw, "open too long")), NOW);

        String kept = quarantine.list("AAPL", 1).get(0).raw();
        assertTrue(kept.length() < 1_100, "kept " + kept.length());
        assertTrue(kept.endsWith("... (50000 characters)"), kept.substring(kept.length() - 40));
    }

    @Test
    void rowsOlderThanTheAgeBoundArePrunedWhenRowsAreKept() {
        quarantine.keep(entries("OLD", 10), NOW.minus(Quarantine.MAX_AGE).minus(Duration.ofDays(1)));
        quarantine.keep(entries("RECENT", 10), NOW.minus(Quarantine.MAX_AGE).plus(Duration.ofDays(1)));

        quarantine.keep(entries("AAPL", 1), NOW);

        assertEquals(0, quarantine.count("OLD"));
        assertEquals(10, quarantine.count("RECENT"));
        assertEquals(1, quarantine.count("AAPL"));
    }

    @Test
    void theTableKeepsTheNewestRowsUpToTheSizeBound() {
        int batches = Quarantine.MAX_ROWS / Quarantine.ROWS_PER_BATCH + 2;
        for (int b = 0; b < batches; b++) {
            quarantine.keep(entries("S" + b, Quarantine.ROWS_PER_BATCH), NOW);
        }

        assertEquals(Quarantine.MAX_ROWS, quarantine.count());
        assertEquals(0, quarantine.count("S0"), "the oldest batch went first");
        assertEquals(0, quarantine.count("S1"));
        assertEquals(Quarantine.ROWS_PER_BATCH, quarantine.count("S" + (batches - 1)));
    }

    @Test
    void rowsCountedWithoutAnyKeptAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> quarantine.keep(List.of(), 5, NOW));
    }
}
