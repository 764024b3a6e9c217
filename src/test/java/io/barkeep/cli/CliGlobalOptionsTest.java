package io.barkeep.cli;

import static io.barkeep.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.store.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Global options before the command apply to it, as with git and kubectl: {@code barkeep --db x.db bars AAPL}. */
class CliGlobalOptionsTest {
    @TempDir
    Path dir;

    @Test
    void optionsBeforeTheCommandApplyToIt() {
        String db = TestDatabases.dbArgument(dir, "before.db");
        run("--db", db, "--source", "demo", "watchlist", "add", "AAPL").ok();
        run("--db=" + db, "--source=demo", "backfill", "AAPL", "--from", "2024-03-11", "--to", "2024-03-15").ok();

        String[] bars = {"bars", "AAPL", "--from", "2024-03-11", "--to", "2024-03-15", "--no-fetch", "--json"};
        CliTestSupport.Result before = run(concat(new String[] {"--db", db}, bars)).ok();
        assertTrue(before.json().path("count").asInt() > 300, "the backfill went into the file named: " + before);
        assertEquals(CliTestSupport.runOn(db, bars).ok().out(), before.out(), "the same as with --db after");
        assertEquals("AAPL", run("--db", db, "watchlist", "list", "--json").ok().json().get(0)
                .path("symbol").asText());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void anOptionBeforeACommandThatDoesNotTakeItIsBadUsage() {
        String err = run("--db", dir.resolve("x.db").toString(), "calendar", "--from", "2024-03-11", "--to",
                "2024-03-15").usageError();
        assertTrue(err.contains("--db"), err);
    }

    @Test
    void theRealEntryPointAcceptsOptionsBeforeTheCommand() throws IOException, InterruptedException {
        String db = TestDatabases.dbArgument(dir, "process.db");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "io.barkeep.Main",
                "--db", db, "--source", "demo", "watchlist", "add", "MSFT", "--json")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile());
        builder.environment().put("BARKEEP_HOME", dir.resolve("home").toString());
        Process p = builder.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ended");
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("MSFT"), out);
        assertEquals(1, CliTestSupport.queryLong(db, "SELECT count(*) FROM watchlist WHERE symbol = 'MSFT'"),
                "the database named before the command was used");
        assertFalse(out.contains("Unknown option"), out);
    }
}
