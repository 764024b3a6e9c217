package io.barkeep.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's error codes into one line that says what happened to which file and what to do. */
final class SqliteErrors {
    private static final long LOW_SPACE_BYTES = 1024L * 1024;

    private SqliteErrors() {
    }

    static StoreException explain(SQLException e, Path file, Backups backups) {
        SQLiteErrorCode code = codeOf(e);
        String name = file.toString();
        String message;
        if (code == null) {
            message = "database " + name + ": " + firstLine(e.getMessage());
        } else {
            message = switch (code) {
                case SQLITE_BUSY, SQLITE_LOCKED, SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY ->
                        "database " + name + " is locked by another program; close it (or wait) and try again";
                case SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_CORRUPT_INDEX, SQLITE_CORRUPT_VTAB ->
                        corrupt(name, backups);
                case SQLITE_FULL -> diskFull(name);
                case SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC -> nearlyNoSpace(file) ? diskFull(name)
                        : "the disk refused a write to " + name + "; nothing was half-written, check the disk and try"
                                + " again";
                case SQLITE_CANTOPEN -> "cannot open database " + name + " (missing folder or no permission)";
                case SQLITE_READONLY, SQLITE_PERM, SQLITE_AUTH -> "database " + name + " is read-only for this user";
                default -> "database " + name + ": " + firstLine(e.getMessage());
            };
        }
        return new StoreException(message, e);
    }

    private static String diskFull(String name) {
        return "the disk is full: could not write " + name + "; nothing was half-written, free some space and try"
                + " again";
    }

    /** A write error on a disk with almost no space left is the full disk, whatever code SQLite gave it. */
    private static boolean nearlyNoSpace(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            return dir != null && Files.getFileStore(dir).getUsableSpace() < LOW_SPACE_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    static String corrupt(String name, Backups backups) {
        String newest = backups == null ? null
                : backups.newestGood().map(Path::toString).orElse(null);
        return "database " + name + " is corrupt; "
                + (newest != null ? "newest backup: " + newest : "no backup found beside it");
    }

    static SQLiteErrorCode codeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s) {
                return s.getResultCode();
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
