-- A unit an analyst added to a round by hand (an abolished district whose report the round still takes) keeps its
-- place when the round is edited or the reference data is loaded again: only the units chosen by the round's rule
-- (added_at NULL) are replaced then.
ALTER TABLE round_units ADD added_at TEXT NULL;
