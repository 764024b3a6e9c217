package io.barkeep.store;

import static io.barkeep.store.schema.Tables.WATCHLIST;

import io.barkeep.domain.WatchlistEntry;
import io.barkeep.store.schema.tables.records.WatchlistRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The watchlist table: symbols to keep fresh, by priority. Symbols arrive already validated. */
public final class WatchlistRepository {
    private final Database db;

    public WatchlistRepository(Database db) {
        this.db = db;
    }

    /** Adds {@code symbol}, or updates priority and notes of an existing entry (re-activating it). */
    public WatchlistEntry add(String symbol, int priority, String notes, Instant now) {
        db.writer().run(dsl -> dsl.insertInto(WATCHLIST, WATCHLIST.SYMBOL, WATCHLIST.ADDED_AT, WATCHLIST.ACTIVE,
                        WATCHLIST.PRIORITY, WATCHLIST.NOTES)
                .values(symbol, now.getEpochSecond(), 1L, (long) priority, notes)
                .onConflict(WATCHLIST.SYMBOL).doUpdate()
                .set(WATCHLIST.ACTIVE, 1L)
                .set(WATCHLIST.PRIORITY, (long) priority)
                .set(WATCHLIST.NOTES, notes)
                .execute());
        return find(symbol).orElseThrow();
    }

    /** Removes {@code symbol}; false when it was not on the list. Cached bars stay. */
    public boolean remove(String symbol) {
        return db.writer().run(dsl -> dsl.deleteFrom(WATCHLIST).where(WATCHLIST.SYMBOL.eq(symbol)).execute()) > 0;
    }

    /** Sets the fields a person edits; false when the symbol is not listed. */
    public boolean update(String symbol, boolean active, int priority, String notes) {
        return db.writer().run(dsl -> dsl.update(WATCHLIST).set(WATCHLIST.ACTIVE, active ? 1L : 0L)
                .set(WATCHLIST.PRIORITY, (long) priority).set(WATCHLIST.NOTES, notes)
                .where(WATCHLIST.SYMBOL.eq(symbol)).execute()) > 0;
    }

    public void markUpdated(String symbol, Instant when) {
        db.writer().run(dsl -> dsl.update(WATCHLIST).set(WATCHLIST.LAST_UPDATED, when.getEpochSecond())
                .where(WATCHLIST.SYMBOL.eq(symbol)).execute());
    }

    public Optional<WatchlistEntry> find(String symbol) {
        return db.read(dsl -> dsl.selectFrom(WATCHLIST).where(WATCHLIST.SYMBOL.eq(symbol)).fetchOptional())
                .map(WatchlistRepository::toEntry);
    }

    /** All entries, highest priority first, then by symbol. */
    public List<WatchlistEntry> list() {
        return db.read(dsl -> dsl.selectFrom(WATCHLIST).orderBy(WATCHLIST.PRIORITY.desc(), WATCHLIST.SYMBOL)
                .fetch(WatchlistRepository::toEntry));
    }

    /** Active entries in update order: highest priority first. */
    public List<WatchlistEntry> active() {
        return list().stream().filter(WatchlistEntry::active).toList();
    }

    private static WatchlistEntry toEntry(WatchlistRecord r) {
        return new WatchlistEntry(r.getSymbol(), Instant.ofEpochSecond(r.getAddedAt()), r.getActive() != 0,
                r.getLastUpdated() == null ? null : Instant.ofEpochSecond(r.getLastUpdated()),
                r.getPriority().intValue(), r.getNotes());
    }
}
