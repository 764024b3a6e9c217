package io.barkeep.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A store, sync or CLI test about PostgreSQL itself (advisory locks, fetch claims, URLs, {@code migrate --to}):
 * it takes its database from {@link PostgresServer} whatever the engine under test, so it runs once, in the
 * pom's {@code postgresql} execution, and the default execution leaves its tag out.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag(PostgresOnly.TAG)
public @interface PostgresOnly {
    /** The JUnit tag, as the pom's {@code excludedGroups} names it. */
    String TAG = "postgresql-only";
}
