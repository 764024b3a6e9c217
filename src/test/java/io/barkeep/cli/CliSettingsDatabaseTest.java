package io.barkeep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.NyseCalendar;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.DbLocation;
import io.barkeep.store.PostgresServer;
import io.barkeep.sync.Settings;
import io.barkeep.sync.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code postgresql://} URL as the settings' database (what the desktop app saves) works in the command line as
 * {@code --db} does: every command runs on that server, no file is made in the data folder, and the simulated
 * feed keeps its own file. Real processes with their own data folder (BARKEEP_HOME), a real PostgreSQL.
 */
class CliSettingsDatabaseTest {
    @TempDir
    Path dir;
    private Path home;
    private DbLocation shared;

    @BeforeEach
    void settingsNamingASharedCache() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        shared = PostgresServer.shared().freshDatabase();
        new Settings(Sources.THETA, "http://127.0.0.1:9", 2, 60, shared.toString(), 1095, 7, 100).save(home);
    }

    /** Runs {@code barkeep args...} in a process; exit code, then stdout and stderr as one text. */
    private Object[] barkeep(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "io.barkeep.Main"));
        command.addAll(List.of(args));
        Path log = dir.resolve("out.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("BARKEEP_HOME", home.toString());
        int code = builder.start().waitFor();
        return new Object[] {code, Files.readString(log)};
    }

    @Test
    // Only a guard against a hung child; no assertion depends on time.
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyCommandWorksOnTheServerTheSettingsName() throws Exception {
        Object[] added = barkeep("actions", "add", "AAPL", "--split", "4:1", "--ex-date", "2024-03-01");
        assertEquals(0, added[0], String.valueOf(added[1]));
        Object[] backup = barkeep("backup");
        assertEquals(1, backup[0], String.valueOf(backup[1]));
        assertTrue(String.valueOf(backup[1]).contains("pg_dump"), String.valueOf(backup[1]));
        Object[] demo = barkeep("--source", "demo", "backfill", "AAPL", "--from", "2024-03-11", "--to", "2024-03-11");
        assertEquals(0, demo[0], String.valueOf(demo[1]));

        try (CacheEngine engine = CacheEngine.open(shared, NyseCalendar.load(), 0, Clock.systemUTC())) {
            assertEquals(List.of(LocalDate.of(2024, 3, 1)), engine.actions().of("AAPL").stream()
                    .map(a -> a.exDate()).toList(), "the action went to the server");
            assertTrue(engine.bars().latest("AAPL").isEmpty(), "the simulated bars did not");
        }
        assertFalse(Files.exists(home.resolve("trading_data.db")), "no file named after the URL or the default");
        assertTrue(Files.exists(home.resolve("demo.db")), "the demo feed keeps its own file");
    }
}
