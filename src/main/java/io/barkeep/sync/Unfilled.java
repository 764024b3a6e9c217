package io.barkeep.sync;

import io.barkeep.domain.SessionCoverage;
import io.barkeep.domain.Symbols;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.GapService.GapReport;
import java.time.LocalDate;
import java.util.List;

/**
 * What a backfill left unfilled over its range, read back from the coverage ledger: sessions still incomplete
 * (some expected bar neither held nor confirmed no-trade) and the bars they lack. The command line's summary and
 * the desktop's finished job say the same thing from here.
 *
 * @param sessions (symbol, session) pairs still incomplete
 * @param bars     expected bars neither held nor confirmed no-trade
 */
public record Unfilled(int sessions, long bars) {

    /** Reads what {@code symbols} still lack from..to (sessions that have not happened yet do not count). */
    public static Unfilled of(CacheEngine engine, List<String> symbols, LocalDate from, LocalDate to) {
        int sessions = 0;
        long bars = 0;
        for (String symbol : symbols.stream().map(Symbols::normalize).distinct().toList()) {
            GapReport report = engine.gaps().report(symbol, from, to);
            for (SessionCoverage c : report.sessions()) {
                int lacking = c.expected() - c.held() - c.vendorEmpty();
                if (lacking > 0) {
                    sessions++;
                    bars += lacking;
                }
            }
        }
        return new Unfilled(sessions, bars);
    }

    public boolean none() {
        return sessions == 0;
    }

    /** "nothing left unfilled" or "3 sessions still incomplete (120 bars); see gaps". */
    public String text() {
        return none() ? "nothing left unfilled" : sessions + (sessions == 1 ? " session" : " sessions")
                + " still incomplete (" + bars + (bars == 1 ? " bar" : " bars") + "); see gaps";
    }
}
