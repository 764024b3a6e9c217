package io.barkeep.source.thetadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.SourceException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The v2 split/dividend client against a terminal that repeats the last split daily and dividends per date. */
class ThetaV2ActionsTest {
    private static final TradingCalendar CALENDAR = NyseCalendar.load();
    private static final Instant NOW = Instant.parse("2024-12-01T00:00:00Z");
    private FakeV2Actions terminal;

    @BeforeEach
    void start() throws Exception {
        terminal = new FakeV2Actions(CALENDAR);
    }

    @AfterEach
    void stop() {
        terminal.close();
    }

    @Test
    void aSplitRepeatedEveryTradingDayIsOneEventAndEachExDateOneDividend() throws Exception {
        terminal.split("NVDA", LocalDate.of(2021, 7, 20), 1, 4).split("NVDA", LocalDate.of(2024, 6, 10), 1, 10)
                .dividend("NVDA", LocalDate.of(2024, 6, 11), "0.01").dividend("NVDA", LocalDate.of(2024, 3, 5), "0.04");
        List<CorporateAction> found = new ThetaV2Actions(terminal.root()).actions("NVDA", LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 11, 29), NOW);
        List<CorporateAction> splits = found.stream().filter(CorporateAction::isSplit).toList();
        // 2021's split is the most recent one on the range's first days, so the terminal reports it too
        assertEquals(List.of("4:1", "10:1"), splits.stream().map(CorporateAction::value).toList());
        assertEquals(LocalDate.of(2024, 6, 10), splits.get(1).exDate());
        List<CorporateAction> dividends = found.stream().filter(a -> !a.isSplit()).toList();
        assertEquals(2, dividends.size(), dividends.toString());
        assertEquals(0, new BigDecimal("0.04").compareTo(dividends.stream()
                .filter(d -> d.exDate().equals(LocalDate.of(2024, 3, 5))).findFirst().orElseThrow().dividendAmount()));
        assertTrue(found.stream().allMatch(a -> a.source().equals("thetadata") && a.learntAt().equals(NOW)));
    }

    @Test
    void aReverseAndAnOddSplitKeepTheirShareCounts() throws Exception {
        terminal.split("ODD", LocalDate.of(2024, 2, 1), 10, 1).split("ODD", LocalDate.of(2024, 5, 1), 1000, 1046);
        List<CorporateAction> found = new ThetaV2Actions(terminal.root()).actions("ODD", LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 6, 28), NOW);
        assertEquals(List.of("1:10", "1046:1000"), found.stream().map(CorporateAction::value).toList());
    }

    @Test
    void nothingInTheRangeIsAnEmptyAnswer() throws Exception {
        assertEquals(List.of(), new ThetaV2Actions(terminal.root()).actions("NONE", LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 2, 1), NOW));
    }

    @Test
    void aTierTooLowIsFatalWithAPlainMessage() {
        terminal.forceStatus(471);
        SourceException e = assertThrows(SourceException.class, () -> new ThetaV2Actions(terminal.root())
                .actions("AAPL", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1), NOW));
        assertEquals(SourceException.Kind.FATAL, e.kind());
        assertTrue(e.getMessage().contains("STANDARD"), e.getMessage());
    }

    @Test
    void aClosedPortIsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SourceException e = assertThrows(SourceException.class, () -> new ThetaV2Actions(
                URI.create("http://127.0.0.1:" + port)).actions("AAPL", LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 2, 1), NOW));
        assertEquals(SourceException.Kind.UNAVAILABLE, e.kind());
    }
}
