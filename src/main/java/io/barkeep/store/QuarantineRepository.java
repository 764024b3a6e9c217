package io.barkeep.store;

import static io.barkeep.store.schema.Tables.QUARANTINE;

import java.time.Instant;
import java.util.List;

/** Rows refused as bars, kept with line, raw text and reason so nothing a source sent is silently lost. */
public final class QuarantineRepository {
    private static final int CHUNK = 500;
    private final Database db;

    public QuarantineRepository(Database db) {
        this.db = db;
    }

    /** One refused row. {@code ts} is the bar start when it could be read, else null. */
    public record Entry(String symbol, String source, Integer line, Instant ts, String raw, String reason) {
    }

    /** Keeps all {@code entries} in one transaction. */
    public void keep(List<Entry> entries, Instant now) {
        if (entries.isEmpty()) {
            return;
        }
        db.writer().run(dsl -> {
            // Chunks keep each statement under SQLite's limit on bound variables.
            for (int from = 0; from < entries.size(); from += CHUNK) {
                var insert = dsl.insertInto(QUARANTINE, QUARANTINE.AT, QUARANTINE.SYMBOL, QUARANTINE.SOURCE,
                        QUARANTINE.LINE, QUARANTINE.TS, QUARANTINE.RAW, QUARANTINE.REASON);
                for (Entry e : entries.subList(from, Math.min(entries.size(), from + CHUNK))) {
                    insert = insert.values(now.getEpochSecond(), e.symbol(), e.source(),
                            e.line() == null ? null : e.line().longValue(),
                            e.ts() == null ? null : e.ts().getEpochSecond(), e.raw(), e.reason());
                }
                insert.execute();
            }
            return null;
        });
    }

    public int count(String symbol) {
        return db.read(dsl -> dsl.fetchCount(QUARANTINE, QUARANTINE.SYMBOL.eq(symbol)));
    }
}
