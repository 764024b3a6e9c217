package io.barkeep.store;

import static io.barkeep.store.schema.Tables.QUARANTINE;

import io.barkeep.domain.Quarantine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Rows refused as bars, kept with line, raw text and reason so nothing a source sent is silently lost, within the
 * bounds of {@link Quarantine}: of one import or one answer the first {@link Quarantine#ROWS_PER_BATCH} rows and
 * one row counting the rest; rows older than {@link Quarantine#MAX_AGE} and past {@link Quarantine#MAX_ROWS} are
 * pruned, oldest first, each time rows are kept.
 */
public final class QuarantineRepository {
    private static final int CHUNK = 500;
    private final Database db;

    public QuarantineRepository(Database db) {
        this.db = db;
    }

    /** One refused row. {@code ts} is the bar start when it could be read, else null. */
    public record Entry(String symbol, String source, Integer line, Instant ts, String raw, String reason) {
    }

    /** Keeps the refused rows of one import or answer, as {@link #keep(List, long, Instant)} with none counted. */
    public void keep(List<Entry> entries, Instant now) {
        keep(entries, 0, now);
    }

    /**
     * Keeps the first {@link Quarantine#ROWS_PER_BATCH} of {@code entries}, and one row that counts the rest and the
     * {@code notKept} rows the reader already only counted, in one transaction that also prunes the table.
     */
    public void keep(List<Entry> entries, long notKept, Instant now) {
        if (entries.isEmpty()) {
            if (notKept > 0) {
                throw new IllegalArgumentException(notKept + " rows counted but none kept: whose were they?");
            }
            return;
        }
        List<Entry> kept = new ArrayList<>(entries.subList(0, Math.min(entries.size(), Quarantine.ROWS_PER_BATCH)));
        long more = notKept + entries.size() - kept.size();
        if (more > 0) {
            Entry first = entries.get(0);
            kept.add(new Entry(first.symbol(), first.source(), null, null, "", Quarantine.notKeptReason(more)));
        }
        db.writer().run(dsl -> {
            insert(dsl, kept, now);
            prune(dsl, now);
            return null;
        });
    }

    private static void insert(DSLContext dsl, List<Entry> entries, Instant now) {
        // Chunks keep each statement under SQLite's limit on bound variables.
        for (int from = 0; from < entries.size(); from += CHUNK) {
            var insert = dsl.insertInto(QUARANTINE, QUARANTINE.AT, QUARANTINE.SYMBOL, QUARANTINE.SOURCE,
                    QUARANTINE.LINE, QUARANTINE.TS, QUARANTINE.RAW, QUARANTINE.REASON);
            for (Entry e : entries.subList(from, Math.min(entries.size(), from + CHUNK))) {
                insert = insert.values(now.getEpochSecond(), e.symbol(), e.source(),
                        e.line() == null ? null : e.line().longValue(),
                        e.ts() == null ? null : e.ts().getEpochSecond(), Quarantine.clip(e.raw()), e.reason());
            }
            insert.execute();
        }
    }

    /** Drops rows past the age bound, then the oldest past the size bound (ids grow with every insert). */
    private static void prune(DSLContext dsl, Instant now) {
        dsl.deleteFrom(QUARANTINE).where(QUARANTINE.AT.lt(now.minus(Quarantine.MAX_AGE).getEpochSecond())).execute();
        Long oldestKept = dsl.select(QUARANTINE.ID).from(QUARANTINE).orderBy(QUARANTINE.ID.desc())
                .limit(1).offset(Quarantine.MAX_ROWS - 1).fetchOne(QUARANTINE.ID);
        if (oldestKept != null) {
            dsl.deleteFrom(QUARANTINE).where(QUARANTINE.ID.lt(oldestKept)).execute();
        }
    }

    public int count(String symbol) {
        return db.read(dsl -> dsl.fetchCount(QUARANTINE, QUARANTINE.SYMBOL.eq(symbol)));
    }

    /** Rows of every symbol, summary rows included. */
    public int count() {
        return db.read(dsl -> dsl.fetchCount(QUARANTINE));
    }

    /** The rows of {@code symbol}, oldest first, at most {@code limit}. */
    public List<Entry> list(String symbol, int limit) {
        return db.read(dsl -> dsl.selectFrom(QUARANTINE).where(QUARANTINE.SYMBOL.eq(symbol))
                .orderBy(QUARANTINE.ID).limit(limit).fetch(r -> new Entry(r.getSymbol(), r.getSource(),
                        r.getLine() == null ? null : r.getLine().intValue(),
                        r.getTs() == null ? null : Instant.ofEpochSecond(r.getTs()), r.getRaw(), r.getReason())));
    }
}
