package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Session;
import io.barkeep.store.schema.tables.records.SessionCoverageRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer process killed mid-write (DESIGN point 9): the database stays intact, each batch range is whole or
 * absent, and every batch the writer reported committed is whole; on SQLite the file passes quick_check too.
 */
class KilledWriterTest {
    private static final int ROUNDS = 3;
    private static final int COMMITS_BEFORE_KILL = 3;

    @TempDir
    Path dir;

    @Test
    // Only a guard against a hang (a child that never starts); no assertion depends on time.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aWriterKilledMidWriteLeavesTheDatabaseIntactWithEveryRangeWholeOrAbsent() throws Exception {
        DbLocation location = TestDatabases.location(dir, "killed.db");
        List<List<Session>> batches = KilledWriterChild.batches();
        int whole = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int first = whole;
            int reported = runAndKill(location, first, round);
            assertTrue(reported >= first + COMMITS_BEFORE_KILL, "the child reported its commits");

            try (Database db = Database.open(location)) {
                if (!location.postgres()) {
                    // the file's own integrity; a PostgreSQL server keeps its files whole by its WAL
                    assertEquals("ok", db.read(dsl -> dsl.fetchValue("PRAGMA quick_check")));
                }
                BarStore store = new BarStore(db, KilledWriterChild.calendar(), 0, Clock.systemUTC());
                Map<Integer, SessionCoverageRecord> ledger = db.read(dsl -> dsl.selectFrom(SESSION_COVERAGE).fetch())
                        .stream().collect(Collectors.toMap(r -> r.getSessionDate().intValue(), Function.identity()));
                whole = 0;
                boolean absentSeen = false;
                for (int i = 0; i < batches.size(); i++) {
                    List<Session> b = batches.get(i);
                    List<Bar> held = store.bars(KilledWriterChild.SYMBOL, b.get(0).open(), b.get(b.size() - 1).close());
                    if (held.isEmpty()) {
                        assertTrue(i >= reported, "batch " + i + " was reported committed but is absent");
                        absentSeen = true;
                        for (Session s : b) {
                            assertTrue(!ledger.containsKey(s.dateKey()), "no ledger row for an absent batch");
                        }
                        continue;
                    }
                    assertEquals(KilledWriterChild.batch(i).bars(), held, "batch " + i + " is whole");
                    assertTrue(!absentSeen, "batches commit in order, so the whole ones come first");
                    for (Session s : b) {
                        assertEquals(78, ledger.get(s.dateKey()).getHeldBars(), "ledger of " + s.date());
                    }
                    whole++;
                }
                assertTrue(whole < batches.size(), "the child was killed before it wrote everything");
            }
        }
    }

    /** Starts the writer at batch {@code first}, kills it after a few commits; returns the batches it reported. */
    private int runAndKill(DbLocation location, int first, int round) throws IOException, InterruptedException {
        Path stderr = dir.resolve("child-" + round + ".err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledWriterChild.class.getName(), location.toString(),
                String.valueOf(first))
                .redirectError(stderr.toFile())
                .start();
        int reported = first;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("COMMITTED ")) {
                    reported = Integer.parseInt(line.substring("COMMITTED ".length())) + 1;
                    if (reported - first == COMMITS_BEFORE_KILL) {
                        // The child goes straight on to the next batch: it is inside a write now.
                        assertTrue(child.isAlive(), "the child is still writing");
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        if (reported - first < COMMITS_BEFORE_KILL) {
            fail("the child stopped before it was killed: " + Files.readString(stderr));
        }
        return reported;
    }
}
