package io.barkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corrupt database points a person to the newest backup that is itself whole, not merely the newest file. */
@SqliteOnly("picks the newest backup file that passes quick_check: SQLite backup files")
class NewestGoodBackupTest {
    @TempDir
    Path dir;

    @Test
    void aDamagedNewestBackupIsPassedOverForTheNewestGoodOne() throws Exception {
        Path file = dir.resolve("market.db");
        Path good;
        Path damaged;
        try (Database db = Database.open(file)) {
            good = db.backups().take(db, 7, Clock.fixed(Instant.parse("2024-03-01T00:00:00Z"), ZoneOffset.UTC));
            damaged = db.backups().take(db, 7, Clock.fixed(Instant.parse("2024-03-02T00:00:00Z"), ZoneOffset.UTC));
        }
        byte[] bytes = Files.readAllBytes(damaged);
        for (int i = 100; i < bytes.length; i++) {
            bytes[i] = (byte) 0x5A;
        }
        Files.write(damaged, bytes);
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17});

        StoreException e = assertThrows(StoreException.class, () -> Database.open(file));
        assertTrue(e.getMessage().endsWith("newest backup: " + good), e.getMessage());
        assertEquals(good, new Backups(file.toAbsolutePath()).newestGood().orElseThrow());
    }
}
