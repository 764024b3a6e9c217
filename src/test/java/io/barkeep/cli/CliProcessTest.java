package io.barkeep.cli;

import static io.barkeep.cli.CliTestSupport.query;
import static io.barkeep.cli.CliTestSupport.queryLong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.store.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as separate processes, with their own data folder (BARKEEP_HOME) and so their own log:
 * several creating one database at the same moment, and what a password in the terminal URL and a symlinked
 * barkeep.log do.
 */
class CliProcessTest {
    private static final int PROCESSES = 4;
    /** Tickers the demo feed knows (it refuses others, as a vendor would). */
    private static final List<String> TICKERS = List.of("AAPL", "MSFT", "NVDA", "AMZN");

    @TempDir
    Path dir;

    /** A child process held at its gate, then released. */
    private record Child(Process process, BufferedReader out, Path err) {
        int awaitExit() throws InterruptedException {
            return process.waitFor();
        }

        List<String> errLines() throws IOException {
            // The JVM's own warnings (native access on newer JDKs) are not Barkeep's output.
            return Files.readAllLines(err).stream().filter(l -> !l.startsWith("WARNING: ")).toList();
        }

        void awaitReady() throws IOException {
            assertEquals("READY", out.readLine(), "the child started");
        }

        void release() throws IOException {
            OutputStream in = process.getOutputStream();
            in.write("go\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
        }
    }

    private Child start(String name, String... args) throws IOException {
        // The production logback.xml (the test classpath's logback-test.xml would log to stderr instead).
        String logConfig = "-Dlogback.configurationFile=" + CliProcessTest.class.getResource("/logback.xml");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), logConfig, "-cp", System.getProperty("java.class.path"), CliChild.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().put("BARKEEP_HOME", dir.resolve("home").toString());
        Process p = builder.start();
        return new Child(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)),
                dir.resolve(name + ".err"));
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void severalProcessesCreatingOneDatabaseAtOnceAllSucceedAndMigrateItOnce() throws Exception {
        String db = TestDatabases.blankLocation(dir, "new.db").toString();
        List<Child> children = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            children.add(start("child" + i, "watchlist", "add", TICKERS.get(i), "--db", db));
        }
        for (Child c : children) {
            c.awaitReady();
        }
        for (Child c : children) {
            c.release();
        }
        for (Child c : children) {
            assertEquals(0, c.awaitExit(), () -> "exit 0: " + read(c.err()));
            assertEquals(List.of(), c.errLines());
        }
        assertEquals(PROCESSES, queryLong(db, "SELECT count(*) FROM watchlist"));
        List<String> versions = query(db, "SELECT version FROM flyway_schema_history ORDER BY installed_rank")
                .stream().map(r -> String.valueOf(r.get("version"))).toList();
        assertEquals(migrationVersions(), versions, "each migration applied once");
    }

    /** The versions of the engine's migrations (db/migration for SQLite, db/postgresql), in order. */
    private static List<String> migrationVersions() throws java.io.IOException {
        String folder = TestDatabases.postgres() ? "db/postgresql" : "db/migration";
        try (var files = java.nio.file.Files.list(Path.of("src/main/resources", folder))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aPasswordInTheTerminalUrlIsMaskedOnTheTerminalAndInTheLogAndASymlinkedLogIsNotWrittenThrough()
            throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path victim = Files.writeString(dir.resolve("victim.txt"), "not a log\n");
        Path log = home.resolve("barkeep.log");
        Files.createSymbolicLink(log, victim);

        // Port 9 (discard) has no terminal: the command fails at once, naming the URL.
        Child c = start("secret", "backfill", "AAPL", "--from", "2024-12-02", "--to", "2024-12-03", "--source",
                "thetadata", "--theta-url", "http://trader:s3cret@127.0.0.1:9", "--db",
                TestDatabases.dbArgument(dir, "t.db"));
        c.awaitReady();
        c.release();

        assertEquals(1, c.awaitExit());
        List<String> err = c.errLines();
        assertEquals(1, err.size(), err::toString);
        assertTrue(err.get(0).contains("http://trader:***@127.0.0.1:9"), err.get(0));
        assertFalse(err.get(0).contains("s3cret"), err.get(0));
        assertEquals("not a log\n", Files.readString(victim), "nothing written through the link");
        assertFalse(Files.isSymbolicLink(log), "the link was replaced by a plain log file");
        String logged = Files.readString(log);
        assertTrue(logged.contains("http://trader:***@127.0.0.1:9"), logged);
        assertFalse(logged.contains("s3cret"), logged);
    }
}
