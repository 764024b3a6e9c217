package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.CoverageState;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionCoverage;
import io.barkeep.domain.TradingCalendar;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One vendor answer, one transaction, on a real SQLite file: all or nothing, and no silent holes. */
class AnswerStoreTest {
    /** Six weeks of weekdays, 2024-07-01 to 2024-08-09. */
    private static final List<Session> SESSIONS = TestBars.weekdays(LocalDate.of(2024, 7, 1), 30);
    private static final TradingCalendar CALENDAR = TestBars.calendar(SESSIONS);
    private static final LocalDate AUG5 = LocalDate.of(2024, 8, 5);
    private static final LocalDate AUG9 = LocalDate.of(2024, 8, 9);
    /** Monday 2024-08-12 noon New York: every session above has closed and settled. */
    private static final Instant NOW = Instant.parse("2024-08-12T16:00:00Z");

    @TempDir
    Path dir;
    private CacheEngine engine;
    private AnswerStore answers;

    @BeforeEach
    void open() {
        engine = open(NOW);
    }

    private DbLocation location;

    private CacheEngine open(Instant now) {
        if (location == null) {
            location = TestDatabases.location(dir, "answers.db");
        }
        CacheEngine e = CacheEngine.open(location, CALENDAR, 0, Clock.fixed(now, ZoneOffset.UTC));
        answers = new AnswerStore(e);
        return e;
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bar_revisions", "safety_events"})
    void aFailureInALateStepLeavesNothingOfTheAnswerWritten(String failingTable) {
        answers.store(answer(AUG5, AUG9, bars(AUG5, AUG9, 1), List.of(), false));
        List<Bar> before = engine.bars().bars("AAPL", open(SESSIONS.get(0).date()), close(AUG9));
        Map<Long, Long> ledgerBefore = fetchedAtByDate();
        engine.database().writer().run(dsl -> {
            if (engine.database().isPostgres()) {
                dsl.execute("CREATE FUNCTION injected() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$");
                return dsl.execute("CREATE TRIGGER injected BEFORE INSERT ON " + failingTable
                        + " FOR EACH ROW EXECUTE FUNCTION injected()");
            }
            return dsl.execute("CREATE TRIGGER injected BEFORE INSERT ON " + failingTable
                    + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
        });
        // New sessions, a correction of 2024-08-07 (a revision) and one broken row (quarantine and an event).
        List<Bar> later = new ArrayList<>(bars(LocalDate.of(2024, 7, 29), AUG9, 1));
        later.replaceAll(b -> b.start().atZone(Session.NEW_YORK).toLocalDate().equals(LocalDate.of(2024, 8, 7))
                ? corrected(b) : b);
        Bar good = later.get(0);
        later.add(new Bar(good.start().plusSeconds(86_400), good.low(), good.low(), good.high(), good.close(),
                good.volume(), good.trades(), good.vwap()));

        StoreException e = assertThrows(StoreException.class, () -> answers.store(answer(LocalDate.of(2024, 7, 29),
                AUG9, later, List.of(), false)));

        assertTrue(e.getMessage().contains("injected failure"), e.getMessage());
        assertEquals(before, engine.bars().bars("AAPL", open(SESSIONS.get(0).date()), close(AUG9)));
        assertEquals(0, engine.quarantine().count("AAPL"));
        assertEquals(0, engine.revisions().count("AAPL"));
        assertEquals(ledgerBefore, fetchedAtByDate());
        assertEquals(List.of(), engine.events().since(Instant.EPOCH, 10));
    }

    @Test
    void correctedBarsAreLoggedAsRevisionsInTheSameWrite() {
        answers.store(answer(AUG5, AUG9, bars(AUG5, AUG9, 1), List.of(), false));
        List<Bar> again = new ArrayList<>(bars(AUG5, AUG9, 1));
        for (int i : new int[] {3, 100, 300}) {
            again.set(i, corrected(again.get(i)));
        }

        AnswerStore.Result result = answers.store(answer(AUG5, AUG9, again, List.of(), false));

        assertEquals(3, result.revisions());
        assertEquals(3, result.barsChanged());
        assertEquals(3, engine.revisions().count("AAPL"));
        assertEquals(again, engine.bars().bars("AAPL", open(AUG5), close(AUG9)));
    }

    @Test
    void aSuccessfulAnswerWithNoRowsLeavesEverySessionMissingAndIsLogged() {
        AnswerStore.Result result = answers.store(answer(AUG5, AUG9, List.of(), List.of(), false));

        assertEquals(5, result.sessionsLeftMissing());
        var report = engine.gaps().report("AAPL", AUG5, AUG9);
        assertTrue(report.sessions().stream().allMatch(c -> c.state() == CoverageState.MISSING), report.toString());
        int ledgerRows = engine.database().read(dsl -> dsl.fetchCount(SESSION_COVERAGE));
        assertEquals(0, ledgerRows, "no ledger row: nothing is final");
        assertEquals(List.of("answer_incomplete"), kinds());
    }

    @Test
    void anAnswerLackingDaysKeepsWhatItHasAndLeavesTheRestMissing() {
        List<Bar> partial = bars(AUG5, AUG9, 1).stream().filter(b -> !dateOf(b.start()).equals(LocalDate.of(2024, 8,
                7)) && !dateOf(b.start()).equals(AUG9)).toList();

        answers.store(answer(AUG5, AUG9, partial, List.of(), false));

        Map<LocalDate, CoverageState> states = states(AUG5, AUG9);
        assertEquals(CoverageState.MISSING, states.get(LocalDate.of(2024, 8, 7)));
        assertEquals(CoverageState.MISSING, states.get(AUG9));
        assertEquals(CoverageState.COMPLETE, states.get(AUG5));
        assertEquals(partial, engine.bars().bars("AAPL", open(AUG5), close(AUG9)));
        SafetyEvent event = engine.events().since(Instant.EPOCH, 10).get(0);
        assertEquals("answer_incomplete", event.kind());
        assertTrue(event.message().contains("2024-08-07, 2024-08-09"), event.message());
    }

    @Test
    void theVendorsNoDataIsBelievedForAWeekThenAskedAgainAndFinalOnceAMonthHasPassed() {
        answers.store(answer(AUG9, AUG9, List.of(), List.of(), true));
        assertEquals(CoverageState.COMPLETE, states(AUG9, AUG9).get(AUG9), "believed for now");
        assertEquals(List.of(), kinds(), "an explicit no-data answer is no incident");

        engine.close();
        engine = open(NOW.plus(NoTradeVerdictDays.WEEK));
        assertEquals(CoverageState.MISSING, states(AUG9, AUG9).get(AUG9), "a week later it is asked again");

        engine.close();
        Instant monthAfterClose = close(AUG9).plus(NoTradeVerdictDays.MONTH);
        engine = open(monthAfterClose);
        answers.store(answer(AUG9, AUG9, List.of(), List.of(), true));
        engine.close();
        engine = open(monthAfterClose.plus(NoTradeVerdictDays.MONTH));
        assertEquals(CoverageState.COMPLETE, states(AUG9, AUG9).get(AUG9), "given a month after the close: final");
        long isFinal = engine.database().read(dsl -> dsl.select(SESSION_COVERAGE.FINAL).from(SESSION_COVERAGE)
                .fetchOne(SESSION_COVERAGE.FINAL));
        assertEquals(1L, isFinal);
    }

    @Test
    void zeroTradeRowsOnlyForASymbolThatTradesAreKeptButNotBelieved() {
        answers.store(answer(AUG5, LocalDate.of(2024, 8, 8), bars(AUG5, LocalDate.of(2024, 8, 8), 1), List.of(),
                false));
        List<EmptyBar> zeros = empties(AUG9);

        answers.store(answer(AUG9, AUG9, List.of(), zeros, false));

        assertEquals(zeros, engine.bars().emptyBars("AAPL", open(AUG9), close(AUG9)), "kept");
        assertEquals(CoverageState.MISSING, states(AUG9, AUG9).get(AUG9), "not final: asked again");
        assertEquals(List.of("suspect_no_trades"), kinds());
        // A symbol that never traded may well have a session without trades.
        answers.store(new VendorAnswer("THIN", "test", "THIN " + AUG9, AUG9, AUG9, List.of(), zeros, List.of(),
                false));
        assertEquals(CoverageState.COMPLETE, engine.gaps().report("THIN", AUG9, AUG9).sessions().get(0).state());
    }

    @Test
    void conflictingRepeatsAreQuarantinedAndTheirSessionStaysMissingWhileIdenticalOnesCountOnce() {
        List<Bar> rows = new ArrayList<>(bars(AUG5, LocalDate.of(2024, 8, 6), 1));
        rows.add(rows.get(3));                   // 2024-08-05: the same row twice
        rows.add(corrected(rows.get(78 + 10)));  // 2024-08-06: two different rows for one start

        AnswerStore.Result result = answers.store(answer(AUG5, LocalDate.of(2024, 8, 6), rows, List.of(), false));

        Map<LocalDate, CoverageState> states = states(AUG5, LocalDate.of(2024, 8, 6));
        assertEquals(CoverageState.COMPLETE, states.get(AUG5));
        assertEquals(CoverageState.MISSING, states.get(LocalDate.of(2024, 8, 6)));
        assertEquals(2, result.quarantined());
        assertEquals(2, engine.quarantine().count("AAPL"));
        assertEquals(78, engine.bars().bars("AAPL", open(AUG5), close(LocalDate.of(2024, 8, 6))).size());
        assertEquals(List.of("conflicting_rows", "rejected_bars"), kinds().stream().sorted().toList());

        answers.store(answer(LocalDate.of(2024, 8, 6), LocalDate.of(2024, 8, 6), bars(LocalDate.of(2024, 8, 6),
                LocalDate.of(2024, 8, 6), 1), List.of(), false));
        assertEquals(CoverageState.COMPLETE, states(AUG5, LocalDate.of(2024, 8, 6)).get(LocalDate.of(2024, 8, 6)),
                "a clean answer fills it");
    }

    /** The verdict windows of {@link io.barkeep.domain.NoTradeVerdict}, as plain durations for the clocks. */
    @Test
    void anAnswerWrittenBeforeAStoredLaterWeekIsWeighedAgainstItForASplit() {
        // The week after a 10:1 split arrives first; the week before it second: the jump is against the stored bar
        // just after the second answer, read in its transaction.
        answers.store(answer(AUG5, AUG9, tenth(bars(AUG5, AUG9, 1)), List.of(), false));
        LocalDate jul29 = LocalDate.of(2024, 7, 29);
        LocalDate aug2 = LocalDate.of(2024, 8, 2);
        answers.store(answer(jul29, aug2, bars(jul29, aug2, 1), List.of(), false));

        List<SafetyEvent> splits = engine.events().since(Instant.EPOCH, 10).stream()
                .filter(e -> e.kind().equals(SplitWatch.KIND)).toList();
        assertEquals(1, splits.size(), splits.toString());
        assertTrue(splits.get(0).message().contains("2024-08-05") && splits.get(0).message().contains("a 10:1 split?"),
                splits.get(0).message());
    }

    @Test
    void aFailedLedgerWriteLeavesNothingInTheReusedStatementsForTheNextAnswer() {
        String trigger = engine.database().isPostgres()
                ? "CREATE TRIGGER injected BEFORE INSERT ON session_coverage FOR EACH ROW EXECUTE FUNCTION injected()"
                : "CREATE TRIGGER injected BEFORE INSERT ON session_coverage BEGIN SELECT RAISE(ABORT, 'injected'); END";
        engine.database().writer().run(dsl -> {
            if (engine.database().isPostgres()) {
                dsl.execute("CREATE FUNCTION injected() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN RAISE EXCEPTION 'injected'; END $$");
            }
            return dsl.execute(trigger);
        });
        assertThrows(StoreException.class, () -> answers.store(answer(AUG5, AUG9, bars(AUG5, AUG9, 1), List.of(),
                false)));
        engine.database().writer().run(dsl -> dsl.execute(engine.database().isPostgres()
                ? "DROP TRIGGER injected ON session_coverage" : "DROP TRIGGER injected"));
        LocalDate jul29 = LocalDate.of(2024, 7, 29);
        LocalDate aug2 = LocalDate.of(2024, 8, 2);

        answers.store(answer(jul29, aug2, bars(jul29, aug2, 1), List.of(), false));

        assertEquals(CALENDAR.sessions(jul29, aug2).stream().map(Session::dateKey).map(Integer::longValue)
                .collect(Collectors.toSet()), fetchedAtByDate().keySet(), "the failed week left no ledger row");
        assertEquals(List.of(), engine.bars().bars("AAPL", open(AUG5), close(AUG9)));
        assertEquals(5 * 78, engine.bars().bars("AAPL", open(jul29), close(aug2)).size());
    }

    private static List<Bar> tenth(List<Bar> bars) {
        return bars.stream().map(b -> new Bar(b.start(), b.open() / 10, b.high() / 10, b.low() / 10, b.close() / 10,
                b.volume() * 10, b.trades(), b.vwap() == Bar.UNKNOWN ? Bar.UNKNOWN : b.vwap() / 10)).toList();
    }

    private static final class NoTradeVerdictDays {
        static final java.time.Duration WEEK = io.barkeep.domain.NoTradeVerdict.RECHECK;
        static final java.time.Duration MONTH = io.barkeep.domain.NoTradeVerdict.FINAL_AFTER;
    }

    private VendorAnswer answer(LocalDate from, LocalDate to, List<Bar> bars, List<EmptyBar> empties,
                                boolean noData) {
        return new VendorAnswer("AAPL", "test", "AAPL " + from + ".." + to, from, to, bars, empties, List.of(),
                noData);
    }

    private static List<Bar> bars(LocalDate from, LocalDate to, long seed) {
        return TestBars.sessions(CALENDAR.sessions(from, to), seed);
    }

    private static List<EmptyBar> empties(LocalDate day) {
        Session s = CALENDAR.session(day).orElseThrow();
        List<EmptyBar> out = new ArrayList<>();
        for (int i = 0; i < s.expectedBars(); i++) {
            out.add(new EmptyBar(TestBars.start(s, i), Bar.UNKNOWN));
        }
        return out;
    }

    private static Bar corrected(Bar b) {
        return new Bar(b.start(), b.open(), b.high(), b.low(), b.close(), b.volume() + 100, b.trades(), b.vwap());
    }

    private Map<LocalDate, CoverageState> states(LocalDate from, LocalDate to) {
        return engine.gaps().report("AAPL", from, to).sessions().stream()
                .collect(Collectors.toMap(c -> c.session().date(), SessionCoverage::state));
    }

    private Map<Long, Long> fetchedAtByDate() {
        return engine.database().read(dsl -> dsl.select(SESSION_COVERAGE.SESSION_DATE, SESSION_COVERAGE.FETCHED_AT)
                .from(SESSION_COVERAGE).fetchMap(SESSION_COVERAGE.SESSION_DATE, SESSION_COVERAGE.FETCHED_AT));
    }

    private List<String> kinds() {
        return engine.events().since(Instant.EPOCH, 100).stream().map(SafetyEvent::kind).toList();
    }

    private static LocalDate dateOf(Instant t) {
        return t.atZone(Session.NEW_YORK).toLocalDate();
    }

    private static Instant open(LocalDate d) {
        return CALENDAR.session(d).orElseThrow().open();
    }

    private static Instant close(LocalDate d) {
        return CALENDAR.session(d).orElseThrow().close();
    }
}
