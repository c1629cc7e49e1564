-- A unit's contact address, where its reminders go; null when none is known. Set from the registry's optional
-- email column, the CLI or the admin page.
ALTER TABLE units ADD email nvarchar(320) NULL;

-- Automatic reminders already sent: a process claims (round, unit, kind) by inserting the row before it sends, so
-- several API processes never send a unit the same reminder twice. A failed send deletes its claim to try again.
CREATE TABLE reminders_sent (
    round_code  nvarchar(64) COLLATE Latin1_General_BIN2 NOT NULL,
    unit_code   nvarchar(64) COLLATE Latin1_General_BIN2 NOT NULL,
    kind        nvarchar(16) COLLATE Latin1_General_BIN2 NOT NULL,
    claimed_at  nvarchar(40) COLLATE Latin1_General_BIN2 NOT NULL,
    CONSTRAINT pk_reminders_sent PRIMARY KEY (round_code, unit_code, kind)
);
