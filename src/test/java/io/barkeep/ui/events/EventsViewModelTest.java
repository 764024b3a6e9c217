package io.barkeep.ui.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.barkeep.domain.SafetyEvent;
import io.barkeep.sync.Settings;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.SameThreadUiExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events list over a real temp database: newest first, choices from the data, filters that combine. */
class EventsViewModelTest {
    private static final Instant NOW = Instant.parse("2024-03-15T20:30:00Z");
    private static final String ALL = EventsViewModel.ALL;

    @TempDir
    Path folder;
    private AppServices services;
    private EventsViewModel model;

    @BeforeEach
    void recordSomeEvents() {
        services = new AppServices(folder, Settings.defaults(), new SameThreadUiExecutor(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        services.start().join();
        record(300, "vendor_retry", "AAPL", "HTTP 429 too many requests; retry in 1 s");
        record(200, "vendor_gave_up", "MSFT", "AAPL-like timeout after 5 tries");
        record(100, "rejected_bars", "AAPL", "3 bars refused and kept in quarantine");
        record(50, "store_error", null, "database is locked");
        model = new EventsViewModel(services);
        model.refresh();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private void record(long secondsAgo, String kind, String symbol, String message) {
        services.engine().events().record(new SafetyEvent(NOW.minusSeconds(secondsAgo), kind, symbol, "thetadata",
                null, null, message));
    }

    private List<String> shownKinds() {
        return model.shownEvents().stream().map(SafetyEvent::kind).toList();
    }

    @Test
    void listsEveryEventNewestFirst() {
        assertEquals(List.of("store_error", "rejected_bars", "vendor_gave_up", "vendor_retry"), shownKinds());
        assertEquals("", model.errorProperty().get());
    }

    @Test
    void offersTheKindsAndSymbolsFoundAfterAll() {
        assertEquals(List.of(ALL, "rejected_bars", "store_error", "vendor_gave_up", "vendor_retry"), model.kinds());
        assertEquals(List.of(ALL, "AAPL", "MSFT"), model.symbols());
        assertEquals(ALL, model.kindProperty().get());
        assertEquals(ALL, model.symbolProperty().get());
    }

    @Test
    void filtersBySymbolKindAndTextTogether() {
        model.symbolProperty().set("AAPL");
        assertEquals(List.of("rejected_bars", "vendor_retry"), shownKinds());
        model.kindProperty().set("vendor_retry");
        assertEquals(List.of("vendor_retry"), shownKinds());
        model.symbolProperty().set(ALL);
        model.kindProperty().set(ALL);
        model.textProperty().set("  QUARANTINE ");
        assertEquals(List.of("rejected_bars"), shownKinds());
        model.textProperty().set("msft");
        assertEquals(List.of("vendor_gave_up"), shownKinds(), "the text also matches the symbol");
    }

    @Test
    void aReloadKeepsTheChosenFiltersAndShowsNewEvents() {
        model.kindProperty().set("vendor_retry");
        record(10, "vendor_retry", "NVDA", "HTTP 474 disconnected; retry in 2 s");
        model.refresh();
        assertEquals("vendor_retry", model.kindProperty().get());
        assertEquals(List.of("NVDA", "AAPL"), model.shownEvents().stream().map(SafetyEvent::symbol).toList());
        assertEquals(List.of(ALL, "AAPL", "MSFT", "NVDA"), model.symbols());
        assertEquals(5, model.allEvents().size());
    }

    @Test
    void rangesAndTimesReadInNewYork() {
        assertEquals("2024-03-15 16:30:00", EventText.time(NOW));
        Instant open = Instant.parse("2024-03-11T13:30:00Z");
        assertEquals("2024-03-11 09:30 \u2013 16:00", EventText.range(open, Instant.parse("2024-03-11T20:00:00Z")));
        assertEquals("2024-03-11 09:30 \u2013 2024-03-15 16:00", EventText.range(open,
                Instant.parse("2024-03-15T20:00:00Z")));
        assertEquals("", EventText.range(null, null));
        assertEquals(EventText.Severity.ERROR, EventText.severity("vendor_gave_up"));
        assertEquals(EventText.Severity.WARNING, EventText.severity("vendor_retry"));
        assertEquals(EventText.Severity.ERROR, EventText.severity("store_error"));
    }
}
