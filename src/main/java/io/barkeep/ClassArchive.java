package io.barkeep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The JVM's class-data sharing archive of the desktop app's classes (JDK 17's dynamic AppCDS): the desktop app loads
 * about 6,000 classes before its first frame and while it opens the cache (JavaFX, AtlantaFX, TilesFX, jOOQ,
 * SQLite), and reading them parsed and verified from an archive halves that start on a 2-core machine. The first
 * start of a build writes the archive as it exits ({@code -XX:ArchiveClassesAtExit}); every later start maps it
 * ({@code -XX:SharedArchiveFile}).
 *
 * <p>Robust by construction: the archive's name carries the JVM and the class path's files (size and time), so a new
 * build or JDK uses a new one and never a stale one (the JVM also checks, and ignores an archive that does not
 * match); the JVM writes it under a name of its own and it becomes the archive only after that JVM exited normally
 * (a partly written archive can crash the JVM that maps it); an archive in use when the JVM died of a fatal error is
 * deleted. The JVM's own messages about the archive are turned off: a missing or mismatched one only means a slower
 * start, never a message for the person. Used by the relaunch of the desktop app ({@link DesktopHeap}): {@code java
 * -jar}'s and the installed launcher's.
 */
final class ClassArchive {
    /** The exit code of a JVM that stopped on a fatal error (SIGABRT). */
    static final int FATAL_ERROR = 134;
    /**
     * The exit code of a JVM ended by SIGTERM (a session's end, {@code kill}): an orderly exit, the app closes its
     * cache in a shutdown hook and the JVM writes the archive after the hooks (tried: such an archive maps).
     */
    static final int TERMINATED = 143;
    private static final String QUIET = "-Xlog:cds=off,cds+dynamic=off";
    private static final String PREFIX = "desktop-";

    private final Path folder;
    private final Path archive;
    private final Path pending;

    private ClassArchive(Path folder, String key) {
        this.folder = folder;
        this.archive = folder.resolve(PREFIX + key + ".jsa");
        this.pending = folder.resolve(PREFIX + key + "." + UUID.randomUUID() + ".tmp");
    }

    /** The archive for this JVM and class path, kept in {@code folder}. */
    static ClassArchive in(Path folder, String javaHome, String vmVersion, String classPath) {
        StringBuilder identity = new StringBuilder(javaHome).append('|').append(vmVersion);
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath().normalize();
            identity.append('|').append(p);
            try {
                identity.append(':').append(Files.size(p)).append(':').append(Files.getLastModifiedTime(p).toMillis());
            } catch (IOException e) {
                identity.append(":missing");
            }
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return new ClassArchive(folder, HexFormat.of().formatHex(hash, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether the user's own JVM options already speak of class-data sharing: then this stays out of the way. */
    static boolean chosenByUser(List<String> jvmArguments) {
        return jvmArguments.stream().anyMatch(a -> a.startsWith("-Xshare") || a.contains("SharedArchiveFile")
                || a.contains("ArchiveClassesAtExit"));
    }

    /** The options for the JVM that runs the app: map the archive, or write it when there is none yet. */
    List<String> options() {
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, QUIET);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            return List.of();
        }
        return List.of("-XX:ArchiveClassesAtExit=" + pending, QUIET);
    }

    /**
     * After the app's JVM ended with {@code exitCode}: a fresh archive from a normal exit becomes the archive (older
     * ones go), one from any other exit is dropped; an archive that was mapped by a JVM that died of a fatal error
     * is dropped too, so the next start runs without it. Never fails: at worst the next start is a slow one.
     */
    void finished(int exitCode) {
        try {
            if (Files.exists(pending)) {
                if (exitCode == 0 || exitCode == TERMINATED) {
                    removeOthers();
                    move(pending, archive);
                } else {
                    Files.deleteIfExists(pending);
                }
            } else if (exitCode == FATAL_ERROR) {
                Files.deleteIfExists(archive);
            }
        } catch (IOException e) {
            // Nothing to tell the person (this waiting JVM does not start logging, see DesktopHeap): the next start
            // of the app writes the archive again, or runs without it.
            return;
        }
    }

    Path archive() {
        return archive;
    }

    /**
     * Older archives, and archives some start was writing when its waiting JVM was ended before it could keep or drop
     * them (one being written now by another start only loses its name: that start then keeps none).
     */
    private void removeOthers() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && (p.getFileName().toString().endsWith(".jsa") || p.getFileName().toString().endsWith(".tmp"))
                    && !p.equals(archive) && !p.equals(pending)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // A copy could be seen half done by another start, and a partial archive can crash the JVM: none then.
            Files.deleteIfExists(from);
        }
    }
}
