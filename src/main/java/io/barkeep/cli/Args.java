package io.barkeep.cli;

import io.barkeep.domain.Interval;
import io.barkeep.domain.Symbols;
import java.util.List;

/** The command line's checks of what a person typed: each failure is bad usage ({@link UsageError}, exit 2). */
final class Args {
    private Args() {
    }

    static String symbol(String raw) {
        try {
            return Symbols.normalize(raw);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    static List<String> symbols(List<String> raw) {
        return raw.stream().map(Args::symbol).toList();
    }

    static Interval interval(String raw) {
        try {
            return Interval.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
