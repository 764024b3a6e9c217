package io.barkeep.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test about SQLite files by nature (VACUUM INTO backups, quick_check, a full disk, file locks, SQLite's own
 * error codes, the original design's file): it runs in the default SQLite execution
 * only, because the pom's {@code postgresql} execution excludes its tag. {@link #value} says why, in one line.
 * Everything else in the store, sync and CLI suites runs on both engines.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag(SqliteOnly.TAG)
public @interface SqliteOnly {
    /** The JUnit tag, as the pom's {@code excludedGroups} names it. */
    String TAG = "sqlite-only";

    /** Why this test has no PostgreSQL counterpart. */
    String value();
}
