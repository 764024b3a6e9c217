package io.barkeep.domain;

import java.time.Instant;

/**
 * One symbol the trader follows. Higher {@code priority} is updated first; inactive entries stay listed but
 * are not kept fresh.
 *
 * @param lastUpdated when the updater last brought it up to date, or null if never
 * @param notes       free text (strategy tags and the like), or null
 */
public record WatchlistEntry(String symbol, Instant addedAt, boolean active, Instant lastUpdated, int priority,
                             String notes) {
}
