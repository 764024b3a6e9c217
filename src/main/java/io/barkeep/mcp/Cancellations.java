package io.barkeep.mcp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.barkeep.source.Cancellation;

/**
 * The cancel flags of the tool calls in progress, keyed by session and JSON-RPC request id. The SDK (2.1.0) does
 * not act on {@code notifications/cancelled}; {@link RequestTap} sees it on the way in and sets the flag here,
 * which the call's work (a backfill) checks between vendor requests and in its back-off waits.
 */
final class Cancellations {
    /** The {@code _meta} key under which {@link RequestTap} tells a call its own request key. */
    static final String META_KEY = "io.barkeep/request";

    // the calls read from the input and not yet answered, by key; guarded by itself for awaitIdle
    private final Map<String, Cancellation> running = new ConcurrentHashMap<>();

    static String key(String session, String requestId) {
        return (session == null ? "" : session) + "|" + requestId;
    }

    /** The key {@link RequestTap} put in a call's {@code _meta}, or null when it did not pass the tap. */
    static String keyOf(Map<String, Object> meta) {
        Object v = meta == null ? null : meta.get(META_KEY);
        return v == null ? null : v.toString();
    }

    /** Called by the tap as a call comes in, so a cancel that overtakes the call's start still reaches it. */
    void expect(String key) {
        running.computeIfAbsent(key, k -> new Cancellation());
    }

    /** The flag of the call with {@code key}; a fresh unset flag when the call cannot be cancelled (null key). */
    Cancellation flag(String key) {
        return key == null ? new Cancellation() : running.computeIfAbsent(key, k -> new Cancellation());
    }

    void cancel(String key) {
        Cancellation flag = running.get(key);
        if (flag != null) {
            flag.cancel();
        }
    }

    void release(String key) {
        if (key != null) {
            running.remove(key);
            synchronized (running) {
                running.notifyAll();
            }
        }
    }

    /** Waits until no call is in progress, at most {@code millis}: the input ended, the answers may still go out. */
    void awaitIdle(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (running) {
            long left;
            while (!running.isEmpty() && (left = deadline - System.currentTimeMillis()) > 0) {
                running.wait(left);
            }
        }
    }
}
