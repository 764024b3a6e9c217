package io.barkeep.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** settings.json as people leave it: null values, null itself, broken JSON. */
class SettingsTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve(Settings.FILE_NAME), json);
    }

    private static void assertOneLineNaming(Path file, String message) {
        assertFalse(message.contains("\n"), () -> "one line: " + message);
        assertTrue(message.contains(file.toString()), message);
        assertFalse(message.contains("Exception"), message);
    }

    @Test
    void nullValuesTakeTheDefaults() throws IOException {
        write("{\"source\": null, \"thetaUrl\": null, \"thetaConcurrency\": null, \"vendorDelaySeconds\": null,"
                + " \"databasePath\": null, \"retainDays\": null, \"backupKeep\": null, \"cacheMb\": null}");
        assertEquals(Settings.defaults(), Settings.load(dir));
    }

    @Test
    void aFileHoldingOnlyNullIsRefusedInOneLine() throws IOException {
        Path file = write("null");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.load(dir));
        assertOneLineNaming(file, e.getMessage());
        assertEquals("settings " + file + " hold null instead of settings; fix or delete the file", e.getMessage());
    }

    @Test
    void brokenJsonIsRefusedInOneLineSayingWhere() throws IOException {
        Path file = write("{\n  \"source\": \"demo\",\n  \"thetaConcurrency\": \"four\"\n}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.load(dir));
        assertOneLineNaming(file, e.getMessage());
        assertTrue(e.getMessage().contains("(line 3, column"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; fix or delete the file"), e.getMessage());
    }

    @Test
    void anEmptyFileIsRefusedInOneLine() throws IOException {
        Path file = write("");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.load(dir));
        assertOneLineNaming(file, e.getMessage());
    }
}
