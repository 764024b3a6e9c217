package io.barkeep.source.thetadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceException;
import io.barkeep.source.SourceException.Kind;
import io.barkeep.source.thetadata.FakeV2Terminal.NullStyle;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

// the timeout is a safety net against a hung build, not an assertion about speed
@Timeout(60)
class ThetaV2SourceTest {
    private static final LocalDate TUE = LocalDate.of(2024, 1, 2);
    private static final LocalDate WED = LocalDate.of(2024, 1, 3);
    private static final Instant TUE_OPEN = Instant.parse("2024-01-02T14:30:00Z");

    private FakeV2Terminal terminal;

    @BeforeEach
    void start() throws Exception {
        terminal = new FakeV2Terminal();
    }

    @AfterEach
    void stop() {
        terminal.close();
    }

    private ThetaV2Source source(ThetaV2Source.Format format) {
        return new ThetaV2Source(terminal.root(), 2, format, Duration.ofSeconds(20));
    }

    private static void assertTwoRegularDays(SourceAnswer answer) {
        assertEquals(156, answer.bars().size(), "78 bars a day; the 16:00 rows are dropped");
        assertTrue(answer.empties().isEmpty(), "the 16:00 no-trade rows are not empty bars of the session");
        assertTrue(answer.unreadable().isEmpty());
        assertFalse(answer.noData());
        for (int i = 1; i < answer.bars().size(); i++) {
            assertTrue(answer.bars().get(i - 1).start().isBefore(answer.bars().get(i).start()),
                    "bars in the order of the pages: " + i);
        }
        assertEquals(TUE_OPEN, answer.bars().get(0).start());
        assertEquals(Instant.parse("2024-01-03T20:55:00Z"), answer.bars().get(155).start());
    }

    @Test
    void aSymbolIsLookedUpInTheV2ListOfStockRootsAskedOnce() {
        terminal.regularDay("AAPL", TUE);
        ThetaV2Source source = source(ThetaV2Source.Format.JSON);

        assertEquals(io.barkeep.source.SymbolCheck.Verdict.KNOWN, source.checkSymbol("aapl").verdict());
        assertEquals(io.barkeep.source.SymbolCheck.Verdict.KNOWN, source.checkSymbol("BRK.B").verdict());
        assertEquals(io.barkeep.source.SymbolCheck.Verdict.UNKNOWN, source.checkSymbol("DROP").verdict());
        assertEquals(List.of("/v2/list/roots/stock?use_csv=true"), terminal.requests(), "one list for the day");
    }

    @Test
    void aV3TerminalCannotListRootsAndTheCheckSaysSoInOneLine() {
        terminal.actAsV3();
        io.barkeep.source.SymbolCheck check = source(ThetaV2Source.Format.JSON).checkSymbol("AAPL");
        assertEquals(io.barkeep.source.SymbolCheck.Verdict.UNCHECKED, check.verdict());
        String warning = check.warning().orElseThrow();
        assertTrue(warning.contains("use --source thetadata"), warning);
        assertFalse(warning.contains("\n"), warning);
    }

    @Test
    void jsonPagesAreFollowedAtOnceAndJoinedInOrder() throws Exception {
        terminal.regularDay("AAPL", TUE).regularDay("AAPL", WED).pageSize(25);

        SourceAnswer answer = source(ThetaV2Source.Format.JSON).fetch("AAPL", TUE, WED);

        assertTwoRegularDays(answer);
        List<String> asked = terminal.requests();
        assertEquals(7, asked.size(), "158 rows in pages of 25: " + asked);
        assertTrue(asked.get(0).startsWith("/v2/hist/stock/ohlc?root=AAPL&start_date=20240102&end_date=20240103"
                + "&ivl=300000&rth=true"), asked.get(0));
        assertTrue(asked.subList(1, 7).stream().allMatch(r -> r.startsWith("/v2/page/")), asked.toString());
    }

    @Test
    void csvPagesAreFollowedThroughTheNextPageHeader() throws Exception {
        terminal.regularDay("AAPL", TUE).regularDay("AAPL", WED).pageSize(40);

        SourceAnswer answer = source(ThetaV2Source.Format.CSV).fetch("AAPL", TUE, WED);

        assertTwoRegularDays(answer);
        assertEquals(4, terminal.requests().size());
        assertTrue(terminal.requests().get(0).contains("&use_csv=true"));
    }

    @ParameterizedTest
    @EnumSource(NullStyle.class)
    void jsonNullTheStringNullAndEmptyAllMeanNoErrorAndNoNextPage(NullStyle style) throws Exception {
        terminal.regularDay("MSFT", TUE).regularDay("MSFT", WED).pageSize(50).nulls(style);

        assertTwoRegularDays(source(ThetaV2Source.Format.JSON).fetch("MSFT", TUE, WED));
        assertEquals(4, terminal.requests().size());
    }

    @ParameterizedTest
    @EnumSource(NullStyle.class)
    void csvNextPageHeaderOfNullOrEmptyEndsTheAnswer(NullStyle style) throws Exception {
        terminal.regularDay("MSFT", TUE).nulls(style);

        SourceAnswer answer = source(ThetaV2Source.Format.CSV).fetch("MSFT", TUE, TUE);

        assertEquals(78, answer.bars().size());
        assertEquals(1, terminal.requests().size());
    }

    @Test
    void anExpiredPageRestartsTheRequestFromTheFirstPageOnce() throws Exception {
        terminal.regularDay("AAPL", TUE).regularDay("AAPL", WED).pageSize(60).expireNextPage(1);

        SourceAnswer answer = source(ThetaV2Source.Format.JSON).fetch("AAPL", TUE, WED);

        assertTwoRegularDays(answer);
        List<String> asked = terminal.requests();
        assertEquals(2, asked.stream().filter(r -> r.startsWith("/v2/hist/")).count(),
                "the first page asked again after the 477: " + asked);
        // first page, expired page 2, then first page, 2 and 3 again
        assertEquals(5, asked.size(), asked.toString());
    }

    @Test
    void aPageThatExpiresAgainAfterTheRestartIsRetryable() {
        terminal.regularDay("AAPL", TUE).pageSize(30).expireNextPage(2);

        SourceException e = assertThrows(SourceException.class,
                () -> source(ThetaV2Source.Format.JSON).fetch("AAPL", TUE, TUE));

        assertEquals(Kind.RETRYABLE, e.kind());
        assertEquals(477, e.status());
        assertEquals(2, terminal.requests().stream().filter(r -> r.startsWith("/v2/hist/")).count());
    }

    @Test
    void aRangeWithoutDataIsAnEmptyAnswerNotAnError() throws Exception {
        terminal.regularDay("AAPL", TUE);

        SourceAnswer answer = source(ThetaV2Source.Format.JSON).fetch("AAPL", WED, WED);

        assertTrue(answer.noData());
        assertTrue(answer.bars().isEmpty());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "429, RETRYABLE", "470, RETRYABLE", "474, RETRYABLE", "571, RETRYABLE", "572, RETRYABLE",
        "500, RETRYABLE", "503, RETRYABLE", "570, TOO_LARGE", "471, FATAL", "476, FATAL", "478, FATAL",
        "473, REQUEST_FAILED", "475, REQUEST_FAILED", "404, REQUEST_FAILED", "400, REQUEST_FAILED"
    })
    void errorStatusesMapToWhatTheCallerDoesNext(int status, Kind kind) {
        terminal.regularDay("AAPL", TUE).inject(status);

        SourceException e = assertThrows(SourceException.class,
                () -> source(ThetaV2Source.Format.JSON).fetch("AAPL", TUE, TUE));

        assertEquals(kind, e.kind());
        assertEquals(status, e.status());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void aCutJsonAnswerIsRetryable() {
        terminal.regularDay("AAPL", TUE).cutNextAnswer();

        SourceException e = assertThrows(SourceException.class,
                () -> source(ThetaV2Source.Format.JSON).fetch("AAPL", TUE, TUE));

        assertEquals(Kind.RETRYABLE, e.kind());
        assertTrue(e.getMessage().contains("not whole JSON"), e.getMessage());
    }

    @Test
    void anErrorTypeOfNoDataInAnOkAnswerIsAnEmptyAnswer() throws Exception {
        terminal.regularDay("AAPL", TUE).errorTypeNext("NO_DATA");

        assertTrue(source(ThetaV2Source.Format.JSON).fetch("AAPL", TUE, TUE).noData());
    }

    @Test
    void anErrorTypeInAnOkAnswerMapsLikeItsStatus() {
        terminal.regularDay("AAPL", TUE).errorTypeNext("PERMISSION");

        SourceException e = assertThrows(SourceException.class,
                () -> source(ThetaV2Source.Format.JSON).fetch("AAPL", TUE, TUE));

        assertEquals(Kind.FATAL, e.kind());
        assertEquals(471, e.status());
    }

    @Test
    void aTooLowSubscriptionIsFatalAndSaysSoPlainly() {
        terminal.inject(471);

        SourceException e = assertThrows(SourceException.class,
                () -> source(ThetaV2Source.Format.JSON).fetch("AAPL", TUE, TUE));

        assertEquals(Kind.FATAL, e.kind());
        assertTrue(e.getMessage().contains("subscription"), e.getMessage());
    }

    @Test
    void aRetryableErrorOnOneRequestLeavesTheNextOneWhole() throws Exception {
        terminal.regularDay("AAPL", TUE).inject(429);
        ThetaV2Source source = source(ThetaV2Source.Format.JSON);

        assertEquals(Kind.RETRYABLE, assertThrows(SourceException.class, () -> source.fetch("AAPL", TUE, TUE))
                .kind());
        assertEquals(78, source.fetch("AAPL", TUE, TUE).bars().size());
    }

    @Test
    void aV3TerminalAnswering410IsAFailedRequestThatNamesTheThetadataSource() {
        terminal.actAsV3();
        ThetaV2Source source = source(ThetaV2Source.Format.JSON);

        SourceException fetch = assertThrows(SourceException.class, () -> source.fetch("AAPL", TUE, TUE));
        SourceException ready = assertThrows(SourceException.class, source::checkReady);

        assertEquals(Kind.REQUEST_FAILED, fetch.kind());
        assertTrue(fetch.getMessage().contains("--source thetadata"), fetch.getMessage());
        assertEquals(Kind.UNAVAILABLE, ready.kind());
        assertTrue(ready.getMessage().contains("--source thetadata"), ready.getMessage());
    }

    @Test
    void aConnectedTerminalIsReady() throws Exception {
        source(ThetaV2Source.Format.JSON).checkReady();
        assertEquals(List.of("/v2/system/mdds/status"), terminal.requests());
    }

    @Test
    void aTerminalDisconnectedUpstreamIsUnavailable() {
        terminal.mddsStatus("DISCONNECTED");

        SourceException e = assertThrows(SourceException.class, source(ThetaV2Source.Format.JSON)::checkReady);

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("DISCONNECTED"), e.getMessage());
    }

    @Test
    void noTerminalRunningIsUnavailable() {
        URI gone = terminal.root();
        terminal.close();
        ThetaV2Source source = new ThetaV2Source(gone, 2);

        assertEquals(Kind.UNAVAILABLE, assertThrows(SourceException.class, source::checkReady).kind());
        assertEquals(Kind.UNAVAILABLE, assertThrows(SourceException.class, () -> source.fetch("AAPL", TUE, TUE))
                .kind());
    }

    @Test
    void pricesAreRoundedHalfEvenAndCountedAndNoTradeRowsAreEmptyBars() throws Exception {
        terminal.row("AAPL", TUE, LocalTime.of(9, 30), "187.1500", "188.050", "186.35", "187.12345", 3256708, 37886)
                .row("AAPL", TUE, LocalTime.of(9, 35), "187.83", "188.12", "187.63", "187.76551", 809707, 7481)
                .row("AAPL", TUE, LocalTime.of(9, 40), "0", "0", "0", "0", 0, 0)
                .row("AAPL", TUE, LocalTime.of(16, 0), "187.9", "187.9", "187.9", "187.9", 100, 1);

        SourceAnswer answer = source(ThetaV2Source.Format.JSON).fetch("AAPL", TUE, TUE);

        assertEquals(2, answer.bars().size(), "the 16:00 bar is dropped even with trades");
        Bar first = answer.bars().get(0);
        assertEquals(new Bar(TUE_OPEN, 1_871_500, 1_880_500, 1_863_500, 1_871_234, 3_256_708, 37_886, Bar.UNKNOWN),
                first);
        assertEquals(1_877_655, answer.bars().get(1).close(), "187.76551 rounds up");
        assertEquals(2, answer.roundedPrices());
        assertEquals(List.of(new EmptyBar(Instant.parse("2024-01-02T14:40:00Z"), Bar.UNKNOWN)), answer.empties());
    }

    @Test
    void msOfDayIsNewYorkWallClockInSummerToo() throws Exception {
        LocalDate july = LocalDate.of(2024, 7, 1);
        terminal.row("AAPL", july, LocalTime.of(9, 30), "1", "1", "1", "1", 1, 1);

        SourceAnswer answer = source(ThetaV2Source.Format.JSON).fetch("AAPL", july, july);

        assertEquals(Instant.parse("2024-07-01T13:30:00Z"), answer.bars().get(0).start());
    }

    @Test
    void anUnreadableRowIsKeptWithItsReasonAndTheOthersStillCount() throws Exception {
        terminal.row("AAPL", TUE, LocalTime.of(9, 30), "1", "1", "1", "1", 1, 1)
                .row("AAPL", TUE, LocalTime.of(9, 35), "1", "1", "1", "\"abc\"", 1, 1);

        SourceAnswer answer = source(ThetaV2Source.Format.JSON).fetch("AAPL", TUE, TUE);

        assertEquals(1, answer.bars().size());
        assertEquals(1, answer.unreadable().size());
        assertEquals("bad close 'abc'", answer.unreadable().get(0).reason());
    }

    @ParameterizedTest(name = "limit {0}")
    @CsvSource({"1", "2", "3"})
    void neverMoreRequestsInFlightThanTheLimit(int limit) throws Exception {
        int fetches = 6;
        for (int i = 0; i < fetches; i++) {
            terminal.regularDay(symbol(i), TUE);
        }
        terminal.pageSize(30).closeGate();
        ThetaV2Source source = new ThetaV2Source(terminal.root(), limit);
        List<FutureTask<SourceAnswer>> answers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < fetches; i++) {
            String symbol = symbol(i);
            FutureTask<SourceAnswer> answer = new FutureTask<>(() -> source.fetch(symbol, TUE, TUE));
            answers.add(answer);
            threads.add(new Thread(answer, "fetch-" + symbol));
        }
        threads.forEach(Thread::start);
        try {
            // The terminal holds what arrives. A client within its limit ends with `limit` requests held and the
            // other threads waiting for a permit; one that is not sends more, which the terminal then holds too.
            while (terminal.inFlight() <= limit && !(terminal.inFlight() == limit
                    && waitingForAPermit(threads) == fetches - limit)) {
                Thread.onSpinWait();
            }
            assertEquals(limit, terminal.inFlight(), "requests in flight while the others wait");
        } finally {
            terminal.openGate();
        }
        for (FutureTask<SourceAnswer> answer : answers) {
            assertEquals(78, answer.get().bars().size());
        }
        assertEquals(limit, terminal.maxInFlight(), "never more than the limit, pages included");
    }

    private static String symbol(int i) {
        return "S" + (char) ('A' + i);
    }

    private static long waitingForAPermit(List<Thread> threads) {
        return threads.stream().filter(t -> Arrays.stream(t.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(Semaphore.class.getName()))).count();
    }
}
