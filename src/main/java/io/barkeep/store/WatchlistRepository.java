package io.barkeep.store;

import static io.barkeep.store.schema.Tables.WATCHED_SYMBOLS;

import io.barkeep.domain.WatchlistEntry;
import io.barkeep.store.schema.tables.records.WatchedSymbolsRecord;
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
        db.writer().run(dsl -> dsl.insertInto(WATCHED_SYMBOLS, WATCHED_SYMBOLS.SYMBOL, WATCHED_SYMBOLS.ADDED_AT, WATCHED_SYMBOLS.ACTIVE,
                        WATCHED_SYMBOLS.PRIORITY, WATCHED_SYMBOLS.NOTES)
                .values(symbol, now.getEpochSecond(), 1L, (long) priority, notes)
                .onConflict(WATCHED_SYMBOLS.SYMBOL).doUpdate()
                .set(WATCHED_SYMBOLS.ACTIVE, 1L)
                .set(WATCHED_SYMBOLS.PRIORITY, (long) priority)
                .set(WATCHED_SYMBOLS.NOTES, notes)
                .execute());
        return find(symbol).orElseThrow();
    }

    /** Removes {@code symbol}; false when it was not on the list. Cached bars stay. */
    public boolean remove(String symbol) {
        return db.writer().run(dsl -> dsl.deleteFrom(WATCHED_SYMBOLS).where(WATCHED_SYMBOLS.SYMBOL.eq(symbol)).execute()) > 0;
    }

    /** Sets the fields a person edits; false when the symbol is not listed. */
    public boolean update(String symbol, boolean active, int priority, String notes) {
        return db.writer().run(dsl -> dsl.update(WATCHED_SYMBOLS).set(WATCHED_SYMBOLS.ACTIVE, active ? 1L : 0L)
                .set(WATCHED_SYMBOLS.PRIORITY, (long) priority).set(WATCHED_SYMBOLS.NOTES, notes)
                .where(WATCHED_SYMBOLS.SYMBOL.eq(symbol)).execute()) > 0;
    }

    public void markUpdated(String symbol, Instant when) {
        db.writer().run(dsl -> dsl.update(WATCHED_SYMBOLS).set(WATCHED_SYMBOLS.LAST_UPDATED, when.getEpochSecond())
                .where(WATCHED_SYMBOLS.SYMBOL.eq(symbol)).execute());
    }

    public Optional<WatchlistEntry> find(String symbol) {
        return db.read(dsl -> dsl.selectFrom(WATCHED_SYMBOLS).where(WATCHED_SYMBOLS.SYMBOL.eq(symbol)).fetchOptional())
                .map(WatchlistRepository::toEntry);
    }

    /** All entries, highest priority first, then by symbol. */
    public List<WatchlistEntry> list() {
        return db.read(dsl -> dsl.selectFrom(WATCHED_SYMBOLS).orderBy(WATCHED_SYMBOLS.PRIORITY.desc(), WATCHED_SYMBOLS.SYMBOL)
                .fetch(WatchlistRepository::toEntry));
    }

    /** Active entries in update order: highest priority first. */
    public List<WatchlistEntry> active() {
        return list().stream().filter(WatchlistEntry::active).toList();
    }

    private static WatchlistEntry toEntry(WatchedSymbolsRecord r) {
        return new WatchlistEntry(r.getSymbol(), Instant.ofEpochSecond(r.getAddedAt()), r.getActive() != 0,
                r.getLastUpdated() == null ? null : Instant.ofEpochSecond(r.getLastUpdated()),
                r.getPriority().intValue(), r.getNotes());
    }
}
