-- One path for every template: every report's rows are in table_rows and its measures in figures (migration 008
-- copied the first template's typed tables there, and every release since has written both), so the typed copies
-- go: the directives and qr_rows tables and the three count columns of submissions. A blank is never a 0, and
-- those columns held 0 for anything a report did not have.
DROP TABLE directives;
DROP TABLE qr_rows;
ALTER TABLE submissions DROP COLUMN directives;
ALTER TABLE submissions DROP COLUMN qr_codes;
ALTER TABLE submissions DROP COLUMN qr_scans;

-- A round names its template: the column loses the default that made every older round the first template's.
-- SQLite cannot drop a default in place, so rounds is rebuilt; round_units, which refers to it, is rebuilt first so
-- that dropping the old rounds takes no rows with it (foreign keys stay on throughout).
CREATE TABLE rounds_new (
    code             TEXT PRIMARY KEY,
    title            TEXT NOT NULL,
    request_document TEXT NULL,
    request_date     TEXT NULL,
    deadline         TEXT NOT NULL,
    closed           INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    template_id      TEXT NOT NULL,
    expected         TEXT NULL,
    closed_at        TEXT NULL
);
INSERT INTO rounds_new (code, title, request_document, request_date, deadline, closed, created_at, template_id, expected, closed_at)
SELECT code, title, request_document, request_date, deadline, closed, created_at, template_id, expected, closed_at FROM rounds;

CREATE TABLE round_units_new (
    round_code TEXT NOT NULL REFERENCES rounds_new(code),
    unit_code  TEXT NOT NULL REFERENCES units(code),
    PRIMARY KEY (round_code, unit_code)
);
INSERT INTO round_units_new (round_code, unit_code) SELECT round_code, unit_code FROM round_units;

DROP TABLE round_units;
DROP TABLE rounds;
-- Renaming rewrites round_units_new's reference to rounds_new into one to rounds.
ALTER TABLE rounds_new RENAME TO rounds;
ALTER TABLE round_units_new RENAME TO round_units;
