package io.barkeep.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Barkeep keeps its database, backups, settings and logs: the user's data folder
 * ({@code $XDG_DATA_HOME/barkeep}, {@code ~/Library/Application Support/Barkeep}, {@code %APPDATA%\Barkeep}),
 * never the installation. {@code BARKEEP_HOME} overrides it (tests, portable installs).
 */
public final class DataFolder {
    /** The default market-data database file name (DESIGN point 1). */
    public static final String DEFAULT_DB = "trading_data.db";

    private DataFolder() {
    }

    public static Path resolve() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static Path resolve(Map<String, String> env, String osName, String userHome) {
        String override = env.get("BARKEEP_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Barkeep") : Path.of(userHome, "AppData", "Roaming", "Barkeep");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Barkeep");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "barkeep") : Path.of(userHome, ".local", "share", "barkeep");
    }

    /** The log's file name in the data folder (logback.xml names it too). */
    public static final String LOG_FILE = "barkeep.log";

    /**
     * The folder {@code barkeep.log} goes to, made safe to write: a {@code barkeep.log} that is a symbolic link
     * (to a file of the user's, say) is removed, never written through; the log then starts afresh as a plain
     * file. Called before the first logger exists.
     */
    public static Path logDirectory(Path folder) {
        Path log = folder.resolve(LOG_FILE);
        try {
            Files.createDirectories(folder);
            if (Files.isSymbolicLink(log)) {
                Files.delete(log);
            }
        } catch (IOException e) {
            // No logger yet to tell: the log goes to the temporary folder instead of through the link.
            return Path.of(System.getProperty("java.io.tmpdir"));
        }
        return folder;
    }

    public static Path defaultDatabase() {
        return resolve().resolve(DEFAULT_DB);
    }
}
