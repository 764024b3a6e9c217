package io.barkeep.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Throwaway caches inside one PostgreSQL database, one schema each (for the benchmark: it needs several fresh
 * caches and may not create databases on a team's server). Dropped, with everything in them, on close.
 */
public final class ScratchSchemas implements AutoCloseable {
    private final DbLocation server;
    private final PostgresStore connections;
    private final List<String> made = new ArrayList<>();

    public ScratchSchemas(DbLocation server) {
        if (!server.postgres()) {
            throw new IllegalArgumentException("scratch schemas are for PostgreSQL: " + server);
        }
        this.server = server;
        this.connections = new PostgresStore(server);
    }

    /** A fresh, empty schema named after {@code name} (and this process), as a cache location. */
    public DbLocation fresh(String name) {
        String schema = "barkeep_scratch_" + name.replaceAll("[^a-z0-9_]", "_") + "_" + ProcessHandle.current().pid();
        try (Connection c = connections.connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw PostgresErrors.explain(e, server.display());
        }
        made.add(schema);
        String url = server.jdbcUrl();
        return new DbLocation(null, url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    @Override
    public void close() {
        try (Connection c = connections.connect(); Statement st = c.createStatement()) {
            for (String schema : made) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            throw PostgresErrors.explain(e, server.display());
        }
    }
}
