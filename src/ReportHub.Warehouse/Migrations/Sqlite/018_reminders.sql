-- A unit's contact address, where its reminders go; null when none is known. Set from the registry's optional
-- email column, the CLI or the admin page.
ALTER TABLE units ADD COLUMN email TEXT NULL;

-- Automatic reminders already sent: a process claims (round, unit, kind) by inserting the row before it sends, so
-- several API processes never send a unit the same reminder twice. A failed send deletes its claim to try again.
CREATE TABLE reminders_sent (
    round_code  TEXT NOT NULL,
    unit_code   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    claimed_at  TEXT NOT NULL,
    PRIMARY KEY (round_code, unit_code, kind)
);
