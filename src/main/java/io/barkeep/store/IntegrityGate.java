package io.barkeep.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether opening a SQLite file runs {@code PRAGMA quick_check} (O(file size): seconds on a 1.4 GB cache),
 * from evidence left beside the file rather than on every open.
 *
 * <p>Each open writes a marker ({@code <name>.open/<pid>-<n>}, holding the process's start time) and a clean
 * close removes it and records the file's size and modification time ({@code <name>.closed}). The next open
 * checks when there is a reason: a marker of a process that is gone (it crashed or was killed), a write-ahead
 * log left behind with no Barkeep process holding the file, no record of a clean close (a file from elsewhere,
 * or from a version before this rule), or a file whose size or time differ from that record (another program
 * wrote to it). While another live Barkeep process holds the file, that process answers for it and the check is
 * skipped. Any failure to read or write these sidecar files only makes the next open check.
 */
final class IntegrityGate {
    private static final Logger LOG = LoggerFactory.getLogger(IntegrityGate.class);
    private static final AtomicInteger OPENS = new AtomicInteger();
    /** A process whose start time differs by more than this from the marker's is another one with a reused pid. */
    private static final long START_TOLERANCE_MS = 2_000;

    private final Path file;
    private final Path markers;
    private final Path closedRecord;
    private final List<Path> deadMarkers = new ArrayList<>();
    private Path ownMarker;

    IntegrityGate(Path file) {
        this.file = file;
        this.markers = file.resolveSibling(file.getFileName() + ".open");
        this.closedRecord = file.resolveSibling(file.getFileName() + ".closed");
    }

    /** Why the file must be checked before use, or empty when the evidence says it was left whole. */
    Optional<String> reasonToCheck() {
        boolean othersLive = false;
        if (Files.isDirectory(markers)) {
            try (DirectoryStream<Path> all = Files.newDirectoryStream(markers)) {
                for (Path m : all) {
                    if (isLive(m)) {
                        othersLive = true;
                    } else {
                        deadMarkers.add(m);
                    }
                }
            } catch (IOException e) {
                return Optional.of("its open markers cannot be read (" + e.getMessage() + ")");
            }
        }
        if (!deadMarkers.isEmpty()) {
            return Optional.of("a Barkeep process did not close it (" + deadMarkers.get(0).getFileName() + ")");
        }
        if (othersLive) {
            return Optional.empty();
        }
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            if (Files.isRegularFile(wal) && Files.size(wal) > 0) {
                return Optional.of("a write-ahead log was left behind");
            }
            if (!Files.isRegularFile(closedRecord)) {
                return Optional.of("no record of a clean close");
            }
            if (!Files.readString(closedRecord, StandardCharsets.UTF_8).strip().equals(signature())) {
                return Optional.of("it changed since Barkeep last closed it");
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of("its clean-close record cannot be read (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    /**
     * Runs {@code PRAGMA quick_check} over the file {@code st} is connected to when there is a reason to; returns the
     * reason, empty when it skipped the check. A file that fails is refused, naming the newest good backup.
     */
    Optional<String> checkIfNeeded(Statement st, Backups backups) throws SQLException {
        Optional<String> reason = reasonToCheck();
        if (reason.isEmpty()) {
            return reason;
        }
        LOG.info("checking {}: {}", file, reason.get());
        // quick_check is O(file size) but skips the index cross-checks of integrity_check.
        try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            String verdict = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equalsIgnoreCase(verdict)) {
                LOG.error("quick_check failed for {}: {}", file, verdict);
                throw new StoreException(SqliteErrors.corrupt(file.toString(), backups));
            }
        }
        checked();
        return reason;
    }

    /** After a passed check: the markers of dead processes are no longer a reason. */
    void checked() {
        for (Path m : deadMarkers) {
            deleteQuietly(m);
        }
        deadMarkers.clear();
    }

    /** Marks the file open by this process until {@link #closedCleanly()}. */
    void opened() {
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        Path marker = markers.resolve(self.pid() + "-" + OPENS.incrementAndGet());
        try {
            Files.createDirectories(markers);
            Files.writeString(marker, self.pid() + " " + started, StandardCharsets.UTF_8);
            ownMarker = marker;
        } catch (IOException e) {
            // Without a marker a crash of this process goes unnoticed, but the clean-close record is not written
            // either (see closedCleanly), so the next open checks anyway.
            LOG.warn("cannot mark {} open: {}", file, e.toString());
        }
    }

    /** Called once every connection of this process to the file is closed. */
    void closedCleanly() {
        if (ownMarker == null) {
            return;
        }
        deleteQuietly(ownMarker);
        try {
            if (Files.isRegularFile(file)) {
                Files.writeString(closedRecord, signature(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            LOG.warn("cannot record the clean close of {}: {}", file, e.toString());
        }
        try {
            Files.deleteIfExists(markers);
        } catch (IOException e) {
            // Not empty: another process (or another open in this one) still holds the file.
        }
    }

    /** The file as this process left it: size and modification time (nanoseconds where the file system has them). */
    private String signature() throws IOException {
        return Files.size(file) + " " + Files.getLastModifiedTime(file).toInstant();
    }

    private static boolean isLive(Path marker) {
        String name = marker.getFileName().toString();
        try {
            long pid = Long.parseLong(name.substring(0, name.indexOf('-')));
            String[] content = Files.readString(marker, StandardCharsets.UTF_8).strip().split(" ");
            long started = Long.parseLong(content[1]);
            Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (p.isEmpty()) {
                return false;
            }
            Optional<Instant> actual = p.get().info().startInstant();
            return started == 0 || actual.isEmpty()
                    || Math.abs(actual.get().toEpochMilli() - started) <= START_TOLERANCE_MS;
        } catch (IOException | RuntimeException e) {
            // A marker cut short by a crash while it was written, or not ours: treat as a process that is gone.
            return false;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", p, e.toString());
        }
    }
}
