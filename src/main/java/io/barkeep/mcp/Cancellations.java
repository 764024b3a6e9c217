package io.barkeep.mcp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The cancel flags of the tool calls in progress, keyed by session and JSON-RPC request id. The SDK (2.1.0) does
 * not act on {@code notifications/cancelled}; {@link RequestTap} sees it on the way in and sets the flag here,
 * which the call's work (a backfill) checks between vendor requests and in its back-off waits.
 */
final class Cancellations {
    /** The {@code _meta} key under which {@link RequestTap} tells a call its own request key. */
    static final String META_KEY = "io.barkeep/request";
    private static final int EARLY_KEPT = 256;

    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    // cancels that arrived before their call started (the two travel on different threads)
    private final Set<String> early = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > EARLY_KEPT;
                }
            }));

    static String key(String session, String requestId) {
        return (session == null ? "" : session) + "|" + requestId;
    }

    /** The key {@link RequestTap} put in a call's {@code _meta}, or null when it did not pass the tap. */
    static String keyOf(Map<String, Object> meta) {
        Object v = meta == null ? null : meta.get(META_KEY);
        return v == null ? null : v.toString();
    }

    /** The flag of the call with {@code key}; a fresh unset flag when the call cannot be cancelled (null key). */
    AtomicBoolean flag(String key) {
        if (key == null) {
            return new AtomicBoolean();
        }
        AtomicBoolean flag = running.computeIfAbsent(key, k -> new AtomicBoolean());
        if (early.remove(key)) {
            flag.set(true);
        }
        return flag;
    }

    void cancel(String key) {
        AtomicBoolean flag = running.get(key);
        if (flag != null) {
            flag.set(true);
        } else {
            early.add(key);
        }
    }

    void release(String key) {
        if (key != null) {
            running.remove(key);
        }
    }
}
