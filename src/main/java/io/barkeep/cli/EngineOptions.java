package io.barkeep.cli;

import io.barkeep.domain.NyseCalendar;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.DataFolder;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** Options every command that touches the cache takes, and the one place that opens the engine. */
public final class EngineOptions {
    @Option(names = "--db", paramLabel = "PATH",
            description = "Database file (default: trading_data.db in the data folder).")
    Path db;

    /** The database file this command works on. */
    public Path databaseFile() {
        return db != null ? db : DataFolder.defaultDatabase();
    }

    /** Opens the engine with the NYSE calendar and the default hot cache. */
    public CacheEngine open() {
        return CacheEngine.open(databaseFile(), NyseCalendar.load(), CacheEngine.DEFAULT_CACHE_BYTES,
                Clock.systemUTC());
    }
}
