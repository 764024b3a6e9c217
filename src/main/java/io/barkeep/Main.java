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
            java.util.OptionalInt relaunched = DesktopHeap.relaunch();
            if (relaunched.isPresent()) {
                System.exit(relaunched.getAsInt());
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
