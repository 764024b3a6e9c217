-- Barkeep corporate actions, schema 3, for PostgreSQL (db/migration/V3 for SQLite, where the comments are).

CREATE TABLE corporate_actions (
    symbol          text    NOT NULL,
    ex_date         integer NOT NULL,
    kind            text    NOT NULL CHECK (kind IN ('split', 'dividend')),
    split_new       bigint,
    split_old       bigint,
    dividend_micros bigint,
    source          text    NOT NULL CHECK (source IN ('thetadata', 'csv', 'manual', 'demo')),
    learnt_at       bigint  NOT NULL,
    PRIMARY KEY (symbol, ex_date, kind),
    CHECK ((kind = 'split' AND split_new > 0 AND split_old > 0 AND split_new <> split_old
            AND dividend_micros IS NULL)
        OR (kind = 'dividend' AND dividend_micros > 0 AND split_new IS NULL AND split_old IS NULL))
);
