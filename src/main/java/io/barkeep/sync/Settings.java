package io.barkeep.sync;

import io.barkeep.store.DbLocation;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The user's settings, kept as {@code settings.json} in the data folder. A fresh machine gets the simulated
 * feed so Barkeep shows data with no vendor account.
 *
 * @param source           {@code demo}, {@code thetadata}, {@code thetadata-v2} or {@code thetadata-mcp}
 * @param thetaUrl         the terminal's root URL (null: the source's default)
 * @param thetaConcurrency requests in flight (the account tier: FREE 1, VALUE 2, STANDARD 4, PRO 8)
 * @param vendorDelaySeconds how long after a bar closes the updater asks for it
 * @param databasePath     the database: a SQLite file or a {@code postgresql://} URL (null: trading_data.db, or
 *                         demo.db for the simulated feed, which never uses a URL)
 * @param retainDays       the retention window
 * @param backupKeep       how many backups to keep
 * @param cacheMb          the hot cache's bound
 * @param thetaV2Url       the terminal's v2 surface, where splits and dividends come from (null:
 *                         http://127.0.0.1:25510)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(String source, String thetaUrl, int thetaConcurrency, int vendorDelaySeconds,
                       String databasePath, int retainDays, int backupKeep, int cacheMb, String thetaV2Url) {

    /** Settings without a v2 URL (the default one). */
    public Settings(String source, String thetaUrl, int thetaConcurrency, int vendorDelaySeconds, String databasePath,
                    int retainDays, int backupKeep, int cacheMb) {
        this(source, thetaUrl, thetaConcurrency, vendorDelaySeconds, databasePath, retainDays, backupKeep, cacheMb,
                null);
    }

    public static final String FILE_NAME = "settings.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static Settings defaults() {
        return new Settings(Sources.DEMO, null, 2, 60, null, 1095, 7, 100);
    }

    /** The settings in {@code folder}, or the defaults when there are none yet. */
    public static Settings load(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        Settings read;
        try {
            read = JSON.readValue(file.toFile(), Settings.class);
        } catch (JsonProcessingException e) {
            // Jackson's own message spans lines (source, path): the first line and where, in one.
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("settings " + file + " are not valid: " + e.getOriginalMessage()
                    .lines().findFirst().orElse("unreadable") + (at == null ? "" : " (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")") + "; fix or delete the file", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read settings " + file + ": " + e.getMessage(), e);
        }
        if (read == null) {
            throw new IllegalArgumentException("settings " + file + " hold null instead of settings; fix or delete"
                    + " the file");
        }
        // A null value of a field is as good as a missing one: the default.
        return read.withDefaults();
    }

    /** Writes the settings whole (a temporary file moved into place). */
    public void save(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path tmp = folder.resolve(FILE_NAME + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, folder.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private Settings withDefaults() {
        Settings d = defaults();
        return new Settings(source == null ? d.source : source, thetaUrl,
                thetaConcurrency > 0 ? thetaConcurrency : d.thetaConcurrency,
                vendorDelaySeconds > 0 ? vendorDelaySeconds : d.vendorDelaySeconds, databasePath,
                retainDays > 0 ? retainDays : d.retainDays, backupKeep > 0 ? backupKeep : d.backupKeep,
                cacheMb > 0 ? cacheMb : d.cacheMb, thetaV2Url);
    }

    /** These settings with another source. */
    public Settings withSource(String name) {
        return new Settings(name, thetaUrl, thetaConcurrency, vendorDelaySeconds, databasePath, retainDays, backupKeep,
                cacheMb, thetaV2Url);
    }

    /**
     * Where this source's cache lives: the database set (a file, or a {@code postgresql://} URL shared by a team;
     * never with a password), else its file in {@code folder}. The simulated feed always keeps its own file.
     */
    public DbLocation location(Path folder) {
        if (databasePath != null && DbLocation.isPostgres(databasePath) && !Sources.isSimulated(source)) {
            return DbLocation.parse(databasePath);
        }
        return DbLocation.sqlite(database(folder));
    }

    /**
     * The SQLite file: the one set, else this source's in {@code folder}. Private: a setting may be a PostgreSQL URL,
     * which is no path; every caller goes through {@link #location}.
     */
    private Path database(Path folder) {
        if (databasePath != null && !databasePath.isBlank() && !Sources.isSimulated(source)) {
            return Path.of(databasePath);
        }
        return folder.resolve(Sources.isSimulated(source) ? "demo.db" : "trading_data.db");
    }
}
