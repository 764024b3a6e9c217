package io.barkeep.sync;

import io.barkeep.domain.Session;
import io.barkeep.domain.SessionCoverage;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.store.GapService.GapReport;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a coverage report into vendor requests: the sessions with anything missing, runs of consecutive
 * sessions merged, at most one calendar month per request (the vendor's limit), and one request per day for
 * the latest sessions (they are the ones still changing, and a small answer is a fast answer).
 */
public final class FetchPlanner {
    /** How many of the newest sessions are asked for one day at a time. */
    static final int PER_DAY_SESSIONS = 2;

    private final TradingCalendar calendar;

    public FetchPlanner(TradingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The requests that fill {@code report}'s holes, oldest first.
     *
     * @param now          the present, to find the latest sessions
     * @param retryAfter   a settled session the vendor already answered within this long is not asked again
     *                     (what it lacks, the vendor does not have); {@link Duration#ZERO} asks again always
     */
    public List<FetchRequest> plan(GapReport report, Instant now, Duration retryAfter) {
        List<Session> wanted = new ArrayList<>();
        for (SessionCoverage c : report.sessions()) {
            if (c.missingBars() > 0 && !answeredRecently(report, c.session(), now, retryAfter)) {
                wanted.add(calendar.session(c.session().date()).orElse(c.session()));
            }
        }
        return group(report.symbol(), wanted, latestSessions(now));
    }

    private boolean answeredRecently(GapReport report, Session s, Instant now, Duration retryAfter) {
        Instant fetched = report.fetchedAt().get(s.date());
        if (fetched == null || retryAfter.isZero()) {
            return false;
        }
        boolean answeredSettled = !fetched.isBefore(s.close().plus(Duration.ofMinutes(30)));
        return answeredSettled && fetched.plus(retryAfter).isAfter(now);
    }

    private List<Session> latestSessions(Instant now) {
        List<Session> latest = new ArrayList<>();
        var d = now.atZone(Session.NEW_YORK).toLocalDate();
        calendar.session(d).filter(s -> s.open().isBefore(now)).ifPresent(latest::add);
        while (latest.size() < PER_DAY_SESSIONS) {
            var prev = calendar.previousSessionBefore(latest.isEmpty() ? d : latest.get(latest.size() - 1).date());
            if (prev.isEmpty()) {
                break;
            }
            latest.add(prev.get());
        }
        return latest;
    }

    /** Consecutive sessions become one request, cut at month ends; the latest sessions go one by one. */
    private List<FetchRequest> group(String symbol, List<Session> wanted, List<Session> latest) {
        List<FetchRequest> out = new ArrayList<>();
        Session runStart = null;
        Session runEnd = null;
        for (Session s : wanted) {
            boolean alone = latest.stream().anyMatch(l -> l.date().equals(s.date()));
            boolean continues = runEnd != null && !alone
                    && calendar.nextSessionAfter(runEnd.date()).map(n -> n.date().equals(s.date())).orElse(false)
                    && YearMonth.from(runStart.date()).equals(YearMonth.from(s.date()));
            if (continues) {
                runEnd = s;
                continue;
            }
            if (runStart != null) {
                out.add(new FetchRequest(symbol, runStart.date(), runEnd.date()));
            }
            if (alone) {
                out.add(new FetchRequest(symbol, s.date(), s.date()));
                runStart = null;
                runEnd = null;
            } else {
                runStart = s;
                runEnd = s;
            }
        }
        if (runStart != null) {
            out.add(new FetchRequest(symbol, runStart.date(), runEnd.date()));
        }
        return out;
    }

    /** Splits a request that was too large: a range in halves by sessions, down to single days. */
    public List<FetchRequest> split(FetchRequest request) {
        List<Session> sessions = calendar.sessions(request.from(), request.to());
        if (sessions.size() <= 1) {
            return List.of(request);
        }
        int mid = sessions.size() / 2;
        return List.of(new FetchRequest(request.symbol(), sessions.get(0).date(), sessions.get(mid - 1).date()),
                new FetchRequest(request.symbol(), sessions.get(mid).date(),
                        sessions.get(sessions.size() - 1).date()));
    }
}
