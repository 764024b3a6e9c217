package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SYMBOLS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/** Maps tickers to the small integer ids that bar rows carry; ids never change once given. */
final class SymbolIds {
    private final Database db;
    private static final String SELECT_ID = DSL.using(SQLDialect.SQLITE).select(SYMBOLS.ID).from(SYMBOLS)
            .where(SYMBOLS.SYMBOL.eq((String) null)).getSQL(ParamType.INDEXED);
    private final ConcurrentHashMap<String, Long> ids = new ConcurrentHashMap<>();
    /** In the database's own words (SQLite and PostgreSQL say "do nothing on conflict" differently in jOOQ). */
    private final String insertSql;

    SymbolIds(Database db) {
        this.db = db;
        this.insertSql = DSL.using(db.dialect()).insertInto(SYMBOLS, SYMBOLS.SYMBOL).values((String) null)
                .onConflictDoNothing().getSQL(ParamType.INDEXED);
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
        return dsl.connectionResult(c -> getOrCreate(c, symbol));
    }

    /** As {@link #getOrCreate(DSLContext, String)}, on the writer transaction's connection {@code c}. */
    long getOrCreate(Connection c, String symbol) throws SQLException {
        Long known = ids.get(symbol);
        if (known != null) {
            return known;
        }
        // Not cached here: if the transaction rolls back, a cached id would name a row that never existed.
        // Two statements rendered once: built and run through jOOQ they cost 1-2 ms, half a month's bars, on the
        // first write of every new symbol.
        try (PreparedStatement insert = c.prepareStatement(insertSql)) {
            insert.setString(1, symbol);
            insert.executeUpdate();
        }
        try (PreparedStatement select = c.prepareStatement(SELECT_ID)) {
            select.setString(1, symbol);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("symbol " + symbol + " has no id after its insert");
                }
                return rs.getLong(1);
            }
        }
    }
}
