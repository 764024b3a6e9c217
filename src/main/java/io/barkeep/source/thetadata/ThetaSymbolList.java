package io.barkeep.source.thetadata;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.barkeep.domain.Session;
import io.barkeep.domain.Symbols;
import io.barkeep.source.CsvLines;
import io.barkeep.source.SourceException;
import io.barkeep.source.SymbolCheck;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * ThetaData's list of stock symbols ({@code /v3/stock/list/symbols}, column {@code symbol}; through a v2 terminal
 * {@code /v2/list/roots/stock}, where a symbol is a "root"), asked once per New
 * York day (the vendor updates it overnight) and kept for that day, so adding symbols asks the terminal once.
 * When the list cannot be had (no terminal, an error status, an answer that is not a symbol list) every check says
 * so as {@link SymbolCheck#unavailable} for {@link #RETRY_AFTER}, then the list is asked again: a terminal that is
 * down costs one request deadline at most, not one per symbol added.
 * <p>
 * One day's entry at a time lives in a Caffeine cache keyed by the day: concurrent checks wait for the one request
 * in flight instead of sending their own. Thread-safe.
 */
final class ThetaSymbolList {
    static final String PATH = "/v3/stock/list/symbols";
    static final String V2_PATH = "/v2/list/roots/stock";
    /** The column that holds the tickers: v3 names it {@code symbol}, v2 {@code root}. */
    private static final List<String> COLUMNS = List.of("symbol", "root");
    /** The whole answer may take this much: the real list (about 12,000 tickers) is well under 1 MB. */
    static final long MAX_BYTES = 8L * 1024 * 1024;
    /** More lines than this is not a list of US stock symbols. */
    static final int MAX_SYMBOLS = 200_000;
    /** How long a failed list is not asked again. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(5);

    /** Gets the list's body (CSV) from the terminal, within the source's request deadline and {@link #MAX_BYTES}. */
    @FunctionalInterface
    interface Download {
        String body() throws SourceException;
    }

    /** A day's list, or why there is none. */
    private record Outcome(Set<String> symbols, String failure) {
    }

    private final Download download;
    private final Clock clock;
    private final LoadingCache<LocalDate, Outcome> byDay;

    ThetaSymbolList(Download download, Clock clock) {
        this.download = download;
        this.clock = clock;
        this.byDay = Caffeine.newBuilder()
                .maximumSize(1)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.<LocalDate, Outcome>creating((day, outcome) ->
                        outcome.failure() == null ? Duration.ofDays(2) : RETRY_AFTER))
                .build(day -> load());
    }

    /** Whether the vendor lists {@code symbol} (normalized) today. */
    SymbolCheck check(String symbol) {
        Outcome today = byDay.get(LocalDate.now(clock.withZone(Session.NEW_YORK)));
        if (today.failure() != null) {
            return SymbolCheck.unavailable(today.failure());
        }
        return SymbolCheck.of(today.symbols().contains(symbol.toUpperCase(Locale.ROOT)));
    }

    private Outcome load() {
        try {
            return new Outcome(parse(download.body()), null);
        } catch (SourceException e) {
            return new Outcome(Set.of(), "could not get ThetaData's symbol list: " + e.getMessage());
        }
    }

    /** The {@code symbol} column of a CSV answer; a header without it, or no symbol at all, is no list. */
    static Set<String> parse(String csv) throws SourceException {
        try {
            CsvLines lines = new CsvLines(new StringReader(csv));
            CsvLines.Line header = lines.next();
            List<String> names = header == null ? List.of()
                    : header.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
            int column = COLUMNS.stream().mapToInt(names::indexOf).filter(i -> i >= 0).findFirst().orElse(-1);
            if (column < 0) {
                throw notAList("it has no 'symbol' or 'root' column");
            }
            Set<String> symbols = new HashSet<>();
            for (CsvLines.Line line = lines.next(); line != null; line = lines.next()) {
                // the vendor also lists tickers Barkeep cannot store (warrants, units...): they are never asked
                if (line.problem() == null && column < line.size() && Symbols.isValid(line.field(column))) {
                    symbols.add(Symbols.normalize(line.field(column)));
                }
                if (symbols.size() > MAX_SYMBOLS) {
                    throw notAList("it has more than " + MAX_SYMBOLS + " symbols");
                }
            }
            if (symbols.isEmpty()) {
                throw notAList("it lists no symbol");
            }
            return Set.copyOf(symbols);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SourceException notAList(String why) {
        return new SourceException(SourceException.Kind.REQUEST_FAILED, 200, "the terminal's answer is not a symbol list ("
                + why + ")");
    }
}
