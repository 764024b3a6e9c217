package io.barkeep.store;

import static io.barkeep.store.schema.Tables.BARS_5M;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionQuote;
import io.barkeep.domain.TradingCalendar;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * Where symbols stand in their latest session ({@link SessionQuote}), read on one connection with two constant
 * statements a symbol: the newest bar's start, then, summed by the database, the previous session's last close, the
 * newest close and the session's volume. The watchlist asks this of every symbol at once (554 on a screener's
 * list); reading the two sessions' bars into Java instead cost about 160 rows and three statements a symbol.
 */
final class SessionQuoteReader {
    /**
     * Parameters: symbol id, previous session's open, session's open (the previous close); symbol id, newest start
     * (the last price); symbol id, session's open, newest start (the volume).
     */
    private static final String QUOTE = DSL.using(SQLDialect.SQLITE).select(
            DSL.select(BARS_5M.CLOSE).from(BARS_5M).where(BARS_5M.SYMBOL_ID.eq((Long) null))
                    .and(BARS_5M.TS.ge((Long) null)).and(BARS_5M.TS.lt((Long) null))
                    .orderBy(BARS_5M.TS.desc()).limit(DSL.inline(1)).<Long>asField("previous_close"),
            DSL.select(BARS_5M.CLOSE).from(BARS_5M).where(BARS_5M.SYMBOL_ID.eq((Long) null))
                    .and(BARS_5M.TS.eq((Long) null)).<Long>asField("last"),
            volumeBetween()).getSQL(ParamType.INDEXED);

    private SessionQuoteReader() {
    }

    private static Field<?> volumeBetween() {
        return DSL.select(DSL.sum(BARS_5M.VOLUME)).from(BARS_5M).where(BARS_5M.SYMBOL_ID.eq((Long) null))
                .and(BARS_5M.TS.ge((Long) null)).and(BARS_5M.TS.le((Long) null)).asField("volume");
    }

    /** The quotes of the symbols in {@code ids} (symbol to id) that hold a bar in a session of {@code calendar}. */
    static Map<String, SessionQuote> read(Connection c, Map<String, Long> ids, TradingCalendar calendar)
            throws SQLException {
        Map<String, SessionQuote> out = new HashMap<>();
        try (PreparedStatement latest = c.prepareStatement(BarWriter.NEWEST_START);
             PreparedStatement quote = c.prepareStatement(QUOTE)) {
            for (Map.Entry<String, Long> e : ids.entrySet()) {
                read(latest, quote, e.getValue(), calendar).ifPresent(q -> out.put(e.getKey(), q));
            }
        }
        return out;
    }

    private static Optional<SessionQuote> read(PreparedStatement latest, PreparedStatement quote, long symbolId,
                                               TradingCalendar calendar) throws SQLException {
        Long newest = BarWriter.newestStart(latest, symbolId);
        if (newest == null) {
            return Optional.empty();
        }
        Optional<Session> session = calendar.latestSessionStartedBy(Instant.ofEpochSecond(newest));
        if (session.isEmpty()) {
            return Optional.empty();
        }
        long open = session.get().open().getEpochSecond();
        // Without a session before it in the calendar, the previous close is looked for in an empty range.
        long previousOpen = calendar.previousSessionBefore(session.get().date()).map(s -> s.open().getEpochSecond())
                .orElse(open);
        int i = 1;
        quote.setLong(i++, symbolId);
        quote.setLong(i++, previousOpen);
        quote.setLong(i++, open);
        quote.setLong(i++, symbolId);
        quote.setLong(i++, newest);
        quote.setLong(i++, symbolId);
        quote.setLong(i++, open);
        quote.setLong(i, newest);
        try (ResultSet rs = quote.executeQuery()) {
            rs.next();
            long previousClose = rs.getLong(1);
            if (rs.wasNull()) {
                previousClose = Bar.UNKNOWN;
            }
            return Optional.of(new SessionQuote(rs.getLong(2), previousClose, rs.getLong(3)));
        }
    }
}
