package io.barkeep;

import io.barkeep.store.DataFolder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar barkeep.jar} with no heap options gets the JVM's defaults for a server: G1 with an initial heap of
 * a 64th of the machine's memory (384 MB on 24 GB) that it never gives back, about 520 MB resident for the desktop
 * app. The installed launcher passes a desktop app's heap options (packaging/app-image.args); a plain {@code java
 * -jar} start of the desktop app re-runs itself once with the same options, unless the user gave heap or GC options
 * of their own (or {@code -Dbarkeep.relaunch=false}). The first JVM only waits for the second (about 40 MB resident)
 * and passes on its exit code. The second JVM also maps (or, on the first start of a build, writes) a class-data
 * sharing archive of the app's classes ({@link ClassArchive}), which halves the time to the first frame.
 *
 * <p>The installed launcher's desktop app re-runs itself too, for the archive alone (its heap options are already
 * the desktop's, and go on as they are): JDK 17 maps an archive of the app's classes only when the jars are where
 * they were when it was written, so the image cannot bring one; the app's JVM writes it on the person's machine, on
 * the first start of each installed version, like {@code java -jar}'s. Without it the installed app's first frame
 * came 2.0-2.5 s after the start on the 554-symbol database, with it as {@code java -jar}'s.
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
    /** Set by the jpackage launcher to its own path: the installed app, whose heap options are the launcher's. */
    static final String INSTALLED = "jpackage.app-path";
    /** Options that say the user chose the heap: then it is left alone. */
    private static final List<String> CHOSEN = List.of("-Xmx", "-Xms", "-Xmn", "-XX:MaxRAM", "-XX:InitialRAM",
            "-XX:MinRAM", "-XX:+Use", "-XX:MaxHeapFreeRatio", "-XX:MinHeapFreeRatio", "-XX:MaxHeapSize",
            "-XX:InitialHeapSize");

    private DesktopHeap() {
    }

    /**
     * Whether this JVM should start the desktop app in a second one: with {@link #OPTIONS} when the heap is not
     * chosen, and in the installed app (whose launcher chose it) for the class archive alone.
     */
    static boolean shouldRelaunch(List<String> jvmArguments, String relaunchProperty, boolean installed) {
        if ("false".equals(relaunchProperty)) {
            return false;
        }
        return installed || heapUnchosen(jvmArguments);
    }

    private static boolean heapUnchosen(List<String> jvmArguments) {
        return jvmArguments.stream().noneMatch(a -> CHOSEN.stream().anyMatch(a::startsWith));
    }

    /**
     * The {@code java} command of this JVM's runtime, or empty when it has none (a runtime image may be linked
     * without its commands: then the app starts in this JVM). On Windows {@code javaw}, which opens no console.
     */
    static Optional<Path> javaCommand(Path javaHome) {
        for (String name : List.of("javaw.exe", "java.exe", "java")) {
            Path command = javaHome.resolve("bin").resolve(name);
            if (Files.isExecutable(command)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the desktop app in a second JVM with the desktop heap options and returns its exit code; empty when it
     * should not (then the app starts in this JVM).
     *
     * @throws IOException when the second JVM cannot be started
     */
    static java.util.OptionalInt relaunch() throws IOException {
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean installed = System.getProperty(INSTALLED) != null;
        Optional<Path> javaCommand = javaCommand(Path.of(System.getProperty("java.home")));
        if (!shouldRelaunch(jvmArguments, System.getProperty(RELAUNCH), installed) || javaCommand.isEmpty()) {
            return java.util.OptionalInt.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(javaCommand.get().toString());
        // The installed launcher's options (its heap, its app path) go on as they are; a plain java -jar's get the
        // desktop heap.
        command.addAll(jvmArguments);
        if (heapUnchosen(jvmArguments)) {
            command.addAll(OPTIONS);
        }
        String classPath = System.getProperty("java.class.path");
        // The JVM archives classes from jars only: run from a build's class folders (an IDE) it would refuse to start
        // with an archive to write, so there is none.
        boolean jarsOnly = java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .noneMatch(entry -> Files.isDirectory(Path.of(entry)));
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
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // Ended by a signal: the hook passed it on and keeps or drops the archive; this JVM is exiting.
                return java.util.OptionalInt.of(code);
            }
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
