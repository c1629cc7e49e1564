-- Dates are ISO-8601 text (yyyy-MM-dd, and UTC yyyy-MM-ddTHH:mm:ss.fffffffZ for instants) in every dialect,
-- so the same comparisons work on SQLite, PostgreSQL and SQL Server.
CREATE TABLE units (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    parent      TEXT NULL,
    aliases     TEXT NOT NULL DEFAULT '',
    valid_from  TEXT NULL,
    valid_to    TEXT NULL,
    successor   TEXT NULL
);

CREATE TABLE rounds (
    code             TEXT PRIMARY KEY,
    title            TEXT NOT NULL,
    request_document TEXT NULL,
    request_date     TEXT NULL,
    deadline         TEXT NOT NULL,
    closed           INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL
);

CREATE TABLE round_units (
    round_code TEXT NOT NULL REFERENCES rounds(code),
    unit_code  TEXT NOT NULL REFERENCES units(code),
    PRIMARY KEY (round_code, unit_code)
);

CREATE TABLE files (
    sha256      TEXT PRIMARY KEY,
    size        INTEGER NOT NULL,
    content     BLOB NOT NULL,
    stored_at   TEXT NOT NULL
);

CREATE TABLE submissions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    file_sha256    TEXT NOT NULL REFERENCES files(sha256),
    file_name      TEXT NOT NULL,
    file_size      INTEGER NOT NULL,
    source         TEXT NOT NULL,
    received_at    TEXT NOT NULL,
    outcome        TEXT NOT NULL,
    status         TEXT NOT NULL,
    unit_code      TEXT NULL,
    round_code     TEXT NULL,
    parser_version TEXT NOT NULL,
    template_id    TEXT NULL,
    sheet          TEXT NULL,
    directives     INTEGER NOT NULL DEFAULT 0,
    qr_codes       INTEGER NOT NULL DEFAULT 0,
    qr_scans       INTEGER NOT NULL DEFAULT 0,
    doc_number     TEXT NULL,
    doc_date       TEXT NULL,
    signer         TEXT NULL,
    duplicate_of   INTEGER NULL,
    supersedes     INTEGER NULL,
    replay_of      INTEGER NULL
);
CREATE INDEX ix_submissions_sha ON submissions(file_sha256);
CREATE INDEX ix_submissions_unit_round ON submissions(unit_code, round_code);
-- At most one current version per unit and round, whatever the workers race to do.
CREATE UNIQUE INDEX ux_submissions_current ON submissions(unit_code, round_code) WHERE status = 'current';

CREATE TABLE directives (
    submission_id  INTEGER NOT NULL REFERENCES submissions(id),
    ordinal        INTEGER NOT NULL,
    content        TEXT NOT NULL,
    citation_text  TEXT NULL,
    doc_number     TEXT NULL,
    doc_symbol     TEXT NULL,
    doc_date       TEXT NULL,
    issuing_unit   TEXT NULL,
    recipients     TEXT NOT NULL DEFAULT '',
    cell           TEXT NULL
);
CREATE INDEX ix_directives_submission ON directives(submission_id);

CREATE TABLE qr_rows (
    submission_id  INTEGER NOT NULL REFERENCES submissions(id),
    ordinal        INTEGER NOT NULL,
    entity         TEXT NOT NULL,
    qr_codes       INTEGER NOT NULL,
    qr_scans       INTEGER NOT NULL,
    note           TEXT NULL,
    cell           TEXT NULL
);
CREATE INDEX ix_qr_rows_submission ON qr_rows(submission_id);

CREATE TABLE narratives (
    submission_id  INTEGER NOT NULL REFERENCES submissions(id),
    section        TEXT NOT NULL,
    heading        TEXT NOT NULL,
    text           TEXT NOT NULL,
    is_empty       INTEGER NOT NULL
);
CREATE INDEX ix_narratives_submission ON narratives(submission_id);

CREATE TABLE issues (
    submission_id  INTEGER NOT NULL REFERENCES submissions(id),
    seq            INTEGER NOT NULL,
    severity       TEXT NOT NULL,
    code           TEXT NOT NULL,
    sheet          TEXT NULL,
    cell           TEXT NULL,
    message        TEXT NOT NULL
);
CREATE INDEX ix_issues_submission ON issues(submission_id);
