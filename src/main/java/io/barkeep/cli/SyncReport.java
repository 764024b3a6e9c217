package io.barkeep.cli;

import io.barkeep.sync.SyncResult;
import java.io.PrintWriter;

/** How the command line tells what a sync run did. */
final class SyncReport {
    private SyncReport() {
    }

    /** One line per request given up for this pass (stderr), so a script sees the answer may be partial. */
    static void printFailures(PrintWriter err, SyncResult result) {
        if (result == null) {
            return;
        }
        for (String f : result.failures()) {
            err.println("warning: gave up for now on " + f);
        }
    }

    static String summary(SyncResult r) {
        return r.requestsDone() + "/" + r.requestsPlanned() + " requests (" + r.vendorRequests() + " sent), "
                + r.barsWritten() + " bars written (" + r.barsChanged() + " new or changed), " + r.emptyBars()
                + " no-trade bars, " + r.quarantined() + " quarantined, " + r.revisions() + " revisions"
                + (r.failures().isEmpty() ? "" : ", " + r.failures().size() + " given up for now");
    }
}
