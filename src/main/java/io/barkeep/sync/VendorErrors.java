package io.barkeep.sync;

import io.barkeep.domain.SafetyEvent;
import io.barkeep.source.VendorErrorCode;
import io.barkeep.store.CacheEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The vendor's failures over the last 24 hours, read from the safety events: every failed request the sync layer
 * sends is recorded there (one {@code vendor_*} event per failed attempt, one {@link MarketData#SOURCE_UNAVAILABLE}
 * per run skipped because the source did not answer), so these counts outlive the process. One rule for the
 * dashboard's error tile and the vendor health view.
 */
public final class VendorErrors {
    /** Errors count over this window. */
    public static final Duration WINDOW = Duration.ofHours(24);
    /** The kinds the sync layer records vendor failures under all start with this. */
    static final String VENDOR_KIND_PREFIX = "vendor_";
    private static final int EVENT_LIMIT = 100_000;

    private VendorErrors() {
    }

    /** Whether {@code e} records a failure of the vendor (not a rejected row, not a storage problem). */
    public static boolean isVendorFailure(SafetyEvent e) {
        return e.kind() != null && (e.kind().startsWith(VENDOR_KIND_PREFIX)
                || e.kind().equals(MarketData.SOURCE_UNAVAILABLE));
    }

    /** The vendor failures of the last {@link #WINDOW} before {@code now}, of every source. Blocking. */
    public static List<SafetyEvent> lastDay(CacheEngine engine, Instant now) {
        return engine.events().since(now.minus(WINDOW), EVENT_LIMIT).stream()
                .filter(VendorErrors::isVendorFailure).toList();
    }

    /**
     * The vendor failures of {@code source} (by its name) in the last {@link #WINDOW} before {@code now}, counted by
     * {@link VendorErrorCode}, the most frequent first. Blocking.
     */
    public static Map<String, Integer> byCode(CacheEngine engine, String source, Instant now) {
        Map<String, Integer> counts = new TreeMap<>(lastDay(engine, now).stream()
                .filter(e -> source.equals(e.source()))
                .collect(Collectors.groupingBy(e -> VendorErrorCode.ofMessage(e.message()),
                        Collectors.summingInt(e -> 1))));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
