package io.barkeep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where {@code export -o FILE} may write: never over the database it reads (or its -wal, -shm and -journal
 * companions), never over any SQLite file, and over another existing file only with {@code --force}.
 */
final class ExportTarget {
    /** The first 16 bytes of every SQLite database file. */
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> COMPANIONS = List.of("", "-wal", "-shm", "-journal");

    private ExportTarget() {
    }

    /** @param database the SQLite file exported from, or null for a PostgreSQL database (no file to overwrite) */
    static void check(Path output, Path database, boolean force) {
        if (database != null && isPartOf(output, database)) {
            throw new UserError("refusing to write over the database " + database + ": choose another file");
        }
        if (Files.isDirectory(output)) {
            throw new UserError("cannot write " + output + ": it is a folder");
        }
        if (!Files.exists(output)) {
            return;
        }
        if (isSqlite(output)) {
            throw new UserError("refusing to write over " + output + ": it is an SQLite database");
        }
        if (!force) {
            throw new UserError(output + " already exists: add --force to replace it");
        }
    }

    private static boolean isPartOf(Path output, Path database) {
        Path out = output.toAbsolutePath().normalize();
        for (String suffix : COMPANIONS) {
            Path part = database.resolveSibling(database.getFileName() + suffix).toAbsolutePath().normalize();
            if (out.equals(part) || sameExistingFile(out, part)) {
                return true;
            }
        }
        return false;
    }

    /** The same file under another name (a link, a relative path through a symlinked folder). */
    private static boolean sameExistingFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isSqlite(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC);
        } catch (IOException e) {
            // Unreadable: the move that replaces it will say so.
            return false;
        }
    }
}
