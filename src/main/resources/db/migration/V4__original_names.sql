-- Barkeep schema 4: the original design's table names become views (DESIGN point 14).
--
-- The compact tables move to their own names; market_data_bars, watchlist and data_freshness become views
-- with the original design's columns (New York ISO text times, REAL prices), so the original queries and a
-- join with a trades table run verbatim from any SQLite client, and INSERTs through them (INSTEAD OF
-- triggers) land in the compact tables and the coverage ledger or fail with a clear SQLite error.
--
-- New York time in plain SQL (no client has the zone database): since 2007 US daylight time runs from the
-- second Sunday of March 02:00 EST (07:00 UTC) to the first Sunday of November 02:00 EDT (06:00 UTC).
-- date(Y || '-03-08', 'weekday 0') is the first Sunday on or after March 8th, i.e. the second Sunday.
-- Every bar lies in a session (09:30-16:00), far from the 02:00 switch, so the rule is exact for bars.

ALTER TABLE market_data_bars RENAME TO bars_5m;
ALTER TABLE watchlist RENAME TO watched_symbols;
ALTER TABLE data_freshness RENAME TO symbol_freshness;

-- The exchange's sessions as Barkeep's calendar knows them (data file plus rules), kept filled by Barkeep
-- on every open: what the triggers check bars against, and the market_sessions view for joins.
CREATE TABLE trading_sessions (
    session_date     INTEGER PRIMARY KEY,   -- yyyymmdd (New York)
    open_ts          INTEGER NOT NULL,      -- epoch seconds UTC
    close_ts         INTEGER NOT NULL,
    kind             TEXT    NOT NULL,      -- regular | early_close
    calendar_version TEXT    NOT NULL
) WITHOUT ROWID;

CREATE VIEW market_sessions AS
SELECT substr(s.session_date, 1, 4) || '-' || substr(s.session_date, 5, 2) || '-' || substr(s.session_date, 7, 2)
           AS date,
       strftime('%Y-%m-%dT%H:%M:%S', s.open_ts + z.offset_s, 'unixepoch')  AS open_ny,
       strftime('%Y-%m-%dT%H:%M:%S', s.close_ts + z.offset_s, 'unixepoch') AS close_ny,
       strftime('%Y-%m-%dT%H:%M:%SZ', s.open_ts, 'unixepoch')              AS open_utc,
       strftime('%Y-%m-%dT%H:%M:%SZ', s.close_ts, 'unixepoch')             AS close_utc,
       s.kind                                                                AS kind
FROM trading_sessions s
JOIN (SELECT session_date AS d,
             CASE WHEN open_ts >= CAST(strftime('%s', date(substr(session_date, 1, 4) || '-03-08', 'weekday 0'))
                                       AS INTEGER) + 25200
                   AND open_ts < CAST(strftime('%s', date(substr(session_date, 1, 4) || '-11-01', 'weekday 0'))
                                      AS INTEGER) + 21600
                  THEN -14400 ELSE -18000 END AS offset_s
      FROM trading_sessions) z ON z.d = s.session_date;

-- id: symbol id and bar start folded into one stable integer (the compact store has no row id).
-- created_at: the ledger's fetch time of the bar's session is the closest thing kept; NULL when unknown.
CREATE VIEW market_data_bars AS
SELECT b.symbol_id * 10000000000 + b.ts                                          AS id,
       s.symbol                                                                  AS symbol,
       strftime('%Y-%m-%dT%H:%M:%S', b.ts + CASE
           WHEN b.ts >= CAST(strftime('%s', date(strftime('%Y', b.ts, 'unixepoch') || '-03-08', 'weekday 0'))
                             AS INTEGER) + 25200
            AND b.ts < CAST(strftime('%s', date(strftime('%Y', b.ts, 'unixepoch') || '-11-01', 'weekday 0'))
                            AS INTEGER) + 21600
           THEN -14400 ELSE -18000 END, 'unixepoch')                             AS timestamp,
       b.open / 10000.0                                                          AS open,
       b.high / 10000.0                                                          AS high,
       b.low / 10000.0                                                           AS low,
       b.close / 10000.0                                                         AS close,
       b.volume                                                                  AS volume,
       b.vwap / 10000.0                                                          AS vwap,
       NULL                                                                      AS created_at
FROM bars_5m b
JOIN symbols s ON s.id = b.symbol_id;

-- One row of scratch space for the trigger above (SQLite triggers have no variables).
CREATE TABLE compat_pending_bar (
    slot   INTEGER PRIMARY KEY,
    symbol TEXT, ts INTEGER, open INTEGER, high INTEGER, low INTEGER, close INTEGER, volume INTEGER, vwap INTEGER
);

-- Writes through the original name. The checks are BarRules' (domain/BarRules.java), restated in SQL
-- because a foreign client cannot call Barkeep; CompatViewsTest runs one corpus through both.
-- A timestamp without an offset is New York wall-clock time, as the view shows it; one with an offset or Z
-- is converted by SQLite itself. The ledger row of the bar's session is recounted from the rows.
CREATE TRIGGER market_data_bars_insert INSTEAD OF INSERT ON market_data_bars
BEGIN
    SELECT RAISE(ABORT, 'market_data_bars: symbol must be a ticker such as AAPL or BRK.B')
    WHERE NEW.symbol IS NULL OR NOT (upper(trim(NEW.symbol)) GLOB '[A-Z]*'
        AND length(trim(NEW.symbol)) <= 8 AND NOT upper(trim(NEW.symbol)) GLOB '*[^A-Z.-]*');
    SELECT RAISE(ABORT, 'market_data_bars: timestamp must be an ISO date-time such as 2025-11-20T09:30:00')
    WHERE NEW.timestamp IS NULL OR strftime('%s', NEW.timestamp) IS NULL;
    SELECT RAISE(ABORT, 'market_data_bars: open, high, low and close must be numbers')
    WHERE typeof(NEW.open) NOT IN ('integer', 'real') OR typeof(NEW.high) NOT IN ('integer', 'real')
       OR typeof(NEW.low) NOT IN ('integer', 'real') OR typeof(NEW.close) NOT IN ('integer', 'real');
    SELECT RAISE(ABORT, 'market_data_bars: volume must be a whole number')
    WHERE typeof(NEW.volume) != 'integer';
    SELECT RAISE(ABORT, 'market_data_bars: high < low') WHERE NEW.high < NEW.low;
    SELECT RAISE(ABORT, 'market_data_bars: open outside high-low') WHERE NEW.open > NEW.high OR NEW.open < NEW.low;
    SELECT RAISE(ABORT, 'market_data_bars: close outside high-low')
    WHERE NEW.close > NEW.high OR NEW.close < NEW.low;
    SELECT RAISE(ABORT, 'market_data_bars: negative volume') WHERE NEW.volume < 0;
    SELECT RAISE(ABORT, 'market_data_bars: non-positive price with volume') WHERE NEW.low <= 0 AND NEW.volume > 0;
    SELECT RAISE(ABORT, 'market_data_bars: non-positive price') WHERE NEW.low <= 0;
    SELECT RAISE(ABORT, 'market_data_bars: price above $10,000,000') WHERE NEW.high > 10000000;
    SELECT RAISE(ABORT, 'market_data_bars: negative vwap') WHERE NEW.vwap < 0;

    INSERT INTO compat_pending_bar (slot, symbol, ts, open, high, low, close, volume, vwap)
    SELECT 1, upper(trim(NEW.symbol)),
           CASE WHEN NEW.timestamp GLOB '*[+-][0-9][0-9]:[0-9][0-9]' OR NEW.timestamp GLOB '*Z'
                THEN CAST(strftime('%s', NEW.timestamp) AS INTEGER)
                ELSE CAST(strftime('%s', NEW.timestamp) AS INTEGER) + CASE
                    WHEN CAST(strftime('%s', NEW.timestamp) AS INTEGER) >= CAST(strftime('%s', date(
                            substr(NEW.timestamp, 1, 4) || '-03-08', 'weekday 0')) AS INTEGER) + 7200
                     AND CAST(strftime('%s', NEW.timestamp) AS INTEGER) < CAST(strftime('%s', date(
                            substr(NEW.timestamp, 1, 4) || '-11-01', 'weekday 0')) AS INTEGER) + 3600
                    THEN 14400 ELSE 18000 END
           END,
           CAST(round(NEW.open * 10000) AS INTEGER), CAST(round(NEW.high * 10000) AS INTEGER),
           CAST(round(NEW.low * 10000) AS INTEGER), CAST(round(NEW.close * 10000) AS INTEGER), NEW.volume,
           CASE WHEN NEW.vwap IS NULL THEN NULL ELSE CAST(round(NEW.vwap * 10000) AS INTEGER) END;

    SELECT RAISE(ABORT, 'market_data_bars: off the 5-minute grid')
    FROM compat_pending_bar WHERE slot = 1 AND ts % 300 != 0;
    SELECT RAISE(ABORT, 'market_data_bars: outside the session')
    FROM compat_pending_bar p WHERE p.slot = 1 AND NOT EXISTS (
        SELECT 1 FROM trading_sessions t WHERE t.open_ts <= p.ts AND p.ts < t.close_ts);

    -- Not INSERT OR IGNORE: an outer INSERT OR REPLACE would turn it into a REPLACE that renumbers the symbol.
    INSERT INTO symbols (symbol) SELECT p.symbol FROM compat_pending_bar p
    WHERE p.slot = 1 AND NOT EXISTS (SELECT 1 FROM symbols s WHERE s.symbol = p.symbol);
    INSERT INTO bars_5m (symbol_id, ts, open, high, low, close, volume, trades, vwap)
    SELECT s.id, p.ts, p.open, p.high, p.low, p.close, p.volume, NULL, p.vwap
    FROM compat_pending_bar p JOIN symbols s ON s.symbol = p.symbol WHERE p.slot = 1
    ON CONFLICT (symbol_id, ts) DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low,
        close = excluded.close, volume = excluded.volume, vwap = excluded.vwap;
    -- A traded bar replaces an older "no trade" answer, as in the store's own writes.
    DELETE FROM empty_bars WHERE (symbol_id, ts) IN (
        SELECT s.id, p.ts FROM compat_pending_bar p JOIN symbols s ON s.symbol = p.symbol WHERE p.slot = 1);

    INSERT INTO session_coverage (symbol_id, session_date, expected_bars, held_bars, empty_bars, first_ts, last_ts,
                                  fetched_at, final, calendar_version, no_data)
    SELECT s.id, t.session_date, (t.close_ts - t.open_ts) / 300,
           (SELECT count(*) FROM bars_5m b WHERE b.symbol_id = s.id AND b.ts >= t.open_ts AND b.ts < t.close_ts),
           (SELECT count(*) FROM empty_bars e WHERE e.symbol_id = s.id AND e.ts >= t.open_ts AND e.ts < t.close_ts),
           (SELECT min(ts) FROM bars_5m b WHERE b.symbol_id = s.id AND b.ts >= t.open_ts AND b.ts < t.close_ts),
           (SELECT max(ts) FROM bars_5m b WHERE b.symbol_id = s.id AND b.ts >= t.open_ts AND b.ts < t.close_ts),
           CAST(strftime('%s', 'now') AS INTEGER), 0, t.calendar_version, 0
    FROM compat_pending_bar p JOIN symbols s ON s.symbol = p.symbol
    JOIN trading_sessions t ON t.open_ts <= p.ts AND p.ts < t.close_ts
    WHERE p.slot = 1
    ON CONFLICT (symbol_id, session_date) DO UPDATE SET expected_bars = excluded.expected_bars,
        held_bars = excluded.held_bars, empty_bars = excluded.empty_bars, first_ts = excluded.first_ts,
        last_ts = excluded.last_ts, fetched_at = excluded.fetched_at, final = 0,
        calendar_version = excluded.calendar_version, no_data = 0;
    DELETE FROM compat_pending_bar WHERE slot = 1;
END;

-- The original watchlist: text times (New York wall clock), active as 0/1.
CREATE VIEW watchlist AS
SELECT w.symbol AS symbol,
       strftime('%Y-%m-%dT%H:%M:%S', w.added_at + CASE
           WHEN w.added_at >= CAST(strftime('%s', date(strftime('%Y', w.added_at, 'unixepoch') || '-03-08',
                                                       'weekday 0')) AS INTEGER) + 25200
            AND w.added_at < CAST(strftime('%s', date(strftime('%Y', w.added_at, 'unixepoch') || '-11-01',
                                                      'weekday 0')) AS INTEGER) + 21600
           THEN -14400 ELSE -18000 END, 'unixepoch') AS added_at,
       w.active AS active,
       CASE WHEN w.last_updated IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%S', w.last_updated + CASE
           WHEN w.last_updated >= CAST(strftime('%s', date(strftime('%Y', w.last_updated, 'unixepoch') || '-03-08',
                                                           'weekday 0')) AS INTEGER) + 25200
            AND w.last_updated < CAST(strftime('%s', date(strftime('%Y', w.last_updated, 'unixepoch') || '-11-01',
                                                          'weekday 0')) AS INTEGER) + 21600
           THEN -14400 ELSE -18000 END, 'unixepoch') END AS last_updated,
       w.priority AS priority,
       w.notes AS notes
FROM watched_symbols w;

-- Old code adds symbols with its own added_at text (or none); Barkeep keeps epoch seconds. As for bars, a text
-- time without an offset is New York wall-clock time; one with an offset or Z is converted by SQLite itself.
CREATE TRIGGER watchlist_insert INSTEAD OF INSERT ON watchlist
BEGIN
    SELECT RAISE(ABORT, 'watchlist: symbol must be a ticker such as AAPL or BRK.B')
    WHERE NEW.symbol IS NULL OR NOT (upper(trim(NEW.symbol)) GLOB '[A-Z]*'
        AND length(trim(NEW.symbol)) <= 8 AND NOT upper(trim(NEW.symbol)) GLOB '*[^A-Z.-]*');
    SELECT RAISE(ABORT, 'watchlist: added_at must be an ISO date-time such as 2025-11-20T09:30:00')
    WHERE NEW.added_at IS NOT NULL AND strftime('%s', NEW.added_at) IS NULL;
    INSERT INTO watched_symbols (symbol, added_at, active, last_updated, priority, notes)
    VALUES (upper(trim(NEW.symbol)),
            COALESCE(CASE WHEN NEW.added_at IS NULL THEN NULL
                 WHEN NEW.added_at GLOB '*[+-][0-9][0-9]:[0-9][0-9]' OR NEW.added_at GLOB '*Z'
                 THEN CAST(strftime('%s', NEW.added_at) AS INTEGER)
                 ELSE CAST(strftime('%s', NEW.added_at) AS INTEGER) + CASE
                     WHEN CAST(strftime('%s', NEW.added_at) AS INTEGER) >= CAST(strftime('%s', date(
                             substr(NEW.added_at, 1, 4) || '-03-08', 'weekday 0')) AS INTEGER) + 7200
                      AND CAST(strftime('%s', NEW.added_at) AS INTEGER) < CAST(strftime('%s', date(
                             substr(NEW.added_at, 1, 4) || '-11-01', 'weekday 0')) AS INTEGER) + 3600
                     THEN 14400 ELSE 18000 END
            END, CAST(strftime('%s', 'now') AS INTEGER)),
            COALESCE(NEW.active, 1),
            CASE WHEN NEW.last_updated IS NULL THEN NULL
                 WHEN NEW.last_updated GLOB '*[+-][0-9][0-9]:[0-9][0-9]' OR NEW.last_updated GLOB '*Z'
                 THEN CAST(strftime('%s', NEW.last_updated) AS INTEGER)
                 ELSE CAST(strftime('%s', NEW.last_updated) AS INTEGER) + CASE
                     WHEN CAST(strftime('%s', NEW.last_updated) AS INTEGER) >= CAST(strftime('%s', date(
                             substr(NEW.last_updated, 1, 4) || '-03-08', 'weekday 0')) AS INTEGER) + 7200
                      AND CAST(strftime('%s', NEW.last_updated) AS INTEGER) < CAST(strftime('%s', date(
                             substr(NEW.last_updated, 1, 4) || '-11-01', 'weekday 0')) AS INTEGER) + 3600
                     THEN 14400 ELSE 18000 END
            END,
            COALESCE(NEW.priority, 0), NEW.notes)
    ON CONFLICT (symbol) DO UPDATE SET active = excluded.active, priority = excluded.priority,
        notes = excluded.notes, last_updated = COALESCE(excluded.last_updated, last_updated);
END;

CREATE TRIGGER watchlist_update INSTEAD OF UPDATE ON watchlist
BEGIN
    UPDATE watched_symbols SET active = COALESCE(NEW.active, active), priority = COALESCE(NEW.priority, priority),
        notes = NEW.notes,
        last_updated = COALESCE(CASE WHEN NEW.last_updated IS NULL THEN NULL
                 WHEN NEW.last_updated GLOB '*[+-][0-9][0-9]:[0-9][0-9]' OR NEW.last_updated GLOB '*Z'
                 THEN CAST(strftime('%s', NEW.last_updated) AS INTEGER)
                 ELSE CAST(strftime('%s', NEW.last_updated) AS INTEGER) + CASE
                     WHEN CAST(strftime('%s', NEW.last_updated) AS INTEGER) >= CAST(strftime('%s', date(
                             substr(NEW.last_updated, 1, 4) || '-03-08', 'weekday 0')) AS INTEGER) + 7200
                      AND CAST(strftime('%s', NEW.last_updated) AS INTEGER) < CAST(strftime('%s', date(
                             substr(NEW.last_updated, 1, 4) || '-11-01', 'weekday 0')) AS INTEGER) + 3600
                     THEN 14400 ELSE 18000 END
            END, last_updated)
    WHERE symbol = OLD.symbol;
END;

CREATE TRIGGER watchlist_delete INSTEAD OF DELETE ON watchlist
BEGIN
    DELETE FROM watched_symbols WHERE symbol = OLD.symbol;
END;

-- The original freshness row, read-only: Barkeep derives it from the ledger.
CREATE VIEW data_freshness AS
SELECT f.symbol AS symbol,
       CASE WHEN f.oldest_bar IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%S', f.oldest_bar + CASE
           WHEN f.oldest_bar >= CAST(strftime('%s', date(strftime('%Y', f.oldest_bar, 'unixepoch') || '-03-08',
                                                         'weekday 0')) AS INTEGER) + 25200
            AND f.oldest_bar < CAST(strftime('%s', date(strftime('%Y', f.oldest_bar, 'unixepoch') || '-11-01',
                                                        'weekday 0')) AS INTEGER) + 21600
           THEN -14400 ELSE -18000 END, 'unixepoch') END AS oldest_bar,
       CASE WHEN f.newest_bar IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%S', f.newest_bar + CASE
           WHEN f.newest_bar >= CAST(strftime('%s', date(strftime('%Y', f.newest_bar, 'unixepoch') || '-03-08',
                                                         'weekday 0')) AS INTEGER) + 25200
            AND f.newest_bar < CAST(strftime('%s', date(strftime('%Y', f.newest_bar, 'unixepoch') || '-11-01',
                                                        'weekday 0')) AS INTEGER) + 21600
           THEN -14400 ELSE -18000 END, 'unixepoch') END AS newest_bar,
       f.bar_count AS bar_count,
       CASE WHEN f.last_checked IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%S', f.last_checked + CASE
           WHEN f.last_checked >= CAST(strftime('%s', date(strftime('%Y', f.last_checked, 'unixepoch') || '-03-08',
                                                           'weekday 0')) AS INTEGER) + 25200
            AND f.last_checked < CAST(strftime('%s', date(strftime('%Y', f.last_checked, 'unixepoch') || '-11-01',
                                                          'weekday 0')) AS INTEGER) + 21600
           THEN -14400 ELSE -18000 END, 'unixepoch') END AS last_checked,
       f.gaps_detected AS gaps_detected
FROM symbol_freshness f;
