package io.barkeep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.source.thetadata.FakeMarket;
import io.barkeep.source.thetadata.FakeThetaTerminal;
import io.barkeep.source.thetadata.FakeV2Actions;
import io.barkeep.store.TestDatabases;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backfill} asks the terminal's v2 surface for the symbols' splits and dividends before their bars; with
 * the v2 port closed it says so in one line and the bars still come.
 */
class CliBackfillActionsTest {
    @TempDir
    Path dir;
    private String db;

    /** This test's cache, as --db takes it: a file here, or a fresh PostgreSQL database in the PostgreSQL run. */
    private String db() {
        if (db == null) {
            db = TestDatabases.dbArgument(dir, "t.db");
        }
        return db;
    }

    @Test
    void backfillStoresTheV2SplitAndDividendWithTheBars() throws Exception {
        try (FakeThetaTerminal terminal = FakeThetaTerminal.start(FakeMarket.of(CliTestSupport.NYSE));
             FakeV2Actions v2 = new FakeV2Actions(CliTestSupport.NYSE)
                     .split("AAPL", LocalDate.of(2024, 3, 11), 1, 10).dividend("AAPL", LocalDate.of(2024, 3, 7),
                             "0.24")) {
            CliTestSupport.Result r = backfill(terminal, v2.root().toString());
            assertEquals(0, r.code(), r.toString());
            CliTestSupport.Result list = CliTestSupport.runOn(db(), "actions", "list", "AAPL");
            assertTrue(list.out().contains("2024-03-11  split") && list.out().contains("10:1"), list.out());
            assertTrue(list.out().contains("2024-03-07  dividend  0.24"), list.out());
            assertTrue(list.out().contains("thetadata"), list.out());
        }
    }

    @Test
    void aClosedV2PortIsOneLineAndTheBarsStillCome() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (FakeThetaTerminal terminal = FakeThetaTerminal.start(FakeMarket.of(CliTestSupport.NYSE))) {
            CliTestSupport.Result r = backfill(terminal, "http://127.0.0.1:" + port);
            assertEquals(0, r.code(), r.toString());
            assertEquals(1, r.err().lines().filter(l -> l.contains("no splits or dividends")).count(), r.err());
            assertTrue(r.out().contains("bars written"), r.out());
        }
    }

    private CliTestSupport.Result backfill(FakeThetaTerminal terminal, String v2) {
        return CliTestSupport.runOn(db(), "backfill", "AAPL", "--from", "2024-03-04", "--to",
                "2024-03-15", "--source", "thetadata", "--theta-url", terminal.root().toString(), "--theta-v2-url",
                v2);
    }
}
