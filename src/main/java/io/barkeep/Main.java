package io.barkeep;

import io.barkeep.cli.BarkeepCli;
import io.barkeep.store.DataFolder;
import io.barkeep.ui.app.DesktopLauncher;

/** Entry point: opens the desktop app, or runs a command when given one. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        prepareLogging();
        if (args.length == 0) {
            try {
                java.util.OptionalInt relaunched = DesktopHeap.relaunch();
                if (relaunched.isPresent()) {
                    System.exit(relaunched.getAsInt());
                }
            } catch (java.io.IOException e) {
                // Printed, not logged: starting logging would cost the waiting JVM about 12 MB for its whole life.
                System.err.println("barkeep: cannot start the desktop app with its heap options, starting it here: "
                        + e);
            }
            DesktopLauncher.launch(args);
            return;
        }
        System.exit(BarkeepCli.run(args));
    }

    /** Before the first logger exists: logback.xml writes barkeep.log into the data folder (never through a link). */
    public static void prepareLogging() {
        System.setProperty("barkeep.logDir", DataFolder.logDirectory(DataFolder.resolve()).toString());
    }
}
