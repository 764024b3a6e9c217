package io.barkeep.source.thetadata;

import io.barkeep.domain.Session;
import io.barkeep.domain.SessionKind;
import io.barkeep.domain.TradingCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The in-memory market behind a {@link FakeThetaTerminal}: which dates trade (and until when), and the 5-minute
 * rows of each symbol on each date. Rows are generated deterministically from (symbol, date) unless a test
 * {@linkplain #put gives} them. Thread-safe: tests change it while the server reads it.
 * <p>
 * A trading day has one row every 5 minutes from 09:30 through 16:00 inclusive, as the vendor answers the default
 * {@code start_time}/{@code end_time}: about one in 25 session rows is a no-trade row ({@code count == 0}); the
 * 16:00 row is usually a no-trade row but sometimes has trades; on an early close every row from 13:00 on is a
 * no-trade row. Generated prices have 2, 3, 4 or 6 decimals (the 6-decimal ones need rounding); no-trade rows
 * write their zeros as {@code 0} or {@code 0.0}.
 */
public final class FakeMarket {
    private static final LocalTime FIRST_BAR = Session.REGULAR_OPEN;
    private static final LocalTime LAST_ROW = Session.REGULAR_CLOSE;
    private static final int[] DECIMALS = {2, 3, 4, 6};

    private final Function<LocalDate, Optional<LocalTime>> closes;
    private final Map<String, Map<LocalDate, List<FakeRow>>> given = new ConcurrentHashMap<>();
    private final Set<String> withoutData = ConcurrentHashMap.newKeySet();
    private volatile LocalDate dataFrom = LocalDate.MIN;

    private FakeMarket(Function<LocalDate, Optional<LocalTime>> closes) {
        this.closes = closes;
    }

    /** Every weekday trades until 16:00, except the holidays (closed) and the early closes (until 13:00). */
    public static FakeMarket weekdays(Set<LocalDate> holidays, Set<LocalDate> earlyCloses) {
        Set<LocalDate> closed = Set.copyOf(holidays);
        Set<LocalDate> early = Set.copyOf(earlyCloses);
        return new FakeMarket(date -> {
            if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
                    || closed.contains(date)) {
                return Optional.empty();
            }
            return Optional.of(early.contains(date) ? Session.EARLY_CLOSE_TIME : Session.REGULAR_CLOSE);
        });
    }

    /** The sessions of a calendar, e.g. {@code NyseCalendar.load()}, so the fake and the sync layer agree. */
    public static FakeMarket of(TradingCalendar calendar) {
        return new FakeMarket(date -> calendar.session(date).map(s -> s.kind() == SessionKind.EARLY_CLOSE
                ? Session.EARLY_CLOSE_TIME : Session.REGULAR_CLOSE));
    }

    /** The session's close on {@code date} (New York), or empty when the market is closed. */
    public Optional<LocalTime> close(LocalDate date) {
        return closes.apply(date);
    }

    /** Dates before {@code first} have no data for any symbol (the account's history starts there). */
    public FakeMarket dataFrom(LocalDate first) {
        this.dataFrom = first;
        return this;
    }

    /** The terminal knows nothing of {@code symbol}: every request for it answers 472. */
    public FakeMarket withoutData(String symbol) {
        withoutData.add(symbol);
        return this;
    }

    /** Replaces the rows of {@code symbol} on {@code date}, also on a date the market is closed. */
    public FakeMarket put(String symbol, LocalDate date, List<FakeRow> rows) {
        given.computeIfAbsent(symbol, s -> new ConcurrentHashMap<>()).put(date, List.copyOf(rows));
        return this;
    }

    /** Every row the terminal holds for {@code symbol} on {@code date}, 09:30 through 16:00; empty when none. */
    public List<FakeRow> rows(String symbol, LocalDate date) {
        List<FakeRow> rows = given.getOrDefault(symbol, Map.of()).get(date);
        if (rows != null) {
            return rows;
        }
        if (withoutData.contains(symbol) || date.isBefore(dataFrom)) {
            return List.of();
        }
        return close(date).map(close -> generate(symbol, date, close)).orElse(List.of());
    }

    /** The rows that belong to the session: those starting before the day's close, as a client keeps them. */
    public List<FakeRow> sessionRows(String symbol, LocalDate date) {
        LocalTime close = close(date).orElse(FIRST_BAR);
        return rows(symbol, date).stream().filter(row -> row.time().toLocalTime().isBefore(close)).toList();
    }

    private static List<FakeRow> generate(String symbol, LocalDate date, LocalTime close) {
        Random random = new Random(symbol.hashCode() * 1_000_003L + date.toEpochDay());
        BigDecimal last = BigDecimal.valueOf(2_000 + Math.floorMod(symbol.hashCode(), 40_000), 2);
        BigDecimal priceVolume = BigDecimal.ZERO;
        long volumeSoFar = 0;
        List<FakeRow> rows = new ArrayList<>();
        for (LocalTime t = FIRST_BAR; !t.isAfter(LAST_ROW); t = t.plusMinutes(5)) {
            LocalDateTime time = LocalDateTime.of(date, t);
            boolean trades = t.isBefore(close) ? random.nextInt(25) != 0
                    : t.equals(close) && close.equals(LAST_ROW) && random.nextInt(5) == 0;
            String vwap = volumeSoFar == 0 ? "0"
                    : priceVolume.divide(BigDecimal.valueOf(volumeSoFar), 6, RoundingMode.HALF_EVEN).toPlainString();
            if (!trades) {
                rows.add(rows.size() % 2 == 0 ? FakeRow.noTrade(time, vwap)
                        : new FakeRow(time, "0.0", "0.0", "0.0", "0.0", 0, 0, vwap));
                continue;
            }
            int decimals = DECIMALS[random.nextInt(DECIMALS.length)];
            BigDecimal open = last;
            BigDecimal close5 = open.multiply(BigDecimal.valueOf(1 + random.nextGaussian() * 0.002))
                    .setScale(6, RoundingMode.HALF_EVEN);
            BigDecimal high = open.max(close5).add(BigDecimal.valueOf(random.nextInt(20_000), 6));
            BigDecimal low = open.min(close5).subtract(BigDecimal.valueOf(random.nextInt(20_000), 6));
            long volume = 100 + random.nextInt(50_000);
            long count = 1 + random.nextInt((int) (volume / 10));
            volumeSoFar += volume;
            priceVolume = priceVolume.add(high.add(low).add(close5).divide(BigDecimal.valueOf(3), 6,
                    RoundingMode.HALF_EVEN).multiply(BigDecimal.valueOf(volume)));
            String rowVwap = priceVolume.divide(BigDecimal.valueOf(volumeSoFar), decimals, RoundingMode.HALF_EVEN)
                    .toPlainString();
            // rounding every price of a row to the same decimals keeps low <= open, close <= high
            rows.add(new FakeRow(time, text(open, decimals), text(high, decimals), text(low, decimals),
                    text(close5, decimals), volume, count, rowVwap));
            last = close5.setScale(decimals, RoundingMode.HALF_EVEN);
        }
        return rows;
    }

    private static String text(BigDecimal price, int decimals) {
        return price.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
}
