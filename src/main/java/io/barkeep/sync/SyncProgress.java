package io.barkeep.sync;

/** Hears how a sync run goes: requests done of the total known so far, and bars written. */
@FunctionalInterface
public interface SyncProgress {
    SyncProgress NONE = (done, total, bars) -> { };

    void update(int done, int total, long barsWritten);
}
