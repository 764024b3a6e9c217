package io.barkeep.cli;

/** A handled failure the command line reports as one line on stderr with exit code 1. */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
