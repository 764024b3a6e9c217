package io.barkeep.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.sync.Settings;
import io.barkeep.sync.Sources;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.SameThreadUiExecutor;
import io.barkeep.domain.WatchlistEntry;
import java.net.ServerSocket;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings form: what it accepts, what it refuses and why, and that saving applies and writes the file. */
class SettingsViewModelTest {
    private static final Instant NOW = Instant.parse("2024-03-15T20:30:00Z");

    @TempDir
    Path folder;
    private AppServices services;
    private SettingsViewModel model;

    @BeforeEach
    void open() {
        services = new AppServices(folder, Settings.defaults(), new SameThreadUiExecutor(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        services.start().join();
        model = new SettingsViewModel(services, ViewLoader.bundle(SettingsController.class));
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void startsFromTheSettingsInForce() {
        assertEquals(Sources.DEMO, model.sourceProperty().get());
        assertEquals("", model.urlProperty().get());
        assertEquals("VALUE (2)", model.concurrencyProperty().get());
        assertEquals("60", model.delayProperty().get());
        assertEquals("1095", model.retainProperty().get());
        assertEquals("7", model.backupsProperty().get());
        assertEquals("", model.problemsProperty().get());
    }

    @Test
    void savingWritesSettingsJsonAndAppliesThem() {
        model.concurrencyProperty().set("pro");
        model.delayProperty().set(" 45 ");
        model.retainProperty().set("365");
        model.backupsProperty().set("3");
        model.save().join();
        Settings saved = Settings.load(folder);
        assertTrue(Files.isRegularFile(folder.resolve(Settings.FILE_NAME)));
        assertEquals(new Settings(Sources.DEMO, null, 8, 45, null, 365, 3, 100), saved);
        assertEquals(saved, services.settings());
        assertFalse(model.busyProperty().get());
    }

    @Test
    void aNewSourceAndDatabaseAreInForceWithoutARestart() throws Exception {
        Path other = folder.resolve("elsewhere.db");
        model.sourceProperty().set(Sources.THETA);
        model.urlProperty().set("http://127.0.0.1:" + closedPort());
        model.concurrencyProperty().set("STANDARD (4)");
        model.databaseProperty().set(other.toString());
        model.save().join();
        assertEquals(other, services.engine().database().file());
        assertEquals("thetadata", services.data().source().name());
        Settings saved = Settings.load(folder);
        assertEquals(4, saved.thetaConcurrency());
        assertEquals(other.toString(), saved.databasePath());
    }

    @Test
    void theV2UrlBesideTheTerminalUrlIsSavedAndShownAgain() {
        model.v2UrlProperty().set(" http://127.0.0.1:25999 ");
        model.concurrencyProperty().set("pro");
        model.save().join();
        assertEquals("http://127.0.0.1:25999", Settings.load(folder).thetaV2Url());
        assertEquals("http://127.0.0.1:25999", services.settings().thetaV2Url());
        SettingsViewModel again = new SettingsViewModel(services, ViewLoader.bundle(SettingsController.class));
        assertEquals("http://127.0.0.1:25999", again.v2UrlProperty().get());
        // saving another field keeps it: the form used to drop it
        again.delayProperty().set("30");
        again.save().join();
        assertEquals("http://127.0.0.1:25999", Settings.load(folder).thetaV2Url());
    }

    @Test
    void aBadV2UrlIsRefusedWithItsOwnMessage() {
        model.v2UrlProperty().set("127.0.0.1:25510");
        assertTrue(model.problemsProperty().get().contains("v2 URL '127.0.0.1:25510' is not"),
                model.problemsProperty().get());
        assertThrows(CompletionException.class, () -> model.save().join());
        assertFalse(Files.exists(folder.resolve(Settings.FILE_NAME)));
    }

    @Test
    void aBadUrlIsRefusedWithAMessageAndNothingIsWritten() {
        model.sourceProperty().set(Sources.THETA);
        model.urlProperty().set("127.0.0.1:25503");
        assertTrue(model.problemsProperty().get().contains("terminal URL"), model.problemsProperty().get());
        CompletionException refused = assertThrows(CompletionException.class, () -> model.save().join());
        assertTrue(refused.getCause().getMessage().contains("127.0.0.1:25503"));
        assertFalse(Files.exists(folder.resolve(Settings.FILE_NAME)));
        assertEquals(Sources.DEMO, services.settings().source());
    }

    @Test
    void aBadConcurrencyIsRefusedWithAMessage() {
        for (String bad : new String[] {"GOLD", "0", "33", "two", ""}) {
            model.concurrencyProperty().set(bad);
            assertTrue(model.problemsProperty().get().startsWith("Concurrency must be a tier"), bad);
            assertThrows(CompletionException.class, () -> model.save().join());
        }
        model.concurrencyProperty().set("3");
        assertEquals("", model.problemsProperty().get());
        assertFalse(Files.exists(folder.resolve(Settings.FILE_NAME)));
    }

    @Test
    void concurrencyReadsTiersAndNumbers() {
        assertEquals(1, SettingsForm.concurrency("FREE"));
        assertEquals(2, SettingsForm.concurrency("value"));
        assertEquals(4, SettingsForm.concurrency("STANDARD (4)"));
        assertEquals(8, SettingsForm.concurrency(" Pro "));
        assertEquals(12, SettingsForm.concurrency("12"));
        assertEquals(null, SettingsForm.concurrency("-1"));
        assertEquals("PRO (8)", SettingsForm.concurrencyText(8));
        assertEquals("3", SettingsForm.concurrencyText(3));
    }

    @Test
    void numbersAndPathsOutOfReachAreRefused() {
        model.delayProperty().set("0");
        model.retainProperty().set("a year");
        model.backupsProperty().set("-2");
        model.databaseProperty().set(folder.resolve("no-such-folder").resolve("x.db").toString());
        String problems = model.problemsProperty().get();
        assertTrue(problems.contains("vendor delay"), problems);
        assertTrue(problems.contains("Retention"), problems);
        assertTrue(problems.contains("Backups kept"), problems);
        assertTrue(problems.contains("does not exist"), problems);
        assertEquals(4, problems.lines().count());
        model.databaseProperty().set("relative.db");
        assertTrue(model.problemsProperty().get().contains("full path"));
        model.databaseProperty().set(folder.toString());
        assertTrue(model.problemsProperty().get().contains("is a folder"));
    }

    @Test
    void aPostgresqlUrlIsADatabaseButNotOneWithAPassword() {
        model.databaseProperty().set("postgresql://trader@db.example:5432/barkeep");
        assertEquals("", model.problemsProperty().get());
        model.databaseProperty().set("postgresql://trader:hunter2@db.example:5432/barkeep");
        String problems = model.problemsProperty().get();
        assertTrue(problems.contains("no password in the URL") && !problems.contains("hunter2"), problems);
    }

    @Test
    void testingWithAPostgresqlDatabaseAsksTheTerminalAndTheServer() {
        try (var terminal = io.barkeep.source.thetadata.FakeThetaTerminal.start()) {
            model.sourceProperty().set(Sources.THETA);
            model.urlProperty().set(terminal.root().toString());
            String team = io.barkeep.store.PostgresServer.shared().freshDatabase().toString();
            model.databaseProperty().set(team);
            model.testConnection().join();
            String verdict = model.testResultProperty().get();
            assertTrue(model.testPassedProperty().get(), verdict);
            assertTrue(verdict.contains("The database answers: PostgreSQL ") && verdict.contains(" at " + team),
                    verdict);

            model.databaseProperty().set("postgresql://trader@127.0.0.1:1/barkeep");
            assertThrows(CompletionException.class, () -> model.testConnection().join());
            assertTrue(model.testResultProperty().get().contains("cannot reach PostgreSQL"),
                    model.testResultProperty().get());
        }
    }

    @Test
    void testingTheSimulatedFeedNeedsNoConnection() {
        model.testConnection().join();
        assertTrue(model.testPassedProperty().get());
        assertTrue(model.testResultProperty().get().contains("built in"), model.testResultProperty().get());
    }

    @Test
    void testingAnAbsentTerminalSaysWhy() throws Exception {
        model.sourceProperty().set(Sources.THETA);
        model.urlProperty().set("http://127.0.0.1:" + closedPort());
        assertThrows(CompletionException.class, () -> model.testConnection().join());
        assertFalse(model.testPassedProperty().get());
        assertTrue(model.testResultProperty().get().startsWith("Not connected:"), model.testResultProperty().get());
        assertFalse(model.busyProperty().get());
        model.urlProperty().set("http://127.0.0.1:25503");
        assertEquals("", model.testResultProperty().get(), "a verdict speaks of the fields it was run with");
    }

    @Test
    void aPasswordInTheTerminalUrlIsMaskedInTheVerdict() throws Exception {
        model.sourceProperty().set(Sources.THETA);
        model.urlProperty().set("http://trader:s3cret@127.0.0.1:" + closedPort());
        assertThrows(CompletionException.class, () -> model.testConnection().join());
        String verdict = model.testResultProperty().get();
        assertTrue(verdict.contains("http://trader:***@127.0.0.1:"), verdict);
        assertFalse(verdict.contains("s3cret"), verdict);
    }

    @Test
    void switchingFromDemoToARealDatabaseOffersToCarryTheWatchlistOver() throws Exception {
        services.engine().watchlist().add("AAPL", 5, "core", NOW);
        services.engine().watchlist().add("MSFT", 1, null, NOW);
        services.engine().watchlist().update("MSFT", false, 1, null);
        model.sourceProperty().set(Sources.THETA);
        model.urlProperty().set("http://127.0.0.1:" + closedPort());
        model.save().join();
        assertTrue(services.engine().database().file().endsWith("trading_data.db"));
        assertEquals(List.of("AAPL", "MSFT"), model.carryOverProperty().stream().map(WatchlistEntry::symbol)
                .sorted().toList());

        assertEquals(2, model.carryOver().join());
        WatchlistEntry aapl = services.engine().watchlist().find("AAPL").orElseThrow();
        assertEquals(5, aapl.priority());
        assertEquals("core", aapl.notes());
        assertFalse(services.engine().watchlist().find("MSFT").orElseThrow().active());
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
