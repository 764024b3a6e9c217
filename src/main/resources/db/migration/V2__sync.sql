-- Barkeep sync, schema 2.

-- The vendor answered "no data" (ThetaData 472) for a whole session: nothing to fetch, not a hole.
ALTER TABLE session_coverage ADD COLUMN no_data INTEGER NOT NULL DEFAULT 0;

-- Bars a later fetch changed (vendor corrections picked up by the after-close re-fetch and any other fetch).
CREATE TABLE bar_revisions (
    id         INTEGER PRIMARY KEY,
    symbol_id  INTEGER NOT NULL,
    ts         INTEGER NOT NULL,
    seen_at    INTEGER NOT NULL,
    source     TEXT    NOT NULL,
    old_open   INTEGER, old_high INTEGER, old_low INTEGER, old_close INTEGER, old_volume INTEGER,
    new_open   INTEGER, new_high INTEGER, new_low INTEGER, new_close INTEGER, new_volume INTEGER
);
CREATE INDEX idx_bar_revisions_symbol_ts ON bar_revisions (symbol_id, ts);

-- Facts about this file. feed = 'simulated' or 'real': simulated bars never mix with real ones.
CREATE TABLE cache_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
