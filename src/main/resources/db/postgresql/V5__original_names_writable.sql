-- Barkeep schema 5, for PostgreSQL only: writes through the original design's names, as db/migration/V4 gives
-- them on SQLite. An INSERT into market_data_bars lands in bars_5m and the coverage ledger, or fails with the
-- same one-line reason as on SQLite and writes nothing; the watchlist takes INSERT, UPDATE and DELETE.
-- data_freshness and market_sessions stay read-only, as on SQLite: Barkeep derives them.
-- SQLite has no V5 (its triggers came with V4); PostgresStore.SCHEMA_VERSION names this one.

-- An original-design time as epoch seconds: text without an offset is New York wall-clock time (as the views show
-- it), text with an offset or Z is that instant. NULL stays NULL; anything else is refused with what was wrong.
CREATE FUNCTION barkeep_ny_epoch(t text, what text) RETURNS bigint LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF t IS NULL THEN
        RETURN NULL;
    END IF;
    IF t !~ '^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?([+-]\d{2}:\d{2}|Z)?$' THEN
        RAISE EXCEPTION '%', what;
    END IF;
    BEGIN
        IF t ~ '([+-]\d{2}:\d{2}|Z)$' THEN
            RETURN extract(epoch FROM t::timestamptz)::bigint;
        END IF;
        RETURN extract(epoch FROM (t::timestamp AT TIME ZONE 'America/New_York'))::bigint;
    EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
        RAISE EXCEPTION '%', what;
    END;
END $$;

-- The checks are BarRules' (domain/BarRules.java) in the order and words of the SQLite trigger; CompatViewsTest
-- runs one corpus through BarRules and through both triggers.
CREATE FUNCTION market_data_bars_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    sym     text := upper(btrim(NEW.symbol));
    bar_ts  bigint;
    sym_id  integer;
    sess    trading_sessions%ROWTYPE;
BEGIN
    IF NEW.symbol IS NULL OR sym !~ '^[A-Z][A-Z.-]*$' OR length(btrim(NEW.symbol)) > 8 THEN
        RAISE EXCEPTION 'market_data_bars: symbol must be a ticker such as AAPL or BRK.B';
    END IF;
    bar_ts := barkeep_ny_epoch(NEW.timestamp,
            'market_data_bars: timestamp must be an ISO date-time such as 2025-11-20T09:30:00');
    IF bar_ts IS NULL THEN
        RAISE EXCEPTION 'market_data_bars: timestamp must be an ISO date-time such as 2025-11-20T09:30:00';
    END IF;
    IF NEW.open IS NULL OR NEW.high IS NULL OR NEW.low IS NULL OR NEW.close IS NULL THEN
        RAISE EXCEPTION 'market_data_bars: open, high, low and close must be numbers';
    END IF;
    IF NEW.volume IS NULL THEN
        RAISE EXCEPTION 'market_data_bars: volume must be a whole number';
    END IF;
    IF NEW.high < NEW.low THEN
        RAISE EXCEPTION 'market_data_bars: high < low';
    END IF;
    IF NEW.open > NEW.high OR NEW.open < NEW.low THEN
        RAISE EXCEPTION 'market_data_bars: open outside high-low';
    END IF;
    IF NEW.close > NEW.high OR NEW.close < NEW.low THEN
        RAISE EXCEPTION 'market_data_bars: close outside high-low';
    END IF;
    IF NEW.volume < 0 THEN
        RAISE EXCEPTION 'market_data_bars: negative volume';
    END IF;
    IF NEW.low <= 0 AND NEW.volume > 0 THEN
        RAISE EXCEPTION 'market_data_bars: non-positive price with volume';
    END IF;
    IF NEW.low <= 0 THEN
        RAISE EXCEPTION 'market_data_bars: non-positive price';
    END IF;
    IF NEW.high > 10000000 THEN
        RAISE EXCEPTION 'market_data_bars: price above $10,000,000';
    END IF;
    IF NEW.vwap < 0 THEN
        RAISE EXCEPTION 'market_data_bars: negative vwap';
    END IF;
    IF bar_ts % 300 <> 0 THEN
        RAISE EXCEPTION 'market_data_bars: off the 5-minute grid';
    END IF;
    SELECT * INTO sess FROM trading_sessions t WHERE t.open_ts <= bar_ts AND bar_ts < t.close_ts;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'market_data_bars: outside the session';
    END IF;

    INSERT INTO symbols (symbol) VALUES (sym) ON CONFLICT (symbol) DO NOTHING;
    SELECT id INTO sym_id FROM symbols WHERE symbol = sym;
    -- Prices at 1e-4 dollars, rounded half away from zero as SQLite's round() does.
    INSERT INTO bars_5m (symbol_id, ts, open, high, low, close, volume, trades, vwap)
    VALUES (sym_id, bar_ts, round(NEW.open * 10000)::bigint, round(NEW.high * 10000)::bigint,
            round(NEW.low * 10000)::bigint, round(NEW.close * 10000)::bigint, NEW.volume, NULL,
            round(NEW.vwap * 10000)::bigint)
    ON CONFLICT (symbol_id, ts) DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low,
        close = excluded.close, volume = excluded.volume, vwap = excluded.vwap;
    -- A traded bar replaces an older "no trade" answer, as in the store's own writes.
    DELETE FROM empty_bars WHERE symbol_id = sym_id AND ts = bar_ts;

    INSERT INTO session_coverage (symbol_id, session_date, expected_bars, held_bars, empty_bars, first_ts, last_ts,
                                  fetched_at, final, calendar_version, no_data)
    SELECT sym_id, sess.session_date, (sess.close_ts - sess.open_ts) / 300,
           (SELECT count(*) FROM bars_5m b WHERE b.symbol_id = sym_id AND b.ts >= sess.open_ts
                AND b.ts < sess.close_ts),
           (SELECT count(*) FROM empty_bars e WHERE e.symbol_id = sym_id AND e.ts >= sess.open_ts
                AND e.ts < sess.close_ts),
           (SELECT min(b.ts) FROM bars_5m b WHERE b.symbol_id = sym_id AND b.ts >= sess.open_ts
                AND b.ts < sess.close_ts),
           (SELECT max(b.ts) FROM bars_5m b WHERE b.symbol_id = sym_id AND b.ts >= sess.open_ts
                AND b.ts < sess.close_ts),
           extract(epoch FROM now())::bigint, 0, sess.calendar_version, 0
    ON CONFLICT (symbol_id, session_date) DO UPDATE SET expected_bars = excluded.expected_bars,
        held_bars = excluded.held_bars, empty_bars = excluded.empty_bars, first_ts = excluded.first_ts,
        last_ts = excluded.last_ts, fetched_at = excluded.fetched_at, final = 0,
        calendar_version = excluded.calendar_version, no_data = 0;
    RETURN NEW;
END $$;

CREATE TRIGGER market_data_bars_insert INSTEAD OF INSERT ON market_data_bars
    FOR EACH ROW EXECUTE FUNCTION market_data_bars_insert();

CREATE FUNCTION watchlist_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    sym text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM watched_symbols WHERE symbol = OLD.symbol;
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        UPDATE watched_symbols SET active = COALESCE(NEW.active, active), priority = COALESCE(NEW.priority, priority),
            notes = NEW.notes,
            last_updated = COALESCE(barkeep_ny_epoch(NEW.last_updated,
                'watchlist: last_updated must be an ISO date-time such as 2025-11-20T09:30:00'), last_updated)
        WHERE symbol = OLD.symbol;
        RETURN NEW;
    END IF;
    sym := upper(btrim(NEW.symbol));
    IF NEW.symbol IS NULL OR sym !~ '^[A-Z][A-Z.-]*$' OR length(btrim(NEW.symbol)) > 8 THEN
        RAISE EXCEPTION 'watchlist: symbol must be a ticker such as AAPL or BRK.B';
    END IF;
    INSERT INTO watched_symbols (symbol, added_at, active, last_updated, priority, notes)
    VALUES (sym,
            COALESCE(barkeep_ny_epoch(NEW.added_at,
                'watchlist: added_at must be an ISO date-time such as 2025-11-20T09:30:00'),
                extract(epoch FROM now())::bigint),
            COALESCE(NEW.active, 1),
            barkeep_ny_epoch(NEW.last_updated,
                'watchlist: last_updated must be an ISO date-time such as 2025-11-20T09:30:00'),
            COALESCE(NEW.priority, 0), NEW.notes)
    ON CONFLICT (symbol) DO UPDATE SET active = excluded.active, priority = excluded.priority,
        notes = excluded.notes, last_updated = COALESCE(excluded.last_updated, watched_symbols.last_updated);
    RETURN NEW;
END $$;

CREATE TRIGGER watchlist_write INSTEAD OF INSERT OR UPDATE OR DELETE ON watchlist
    FOR EACH ROW EXECUTE FUNCTION watchlist_write();
