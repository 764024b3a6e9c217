package io.barkeep.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a vendor source's requests did, for the vendor health view: requests in flight against the limit, the
 * latency of recent answers, the last success, errors by code over the last 24 hours, and when the vendor went
 * from answering to not answering and back. Thread-safe (every method is synchronized; a request costs two short
 * critical sections). Bounded memory: the last {@link #LATENCY_SAMPLES} latencies, errors of 24 hours up to
 * {@link #MAX_ERRORS}, the last {@link #MAX_STATES} state changes.
 */
public final class RequestStats {
    static final int LATENCY_SAMPLES = 256;
    static final int MAX_ERRORS = 10_000;
    static final int MAX_STATES = 100;
    static final Duration WINDOW = Duration.ofHours(24);

    /** The vendor's state as its answers show it. */
    public enum State { ANSWERING, NOT_ANSWERING }

    /** One state change, at {@code at}. */
    public record Change(Instant at, State state, String detail) {
    }

    /** The figures at one moment. */
    public record Snapshot(int inFlight, int limit, long medianMillis, int answered, Instant lastSuccess,
                           Map<String, Integer> errorsByCode, List<Change> changes) {
    }

    private record Failure(Instant at, String code) {
    }

    private final int limit;
    private final Clock clock;
    private final long[] latencies = new long[LATENCY_SAMPLES];
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Deque<Change> changes = new ArrayDeque<>();
    private int inFlight;
    private int samples;
    private int answered;
    private Instant lastSuccess;

    public RequestStats(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** A request goes out; returns its start for {@link #answered} or {@link #failed}. */
    public synchronized long begin() {
        inFlight++;
        return System.nanoTime();
    }

    /** The request started at {@code started} got an answer; {@code ok} unless its status is an error. */
    public synchronized void answered(long started, int status, boolean ok) {
        inFlight--;
        latencies[samples++ % LATENCY_SAMPLES] = Math.max(0, (System.nanoTime() - started) / 1_000_000);
        answered++;
        Instant now = clock.instant();
        if (ok) {
            lastSuccess = now;
        } else {
            failure(now, "HTTP " + status);
        }
        change(now, State.ANSWERING, ok ? "" : "HTTP " + status);
    }

    /** The request started at {@code started} got no answer: {@code code} names why (timeout, refused ...). */
    public synchronized void failed(long started, String code) {
        inFlight--;
        Instant now = clock.instant();
        failure(now, code);
        change(now, State.NOT_ANSWERING, code);
    }

    /** Records the outcome of a readiness check, which tells the state as a request does. */
    public synchronized void checked(boolean answering, String detail) {
        change(clock.instant(), answering ? State.ANSWERING : State.NOT_ANSWERING, detail);
    }

    public synchronized Snapshot snapshot() {
        Instant now = clock.instant();
        prune(now);
        int n = Math.min(samples, LATENCY_SAMPLES);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        long median = n == 0 ? -1 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        Map<String, Integer> byCode = new TreeMap<>();
        failures.forEach(f -> byCode.merge(f.code(), 1, Integer::sum));
        return new Snapshot(inFlight, limit, median, answered, lastSuccess, byCode, new ArrayList<>(changes));
    }

    private void failure(Instant now, String code) {
        failures.addLast(new Failure(now, code));
        if (failures.size() > MAX_ERRORS) {
            failures.removeFirst();
        }
        prune(now);
    }

    private void prune(Instant now) {
        while (!failures.isEmpty() && failures.peekFirst().at().isBefore(now.minus(WINDOW))) {
            failures.removeFirst();
        }
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
