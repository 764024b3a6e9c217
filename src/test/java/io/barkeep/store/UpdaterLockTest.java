package io.barkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.cli.BarkeepCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exactly one updater per shared PostgreSQL cache; the others see who runs it. */
@PostgresOnly
class UpdaterLockTest {
    private static final Instant NOON = Instant.parse("2024-08-12T16:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSecondProcessGetsNoLockAndSeesTheHolderUntilItLetsGo() {
        DbLocation shared = PostgresServer.shared().freshDatabase();
        try (Database one = Database.open(shared); Database two = Database.open(shared)) {
            Optional<UpdaterLock> first = UpdaterLock.tryAcquire(one, "desk-1", NOON);
            assertTrue(first.isPresent());
            assertEquals(Optional.empty(), UpdaterLock.tryAcquire(two, "desk-2", NOON.plusSeconds(60)));
            assertEquals(Optional.of(new UpdaterLock.Holder("desk-1", NOON)), UpdaterLock.holder(two));

            first.get().close();
            assertEquals(Optional.empty(), UpdaterLock.holder(two), "nobody runs it now");
            try (UpdaterLock second = UpdaterLock.tryAcquire(two, "desk-2", NOON.plusSeconds(120)).orElseThrow()) {
                assertEquals("desk-2", UpdaterLock.holder(one).orElseThrow().host());
            }
        }
    }

    @Test
    void freshnessAndRunOnAnotherMachineSayWhoRunsTheUpdater() {
        DbLocation shared = PostgresServer.shared().freshDatabase();
        try (Database db = Database.open(shared);
             UpdaterLock held = UpdaterLock.tryAcquire(db, "desk-1", NOON).orElseThrow()) {
            String[] freshness = cli("freshness", "--db", shared.toString());
            assertTrue(freshness[0].startsWith("updater running on desk-1 since 2024-08-12T12:00:00 New York"),
                    freshness[0]);

            String[] run = cli("run", "--source", "demo", "--db", shared.toString());
            assertTrue(run[1].contains("updater running on desk-1 since 2024-08-12T12:00:00 New York: one updater"
                    + " per shared cache"), run[1]);
        }
    }

    private static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BarkeepCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {out.toString(), err.toString(), Integer.toString(code)};
    }
}
