package io.barkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

/**
 * The store on a real PostgreSQL server (started by the tests themselves): the location picks the dialect, the
 * PostgreSQL migrations make compact tables, and bars round-trip exactly and idempotently as on SQLite.
 */
@PostgresOnly
class PostgresStoreTest {
    private static final Session MON = TestBars.regular("2024-07-01");
    private static final TradingCalendar CALENDAR = TestBars.calendar(MON);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-08-10T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aPostgresqlUrlOpensAMigratedCacheWhereBarsRoundTripExactly() {
        DbLocation location = PostgresServer.shared().freshDatabase();
        List<Bar> bars = TestBars.session(MON, 1);
        try (Database db = Database.open(location)) {
            assertTrue(db.isPostgres());
            assertEquals(SQLDialect.POSTGRES, db.dialect());
            assertTrue(db.engine().startsWith("PostgreSQL "), db.engine());
            BarStore store = new BarStore(db, CALENDAR, 0, CLOCK);

            assertEquals(78, store.write(BarBatch.of("AAPL", bars)).barsChanged());
            assertEquals(0, store.write(BarBatch.of("AAPL", bars)).barsChanged(), "a repeated write changes nothing");
            assertEquals(bars, store.bars("AAPL", MON.open(), MON.close()));
        }
        try (Database again = Database.open(location)) {
            BarStore store = new BarStore(again, CALENDAR, 0, CLOCK);
            assertEquals(bars, store.bars("AAPL", MON.open(), MON.close()), "kept across opens, no second migration");
        }
    }

    @Test
    void rowsAreCompactBigintTimesAndPricesIntegerSymbolIdsKeyedBySymbolAndTime() throws Exception {
        DbLocation location = PostgresServer.shared().freshDatabase();
        try (Database db = Database.open(location);
             Connection c = db.postgres().connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                    + " WHERE table_name = 'bars_5m' ORDER BY ordinal_position")) {
                StringBuilder columns = new StringBuilder();
                while (rs.next()) {
                    columns.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(", ");
                }
                assertEquals("symbol_id integer, ts bigint, open bigint, high bigint, low bigint, close bigint, "
                        + "volume bigint, trades bigint, vwap bigint, ", columns.toString());
            }
            try (ResultSet rs = st.executeQuery("SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE conrelid = 'bars_5m'::regclass AND contype = 'p'")) {
                assertTrue(rs.next());
                assertEquals("PRIMARY KEY (symbol_id, ts)", rs.getString(1));
            }
        }
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DbLocation.parse("postgresql://trader:s3cret@db.example:5432/barkeep"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().contains("~/.pgpass"), e.getMessage());
    }

    @Test
    void bothSpellingsOfAUrlNameTheSameDatabaseAndAPathStaysAFile() {
        DbLocation plain = DbLocation.parse("postgresql://trader@db.example:5432/barkeep");
        DbLocation jdbc = DbLocation.parse("jdbc:postgresql://db.example:5432/barkeep?user=trader");
        assertEquals(plain.jdbcUrl(), jdbc.jdbcUrl());
        assertEquals("postgresql://trader@db.example:5432/barkeep", plain.display());
        assertEquals(SQLDialect.SQLITE, DbLocation.parse("trading_data.db").dialect());
    }

    @Test
    void anUnreachableServerIsOneLineNamingTheDatabase() {
        StoreException e = assertThrows(StoreException.class,
                () -> Database.open(DbLocation.parse("postgresql://nobody@127.0.0.1:1/none")));
        assertTrue(e.getMessage().startsWith("cannot reach PostgreSQL for postgresql://nobody@127.0.0.1:1/none"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
