package io.barkeep.store;

/**
 * A storage failure explained in one line a person can act on (locked file, corrupt file, full disk).
 * The message is what the command line prints; the cause is kept for the log.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
