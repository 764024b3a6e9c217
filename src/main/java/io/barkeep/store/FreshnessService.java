package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SYMBOL_FRESHNESS;
import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;
import static io.barkeep.store.schema.Tables.SYMBOLS;
import static io.barkeep.store.schema.Tables.WATCHED_SYMBOLS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barkeep.domain.Freshness;
import io.barkeep.domain.MissingRange;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jooq.impl.DSL;

/**
 * Computes each symbol's {@link Freshness} from the coverage ledger and keeps the original design's
 * {@code data_freshness} table filled with it (including the gaps as JSON).
 */
public final class FreshnessService {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Rendered once and run through plain JDBC: {@code freshness} over 500 symbols runs it 500 times. */
    private static final String SUMMARY = DSL.using(org.jooq.SQLDialect.SQLITE)
            .select(DSL.min(SESSION_COVERAGE.FIRST_TS), DSL.max(SESSION_COVERAGE.LAST_TS),
                    DSL.max(SESSION_COVERAGE.FETCHED_AT))
            .from(SESSION_COVERAGE).where(SESSION_COVERAGE.SYMBOL_ID.eq((Long) null))
            .getSQL(org.jooq.conf.ParamType.INDEXED);

    /** The freshness row's upsert, rendered once. */
    private static final String SAVE = DSL.using(org.jooq.SQLDialect.SQLITE)
            .insertInto(SYMBOL_FRESHNESS, SYMBOL_FRESHNESS.SYMBOL, SYMBOL_FRESHNESS.OLDEST_BAR,
                    SYMBOL_FRESHNESS.NEWEST_BAR, SYMBOL_FRESHNESS.BAR_COUNT, SYMBOL_FRESHNESS.EXPECTED_COUNT,
                    SYMBOL_FRESHNESS.GAP_COUNT, SYMBOL_FRESHNESS.LAST_CHECKED, SYMBOL_FRESHNESS.GAPS_DETECTED)
            .values((String) null, null, null, null, null, null, null, null)
            .onConflict(SYMBOL_FRESHNESS.SYMBOL).doUpdate()
            .set(SYMBOL_FRESHNESS.OLDEST_BAR, DSL.excluded(SYMBOL_FRESHNESS.OLDEST_BAR))
            .set(SYMBOL_FRESHNESS.NEWEST_BAR, DSL.excluded(SYMBOL_FRESHNESS.NEWEST_BAR))
            .set(SYMBOL_FRESHNESS.BAR_COUNT, DSL.excluded(SYMBOL_FRESHNESS.BAR_COUNT))
            .set(SYMBOL_FRESHNESS.EXPECTED_COUNT, DSL.excluded(SYMBOL_FRESHNESS.EXPECTED_COUNT))
            .set(SYMBOL_FRESHNESS.GAP_COUNT, DSL.excluded(SYMBOL_FRESHNESS.GAP_COUNT))
            .set(SYMBOL_FRESHNESS.LAST_CHECKED, DSL.excluded(SYMBOL_FRESHNESS.LAST_CHECKED))
            .set(SYMBOL_FRESHNESS.GAPS_DETECTED, DSL.excluded(SYMBOL_FRESHNESS.GAPS_DETECTED))
            .getSQL(org.jooq.conf.ParamType.INDEXED);

    private final BarStore store;
    private final GapService gaps;

    public FreshnessService(BarStore store) {
        this.store = store;
        this.gaps = new GapService(store);
    }

    /**
     * The freshness of {@code symbol}, read only: what views show. {@link #refresh} also stores it, for whoever
     * changed the data.
     */
    public Freshness compute(String symbol) {
        return computeWithGaps(symbol).freshness();
    }

    /** Recomputes, stores and returns the freshness of {@code symbol}; call after writing its bars. */
    public Freshness refresh(String symbol) {
        Computed c = computeWithGaps(symbol);
        save(List.of(c));
        return c.freshness();
    }

    /**
     * {@link #compute} for every symbol that has data or is on the watchlist, in symbol order: one streamed read of
     * the ledger for all of them (each symbol's report and summary from the same rows), not two queries a symbol.
     */
    public List<Freshness> computeAll() {
        return computeAllWithGaps().stream().map(Computed::freshness).toList();
    }

    /** {@link #refresh} for every symbol that has data or is on the watchlist, in symbol order; stored at once. */
    public List<Freshness> refreshAll() {
        List<Computed> all = computeAllWithGaps();
        // One transaction and one statement for every row: a commit (and a jOOQ query) a symbol cost more than
        // computing them all.
        save(all);
        return all.stream().map(Computed::freshness).toList();
    }

    private List<Computed> computeAllWithGaps() {
        return gaps.totalsAll(List.copyOf(symbols())).stream().map(FreshnessService::computed).toList();
    }

    private TreeSet<String> symbols() {
        TreeSet<String> symbols = new TreeSet<>();
        // A symbol's row outlives its data (a purge keeps the id other tables may name): "has data" is the ledger.
        symbols.addAll(store.database().read(dsl -> dsl.select(SYMBOLS.SYMBOL).from(SYMBOLS)
                .whereExists(DSL.selectOne().from(SESSION_COVERAGE).where(SESSION_COVERAGE.SYMBOL_ID.eq(SYMBOLS.ID)))
                .fetch(SYMBOLS.SYMBOL)));
        symbols.addAll(store.database().read(dsl -> dsl.select(WATCHED_SYMBOLS.SYMBOL).from(WATCHED_SYMBOLS)
                .fetch(WATCHED_SYMBOLS.SYMBOL)));
        return symbols;
    }

    private Computed computeWithGaps(String symbol) {
        GapService.GapReport report = gaps.report(symbol);
        Long[] summary = store.symbolIds().find(symbol).map(this::summary).orElse(new Long[3]);
        return computed(GapService.Totals.of(report, summary[0], summary[1], summary[2]));
    }

    private static Computed computed(GapService.Totals t) {
        Freshness f = new Freshness(t.symbol(), instant(t.firstTs()), instant(t.lastTs()), t.heldBars(),
                t.emptyBars(), t.expectedBars(), t.coveragePercent(), t.missing().size(), instant(t.fetchedAt()));
        return new Computed(f, t.missing());
    }

    /** First bar, last bar and last fetch of {@code symbolId} from its ledger rows (nulls when it has none). */
    private Long[] summary(long symbolId) {
        return store.database().readJdbc(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(SUMMARY)) {
                ps.setLong(1, symbolId);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    Long[] out = new Long[3];
                    if (rs.next()) {
                        for (int i = 0; i < out.length; i++) {
                            long v = rs.getLong(i + 1);
                            out[i] = rs.wasNull() ? null : v;
                        }
                    }
                    return out;
                }
            }
        });
    }

    private record Computed(Freshness freshness, List<MissingRange> missing) {
    }

    /** Stores {@code all} in one transaction, through one prepared statement. */
    private void save(List<Computed> all) {
        store.database().writer().runJdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(SAVE)) {
                for (Computed computed : all) {
                    Freshness f = computed.freshness();
                    int p = 0;
                    ps.setString(++p, f.symbol());
                    setLongOrNull(ps, ++p, epoch(f.oldestBar()));
                    setLongOrNull(ps, ++p, epoch(f.newestBar()));
                    ps.setLong(++p, f.barCount());
                    ps.setLong(++p, f.expectedCount());
                    ps.setLong(++p, f.gapCount());
                    setLongOrNull(ps, ++p, epoch(f.lastChecked()));
                    ps.setString(++p, toJson(computed.missing()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static void setLongOrNull(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static String toJson(List<MissingRange> missing) {
        try {
            return JSON.writeValueAsString(missing.stream().map(m -> Map.of(
                    "from", m.from().toString(), "to", m.to().toString(), "bars", m.bars())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long epoch(Instant i) {
        return i == null ? null : i.getEpochSecond();
    }

    private static Instant instant(Long s) {
        return s == null ? null : Instant.ofEpochSecond(s);
    }
}
