package io.barkeep.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.BarSource;
import io.barkeep.source.Cancellation;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceException;
import io.barkeep.source.thetadata.FakeMarket;
import io.barkeep.source.thetadata.FakeRow;
import io.barkeep.source.thetadata.FakeThetaTerminal;
import io.barkeep.source.thetadata.ThetaV3Source;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.DbLocation;
import io.barkeep.store.PostgresOnly;
import io.barkeep.store.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several machines backfilling one shared PostgreSQL cache: the sessions each asks the vendor for are claimed in
 * the database first, so no session is asked twice, and a process killed mid-way loses nothing.
 */
@PostgresOnly
class SharedBackfillTest {
    private static final TradingCalendar CALENDAR = NyseCalendar.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-04-01T16:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 3, 31);
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "BRK.B");
    private static final Pattern RANGE = Pattern.compile("symbol=([^&]+)&(?:date=(\\d{8})|start_date=(\\d{8})"
            + "&end_date=(\\d{8}))");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @TempDir
    Path dir;
    private FakeThetaTerminal terminal;
    private DbLocation shared;

    @BeforeEach
    void start() {
        terminal = FakeThetaTerminal.start(FakeMarket.of(CALENDAR));
        shared = PostgresServer.shared().freshDatabase();
    }

    @AfterEach
    void stop() {
        terminal.close();
    }

    @Test
    void twoEnginesBackfillingTheSameSymbolsAtOnceAskForEverySessionOnceAndHoldExactlyTheVendorsBars() {
        // Answers come slowly, so the two backfills are at the same months at the same time.
        terminal.delay(Duration.ofMillis(50));
        try (CacheEngine one = CacheEngine.open(shared, CALENDAR, 0, CLOCK);
             CacheEngine two = CacheEngine.open(shared, CALENDAR, 0, CLOCK)) {
            CompletableFuture<SyncResult> first = CompletableFuture.supplyAsync(() -> backfill(one));
            CompletableFuture<SyncResult> second = CompletableFuture.supplyAsync(() -> backfill(two));
            assertTrue(first.join().complete(), first.join().failures().toString());
            assertTrue(second.join().complete(), second.join().failures().toString());

            Map<String, Integer> asked = sessionsAsked(terminal.requestLog());
            asked.forEach((session, times) -> assertEquals(1, times, session + " asked " + times + " times"));
            assertEquals(SYMBOLS.size() * CALENDAR.sessions(FROM, TO).size(), asked.size(), "every session asked");
            for (String symbol : SYMBOLS) {
                assertEquals(vendorBars(symbol), one.bars().bars(symbol, start(FROM), start(TO.plusDays(1))));
                assertEquals(List.of(), two.gaps().report(symbol, FROM, TO).missing(), symbol);
            }
        }
    }

    @Test
    // Only a guard against a hang (a latch never reached); no assertion depends on time.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aSessionAnotherProcessAnswersBetweenThePlanAndTheClaimIsNotAskedAgain() throws Exception {
        // The second engine plans (every session missing), then waits in its source's readiness check, before
        // the fetcher claims anything, while the first engine backfills the same sessions to the end.
        CountDownLatch planned = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        try (CacheEngine one = CacheEngine.open(shared, CALENDAR, 0, CLOCK);
             CacheEngine two = CacheEngine.open(shared, CALENDAR, 0, CLOCK)) {
            BarSource paused = new PausedSource(new ThetaV3Source(terminal.root(), 2, Duration.ofSeconds(10)),
                    planned, go);
            MarketData late = new MarketData(two, paused, 2, Sleeper.REAL);
            CompletableFuture<SyncResult> second = CompletableFuture.supplyAsync(() ->
                    late.backfill(List.of("AAPL"), FROM, TO, SyncProgress.NONE, Cancellation.none()));
            planned.await();
            SyncResult first = backfill(one);
            assertTrue(first.complete(), first.failures().toString());
            go.countDown();
            SyncResult result = second.get();

            assertTrue(result.complete(), result.failures().toString());
            assertEquals(0, result.vendorRequests(), "the second engine asked for sessions the first had answered");
            sessionsAsked(terminal.requestLog()).forEach((session, times) ->
                    assertEquals(1, times, session + " asked " + times + " times"));
            assertEquals(vendorBars("AAPL"), two.bars().bars("AAPL", start(FROM), start(TO.plusDays(1))));
        }
    }

    /** A real source whose readiness check, the step between a run's plan and its fetches, waits for a go. */
    private static final class PausedSource implements BarSource {
        private final BarSource inner;
        private final CountDownLatch reached;
        private final CountDownLatch go;

        PausedSource(BarSource inner, CountDownLatch reached, CountDownLatch go) {
            this.inner = inner;
            this.reached = reached;
            this.go = go;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void checkReady() throws SourceException {
            inner.checkReady();
            reached.countDown();
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException(SourceException.Kind.CANCELLED, -1, "interrupted");
            }
        }

        @Override
        public SourceAnswer fetch(String symbol, LocalDate from, LocalDate to) throws SourceException {
            return inner.fetch(symbol, from, to);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    // Only a guard against a hang (a child that never starts); no assertion depends on time.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aBackfillingProcessKilledMidWayLosesNothingAndAnotherFinishesTheJob() throws Exception {
        terminal.delay(Duration.ofMillis(100));
        Path home = Files.createDirectories(dir.resolve("home"));
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.barkeep.Main", "backfill", "AAPL", "MSFT", "BRK.B",
                "--from", FROM.toString(), "--to", TO.toString(), "--source", "thetadata", "--theta-url",
                terminal.root().toString(), "--theta-concurrency", "2", "--db", shared.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        child.environment().put("BARKEEP_HOME", home.toString());
        Process running = child.start();
        try {
            while (terminal.requests(FakeThetaTerminal.HISTORY) < 3 && running.isAlive()) {
                Thread.sleep(20);
            }
            assertTrue(running.isAlive(), "killed mid-way, not after the end: " + log());
        } finally {
            running.destroyForcibly();
            running.waitFor();
        }

        try (CacheEngine after = CacheEngine.open(shared, CALENDAR, 0, CLOCK)) {
            SyncResult result = backfill(after);
            assertTrue(result.complete(), result.failures().toString());
            for (String symbol : SYMBOLS) {
                assertEquals(vendorBars(symbol), after.bars().bars(symbol, start(FROM), start(TO.plusDays(1))),
                        symbol);
            }
        }
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("child.log"));
    }

    private SyncResult backfill(CacheEngine engine) {
        MarketData data = new MarketData(engine, new ThetaV3Source(terminal.root(), 2, Duration.ofSeconds(10)), 2,
                Sleeper.REAL);
        return data.backfill(SYMBOLS, FROM, TO, SyncProgress.NONE, Cancellation.none());
    }

    /** How many times each "SYMBOL yyyymmdd" session was in a request the terminal received. */
    private static Map<String, Integer> sessionsAsked(List<String> log) {
        Map<String, Integer> out = new HashMap<>();
        for (String line : log) {
            Matcher m = RANGE.matcher(line);
            if (!line.startsWith(FakeThetaTerminal.HISTORY) || !m.find()) {
                continue;
            }
            String symbol = java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
            LocalDate from = LocalDate.parse(m.group(2) != null ? m.group(2) : m.group(3), DAY);
            LocalDate to = LocalDate.parse(m.group(2) != null ? m.group(2) : m.group(4), DAY);
            for (Session s : CALENDAR.sessions(from, to)) {
                out.merge(symbol + " " + s.date(), 1, Integer::sum);
            }
        }
        return out;
    }

    private List<Bar> vendorBars(String symbol) {
        List<Bar> out = new ArrayList<>();
        for (Session s : CALENDAR.sessions(FROM, TO)) {
            terminal.market().sessionRows(symbol, s.date()).stream().filter(FakeRow::traded).map(FakeRow::toBar)
                    .forEach(out::add);
        }
        return out;
    }

    private static Instant start(LocalDate d) {
        return d.atStartOfDay(Session.NEW_YORK).toInstant();
    }
}
