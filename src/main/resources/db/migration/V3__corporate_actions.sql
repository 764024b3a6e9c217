-- Barkeep corporate actions, schema 3.
-- Bars stay as traded; these rows are what reads adjust with (DESIGN point 12).

-- One split or cash dividend of one symbol. ex_date is the first session traded on the new basis.
-- A split is new:old shares (10:1 forward, 1:10 reverse, 1046:1000 odd). A dividend is an exact amount per
-- share in integer micro-dollars (1e-6): exact for every cash dividend quoted to six decimals or fewer, compared
-- and summed as integers like every other price column here, where a TEXT decimal would need parsing on each read.
CREATE TABLE corporate_actions (
    symbol          TEXT    NOT NULL,
    ex_date         INTEGER NOT NULL,   -- yyyymmdd (New York)
    kind            TEXT    NOT NULL CHECK (kind IN ('split', 'dividend')),
    split_new       INTEGER,
    split_old       INTEGER,
    dividend_micros INTEGER,
    source          TEXT    NOT NULL CHECK (source IN ('thetadata', 'csv', 'manual', 'demo')),
    learnt_at       INTEGER NOT NULL,   -- epoch seconds UTC
    PRIMARY KEY (symbol, ex_date, kind),
    CHECK ((kind = 'split' AND split_new > 0 AND split_old > 0 AND split_new <> split_old
            AND dividend_micros IS NULL)
        OR (kind = 'dividend' AND dividend_micros > 0 AND split_new IS NULL AND split_old IS NULL))
) WITHOUT ROWID;
