package io.barkeep.source.thetadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.source.RequestStats;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceException;
import io.barkeep.source.SourceException.Kind;
import io.barkeep.source.VendorErrorCode;
import io.barkeep.source.thetadata.FakeMcpTerminal.Row;
import io.barkeep.source.thetadata.FakeMcpTerminal.Shape;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

// the timeout is a safety net against a hung build, not an assertion about speed
@Timeout(60)
class ThetaMcpSourceTest {
    private static final LocalDate TUE = LocalDate.of(2024, 1, 2);
    private static final LocalDate WED = LocalDate.of(2024, 1, 3);
    private static final LocalDate THU = LocalDate.of(2024, 1, 4);

    private FakeMcpTerminal terminal;
    private ThetaMcpSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        if (terminal != null) {
            terminal.close();
        }
    }

    private ThetaMcpSource source(int limit) {
        source = new ThetaMcpSource(terminal.root(), limit, Duration.ofSeconds(20));
        return source;
    }

    @Test
    void findsTheHistoryToolByListingToolsAndNamesTheArgumentsAfterItsSchema() throws Exception {
        terminal = FakeMcpTerminal.standard().regularDay("AAPL", TUE);

        SourceAnswer answer = source(2).fetch("aapl", TUE, TUE);

        assertEquals(78, answer.bars().size());
        List<McpSchema.CallToolRequest> calls = terminal.calls();
        assertEquals(1, calls.size());
        assertEquals("stock_history_ohlc", calls.get(0).name());
        assertEquals(Map.of("symbol", "AAPL", "date", "20240102", "interval", "5m", "format", "json"),
                calls.get(0).arguments());
    }

    @Test
    void anotherHistoryOhlcToolIsUsedWithTheArgumentsItsSchemaDeclares() throws Exception {
        terminal = FakeMcpTerminal.withTool("hist_stock_history_ohlc").regularDay("MSFT", WED);

        SourceAnswer answer = source(2).fetch("MSFT", WED, WED);

        assertEquals(78, answer.bars().size());
        McpSchema.CallToolRequest call = terminal.calls().get(0);
        assertEquals("hist_stock_history_ohlc", call.name(), "not the option tool listed before it");
        assertEquals(Map.of("root", "MSFT", "start_date", 20240103, "end_date", 20240103, "ivl", 300000),
                call.arguments());
    }

    @Test
    void aThreeDayFetchAsksOneDayAtATimeAndJoinsTheDaysInOrder() throws Exception {
        terminal = FakeMcpTerminal.standard().regularDay("AAPL", TUE).regularDay("AAPL", WED)
                .regularDay("AAPL", THU);

        SourceAnswer answer = source(2).fetch("AAPL", TUE, THU);

        assertEquals(List.of("20240102", "20240103", "20240104"),
                terminal.calls().stream().map(c -> c.arguments().get("date")).toList());
        assertEquals(234, answer.bars().size(), "78 a day; the 16:00 rows dropped");
        assertTrue(answer.empties().isEmpty());
        assertFalse(answer.noData());
        for (int i = 1; i < answer.bars().size(); i++) {
            assertTrue(answer.bars().get(i - 1).start().isBefore(answer.bars().get(i).start()), "in order: " + i);
        }
        assertEquals(Instant.parse("2024-01-02T14:30:00Z"), answer.bars().get(0).start());
        assertEquals(Instant.parse("2024-01-04T20:55:00Z"), answer.bars().get(233).start());
        assertEquals(new Bar(Instant.parse("2024-01-02T14:30:00Z"), 500_000, 500_000, 500_000, 500_000, 100, 5,
                505_000), answer.bars().get(0));
    }

    @Test
    void weekendDaysAreNotAsked() throws Exception {
        LocalDate friday = LocalDate.of(2024, 1, 5);
        LocalDate monday = LocalDate.of(2024, 1, 8);
        terminal = FakeMcpTerminal.standard().regularDay("AAPL", friday).regularDay("AAPL", monday);

        SourceAnswer answer = source(2).fetch("AAPL", friday, monday);

        assertEquals(156, answer.bars().size());
        assertEquals(2, terminal.calls().size());
    }

    @Test
    void aDayWithoutDataAmongOthersLeavesTheOthers() throws Exception {
        terminal = FakeMcpTerminal.standard().regularDay("AAPL", TUE).regularDay("AAPL", THU);

        SourceAnswer answer = source(2).fetch("AAPL", TUE, THU);

        assertEquals(156, answer.bars().size());
        assertFalse(answer.noData());
    }

    @Test
    void noDataOnEveryDayIsAnEmptyAnswer() throws Exception {
        terminal = FakeMcpTerminal.standard();

        SourceAnswer answer = source(2).fetch("AAPL", TUE, WED);

        assertTrue(answer.noData());
        assertEquals(2, terminal.calls().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Error 471 PERMISSION: your subscription does not include stock history | FATAL",
        "WRONG_IP | FATAL",
        "OS_LIMIT: too many requests | RETRYABLE",
        "HTTP 474: disconnected from the MDDS | RETRYABLE",
        "572 UNCAUGHT_ERROR | RETRYABLE",
        "the request timed out | RETRYABLE",
        "570 LARGE_REQUEST | TOO_LARGE",
        "INVALID_PARAMS: unknown symbol | REQUEST_FAILED",
        "something went wrong in an unexpected way | REQUEST_FAILED"
    })
    void anIsErrorResultIsMappedFromItsText(String text, Kind kind) throws Exception {
        terminal = FakeMcpTerminal.standard().regularDay("AAPL", TUE).regularDay("AAPL", WED).errorOn(WED, text);

        SourceException e = assertThrows(SourceException.class, () -> source(2).fetch("AAPL", TUE, WED));

        assertEquals(kind, e.kind());
        assertTrue(e.getMessage().contains("2024-01-03"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void anIsErrorResultNamingNoDataIsAnEmptyDay() throws Exception {
        terminal = FakeMcpTerminal.standard().regularDay("AAPL", TUE).errorOn(TUE, "NO_DATA");

        assertTrue(source(2).fetch("AAPL", TUE, TUE).noData());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Terminal error 474 DISCONNECTED | RETRYABLE",
        "Unknown tool arguments | REQUEST_FAILED"
    })
    void aJsonRpcErrorIsMappedFromItsMessageAndTheSessionStaysUsable(String message, Kind kind) throws Exception {
        terminal = FakeMcpTerminal.standard().regularDay("AAPL", TUE).rpcErrorOn(WED, message);
        source(1);

        assertEquals(kind, assertThrows(SourceException.class, () -> source.fetch("AAPL", WED, WED)).kind());
        assertEquals(78, source.fetch("AAPL", TUE, TUE).bars().size());
    }

    @Test
    void theHealthFiguresCountAnswersErrorAnswersAndAMissingServer() throws Exception {
        terminal = FakeMcpTerminal.standard().regularDay("AAPL", TUE).errorOn(WED, "429 TOO_MANY_REQUESTS");
        source(2);
        source.fetch("AAPL", TUE, TUE);
        assertThrows(SourceException.class, () -> source.fetch("AAPL", WED, WED));
        RequestStats.Snapshot answering = source.requestStats().snapshot();
        assertEquals(2, answering.limit());
        assertEquals(2, answering.answered(), "a day of bars and an error answer");
        assertEquals(0, answering.inFlight());
        assertTrue(answering.lastSuccess() != null);
        assertEquals(List.of(RequestStats.State.ANSWERING),
                answering.changes().stream().map(RequestStats.Change::state).toList());

        terminal.close();
        terminal = null;
        source.close();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        source = new ThetaMcpSource(URI.create("http://127.0.0.1:" + port), 2, Duration.ofSeconds(20));
        assertThrows(SourceException.class, () -> source.fetch("AAPL", TUE, TUE));
        RequestStats.Snapshot down = source.requestStats().snapshot();
        assertEquals(0, down.answered());
        assertEquals(0, down.inFlight());
        assertEquals(RequestStats.State.NOT_ANSWERING, down.changes().get(0).state());
        assertEquals(VendorErrorCode.NO_TERMINAL, down.changes().get(0).detail());
    }

    @Test
    void aJsonRpcErrorNamingNoDataIsAnEmptyDay() throws Exception {
        terminal = FakeMcpTerminal.standard().rpcErrorOn(TUE, "472 NO_DATA");

        assertTrue(source(2).fetch("AAPL", TUE, TUE).noData());
    }

    @Test
    void aCutJsonTextIsRetryable() throws Exception {
        terminal = FakeMcpTerminal.standard().textOn(TUE,
                "{\"response\":[{\"timestamp\":\"2024-01-02T09:30:00\",\"open\":187.15,\"high\":188.05,\"lo");

        SourceException e = assertThrows(SourceException.class, () -> source(2).fetch("AAPL", TUE, TUE));

        assertEquals(Kind.RETRYABLE, e.kind());
        assertTrue(e.getMessage().contains("cut off"), e.getMessage());
    }

    @Test
    void aPlainTextSayingNoDataIsAnEmptyDay() throws Exception {
        terminal = FakeMcpTerminal.standard().textOn(TUE, "No data for the specified timeframe & contract.");

        assertTrue(source(2).fetch("AAPL", TUE, TUE).noData());
    }

    @Test
    void noHistoricalOhlcToolIsFatalAndNamesTheToolsFound() throws Exception {
        terminal = FakeMcpTerminal.withoutHistory();

        SourceException e = assertThrows(SourceException.class, () -> source(2).fetch("AAPL", TUE, TUE));

        assertEquals(Kind.FATAL, e.kind());
        assertEquals("the Theta Terminal's MCP server offers no historical OHLC tool (found: option_list_expirations,"
                + " stock_snapshot_ohlc, stock_snapshot_quote)", e.getMessage());
    }

    @Test
    void aRunningServerIsReady() throws Exception {
        terminal = FakeMcpTerminal.standard();

        source(2).checkReady();
        source.checkReady();
    }

    @Test
    void noServerIsUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        source = new ThetaMcpSource(URI.create("http://127.0.0.1:" + port), 2, Duration.ofSeconds(20));

        SourceException ready = assertThrows(SourceException.class, source::checkReady);
        SourceException fetch = assertThrows(SourceException.class, () -> source.fetch("AAPL", TUE, TUE));

        assertEquals(Kind.UNAVAILABLE, ready.kind());
        assertTrue(ready.getMessage().contains("/mcp/sse"), ready.getMessage());
        assertEquals(Kind.UNAVAILABLE, fetch.kind());
    }

    @Test
    void aServerGoneMidSessionFailsTheCallAndThenIsUnavailable() throws Exception {
        terminal = FakeMcpTerminal.standard().regularDay("AAPL", TUE);
        source(2).checkReady();
        terminal.close();
        terminal = null;

        SourceException first = assertThrows(SourceException.class, () -> source.fetch("AAPL", TUE, TUE));
        SourceException second = assertThrows(SourceException.class, () -> source.fetch("AAPL", TUE, TUE));

        assertTrue(first.kind() == Kind.UNAVAILABLE || first.kind() == Kind.RETRYABLE,
                first.kind() + ": " + first.getMessage());
        assertEquals(Kind.UNAVAILABLE, second.kind(), "a new session cannot be opened: " + second.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void rowsColumnsAndCsvTextAllReadTheSame(Shape shape) throws Exception {
        terminal = FakeMcpTerminal.standard().shape(shape)
                .row("AAPL", new Row(TUE, LocalTime.of(9, 30), "187.1500", "188.050", "186.35", "187.12345",
                        3_256_708, 37_886, "187.25"))
                .row("AAPL", new Row(TUE, LocalTime.of(9, 35), "0", "0", "0", "0", 0, 0, "187.251234"))
                .row("AAPL", new Row(TUE, LocalTime.of(16, 0), "187.9", "187.9", "187.9", "187.9", 10, 1, "187.3"));

        SourceAnswer answer = source(2).fetch("AAPL", TUE, TUE);

        assertEquals(List.of(new Bar(Instant.parse("2024-01-02T14:30:00Z"), 1_871_500, 1_880_500, 1_863_500,
                1_871_234, 3_256_708, 37_886, 1_872_500)), answer.bars());
        assertEquals(List.of(new EmptyBar(Instant.parse("2024-01-02T14:35:00Z"), 1_872_512)), answer.empties());
        assertEquals(2, answer.roundedPrices(), "187.12345 and the empty bar's vwap 187.251234");
        assertTrue(answer.unreadable().isEmpty());
    }

    @ParameterizedTest(name = "limit {0}")
    @CsvSource({"1", "2"})
    void neverMoreToolCallsInFlightThanTheLimit(int limit) throws Exception {
        int fetches = 4;
        terminal = FakeMcpTerminal.standard();
        for (int i = 0; i < fetches; i++) {
            terminal.regularDay("S" + (char) ('A' + i), TUE);
        }
        ThetaMcpSource limited = source(limit);
        limited.checkReady();
        terminal.closeGate();
        List<FutureTask<SourceAnswer>> answers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < fetches; i++) {
            String symbol = "S" + (char) ('A' + i);
            FutureTask<SourceAnswer> answer = new FutureTask<>(() -> limited.fetch(symbol, TUE, TUE));
            answers.add(answer);
            threads.add(new Thread(answer, "fetch-" + symbol));
        }
        threads.forEach(Thread::start);
        try {
            // the server holds what arrives; a client within its limit ends with the others waiting for a permit
            while (terminal.inFlight() <= limit && !(terminal.inFlight() == limit
                    && waitingForAPermit(threads) == fetches - limit)) {
                Thread.onSpinWait();
            }
            assertEquals(limit, terminal.inFlight(), "calls in flight while the others wait");
        } finally {
            terminal.openGate();
        }
        for (FutureTask<SourceAnswer> answer : answers) {
            assertEquals(78, answer.get().bars().size());
        }
        assertEquals(limit, terminal.maxInFlight());
    }

    @Test
    void aCancelAbortsTheToolCallTheServerHoldsAndTheNextCallWorks() throws Exception {
        terminal = FakeMcpTerminal.standard().regularDay("AAPL", TUE);
        ThetaMcpSource held = source(1);
        held.checkReady();
        terminal.closeGate();
        io.barkeep.source.Cancellation cancel = new io.barkeep.source.Cancellation();
        FutureTask<SourceAnswer> answer = new FutureTask<>(() -> held.fetch("AAPL", TUE, TUE, cancel));
        new Thread(answer, "fetch-held").start();
        try {
            while (terminal.inFlight() == 0) {
                Thread.onSpinWait();
            }
            cancel.cancel();
            // the request timeout is 20 s: only the cancel ends the call before it
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(SourceException.Kind.CANCELLED, ((SourceException) e.getCause()).kind(), e.toString());
        } finally {
            terminal.openGate();
        }
        assertEquals(78, held.fetch("AAPL", TUE, TUE).bars().size(), "a new session answers after the cancel");
        assertFalse(Thread.currentThread().isInterrupted());
    }

    private static long waitingForAPermit(List<Thread> threads) {
        return threads.stream().filter(t -> Arrays.stream(t.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(Semaphore.class.getName()))).count();
    }
}
