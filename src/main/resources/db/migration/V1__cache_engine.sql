-- Barkeep cache engine, schema 1.
-- Times are INTEGER epoch seconds UTC; prices are INTEGER fixed-point at 1e-4 dollars.
-- Only the tables below belong to Barkeep: other tables in the same file are never touched.

-- Small integer ids keep every bar row short.
CREATE TABLE symbols (
    id     INTEGER PRIMARY KEY,
    symbol TEXT    NOT NULL UNIQUE
);

-- 5-minute bars that traded. ts = the bar's start. ~40 bytes a row instead of the original ~234.
CREATE TABLE market_data_bars (
    symbol_id INTEGER NOT NULL,
    ts        INTEGER NOT NULL,
    open      INTEGER NOT NULL,
    high      INTEGER NOT NULL,
    low       INTEGER NOT NULL,
    close     INTEGER NOT NULL,
    volume    INTEGER NOT NULL,
    trades    INTEGER,            -- the vendor's "count"; NULL when the source does not say
    vwap      INTEGER,            -- the session's cumulative VWAP at this bar; NULL when unknown
    PRIMARY KEY (symbol_id, ts)
) WITHOUT ROWID;

-- Bars the vendor answered with count == 0: no trade in that interval. An answer, not a hole.
CREATE TABLE empty_bars (
    symbol_id INTEGER NOT NULL,
    ts        INTEGER NOT NULL,
    vwap      INTEGER,
    PRIMARY KEY (symbol_id, ts)
) WITHOUT ROWID;

-- The coverage ledger: one row per symbol and session that holds anything.
CREATE TABLE session_coverage (
    symbol_id        INTEGER NOT NULL,
    session_date     INTEGER NOT NULL,   -- yyyymmdd (New York)
    expected_bars    INTEGER NOT NULL,
    held_bars        INTEGER NOT NULL,
    empty_bars       INTEGER NOT NULL,
    first_ts         INTEGER,
    last_ts          INTEGER,
    fetched_at       INTEGER NOT NULL,
    final            INTEGER NOT NULL DEFAULT 0,   -- 1 once the session is settled
    calendar_version TEXT    NOT NULL,
    PRIMARY KEY (symbol_id, session_date)
) WITHOUT ROWID;

CREATE TABLE watchlist (
    symbol       TEXT    PRIMARY KEY,
    added_at     INTEGER NOT NULL,
    active       INTEGER NOT NULL DEFAULT 1,
    last_updated INTEGER,
    priority     INTEGER NOT NULL DEFAULT 0,
    notes        TEXT
);
CREATE INDEX idx_watchlist_active_priority ON watchlist (active, priority DESC);

-- The original design's freshness row, derived from the ledger.
CREATE TABLE data_freshness (
    symbol         TEXT    PRIMARY KEY,
    oldest_bar     INTEGER,
    newest_bar     INTEGER,
    bar_count      INTEGER NOT NULL DEFAULT 0,
    expected_count INTEGER NOT NULL DEFAULT 0,
    gap_count      INTEGER NOT NULL DEFAULT 0,
    last_checked   INTEGER,
    gaps_detected  TEXT                         -- JSON array of missing ranges
);

-- Every failure worth a person's attention: vendor errors, rejected rows, storage trouble.
CREATE TABLE safety_events (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    symbol     TEXT,
    source     TEXT,
    range_from INTEGER,
    range_to   INTEGER,
    message    TEXT    NOT NULL
);
CREATE INDEX idx_safety_events_at ON safety_events (at);

-- Rows refused as bars, kept with the reason so nothing a source sent is silently lost.
CREATE TABLE quarantine (
    id       INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    symbol   TEXT    NOT NULL,
    source   TEXT    NOT NULL,
    line     INTEGER,
    ts       INTEGER,
    raw      TEXT    NOT NULL,
    reason   TEXT    NOT NULL
);
