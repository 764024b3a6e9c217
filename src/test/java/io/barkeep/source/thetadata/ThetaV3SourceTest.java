package io.barkeep.source.thetadata;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Prices;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceException;
import io.barkeep.source.SourceException.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThetaV3SourceTest {
    private static final LocalDate TUESDAY = LocalDate.of(2024, 1, 2);
    private static final LocalDate FRIDAY = LocalDate.of(2024, 1, 5);
    private static final LocalDate SATURDAY = LocalDate.of(2024, 1, 6);
    private static final LocalDate HOLIDAY = LocalDate.of(2024, 1, 15);
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private final FakeThetaTerminal terminal = FakeThetaTerminal.start(
            FakeMarket.weekdays(Set.of(HOLIDAY), Set.of()));

    @AfterEach
    void stopTerminal() {
        terminal.close();
    }

    private ThetaV3Source source(ThetaFormat format) {
        return new ThetaV3Source(terminal.root(), 2, GENEROUS, format);
    }

    @ParameterizedTest
    @EnumSource(ThetaFormat.class)
    void fetchesOneDayAsTheTerminalHoldsItWithoutTheBarAtTheClose(ThetaFormat format) throws Exception {
        SourceAnswer answer = source(format).fetch("AAPL", TUESDAY, TUESDAY);

        List<FakeRow> session = terminal.market().sessionRows("AAPL", TUESDAY);
        assertEquals(78, session.size());
        assertEquals(session.stream().filter(FakeRow::traded).map(FakeRow::toBar).toList(), answer.bars());
        assertEquals(session.stream().filter(r -> !r.traded()).map(FakeRow::toEmptyBar).toList(), answer.empties());
        assertEquals(roundings(session), answer.roundedPrices());
        assertTrue(answer.unreadable().isEmpty());
        assertFalse(answer.noData());
        assertEquals(List.of(FakeThetaTerminal.HISTORY + "?symbol=AAPL&date=20240102&interval=5m&format="
                + format.queryValue()), terminal.requestLog());
    }

    @Test
    void readsColumnarJsonFromAnAccountThatGetsIt() throws Exception {
        terminal.jsonShape(FakeThetaTerminal.JsonShape.COLUMNS);

        SourceAnswer columns = source(ThetaFormat.JSON).fetch("MSFT", TUESDAY, FRIDAY);

        assertEquals(source(ThetaFormat.CSV).fetch("MSFT", TUESDAY, FRIDAY), columns);
        assertEquals(4 * 78, intervals(columns));
    }

    @Test
    void asksForARangeWithStartAndEndDate() throws Exception {
        SourceAnswer answer = source(ThetaFormat.CSV).fetch("BRK.B", TUESDAY, SATURDAY);

        assertEquals(4 * 78, intervals(answer));
        assertEquals(List.of(FakeThetaTerminal.HISTORY
                        + "?symbol=BRK.B&start_date=20240102&end_date=20240106&interval=5m&format=csv"),
                terminal.requestLog());
    }

    @Test
    void noDataFromTheTerminalIsAnEmptyAnswer() throws Exception {
        assertEquals(SourceAnswer.empty(), source(ThetaFormat.CSV).fetch("AAPL", SATURDAY, SATURDAY.plusDays(1)));
        assertEquals(SourceAnswer.empty(), source(ThetaFormat.CSV).fetch("AAPL", HOLIDAY, HOLIDAY));
    }

    @Test
    void aRangeTheTerminalFindsTooLargeAsksForLess() {
        SourceException e = assertThrows(SourceException.class,
                () -> source(ThetaFormat.CSV).fetch("AAPL", TUESDAY, TUESDAY.plusMonths(2)));

        assertEquals(Kind.TOO_LARGE, e.kind());
        assertEquals(570, e.status());
    }

    static Stream<Arguments> statusKinds() {
        return Stream.of(
                Arguments.of(429, Kind.RETRYABLE), Arguments.of(470, Kind.RETRYABLE),
                Arguments.of(474, Kind.RETRYABLE), Arguments.of(571, Kind.RETRYABLE),
                Arguments.of(572, Kind.RETRYABLE), Arguments.of(500, Kind.RETRYABLE),
                Arguments.of(503, Kind.RETRYABLE), Arguments.of(570, Kind.TOO_LARGE),
                Arguments.of(471, Kind.FATAL), Arguments.of(476, Kind.FATAL), Arguments.of(478, Kind.FATAL),
                Arguments.of(404, Kind.REQUEST_FAILED), Arguments.of(410, Kind.REQUEST_FAILED),
                Arguments.of(473, Kind.REQUEST_FAILED), Arguments.of(475, Kind.REQUEST_FAILED),
                Arguments.of(477, Kind.REQUEST_FAILED), Arguments.of(400, Kind.REQUEST_FAILED));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statusKinds")
    void eachTerminalStatusMeansWhatTheVendorSays(int status, Kind kind) {
        terminal.failNext(1, status, "the terminal's own words");

        SourceException e = assertThrows(SourceException.class,
                () -> source(ThetaFormat.CSV).fetch("AAPL", TUESDAY, TUESDAY));

        assertEquals(kind, e.kind());
        assertEquals(status, e.status());
        assertTrue(e.getMessage().contains("the terminal's own words"), e.getMessage());
    }

    @Test
    void aRequestThatFailsSaysWhatWasAskedAndWhatTheTerminalSaid() {
        terminal.failNext(1, 473, "INVALID_PARAMS: unknown symbol ZZZZ");

        SourceException e = assertThrows(SourceException.class,
                () -> source(ThetaFormat.CSV).fetch("ZZZZ", TUESDAY, FRIDAY));

        assertEquals("ThetaData answered 473 INVALID_PARAMS (bad parameters or symbol) for ZZZZ 2024-01-02..2024-01-05"
                + ": INVALID_PARAMS: unknown symbol ZZZZ", e.getMessage());
    }

    @Test
    void aSubscriptionTooLowIsToldPlainly() {
        terminal.failNext(1, 471, "");

        SourceException e = assertThrows(SourceException.class,
                () -> source(ThetaFormat.CSV).fetch("AAPL", TUESDAY, TUESDAY));

        assertEquals("ThetaData says your subscription does not include this data (471 PERMISSION): 5-minute "
                + "stock history needs the VALUE tier or higher", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(FakeThetaTerminal.Cut.class)
    void aBodyCutMidWayIsRetryableAndTheNextAskGetsItWhole(FakeThetaTerminal.Cut how) throws Exception {
        ThetaV3Source source = source(ThetaFormat.CSV);
        terminal.cutNext(1, how);

        SourceException e = assertThrows(SourceException.class, () -> source.fetch("AAPL", TUESDAY, FRIDAY));

        assertEquals(Kind.RETRYABLE, e.kind(), e.getMessage());
        assertEquals(4 * 78, intervals(source.fetch("AAPL", TUESDAY, FRIDAY)));
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsRetryable() {
        terminal.delay(Duration.ofMinutes(5));
        ThetaV3Source source = new ThetaV3Source(terminal.root(), 2, Duration.ofMillis(300));

        SourceException e = assertThrows(SourceException.class, () -> source.fetch("AAPL", TUESDAY, TUESDAY));

        assertEquals(Kind.RETRYABLE, e.kind());
        assertTrue(e.getMessage().contains("did not answer AAPL 2024-01-02 within 300 ms"), e.getMessage());
    }

    @Test
    void noTerminalListeningIsUnavailableWithAPlainMessage() throws Exception {
        URI closedPort = closedPort();
        ThetaV3Source source = new ThetaV3Source(closedPort, 2, GENEROUS);

        SourceException e = assertThrows(SourceException.class, () -> source.fetch("AAPL", TUESDAY, TUESDAY));

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals("no Theta Terminal at " + closedPort + " — start it, or use --source demo", e.getMessage());
        SourceException check = assertThrows(SourceException.class, source::checkReady);
        assertEquals(e.getMessage(), check.getMessage());
        assertEquals(Kind.UNAVAILABLE, check.kind());
    }

    @Test
    void aConnectedTerminalIsReady() {
        ThetaV3Source source = source(ThetaFormat.CSV);

        assertDoesNotThrow(source::checkReady);
        assertEquals(1, terminal.requests(FakeThetaTerminal.STATUS));
    }

    @Test
    void aTerminalDisconnectedFromThetaDataIsUnavailable() {
        terminal.connected(false);

        SourceException e = assertThrows(SourceException.class, source(ThetaFormat.CSV)::checkReady);

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals("Theta Terminal is running but not connected to ThetaData (mdds DISCONNECTED)",
                e.getMessage());
    }

    @Test
    void aStatusCheckWithoutAnswerIsUnavailable() {
        terminal.delay(Duration.ofMinutes(5));
        ThetaV3Source source = new ThetaV3Source(terminal.root(), 1, Duration.ofMillis(300));

        SourceException e = assertThrows(SourceException.class, source::checkReady);

        assertEquals(Kind.UNAVAILABLE, e.kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/v3", "/v3/"})
    void aRootUrlWithATrailingSlashOrV3StillReachesTheTerminal(String suffix) throws Exception {
        ThetaV3Source source = new ThetaV3Source(URI.create(terminal.root() + suffix), 2, GENEROUS);

        assertEquals(78, intervals(source.fetch("AAPL", TUESDAY, TUESDAY)));
        assertTrue(terminal.requestLog().get(0).startsWith(FakeThetaTerminal.HISTORY + "?"));
    }

    @Test
    @Timeout(60)
    void neverHasMoreRequestsInFlightThanTheLimitWhateverTheThreads() throws Exception {
        terminal.holdUntilInFlight(2).delay(Duration.ofMillis(50));
        ThetaV3Source source = source(ThetaFormat.CSV);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<SourceAnswer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                LocalDate day = TUESDAY.plusDays(i % 4);
                answers.add(pool.submit(() -> {
                    go.await();
                    return source.fetch("SYM" + day.getDayOfMonth(), day, day);
                }));
            }
            go.countDown();
            for (Future<SourceAnswer> answer : answers) {
                assertEquals(78, intervals(answer.get()));
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(threads, terminal.requests(FakeThetaTerminal.HISTORY));
        assertEquals(2, terminal.maxInFlight(), "reached the limit of 2 and never passed it");
    }

    /** How many prices of the rows a client keeps have more than four decimals. */
    private static int roundings(List<FakeRow> rows) {
        int n = 0;
        for (FakeRow row : rows) {
            List<String> kept = row.traded() ? List.of(row.open(), row.high(), row.low(), row.close(), row.vwap())
                    : List.of(row.vwap());
            n += (int) kept.stream().filter(price -> Prices.parse(price).rounded()).count();
        }
        return n;
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    /** Bars plus vendor-confirmed empty intervals: every 5-minute interval the answer speaks for. */
    private static int intervals(SourceAnswer answer) {
        return answer.bars().size() + answer.empties().size();
    }
}
