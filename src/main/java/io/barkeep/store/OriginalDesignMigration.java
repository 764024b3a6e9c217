package io.barkeep.store;

import static io.barkeep.store.schema.Tables.WATCHED_SYMBOLS;

import io.barkeep.domain.Bar;
import io.barkeep.domain.BarRules;
import io.barkeep.domain.Prices;
import io.barkeep.domain.Session;
import io.barkeep.domain.Symbols;
import io.barkeep.domain.TradingCalendar;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a file that holds the original design's tables ({@code market_data_bars} with TEXT timestamps and REAL
 * prices, {@code watchlist}, {@code data_freshness}) into Barkeep's compact store, once: a backup of the whole
 * file first; the original tables are set aside; Barkeep's schema is created (the original names become views);
 * every bar is checked by {@link BarRules} into the compact store (bad rows go to the quarantine with the
 * reason); the watchlist is carried over; freshness is recomputed; the set-aside tables are dropped. When any
 * step fails the backup is put back, so the file is as it was. Tables Barkeep does not own are never touched.
 */
public final class OriginalDesignMigration {
    private static final Logger LOG = LoggerFactory.getLogger(OriginalDesignMigration.class);
    /** The quarantine's source name for rows that came from the original tables. */
    public static final String SOURCE = "original-design";
    private static final String ASIDE = "barkeep_original_";
    private static final List<String> TABLES = List.of("market_data_bars", "watchlist", "data_freshness");

    private OriginalDesignMigration() {
    }

    /** What a migration did. */
    public record Report(Path backup, long barsRead, long barsStored, long barsQuarantined,
                         Map<String, Long> reasons, int watchlistRows, int symbols) {
    }

    /** Whether {@code file} holds the original design's bar table (a table, not Barkeep's view, with TEXT times). */
    public static boolean holdsOriginalTables(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection c = readOnly.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pragma_table_info('market_data_bars') t "
                     + "JOIN sqlite_master m ON m.name = 'market_data_bars' AND m.type = 'table' "
                     + "WHERE t.name = 'timestamp'")) {
            return rs.next() && rs.getInt(1) > 0;
        } catch (SQLException e) {
            // Not a database we can read: opening it says why in its own words.
            return false;
        }
    }

    /**
     * Migrates {@code file}; call before anything else opens it.
     *
     * @throws StoreException with one line when the migration failed (the file is then as it was)
     */
    public static Report migrate(Path file, TradingCalendar calendar, Clock clock) {
        Path backup = backup(file, clock);
        try {
            setAside(file);
            Report report;
            try (CacheEngine engine = CacheEngine.open(file, calendar, 0, clock)) {
                report = copy(engine, backup);
                engine.database().writer().run(dsl -> {
                    for (String t : TABLES) {
                        dsl.execute("DROP TABLE IF EXISTS " + ASIDE + t);
                    }
                    return null;
                });
                engine.freshness().refreshAll();
            }
            LOG.info("migrated the original design's tables in {}: {}", file, report);
            return report;
        } catch (RuntimeException e) {
            LOG.error("migrating the original design's tables in {} failed; restoring {}", file, backup, e);
            restore(backup, file);
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new StoreException("could not migrate the original design's tables in " + file + " (" + why
                    + "); the file is as it was, a copy is at " + backup, e);
        }
    }

    private static Path backup(Path file, Clock clock) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
        String name = file.getFileName().toString();
        Path backup = file.resolveSibling(name + ".before-barkeep-" + stamp + ".db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement st = c.createStatement()) {
            // VACUUM INTO writes a consistent copy even while another program has the file open.
            st.execute("VACUUM INTO '" + backup.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new StoreException("could not back up " + file + " before migrating it: " + e.getMessage(), e);
        }
        return backup;
    }

    /** Renames the original tables out of the way in one transaction (their indexes follow them). */
    private static void setAside(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String t : TABLES) {
                    if (isTable(st, t)) {
                        st.execute("ALTER TABLE " + t + " RENAME TO " + ASIDE + t);
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("could not set the original tables aside: " + e.getMessage(), e);
        }
    }

    private static boolean isTable(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '"
                + name + "'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    private static Report copy(CacheEngine engine, Path backup) {
        try (Connection c = engine.database().connect(true)) {
            BarCopy bars = new BarCopy(engine);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT symbol, timestamp, open, high, low, close, volume, vwap FROM "
                         + ASIDE + "market_data_bars ORDER BY symbol, timestamp")) {
                while (rs.next()) {
                    bars.add(rs);
                }
            }
            bars.flush();
            int watchlist = copyWatchlist(engine, c);
            return new Report(backup, bars.read, bars.stored, bars.quarantined, bars.reasons, watchlist,
                    bars.symbols.size());
        } catch (SQLException e) {
            throw engine.database().explain(e);
        }
    }

    private static int copyWatchlist(CacheEngine engine, Connection c) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM pragma_table_info('" + ASIDE + "watchlist')")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        if (!columns.contains("symbol")) {
            return 0;
        }
        String notes = columns.contains("notes") ? "notes" : "NULL";
        int copied = 0;
        Instant now = engine.clock().instant();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT symbol, added_at, active, last_updated, priority, " + notes
                     + " FROM " + ASIDE + "watchlist")) {
            while (rs.next()) {
                String symbol;
                try {
                    symbol = Symbols.normalize(rs.getString(1));
                } catch (IllegalArgumentException e) {
                    LOG.warn("original watchlist row {} skipped: {}", rs.getString(1), e.getMessage());
                    continue;
                }
                long added = parseTime(rs.getString(2)).orElse(now).getEpochSecond();
                Long updated = parseTime(rs.getString(4)).map(Instant::getEpochSecond).orElse(null);
                long active = rs.getObject(3) == null || rs.getInt(3) != 0 ? 1L : 0L;
                long priority = rs.getLong(5);
                String note = rs.getString(6);
                engine.database().writer().run(dsl -> dsl.insertInto(WATCHED_SYMBOLS, WATCHED_SYMBOLS.SYMBOL,
                                WATCHED_SYMBOLS.ADDED_AT, WATCHED_SYMBOLS.ACTIVE, WATCHED_SYMBOLS.LAST_UPDATED,
                                WATCHED_SYMBOLS.PRIORITY, WATCHED_SYMBOLS.NOTES)
                        .values(symbol, added, active, updated, priority, note)
                        .onConflictDoNothing().execute());
                copied++;
            }
        }
        return copied;
    }

    /** A text time as the original design wrote it: New York wall clock, or with an offset. */
    static Optional<Instant> parseTime(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String iso = text.strip().replace(' ', 'T');
        try {
            return Optional.of(LocalDateTime.parse(iso).atZone(Session.NEW_YORK).toInstant());
        } catch (DateTimeParseException notLocal) {
            try {
                return Optional.of(OffsetDateTime.parse(iso).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /** Collects one symbol's bars per calendar month and writes each month as one batch. */
    private static final class BarCopy {
        private final CacheEngine engine;
        private final TradingCalendar calendar;
        private final List<Bar> pending = new ArrayList<>();
        private final List<QuarantineRepository.Entry> rejected = new ArrayList<>();
        private final Map<String, Long> reasons = new TreeMap<>();
        private final Set<String> symbols = new TreeSet<>();
        private String symbol;
        private java.time.YearMonth month;
        long read;
        long stored;
        long quarantined;

        BarCopy(CacheEngine engine) {
            this.engine = engine;
            this.calendar = engine.bars().calendar();
        }

        void add(ResultSet rs) throws SQLException {
            read++;
            String rawSymbol = rs.getString(1);
            String raw = rawSymbol + "," + rs.getString(2) + "," + rs.getString(3) + "," + rs.getString(4) + ","
                    + rs.getString(5) + "," + rs.getString(6) + "," + rs.getString(7) + "," + rs.getString(8);
            String sym;
            try {
                sym = Symbols.normalize(rawSymbol);
            } catch (IllegalArgumentException e) {
                reject(rawSymbol == null ? "?" : rawSymbol, null, raw, "not a ticker");
                return;
            }
            Optional<Instant> start = parseTime(rs.getString(2));
            if (start.isEmpty()) {
                reject(sym, null, raw, "timestamp is not an ISO date-time");
                return;
            }
            Bar bar;
            try {
                bar = new Bar(start.get(), ticks(rs, 3), ticks(rs, 4), ticks(rs, 5), ticks(rs, 6), volume(rs),
                        Bar.UNKNOWN, rs.getObject(8) == null ? Bar.UNKNOWN : ticks(rs, 8));
            } catch (IllegalArgumentException | ArithmeticException e) {
                reject(sym, start.get(), raw, e.getMessage());
                return;
            }
            Optional<String> reason = BarRules.check(bar, calendar);
            if (reason.isPresent()) {
                reject(sym, start.get(), raw, reason.get());
                return;
            }
            java.time.YearMonth m = java.time.YearMonth.from(start.get().atZone(Session.NEW_YORK));
            if (!sym.equals(symbol) || !m.equals(month)) {
                flush();
                symbol = sym;
                month = m;
            }
            pending.add(bar);
            symbols.add(sym);
        }

        private static long ticks(ResultSet rs, int column) throws SQLException {
            Object value = rs.getObject(column);
            if (!(value instanceof Number n)) {
                throw new IllegalArgumentException("column " + rs.getMetaData().getColumnName(column)
                        + " is not a number");
            }
            return Prices.round(new BigDecimal(n.toString())).ticks();
        }

        private static long volume(ResultSet rs) throws SQLException {
            Object value = rs.getObject(7);
            if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new IllegalArgumentException("volume is not a whole number");
            }
            return n.longValue();
        }

        private void reject(String sym, Instant ts, String raw, String reason) {
            rejected.add(new QuarantineRepository.Entry(sym, SOURCE, null, ts, raw, reason));
            reasons.merge(reason, 1L, Long::sum);
            quarantined++;
            if (rejected.size() >= 1_000) {
                keepRejected();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                List<Session> sessions = calendar.sessions(month.atDay(1), month.atEndOfMonth());
                Instant from = sessions.get(0).open();
                Instant to = sessions.get(sessions.size() - 1).close();
                // Not authoritative: the original table's silence about a session proves nothing.
                engine.bars().write(new BarBatch(symbol, from, to, List.copyOf(pending), List.of(), false));
                stored += pending.size();
                pending.clear();
            }
            keepRejected();
        }

        private void keepRejected() {
            if (!rejected.isEmpty()) {
                engine.quarantine().keep(List.copyOf(rejected), engine.clock().instant());
                rejected.clear();
            }
        }
    }

    private static void restore(Path backup, Path file) {
        try {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
            Files.copy(backup, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.error("could not restore {} from {}", file, backup, e);
        }
    }
}
