package io.barkeep.domain;

import java.time.Instant;

/**
 * A failure worth a person's attention: a vendor error, a rejected row, a storage problem.
 *
 * @param kind      a short machine-readable kind, e.g. {@code vendor_error}, {@code rejected_bar}
 * @param symbol    the symbol concerned, or null
 * @param source    the data source concerned ({@code thetadata}, {@code csv}...), or null
 * @param rangeFrom start of the range concerned, or null
 * @param rangeTo   end of the range concerned, or null
 */
public record SafetyEvent(Instant at, String kind, String symbol, String source, Instant rangeFrom, Instant rangeTo,
                          String message) {
}
