package io.barkeep.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The write path's statements, each prepared once on the writer's connection: preparing them costs about as much
 * as running them for a month of bars (the ledger's upsert alone is a tenth of a month's write). Only the holder of
 * the writer's lock touches it; a new writer connection (after a reopen) starts afresh.
 */
final class WriterStatements {
    private Connection preparedOn;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    /** {@code sql} prepared on {@code c}, once per connection. */
    PreparedStatement on(Connection c, String sql) throws SQLException {
        if (c != preparedOn) {
            prepared.clear();
            preparedOn = c;
        }
        PreparedStatement ps = prepared.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = c.prepareStatement(sql);
            prepared.put(sql, ps);
        }
        return ps;
    }
}
