package io.barkeep.cli;

/** Placeholder until the command tree lands. */
public final class BarkeepCli {
    private BarkeepCli() {
    }

    public static int run(String[] args) {
        return 0;
    }
}
