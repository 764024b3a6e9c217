package io.barkeep.store;

import static io.barkeep.store.schema.Tables.BAR_REVISIONS;

import io.barkeep.domain.Bar;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/** The revision log: bars a later fetch changed (vendor corrections), old and new values side by side. */
public final class RevisionRepository {
    private static final int CHUNK = 500;
    private final BarStore store;

    public RevisionRepository(BarStore store) {
        this.store = store;
    }

    /** A stored bar and the different one a source answered later for the same start. */
    public record Revision(Bar before, Bar after) {
    }

    /** Logs {@code revisions} of {@code symbol} in a transaction of their own. */
    public void record(String symbol, String source, List<Revision> revisions, Instant now) {
        if (revisions.isEmpty()) {
            return;
        }
        long symbolId = store.symbolIds().find(symbol).orElseThrow();
        store.database().writer().run(dsl -> insert(dsl, symbolId, source, revisions, now));
    }

    /** Logs {@code revisions} inside the caller's writer transaction. */
    int insert(DSLContext dsl, long symbolId, String source, List<Revision> revisions, Instant now) {
        if (revisions.isEmpty()) {
            return 0;
        }
        // Chunks keep each statement under SQLite's limit on bound variables (14 a row).
        int written = 0;
        for (int from = 0; from < revisions.size(); from += CHUNK) {
            var insert = dsl.insertInto(BAR_REVISIONS, BAR_REVISIONS.SYMBOL_ID, BAR_REVISIONS.TS,
                    BAR_REVISIONS.SEEN_AT, BAR_REVISIONS.SOURCE, BAR_REVISIONS.OLD_OPEN, BAR_REVISIONS.OLD_HIGH,
                    BAR_REVISIONS.OLD_LOW, BAR_REVISIONS.OLD_CLOSE, BAR_REVISIONS.OLD_VOLUME, BAR_REVISIONS.NEW_OPEN,
                    BAR_REVISIONS.NEW_HIGH, BAR_REVISIONS.NEW_LOW, BAR_REVISIONS.NEW_CLOSE, BAR_REVISIONS.NEW_VOLUME);
            for (Revision r : revisions.subList(from, Math.min(revisions.size(), from + CHUNK))) {
                Bar a = r.before();
                Bar b = r.after();
                insert = insert.values(symbolId, a.epochSecond(), now.getEpochSecond(), source, a.open(), a.high(),
                        a.low(), a.close(), a.volume(), b.open(), b.high(), b.low(), b.close(), b.volume());
            }
            written += insert.execute();
        }
        return written;
    }

    /** How many revisions were logged for {@code symbol}. */
    public int count(String symbol) {
        return store.symbolIds().find(symbol).map(id -> store.database().read(dsl ->
                dsl.fetchCount(BAR_REVISIONS, BAR_REVISIONS.SYMBOL_ID.eq(id)))).orElse(0);
    }
}
