package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SYMBOLS;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/** Maps tickers to the small integer ids that bar rows carry; ids never change once given. */
final class SymbolIds {
    private final Database db;
    private final ConcurrentHashMap<String, Long> ids = new ConcurrentHashMap<>();

    SymbolIds(Database db) {
        this.db = db;
    }

    /** The id of {@code symbol}, if any bar or ledger row was ever written for it. */
    Optional<Long> find(String symbol) {
        Long id = ids.get(symbol);
        if (id != null) {
            return Optional.of(id);
        }
        Long found = db.read(dsl -> dsl.select(SYMBOLS.ID).from(SYMBOLS).where(SYMBOLS.SYMBOL.eq(symbol)).fetchOne(
                SYMBOLS.ID));
        if (found != null) {
            ids.put(symbol, found);
        }
        return Optional.ofNullable(found);
    }

    /** Records an id once the transaction that created it has committed. */
    void remember(String symbol, long id) {
        ids.put(symbol, id);
    }

    /** The id of {@code symbol}, creating it; call inside a writer transaction. */
    long getOrCreate(DSLContext dsl, String symbol) {
        Long known = ids.get(symbol);
        if (known != null) {
            return known;
        }
        // Not cached here: if the transaction rolls back, a cached id would name a row that never existed.
        dsl.insertInto(SYMBOLS, SYMBOLS.SYMBOL).values(symbol).onConflictDoNothing().execute();
        return dsl.select(SYMBOLS.ID).from(SYMBOLS).where(SYMBOLS.SYMBOL.eq(symbol)).fetchSingle(SYMBOLS.ID);
    }
}
