package io.barkeep.ui.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app started as a user starts it ({@code Main} with no arguments, JavaFX on the class path) in a child
 * JVM, headless on Monocle, until its first frame is logged: its stderr has no "Unsupported JavaFX configuration"
 * warning. The same start with the JDK's default logging settings named explicitly (what the app had before
 * {@link DesktopLauncher} configured the {@code javafx} logger) does print it, so the check can see the warning.
 */
class DesktopStartWarningTest {
    private static final String WARNING = "Unsupported JavaFX configuration";

    @TempDir
    Path dir;

    @Test
    void theDesktopAppStartsWithoutJavaFxsConfigurationWarning() throws Exception {
        String stderr = startDesktop("fixed", List.of());
        assertFalse(stderr.contains(WARNING), stderr);
    }

    @Test
    void withTheJdksDefaultLoggingTheWarningShows() throws Exception {
        Path jdkDefaults = dir.resolve("jdk-logging.properties");
        Files.writeString(jdkDefaults, "handlers = java.util.logging.ConsoleHandler\n.level = INFO\n");
        String stderr = startDesktop("control", List.of("-Djava.util.logging.config.file=" + jdkDefaults));
        assertTrue(stderr.contains(WARNING), stderr);
    }

    /** Starts the app, waits for its first frame in barkeep.log, stops it and returns what it printed on stderr. */
    private String startDesktop(String name, List<String> extraOptions) throws Exception {
        Path home = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true",
                // the production logback.xml, which logs to barkeep.log (the test one would log to stderr)
                "-Dlogback.configurationFile=" + DesktopStartWarningTest.class.getResource("/logback.xml")));
        command.addAll(extraOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        Path err = dir.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile());
        builder.environment().put("BARKEEP_HOME", home.toString());
        Process app = builder.start();
        try {
            Path log = home.resolve("barkeep.log");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!firstFrame(log)) {
                assertTrue(app.isAlive(), "the app ended before its first frame: " + Files.readString(err));
                assertTrue(System.nanoTime() < deadline, "no first frame in " + log + ": " + Files.readString(err));
                app.waitFor(200, TimeUnit.MILLISECONDS);
            }
        } finally {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
        }
        return Files.readString(err);
    }

    private static boolean firstFrame(Path log) throws IOException {
        return Files.isRegularFile(log) && Files.readString(log).contains("first frame");
    }
}
