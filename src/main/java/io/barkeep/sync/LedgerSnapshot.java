package io.barkeep.sync;

import io.barkeep.domain.Session;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.FetchClaims;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The coverage ledger of the sessions a run may ask for, as it was before the run planned them. After claiming a
 * request's sessions, the {@link Fetcher} compares the ledger with this look: a session whose row changed since was
 * answered by another process sharing the cache and is not asked again. The look must come before the plan; one
 * taken after it would already show what another process answered in between as the starting point, and the
 * session would be asked twice. On SQLite (one writer) nothing is looked at.
 */
public final class LedgerSnapshot {
    /** A session looked at that had no ledger row yet. */
    private static final String NO_ROW = "";

    private final CacheEngine engine;
    private final Map<String, Map<Integer, String>> rows = new HashMap<>();

    public LedgerSnapshot(CacheEngine engine) {
        this.engine = engine;
    }

    /** Looks at {@code symbol}'s sessions from..to; sessions looked at before keep their first look. */
    public synchronized void take(String symbol, LocalDate from, LocalDate to) {
        if (!engine.database().isPostgres()) {
            return;
        }
        Map<Integer, String> seen = rows.computeIfAbsent(symbol, k -> new HashMap<>());
        List<Integer> keys = engine.bars().calendar().sessions(from, to).stream().map(Session::dateKey)
                .filter(k -> !seen.containsKey(k)).toList();
        Map<Integer, String> now = FetchClaims.ledger(engine.database(), symbol, keys);
        keys.forEach(k -> seen.put(k, now.getOrDefault(k, NO_ROW)));
    }

    /** Whether {@code symbol}'s session {@code dateKey} looks as it did then (true when it was not looked at). */
    synchronized boolean unchanged(String symbol, int dateKey, Map<Integer, String> ledgerNow) {
        Map<Integer, String> seen = rows.get(symbol);
        if (seen == null || !seen.containsKey(dateKey)) {
            return true;
        }
        return seen.get(dateKey).equals(ledgerNow.getOrDefault(dateKey, NO_ROW));
    }
}
