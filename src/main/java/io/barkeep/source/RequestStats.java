package io.barkeep.source;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * What a source's requests are doing, for the vendor health view: requests in flight against the tier's limit,
 * the latency of recent answers, the last success, and when the vendor went from answering to not answering and
 * back. Every source reports here (the Theta Terminal's v3 and v2 HTTP clients, the MCP client, the demo feed);
 * a request counts from the moment it holds one of the limit's slots, so "in flight" never exceeds the limit.
 * <p>
 * Errors are not counted here: every vendor failure is a safety event in the database, which is where the view
 * reads errors by code from, so they outlive the process. These figures live in memory, since the source opened.
 * Thread-safe (every method is synchronized; a request costs two short critical sections). Bounded memory: the
 * last {@link #LATENCY_SAMPLES} latencies and the last {@link #MAX_STATES} state changes.
 */
public final class RequestStats {
    static final int LATENCY_SAMPLES = 256;
    static final int MAX_STATES = 100;
    /** The limit of a source that has none (the demo feed answers from memory). */
    public static final int NO_LIMIT = 0;

    /** The vendor's state as its answers show it. */
    public enum State { ANSWERING, NOT_ANSWERING }

    /** One state change, at {@code at}; {@code detail} says what showed it (an error code, a check's message). */
    public record Change(Instant at, State state, String detail) {
    }

    /**
     * The figures at one moment.
     *
     * @param limit        the most requests in flight at once, {@link #NO_LIMIT} for none
     * @param medianMillis the median latency of the last {@link #LATENCY_SAMPLES} answers, -1 before the first
     * @param answered     answers received (successes and error answers)
     * @param since        when the figures began: the source opened
     * @param peakInFlight the most requests that were ever in flight at once
     * @param at           when the snapshot was taken, by the same clock as the other instants
     */
    public record Snapshot(int inFlight, int limit, long medianMillis, int answered, Instant lastSuccess,
                           List<Change> changes, Instant since, int peakInFlight, Instant at) {
    }

    private final int limit;
    private final Clock clock;
    private final Instant since;
    private final long[] latencies = new long[LATENCY_SAMPLES];
    private final Deque<Change> changes = new ArrayDeque<>();
    private int inFlight;
    private int peak;
    private int next;
    private int filled;
    private int answered;
    private Instant lastSuccess;

    public RequestStats(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
        this.since = clock.instant();
    }

    /** A request holds a slot and goes out; returns its start, for the one call that ends it. */
    public synchronized long begin() {
        inFlight++;
        peak = Math.max(peak, inFlight);
        return System.nanoTime();
    }

    /** The request started at {@code started} was answered with what was asked for (data or "no data"). */
    public synchronized void succeeded(long started) {
        Instant now = answer(started);
        lastSuccess = now;
        change(now, State.ANSWERING, "");
    }

    /** The vendor answered the request started at {@code started} with an error: it answers, but refused. */
    public synchronized void refused(long started, String code) {
        change(answer(started), State.ANSWERING, code);
    }

    /** The request started at {@code started} got no answer: {@code code} names why (timeout, no terminal ...). */
    public synchronized void failed(long started, String code) {
        inFlight--;
        change(clock.instant(), State.NOT_ANSWERING, code);
    }

    /**
     * The readiness check started at {@code started} got an answer; what the answer says is the source's to judge,
     * and it reports that with {@link #checked} (a terminal can answer "not connected").
     */
    public synchronized void ended(long started) {
        inFlight--;
    }

    /** The request started at {@code started} was cancelled by the user: it tells nothing about the vendor. */
    public synchronized void abandoned(long started) {
        inFlight--;
    }

    /** Records the outcome of a readiness check, which tells the state as a request does; never a success. */
    public synchronized void checked(boolean answering, String detail) {
        change(clock.instant(), answering ? State.ANSWERING : State.NOT_ANSWERING, detail);
    }

    public synchronized Snapshot snapshot() {
        int n = filled;
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        long median = n == 0 ? -1 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Snapshot(inFlight, limit, median, answered, lastSuccess, new ArrayList<>(changes), since, peak,
                clock.instant());
    }

    private Instant answer(long started) {
        inFlight--;
        latencies[next] = Math.max(0, (System.nanoTime() - started) / 1_000_000);
        next = (next + 1) % LATENCY_SAMPLES;
        filled = Math.min(filled + 1, LATENCY_SAMPLES);
        answered++;
        return clock.instant();
    }

    private void change(Instant now, State state, String detail) {
        if (changes.isEmpty() || changes.peekLast().state() != state) {
            changes.addLast(new Change(now, state, detail));
            if (changes.size() > MAX_STATES) {
                changes.removeFirst();
            }
        }
    }
}
