package io.barkeep;

import io.barkeep.store.DataFolder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar barkeep.jar} with no heap options gets the JVM's defaults for a server: G1 with an initial heap of
 * a 64th of the machine's memory (384 MB on 24 GB) that it never gives back, about 520 MB resident for the desktop
 * app. The installed launcher passes a desktop app's heap options (packaging/app-image.args); a plain {@code java
 * -jar} start of the desktop app re-runs itself once with the same options, unless the user gave heap or GC options
 * of their own (or {@code -Dbarkeep.relaunch=false}). The first JVM only waits for the second (about 40 MB resident)
 * and passes on its exit code. The second JVM also maps (or, on the first start of a build, writes) a class-data
 * sharing archive of the app's classes ({@link ClassArchive}), which halves the time to the first frame.
 */
final class DesktopHeap {
    /** The installed launcher's heap options, as in packaging/app-image.args. */
    static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-Xms128m", "-Xmn24m", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=25");
    private static final String RELAUNCH = "barkeep.relaunch";
    /** The first JVM's start (epoch milliseconds), passed to the app's JVM. */
    static final String STARTED_AT = "barkeep.startedAt";
    /** Where in the data folder the relaunched JVM's class archive lives ({@link ClassArchive}). */
    static final String ARCHIVE_FOLDER = "class-archive";
    /** Options that say the user (or the installed launcher) chose the heap: then it is left alone. */
    private static final List<String> CHOSEN = List.of("-Xmx", "-Xms", "-Xmn", "-XX:MaxRAM", "-XX:InitialRAM",
            "-XX:MinRAM", "-XX:+Use", "-XX:MaxHeapFreeRatio", "-XX:MinHeapFreeRatio", "-XX:MaxHeapSize",
            "-XX:InitialHeapSize");

    private DesktopHeap() {
    }

    /** Whether this JVM should start the desktop app in a second one with {@link #OPTIONS}. */
    static boolean shouldRelaunch(List<String> jvmArguments, String relaunchProperty) {
        if ("false".equals(relaunchProperty)) {
            return false;
        }
        return jvmArguments.stream().noneMatch(a -> CHOSEN.stream().anyMatch(a::startsWith));
    }

    /**
     * Runs the desktop app in a second JVM with the desktop heap options and returns its exit code; empty when it
     * should not (then the app starts in this JVM).
     *
     * @throws IOException when the second JVM cannot be started
     */
    static java.util.OptionalInt relaunch() throws IOException {
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!shouldRelaunch(jvmArguments, System.getProperty(RELAUNCH))) {
            return java.util.OptionalInt.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArguments);
        command.addAll(OPTIONS);
        String classPath = System.getProperty("java.class.path");
        // The JVM archives classes from jars only: run from a build's class folders (an IDE) it would refuse to start
        // with an archive to write, so there is none.
        boolean jarsOnly = java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .noneMatch(entry -> java.nio.file.Files.isDirectory(Path.of(entry)));
        ClassArchive archive = ClassArchive.chosenByUser(jvmArguments) || !jarsOnly ? null : ClassArchive.in(
                DataFolder.resolve().resolve(ARCHIVE_FOLDER), System.getProperty("java.home"),
                System.getProperty("java.vm.version"), classPath);
        if (archive != null) {
            command.addAll(archive.options());
        }
        command.add("-D" + RELAUNCH + "=false");
        // The app's "first frame" log line counts from the start of this JVM, the one the person started.
        command.add("-D" + STARTED_AT + "=" + ManagementFactory.getRuntimeMXBean().getStartTime());
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        try {
            Process app = new ProcessBuilder(command).inheritIO().start();
            // Ended itself (SIGTERM), this JVM passes it on and waits a while for the app to close its cache and
            // write its class archive, so the archive is kept or dropped here and not left half-named.
            Thread stop = new Thread(() -> {
                app.destroy();
                try {
                    if (app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && archive != null) {
                        archive.finished(app.exitValue());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "barkeep-relaunch-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            int code = app.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            if (archive != null) {
                archive.finished(code);
            }
            return java.util.OptionalInt.of(code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.OptionalInt.of(130);
        }
    }
}
