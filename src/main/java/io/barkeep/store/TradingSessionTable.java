package io.barkeep.store;

import static io.barkeep.store.schema.Tables.TRADING_SESSIONS;

import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.util.List;
import org.jooq.Record2;

/**
 * Keeps {@code trading_sessions} (the calendar in force as rows) in step with the calendar Barkeep runs on, so
 * the compatibility views and a foreign client's SQL (a join of trades with sessions, an insert through
 * {@code market_data_bars}) see the same sessions as Barkeep. Rewritten only when the calendar's version or
 * reach changed: a cheap check on every open.
 */
final class TradingSessionTable {
    private TradingSessionTable() {
    }

    /** Writes the calendar's sessions unless the table already holds exactly this calendar. */
    static void sync(Database db, TradingCalendar calendar) {
        List<Session> sessions = calendar.allSessions();
        Record2<String, Integer> held = db.read(dsl -> dsl.select(org.jooq.impl.DSL.max(
                        TRADING_SESSIONS.CALENDAR_VERSION), org.jooq.impl.DSL.count())
                .from(TRADING_SESSIONS).fetchOne());
        if (held != null && calendar.version().equals(held.value1()) && held.value2() == sessions.size()) {
            return;
        }
        db.writer().run(dsl -> {
            if (db.isPostgres()) {
                // Programs on several machines may open a shared cache at once: one rewrites, the others wait here
                // (the lock ends with the transaction) and then find the table current.
                dsl.execute("SELECT pg_advisory_xact_lock(1650553451, 2)");
                Record2<String, Integer> now = dsl.select(org.jooq.impl.DSL.max(TRADING_SESSIONS.CALENDAR_VERSION),
                        org.jooq.impl.DSL.count()).from(TRADING_SESSIONS).fetchOne();
                if (now != null && calendar.version().equals(now.value1()) && now.value2() == sessions.size()) {
                    return null;
                }
            }
            dsl.deleteFrom(TRADING_SESSIONS).execute();
            var insert = dsl.insertInto(TRADING_SESSIONS, TRADING_SESSIONS.SESSION_DATE, TRADING_SESSIONS.OPEN_TS,
                    TRADING_SESSIONS.CLOSE_TS, TRADING_SESSIONS.KIND, TRADING_SESSIONS.CALENDAR_VERSION);
            for (Session s : sessions) {
                insert = insert.values((long) s.dateKey(), s.open().getEpochSecond(), s.close().getEpochSecond(),
                        s.kind().label(), calendar.version());
            }
            if (!sessions.isEmpty()) {
                insert.execute();
            }
            return null;
        });
    }
}
