package io.barkeep.store;

import static io.barkeep.store.schema.Tables.CACHE_META;

/**
 * Keeps simulated and real bars apart: the first source to write marks the file {@code simulated} or
 * {@code real}, and a source of the other kind is refused with a clear message.
 */
public final class FeedGuard {
    private static final String KEY = "feed";

    private final Database db;

    public FeedGuard(Database db) {
        this.db = db;
    }

    /** Whether the file holds simulated bars; empty when no source has written yet. */
    public java.util.Optional<Boolean> holdsSimulated() {
        String current = db.read(dsl -> dsl.select(CACHE_META.VALUE).from(CACHE_META).where(CACHE_META.KEY.eq(KEY))
                .fetchOne(CACHE_META.VALUE));
        return java.util.Optional.ofNullable(current).map("simulated"::equals);
    }

    /** Marks the file for {@code simulated} feeds, or refuses when it already holds the other kind. */
    public void claim(boolean simulated, String sourceName) {
        String wanted = simulated ? "simulated" : "real";
        String held = db.writer().run(dsl -> {
            // Insert-or-keep, then read: two processes claiming a new shared cache at once both succeed or one
            // is refused, never a duplicate-key error.
            dsl.insertInto(CACHE_META, CACHE_META.KEY, CACHE_META.VALUE).values(KEY, wanted).onConflictDoNothing()
                    .execute();
            return dsl.select(CACHE_META.VALUE).from(CACHE_META).where(CACHE_META.KEY.eq(KEY))
                    .fetchOne(CACHE_META.VALUE);
        });
        if (!held.equals(wanted)) {
            throw new StoreException("database " + db.name() + " holds " + held + " bars; source " + sourceName
                    + " gives " + wanted + " ones and may not write there (use another --db)");
        }
    }
}
