package io.barkeep;

import io.barkeep.cli.BarkeepCli;
import io.barkeep.store.DataFolder;

/** Entry point: runs a command when given one. (The desktop app arrives with its own issue.) */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Before the first logger exists: logback.xml writes barkeep.log into the data folder.
        System.setProperty("barkeep.logDir", DataFolder.resolve().toString());
        System.exit(BarkeepCli.run(args));
    }
}
