package io.barkeep.cli;

import static io.barkeep.cli.CliTestSupport.runOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.source.thetadata.FakeThetaTerminal;
import io.barkeep.store.TestDatabases;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watchlist add} asks the source whether the ticker exists, and never blocks on a vendor that is down. */
class CliWatchlistCheckTest {
    @TempDir
    Path dir;
    private FakeThetaTerminal terminal;
    private String db;

    /** This test's cache, as --db takes it: a file here, or a fresh PostgreSQL database in the PostgreSQL run. */
    private String db() {
        if (db == null) {
            db = TestDatabases.dbArgument(dir, "trading_data.db");
        }
        return db;
    }

    @AfterEach
    void stop() {
        if (terminal != null) {
            terminal.close();
        }
    }

    private CliTestSupport.Result theta(String url, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--source", "thetadata", "--theta-url", url}, 0, all, args.length, 4);
        return runOn(db(), all);
    }

    private List<String> listed() {
        return runOn(db(), "watchlist", "list").ok().outLines().stream().skip(1)
                .map(l -> l.split(" ")[0]).toList();
    }

    @Test
    void aSymbolThetaDataListsIsAddedAndOneItDoesNotListIsRefused() {
        terminal = FakeThetaTerminal.start().symbolList(List.of("AAPL", "MSFT"));
        String url = terminal.root().toString();
        assertEquals("added AAPL (priority 0)\n", theta(url, "watchlist", "add", "aapl").ok().out());
        assertEquals("error: no such symbol at ThetaData: TABLE (not added)",
                theta(url, "watchlist", "add", "TABLE").handledError());
        assertEquals(List.of("AAPL"), listed());
    }

    @Test
    void aSymbolListTheTerminalCannotServeAddsAnywayWithOneWarningLine() {
        terminal = FakeThetaTerminal.start().symbolListStatus(404);
        CliTestSupport.Result r = theta(terminal.root().toString(), "watchlist", "add", "TABLE");
        assertEquals(0, r.code(), r::toString);
        assertEquals("added TABLE (priority 0)\n", r.out());
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("warning: adding TABLE unchecked: could not get ThetaData's symbol list: "
                + "ThetaData answered 404"), r::toString);
        assertEquals(List.of("TABLE"), listed());
    }

    @Test
    void noTerminalRunningAddsAnywayAndSaysSo() throws IOException {
        String url;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            url = "http://127.0.0.1:" + s.getLocalPort();
        }
        CliTestSupport.Result r = theta(url, "watchlist", "add", "MSFT");
        assertEquals(0, r.code(), r::toString);
        assertEquals("warning: adding MSFT unchecked: could not get ThetaData's symbol list: no Theta Terminal at "
                + url + " — start it, or use --source demo", r.err().strip());
        assertEquals(List.of("MSFT"), listed());
    }

    @Test
    void theDemoFeedRefusesATickerOutsideItsUniverse() {
        assertEquals("error: no such symbol at the demo feed: TABLE (not added)",
                runOn(TestDatabases.dbArgument(dir, "demo.db"), "--source", "demo", "watchlist", "add", "TABLE")
                        .handledError());
    }

    @Test
    void changingTheSettingsOfAListedSymbolAsksNothing() {
        terminal = FakeThetaTerminal.start().symbolList(List.of("AAPL"));
        String url = terminal.root().toString();
        theta(url, "watchlist", "add", "AAPL").ok();
        terminal.symbolListStatus(404);
        terminal.resetCounters();
        assertEquals("added AAPL (priority 4)\n", theta(url, "watchlist", "add", "AAPL", "--priority", "4").ok().out());
        assertEquals(0, terminal.requests(), "already listed: nothing to check");
    }
}
