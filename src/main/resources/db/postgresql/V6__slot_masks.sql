-- Barkeep schema 6: the coverage ledger says which 5-minute slots of a partial session are held and which the
-- vendor answered empty, as db/migration/V6 does on SQLite (see there for the bit order and what NULL says).
ALTER TABLE session_coverage ADD COLUMN held_slots bytea;
ALTER TABLE session_coverage ADD COLUMN empty_slots bytea;
