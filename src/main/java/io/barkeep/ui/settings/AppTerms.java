package io.barkeep.ui.settings;

/**
 * A source's message in the desktop app's own terms: the sources speak to the command line ("use --source demo"),
 * a person in the app fixes it in Settings.
 */
public final class AppTerms {
    private AppTerms() {
    }

    public static String of(String message) {
        return message.replace("use --source demo", "choose the demo source in Settings")
                .replace("--source demo", "the demo source in Settings");
    }
}
