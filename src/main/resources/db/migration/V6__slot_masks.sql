-- Barkeep schema 6: the coverage ledger says which 5-minute slots of a partial session are held and which the
-- vendor answered empty, so a gap report needs no bar row. Bit i (byte i / 8, bit i % 8) stands for the slot that
-- starts at the session's open + i * 300 s. NULL says nothing new: the session is complete, holds nothing of that
-- kind, or the row was written before this schema (the one-time fill, CoverageLedger.fillMasks, and every write
-- after it give partial rows their masks; a reader believes a mask only when its bits agree with the count).
ALTER TABLE session_coverage ADD COLUMN held_slots BLOB;
ALTER TABLE session_coverage ADD COLUMN empty_slots BLOB;
