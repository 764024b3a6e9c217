package io.barkeep.sync;

import java.util.List;

/**
 * What a sync run did.
 *
 * @param vendorRequests every request sent, retries included
 * @param failures       one line per request given up for this pass
 */
public record SyncResult(int requestsPlanned, int requestsDone, int vendorRequests, long barsWritten,
                         long barsChanged, long emptyBars, int quarantined, int revisions, List<String> failures) {

    public boolean complete() {
        return failures.isEmpty();
    }
}
