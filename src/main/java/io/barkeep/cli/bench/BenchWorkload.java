package io.barkeep.cli.bench;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionKind;
import io.barkeep.store.VendorAnswer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The benchmark's fixed workload (BENCHMARK.md): symbols SYM000..., consecutive weekdays from 2023-01-03
 * without holiday removal, 78 bars a day from 09:30 New York, a seeded random walk per symbol.
 */
final class BenchWorkload {
    static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 3);
    static final int BARS_PER_SESSION = 78;

    private final int days;
    private final List<Session> sessions;

    BenchWorkload(int days) {
        this.days = days;
        this.sessions = weekdays(days);
    }

    static String symbol(int index) {
        return String.format("SYM%03d", index);
    }

    /** The workload's sessions: every weekday, all regular (the engine, not the calendar, is measured). */
    List<Session> sessions() {
        return sessions;
    }

    private static List<Session> weekdays(int days) {
        List<Session> out = new ArrayList<>(days);
        for (LocalDate d = FIRST_DAY; out.size() < days; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                out.add(Session.of(d, SessionKind.REGULAR));
            }
        }
        return out;
    }

    /** All bars of symbol {@code index}, oldest first. */
    List<Bar> bars(int index) {
        Random random = new Random(index);
        List<Bar> out = new ArrayList<>(days * 78);
        double price = 100 + index;
        for (Session s : sessions) {
            long start = s.open().getEpochSecond();
            for (int k = 0; k < s.expectedBars(); k++) {
                double open = price;
                double close = open * Math.exp(random.nextGaussian() * 0.002);
                double high = Math.max(open, close) * (1 + Math.abs(random.nextGaussian() * 0.001));
                double low = Math.min(open, close) * (1 - Math.abs(random.nextGaussian() * 0.001));
                long volume = (long) (-Math.log(1 - random.nextDouble()) * 50_000);
                out.add(Bar.of(java.time.Instant.ofEpochSecond(start + k * 300L), ticks(open), ticks(high), ticks(low),
                        ticks(close), volume));
                price = close;
            }
        }
        return out;
    }

    /**
     * The bars of symbol {@code index} with holes, for the gap figure: 1% of sessions missing whole, 1% missing a
     * run of 3-20 bars at a random place (seeded, so runs compare).
     */
    List<Bar> barsWithHoles(int index) {
        List<Bar> all = bars(index);
        Random random = new Random(1_000_003L * (index + 1));
        List<Bar> out = new ArrayList<>(all.size());
        int perSession = BARS_PER_SESSION;
        for (int s = 0; s < sessions.size(); s++) {
            List<Bar> session = all.subList(s * perSession, (s + 1) * perSession);
            double draw = random.nextDouble();
            if (draw < 0.01) {
                continue;
            }
            if (draw < 0.02) {
                int length = 3 + random.nextInt(18);
                int first = random.nextInt(perSession - length + 1);
                out.addAll(session.subList(0, first));
                out.addAll(session.subList(first + length, perSession));
            } else {
                out.addAll(session);
            }
        }
        return out;
    }

    /**
     * {@code bars} of {@code symbol} (oldest first, on the workload's sessions) as one vendor answer per calendar
     * month, as a backfill asks for and stores them.
     */
    List<VendorAnswer> monthlyAnswers(String symbol, List<Bar> bars) {
        return answers(symbol, bars, YearMonth::from);
    }

    /** As {@link #monthlyAnswers}, one answer per half week: Monday to Wednesday, Thursday and Friday. */
    List<VendorAnswer> halfWeekAnswers(String symbol, List<Bar> bars) {
        return answers(symbol, bars, d -> List.of(d.with(DayOfWeek.MONDAY),
                d.getDayOfWeek().compareTo(DayOfWeek.WEDNESDAY) <= 0));
    }

    /** {@code bars} as one answer per {@code period} of their sessions' dates. */
    private List<VendorAnswer> answers(String symbol, List<Bar> bars, Function<LocalDate, Object> period) {
        List<VendorAnswer> out = new ArrayList<>();
        int first = 0;
        int bar = 0;
        for (int s = 1; s <= sessions.size(); s++) {
            if (s < sessions.size() && period.apply(sessions.get(s).date())
                    .equals(period.apply(sessions.get(first).date()))) {
                continue;
            }
            Instant end = sessions.get(s - 1).close();
            int from = bar;
            while (bar < bars.size() && bars.get(bar).start().isBefore(end)) {
                bar++;
            }
            LocalDate a = sessions.get(first).date();
            LocalDate b = sessions.get(s - 1).date();
            out.add(new VendorAnswer(symbol, "bench", symbol + " " + a + ".." + b, a, b, bars.subList(from, bar),
                    List.of(), List.of(), false));
            first = s;
        }
        return out;
    }

    private static long ticks(double price) {
        return Math.round(price * 10_000);
    }
}
