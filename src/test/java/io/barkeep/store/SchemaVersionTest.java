package io.barkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Database and PostgresStore skip Flyway when their SCHEMA_VERSION is applied: each must name its newest script. */
class SchemaVersionTest {
    @Test
    void schemaVersionNamesTheNewestMigration() throws IOException {
        assertEquals(newest("src/main/resources/db/migration"), Database.SCHEMA_VERSION);
    }

    @Test
    void thePostgresSchemaVersionNamesTheNewestPostgresMigration() throws IOException {
        assertEquals(newest("src/main/resources/db/postgresql"), PostgresStore.SCHEMA_VERSION);
    }

    private static int newest(String folder) throws IOException {
        Pattern versioned = Pattern.compile("V(\\d+)__.*\\.sql");
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.map(p -> versioned.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        }
    }
}
