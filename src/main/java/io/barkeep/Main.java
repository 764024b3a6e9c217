package io.barkeep;

import io.barkeep.cli.BarkeepCli;

/** Entry point: runs a command when given one. (The desktop app arrives with its own issue.) */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(BarkeepCli.run(args));
    }
}
