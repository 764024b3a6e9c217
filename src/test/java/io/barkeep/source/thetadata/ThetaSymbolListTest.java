package io.barkeep.source.thetadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.source.SourceException;
import io.barkeep.source.SymbolCheck;
import io.barkeep.source.SymbolCheck.Verdict;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real source asks the terminal's symbol list before a symbol is added: known, unknown, and no list to ask. */
class ThetaSymbolListTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);
    /** 2024-03-11 15:00 New York (UTC-4): a Monday. */
    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-11T19:00:00Z"));
    private FakeThetaTerminal terminal;

    @AfterEach
    void stop() {
        if (terminal != null) {
            terminal.close();
        }
    }

    private ThetaV3Source source(URI root, Duration deadline) {
        return new ThetaV3Source(root, 2, deadline, ThetaFormat.CSV, clock);
    }

    @Test
    void aListedSymbolIsKnownAndAnUnlistedOneIsNotWithOneRequestForTheDay() {
        terminal = FakeThetaTerminal.start().symbolList(List.of("AAPL", "BRK.B", "msft", "ABCDEFG", "SPY"));
        ThetaV3Source source = source(terminal.root(), GENEROUS);

        assertEquals(SymbolCheck.of(true), source.checkSymbol("AAPL"));
        assertEquals(SymbolCheck.of(true), source.checkSymbol("BRK.B"));
        assertEquals(SymbolCheck.of(true), source.checkSymbol("MSFT"), "the vendor's case does not matter");
        assertEquals(SymbolCheck.of(false), source.checkSymbol("TABLE"));
        assertEquals(SymbolCheck.of(false), source.checkSymbol("BRK-B"), "the separator is the vendor's");
        assertEquals(Optional.of(false), source.hasSymbol("DROP"));
        assertEquals(1, terminal.requests(FakeThetaTerminal.SYMBOLS), "the list is asked once for the day");
        assertEquals(List.of(FakeThetaTerminal.SYMBOLS + "?format=csv"), terminal.requestLog());
    }

    @Test
    void theNextNewYorkDayAsksTheListAgain() {
        terminal = FakeThetaTerminal.start().symbolList(List.of("AAPL"));
        ThetaV3Source source = source(terminal.root(), GENEROUS);
        assertEquals(SymbolCheck.of(false), source.checkSymbol("IPO"));

        terminal.symbolList(List.of("AAPL", "IPO"));
        clock.advance(Duration.ofHours(8)); // 23:00 New York: still the same day there
        assertEquals(SymbolCheck.of(false), source.checkSymbol("IPO"));
        clock.advance(Duration.ofHours(2)); // 01:00 New York: the vendor updated its list overnight
        assertEquals(SymbolCheck.of(true), source.checkSymbol("IPO"));
        assertEquals(2, terminal.requests(FakeThetaTerminal.SYMBOLS));
    }

    @Test
    void anErrorAnswerLeavesTheSymbolUncheckedWithOneLineAndIsNotAskedAgainForAWhile() {
        terminal = FakeThetaTerminal.start().symbolListStatus(404);
        ThetaV3Source source = source(terminal.root(), GENEROUS);

        SymbolCheck check = source.checkSymbol("AAPL");
        assertEquals(Verdict.UNCHECKED, check.verdict());
        String warning = check.warning().orElseThrow();
        assertTrue(warning.startsWith("could not get ThetaData's symbol list: ThetaData answered 404"), warning);
        assertTrue(warning.lines().count() == 1, warning);
        assertEquals(check, source.checkSymbol("TABLE"), "the failure is remembered");
        assertEquals(1, terminal.requests(FakeThetaTerminal.SYMBOLS));

        terminal.symbolListStatus(200);
        clock.advance(ThetaSymbolList.RETRY_AFTER.plusSeconds(1));
        assertEquals(SymbolCheck.of(false), source.checkSymbol("TABLE"), "asked again after a while");
        assertEquals(2, terminal.requests(FakeThetaTerminal.SYMBOLS));
    }

    @Test
    void noTerminalListeningLeavesTheSymbolUncheckedAndSaysSo() throws IOException {
        URI closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
        SymbolCheck check = source(closed, GENEROUS).checkSymbol("AAPL");
        assertEquals(Verdict.UNCHECKED, check.verdict());
        assertTrue(check.warning().orElseThrow().contains("no Theta Terminal at " + closed), check.toString());
    }

    @Test
    void aTerminalThatNeverAnswersCostsOneRequestDeadline() throws Exception {
        try (StallingTerminal silent = StallingTerminal.start(StallingTerminal.Mode.SILENT)) {
            ThetaV3Source source = source(silent.root(), Duration.ofMillis(300));
            SymbolCheck check = source.checkSymbol("AAPL");
            assertEquals(Verdict.UNCHECKED, check.verdict());
            assertTrue(check.warning().orElseThrow().contains("did not answer the symbol list within 300 ms"),
                    check.toString());
            assertEquals(check, source.checkSymbol("MSFT"));
            assertEquals(1, silent.historyRequests(), "the second symbol does not wait again");
        }
    }

    @Test
    void aHugeAnswerIsCutAtItsCapAndNotKept() throws Exception {
        try (StallingTerminal huge = StallingTerminal.start(StallingTerminal.Mode.HUGE_BODY)) {
            SymbolCheck check = source(huge.root(), GENEROUS).checkSymbol("AAPL");
            assertEquals(Verdict.UNCHECKED, check.verdict());
            assertTrue(check.warning().orElseThrow().contains("too large"), check.toString());
            assertTrue(huge.bodyBytesSent() < 1L << 30, "the rest was never read");
        }
    }

    @Test
    void anAnswerThatIsNoSymbolListIsRefused() {
        assertEquals("the terminal's answer is not a symbol list (it has no 'symbol' or 'root' column)",
                assertThrowsSource(() -> ThetaSymbolList.parse("ticker\r\nAAPL\r\n")));
        assertEquals("the terminal's answer is not a symbol list (it lists no symbol)",
                assertThrowsSource(() -> ThetaSymbolList.parse("symbol\r\n\r\n")));
        assertEquals("the terminal's answer is not a symbol list (it has no 'symbol' or 'root' column)",
                assertThrowsSource(() -> ThetaSymbolList.parse("")));
    }

    private static String assertThrowsSource(org.junit.jupiter.api.function.Executable parse) {
        return org.junit.jupiter.api.Assertions.assertThrows(SourceException.class, parse).getMessage();
    }

    /** A clock a test moves forward. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            MutableClock outer = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId z) {
                    return outer.withZone(z);
                }

                @Override
                public Instant instant() {
                    return outer.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
