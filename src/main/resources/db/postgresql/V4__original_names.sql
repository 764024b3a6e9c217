-- Barkeep schema 4, for PostgreSQL: the compact tables move to their own names and the original design's names
-- become views with its columns (New York ISO text times, decimal prices), as on SQLite (db/migration/V4).
-- PostgreSQL knows the New York zone itself, so the views need no daylight-time rule. On PostgreSQL the views are
-- for reading (joins with a trades table, the original queries); writes go through Barkeep.

ALTER TABLE market_data_bars RENAME TO bars_5m;
ALTER INDEX market_data_bars_pkey RENAME TO bars_5m_pkey;
ALTER TABLE watchlist RENAME TO watched_symbols;
ALTER TABLE data_freshness RENAME TO symbol_freshness;

CREATE TABLE trading_sessions (
    session_date     integer PRIMARY KEY,
    open_ts          bigint  NOT NULL,
    close_ts         bigint  NOT NULL,
    kind             text    NOT NULL,
    calendar_version text    NOT NULL
);

CREATE FUNCTION barkeep_ny_text(epoch_s bigint) RETURNS text LANGUAGE sql STABLE AS
$$ SELECT to_char(to_timestamp(epoch_s) AT TIME ZONE 'America/New_York', 'YYYY-MM-DD"T"HH24:MI:SS') $$;

CREATE VIEW market_sessions AS
SELECT to_char(to_date(s.session_date::text, 'YYYYMMDD'), 'YYYY-MM-DD')                 AS date,
       barkeep_ny_text(s.open_ts)                                                        AS open_ny,
       barkeep_ny_text(s.close_ts)                                                       AS close_ny,
       to_char(to_timestamp(s.open_ts) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')  AS open_utc,
       to_char(to_timestamp(s.close_ts) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS close_utc,
       s.kind                                                                            AS kind
FROM trading_sessions s;

CREATE VIEW market_data_bars AS
SELECT b.symbol_id::bigint * 10000000000 + b.ts AS id,
       s.symbol                                 AS symbol,
       barkeep_ny_text(b.ts)                    AS timestamp,
       b.open / 10000.0                         AS open,
       b.high / 10000.0                         AS high,
       b.low / 10000.0                          AS low,
       b.close / 10000.0                        AS close,
       b.volume                                 AS volume,
       b.vwap / 10000.0                         AS vwap,
       NULL::text                               AS created_at
FROM bars_5m b
JOIN symbols s ON s.id = b.symbol_id;

CREATE VIEW watchlist AS
SELECT w.symbol                        AS symbol,
       barkeep_ny_text(w.added_at)     AS added_at,
       w.active                        AS active,
       barkeep_ny_text(w.last_updated) AS last_updated,
       w.priority                      AS priority,
       w.notes                         AS notes
FROM watched_symbols w;

CREATE VIEW data_freshness AS
SELECT f.symbol                        AS symbol,
       barkeep_ny_text(f.oldest_bar)   AS oldest_bar,
       barkeep_ny_text(f.newest_bar)   AS newest_bar,
       f.bar_count                     AS bar_count,
       barkeep_ny_text(f.last_checked) AS last_checked,
       f.gaps_detected                 AS gaps_detected
FROM symbol_freshness f;
