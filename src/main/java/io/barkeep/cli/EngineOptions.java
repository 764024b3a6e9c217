package io.barkeep.cli;

import io.barkeep.domain.NyseCalendar;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.DataFolder;
import io.barkeep.store.DbLocation;
import io.barkeep.sync.MarketData;
import io.barkeep.sync.Settings;
import io.barkeep.sync.Sources;
import java.time.Clock;
import picocli.CommandLine.Option;

/**
 * Options every command takes (database, source, terminal URL, concurrency), defaulting to the user's settings,
 * and the one place that opens the engine and the source.
 */
public final class EngineOptions {
    @Option(names = "--db", paramLabel = "PATH|URL",
            description = "Database file (default: trading_data.db in the data folder; demo.db for --source demo),"
                    + " or a shared PostgreSQL database: postgresql://user@host:5432/db (password from PGPASSWORD"
                    + " or ~/.pgpass).")
    String db;

    @Option(names = "--source", paramLabel = "NAME",
            description = "demo, thetadata, thetadata-v2 or thetadata-mcp (default: the settings', else demo).")
    String source;

    @Option(names = "--theta-url", paramLabel = "URL",
            // URLs start their own help line: picocli wraps at a URL's dots and slashes otherwise
            description = "The Theta Terminal's root URL. Default:%nhttp://127.0.0.1:25503%n"
                    + "(thetadata-v2: http://127.0.0.1:25510).")
    String thetaUrl;

    @Option(names = "--theta-concurrency", paramLabel = "N",
            description = "Requests in flight, your ThetaData tier's limit (FREE 1, VALUE 2, STANDARD 4, PRO 8).")
    Integer thetaConcurrency;

    @Option(names = "--theta-v2-url", paramLabel = "URL",
            description = "The v2 surface, for splits and dividends. Default:%nhttp://127.0.0.1:25510")
    String thetaV2Url;

    private Settings settings;

    /** The v2 surface's URL (option, else setting, else null for the default). */
    public String thetaV2Url() {
        return thetaV2Url != null ? thetaV2Url : settings().thetaV2Url();
    }

    Settings settings() {
        if (settings == null) {
            settings = Settings.load(DataFolder.resolve());
        }
        return settings;
    }

    /** The source this command uses. */
    public String sourceName() {
        String name = source != null ? source : settings().source();
        return Sources.validate(name);
    }

    public int concurrency() {
        int n = thetaConcurrency != null ? thetaConcurrency : settings().thetaConcurrency();
        if (n < 1 || n > 128) {
            throw new UserError("--theta-concurrency must be between 1 and 128, got " + n);
        }
        return n;
    }

    /** The database this command works on: --db, else the settings' for the source. */
    public DbLocation database() {
        if (db != null) {
            return given();
        }
        return settings().withSource(sourceName()).location(DataFolder.resolve());
    }

    /** The database for real (non-simulated) bars, whatever the source: where CSV imports go. */
    public DbLocation realDatabase() {
        return db != null ? given() : settings().withSource(Sources.THETA).location(DataFolder.resolve());
    }

    private DbLocation given() {
        try {
            return DbLocation.parse(db);
        } catch (IllegalArgumentException e) {
            throw new UserError("--db: " + e.getMessage());
        }
    }

    /** Opens the engine with the NYSE calendar and the hot cache of the settings. */
    public CacheEngine open() {
        return open(database());
    }

    public CacheEngine open(DbLocation location) {
        Clock clock = CliClock.get();
        return CacheEngine.open(location, NyseCalendar.current(clock), settings().cacheMb() * 1024L * 1024L, clock);
    }

    /**
     * The engine, the source and the lazy cache over them, as one unit ({@link MarketData#open}) that closes
     * together.
     */
    public MarketData openData() {
        String url = thetaUrl != null ? thetaUrl : settings().thetaUrl();
        return MarketData.open(new MarketData.Config(database(), sourceName(), url, concurrency(),
                settings().cacheMb() * 1024L * 1024L), CliClock.get());
    }
}
