package io.barkeep.cli;

/** Bad usage found after parsing (a malformed symbol, a bad interval, a range that ends before it starts): exit 2. */
public class UsageError extends UserError {
    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
        super(message);
    }
}
