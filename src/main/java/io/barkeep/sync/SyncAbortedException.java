package io.barkeep.sync;

/** A sync run stopped because nothing more could work (no terminal, no permission, cancelled). */
public final class SyncAbortedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SyncAbortedException(String message) {
        super(message);
    }
}
