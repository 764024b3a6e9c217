package io.barkeep.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app in a child JVM, headless on Monocle, told to end by SIGTERM (what a session's end, {@code kill}, or
 * {@code java -jar}'s first JVM passing on its own SIGTERM sends) once its cache is open: it closes the cache as on a
 * normal exit, so the next open finds the clean-close record and need not check the whole file.
 */
class DesktopTerminateTest {
    @TempDir
    Path home;

    @Test
    void sigtermClosesTheCacheCleanly() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dprism.text=t2k", "-Djava.awt.headless=true",
                // the production logback.xml, which logs to barkeep.log (the test one would log to stderr)
                "-Dlogback.configurationFile=" + DesktopTerminateTest.class.getResource("/logback.xml"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
        Path err = home.resolve("app.err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(home.resolve("app.out").toFile());
        builder.environment().put("BARKEEP_HOME", home.toString());
        Process app = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!log().contains("cache open")) {
                assertTrue(app.isAlive(), "the app ended before opening its cache: " + Files.readString(err));
                assertTrue(System.nanoTime() < deadline, "the cache did not open: " + Files.readString(err));
                app.waitFor(200, TimeUnit.MILLISECONDS);
            }
            app.destroy(); // SIGTERM
            assertTrue(app.waitFor(30, TimeUnit.SECONDS), "the app did not end after SIGTERM");
        } finally {
            if (app.isAlive()) {
                app.destroyForcibly().waitFor();
            }
        }
        List<Path> closedRecords = files(".closed");
        assertEquals(1, closedRecords.size(), "a clean-close record beside the cache: " + listing());
        assertTrue(openMarkers().isEmpty(), "no open marker left: " + listing());
        assertTrue(log().contains("app services closed"), log());
    }

    private String log() throws IOException {
        Path log = home.resolve("barkeep.log");
        return Files.isRegularFile(log) ? Files.readString(log) : "";
    }

    /** The per-process markers of an open cache: the files in {@code <db>.open/}. */
    private List<Path> openMarkers() throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        for (Path dir : files(".open")) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> in = Files.list(dir)) {
                    out.addAll(in.toList());
                }
            }
        }
        return out;
    }

    private List<Path> files(String suffix) throws IOException {
        try (Stream<Path> all = Files.list(home)) {
            return all.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    private String listing() throws IOException {
        try (Stream<Path> all = Files.list(home)) {
            return all.map(p -> p.getFileName().toString()).toList().toString();
        }
    }
}
