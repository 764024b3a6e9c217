package io.barkeep.source.thetadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fixture's own promises, which end-to-end tests elsewhere rely on. */
class FakeThetaTerminalTest {
    private static final LocalDate TUESDAY = LocalDate.of(2024, 7, 2);
    private static final LocalDate EARLY_CLOSE = LocalDate.of(2024, 7, 3);
    private static final LocalDate HOLIDAY = LocalDate.of(2024, 7, 4);
    private static final String OHLC = FakeThetaTerminal.HISTORY + "?interval=5m&symbol=";

    private final FakeThetaTerminal terminal = FakeThetaTerminal.start(
            FakeMarket.weekdays(Set.of(HOLIDAY), Set.of(EARLY_CLOSE)));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stopTerminal() {
        terminal.close();
    }

    @Test
    void answersTheDefaultTimesInclusivelySoTheBarAtTheCloseComesToo() {
        List<FakeRow> rows = terminal.market().rows("AAPL", TUESDAY);

        assertEquals(79, rows.size());
        assertEquals(LocalDateTime.of(TUESDAY, LocalTime.of(16, 0)), rows.get(78).time());
        assertEquals(78, terminal.market().sessionRows("AAPL", TUESDAY).size());
        assertTrue(rows.stream().anyMatch(r -> !r.traded()), "some no-trade rows");
    }

    @Test
    void anEarlyCloseHasNoTradesFrom1300() {
        List<FakeRow> rows = terminal.market().rows("AAPL", EARLY_CLOSE);

        assertEquals(79, rows.size());
        assertTrue(rows.stream().filter(r -> !r.time().toLocalTime().isBefore(LocalTime.of(13, 0)))
                .noneMatch(FakeRow::traded));
        assertEquals(42, terminal.market().sessionRows("AAPL", EARLY_CLOSE).size());
    }

    @Test
    void generatesTheSameRowsForTheSameSymbolAndDate() {
        FakeMarket other = FakeMarket.weekdays(Set.of(), Set.of());

        assertEquals(other.rows("AAPL", TUESDAY), terminal.market().rows("AAPL", TUESDAY));
    }

    @Test
    void servesCsvWithCrlfAndHonoursStartAndEndTime() throws Exception {
        HttpResponse<String> answer = get(OHLC + "AAPL&date=20240702&start_time=15:50:00&end_time=16:00:00");

        assertEquals(200, answer.statusCode());
        List<String> lines = answer.body().lines().filter(l -> !l.isBlank()).toList();
        assertEquals("timestamp,open,high,low,close,volume,count,vwap", lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(3).startsWith("2024-07-02T16:00:00"), lines.get(3));
        assertTrue(answer.body().contains("\r\n"));
    }

    @Test
    void servesGivenRowsAsGiven() throws Exception {
        terminal.market().put("XYZ", TUESDAY, List.of(new FakeRow(LocalDateTime.of(TUESDAY, LocalTime.of(9, 30)),
                "1.5", "2", "1", "1.75", 10, 2, "1.6")));

        String body = get(OHLC + "XYZ&date=20240702&format=ndjson").body();

        assertEquals("{\"timestamp\":\"2024-07-02T09:30:00\",\"open\":1.5,\"high\":2,\"low\":1,\"close\":1.75,"
                + "\"volume\":10,\"count\":2,\"vwap\":1.6}\n", body);
    }

    @Test
    void answersNoDataOnClosedDaysUnknownSymbolsAndBeforeTheDataStarts() throws Exception {
        terminal.market().withoutData("NONE").dataFrom(TUESDAY);

        assertEquals(472, get(OHLC + "AAPL&date=20240704").statusCode());
        assertEquals(472, get(OHLC + "AAPL&start_date=20240706&end_date=20240707").statusCode());
        assertEquals(472, get(OHLC + "NONE&date=20240702").statusCode());
        assertEquals(472, get(OHLC + "AAPL&date=20240701").statusCode());
        assertEquals(200, get(OHLC + "AAPL&start_date=20240701&end_date=20240702").statusCode());
    }

    @Test
    void answersTheVendorsErrorsForBadRequests() throws Exception {
        assertEquals(570, get(OHLC + "AAPL&start_date=20240101&end_date=20240301").statusCode());
        assertEquals(473, get(OHLC + "AAPL").statusCode());
        assertEquals(473, get(FakeThetaTerminal.HISTORY + "?symbol=AAPL&date=20240702&interval=1m").statusCode());
        assertEquals(410, get("/v2/hist/stock/ohlc?root=AAPL").statusCode());
        assertEquals(404, get("/v3/nothing").statusCode());
    }

    @Test
    void failsTheNextRequestsAndThenAnswersAgain() throws Exception {
        terminal.failNext(2, 474).failNext(1, 429);

        assertEquals(474, get(OHLC + "AAPL&date=20240702").statusCode());
        assertEquals(474, get(OHLC + "AAPL&date=20240702").statusCode());
        assertEquals(200, get(FakeThetaTerminal.STATUS).statusCode(), "the status check never fails");
        assertEquals(429, get(OHLC + "AAPL&date=20240702").statusCode());
        assertEquals(200, get(OHLC + "AAPL&date=20240702").statusCode());
    }

    @Test
    void randomFailuresRepeatWithTheSameSeed() throws Exception {
        List<Integer> first = statuses(7);

        assertEquals(first, statuses(7));
        assertTrue(first.contains(200) && first.contains(429) && first.contains(571), first::toString);
    }

    @Test
    void countsRequestsPerPathAndForgetsThemOnReset() throws Exception {
        get(FakeThetaTerminal.STATUS);
        get(OHLC + "AAPL&date=20240702");
        get(OHLC + "AAPL&date=20240703");

        assertEquals(3, terminal.requests());
        assertEquals(2, terminal.requests(FakeThetaTerminal.HISTORY));
        assertEquals(1, terminal.maxInFlight());
        terminal.resetCounters();
        assertEquals(0, terminal.requests());
        assertTrue(terminal.requestLog().isEmpty());
    }

    private List<Integer> statuses(long seed) throws Exception {
        terminal.failRandomly(0.5, seed, 429, 571);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(get(OHLC + "AAPL&date=20240702").statusCode());
        }
        return statuses;
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(terminal.root() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
