package io.barkeep.ui.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.WatchlistEntry;
import io.barkeep.source.thetadata.FakeThetaTerminal;
import io.barkeep.sync.Settings;
import io.barkeep.sync.Sources;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.SameThreadUiExecutor;
import io.barkeep.ui.common.UiState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding symbols with the source set to ThetaData: its symbol list decides, and a list it cannot serve never blocks. */
class WatchlistSymbolCheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-08T16:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private FakeThetaTerminal terminal;
    private AppServices services;
    private WatchlistViewModel model;

    @AfterEach
    void stop() {
        if (services != null) {
            services.jobs().awaitIdle();
            services.close();
        }
        terminal.close();
    }

    private void open() {
        Settings settings = Settings.defaults().withSource(Sources.THETA);
        settings = new Settings(settings.source(), terminal.root().toString(), settings.thetaConcurrency(),
                settings.vendorDelaySeconds(), null, settings.retainDays(), settings.backupKeep(), settings.cacheMb());
        services = new AppServices(dir, settings, new SameThreadUiExecutor(), CLOCK);
        services.start().join();
        model = new WatchlistViewModel(services, new UiState(), ViewLoader.bundle(WatchlistController.class));
        model.reload();
    }

    private void add(String typed) {
        model.inputProperty().set(typed);
        model.add();
        services.jobs().awaitIdle();
    }

    private List<String> stored() {
        return services.engine().watchlist().list().stream().map(WatchlistEntry::symbol).sorted().toList();
    }

    private String error() {
        return model.messages().errorProperty().get();
    }

    @Test
    void aTickerThetaDataDoesNotListIsRefusedAndTheOthersAreAdded() {
        terminal = FakeThetaTerminal.start().symbolList(List.of("AAPL", "MSFT"));
        open();
        add("AAPL TABLE");
        assertEquals(List.of("AAPL"), stored());
        assertEquals("No such symbol at ThetaData: TABLE (not added).", error());
        assertTrue(model.messages().infoProperty().get().startsWith("Added AAPL"),
                model.messages().infoProperty().get());
    }

    @Test
    void aSymbolListTheTerminalCannotServeAddsAnywayAndSaysWhyInOneLine() {
        terminal = FakeThetaTerminal.start().symbolListStatus(404);
        open();
        add("AAPL TABLE");
        assertEquals(List.of("AAPL", "TABLE"), stored(), "the vendor's list being unavailable never blocks an add");
        assertTrue(error().startsWith("Added AAPL, TABLE unchecked: could not get ThetaData's symbol list: "
                + "ThetaData answered 404"), error());
        assertEquals(1, error().lines().count(), error());
    }
}
