-- SQL Server mirror of Sqlite/001_initial.sql, column for column.
-- Dates are ISO-8601 text (yyyy-MM-dd, and UTC yyyy-MM-ddTHH:mm:ss.fffffffZ for instants) in every dialect.
-- Indexed and key columns need bounded nvarchar; codes, hashes and statuses use a binary collation so that they
-- compare case-sensitively and sort by code point, as SQLite's TEXT does. Flags (closed, is_empty) are int 0/1.
CREATE TABLE units (
    code        nvarchar(64) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    name        nvarchar(max) NOT NULL,
    type        nvarchar(32) COLLATE Latin1_General_BIN2 NOT NULL,
    parent      nvarchar(64) COLLATE Latin1_General_BIN2 NULL,
    aliases     nvarchar(max) NOT NULL DEFAULT '',
    valid_from  nvarchar(10) NULL,
    valid_to    nvarchar(10) NULL,
    successor   nvarchar(64) COLLATE Latin1_General_BIN2 NULL
);

CREATE TABLE rounds (
    code             nvarchar(64) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    title            nvarchar(max) NOT NULL,
    request_document nvarchar(max) NULL,
    request_date     nvarchar(10) NULL,
    deadline         nvarchar(10) NOT NULL,
    closed           int NOT NULL DEFAULT 0,
    created_at       nvarchar(40) NOT NULL
);

CREATE TABLE round_units (
    round_code nvarchar(64) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES rounds(code),
    unit_code  nvarchar(64) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES units(code),
    PRIMARY KEY (round_code, unit_code)
);

CREATE TABLE files (
    sha256      nvarchar(64) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    size        bigint NOT NULL,
    content     varbinary(max) NOT NULL,
    stored_at   nvarchar(40) NOT NULL
);

CREATE TABLE submissions (
    id             bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    file_sha256    nvarchar(64) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES files(sha256),
    file_name      nvarchar(max) NOT NULL,
    file_size      bigint NOT NULL,
    source         nvarchar(max) NOT NULL,
    received_at    nvarchar(40) COLLATE Latin1_General_BIN2 NOT NULL,
    outcome        nvarchar(16) COLLATE Latin1_General_BIN2 NOT NULL,
    status         nvarchar(16) COLLATE Latin1_General_BIN2 NOT NULL,
    unit_code      nvarchar(64) COLLATE Latin1_General_BIN2 NULL,
    round_code     nvarchar(64) COLLATE Latin1_General_BIN2 NULL,
    parser_version nvarchar(max) NOT NULL,
    template_id    nvarchar(max) NULL,
    sheet          nvarchar(max) NULL,
    directives     bigint NOT NULL DEFAULT 0,
    qr_codes       bigint NOT NULL DEFAULT 0,
    qr_scans       bigint NOT NULL DEFAULT 0,
    doc_number     nvarchar(max) NULL,
    doc_date       nvarchar(10) NULL,
    signer         nvarchar(max) NULL,
    duplicate_of   bigint NULL,
    supersedes     bigint NULL,
    replay_of      bigint NULL
);
GO
CREATE INDEX ix_submissions_sha ON submissions(file_sha256);
CREATE INDEX ix_submissions_unit_round ON submissions(unit_code, round_code);
-- At most one current version per unit and round, whatever the workers race to do (a filtered index).
CREATE UNIQUE INDEX ux_submissions_current ON submissions(unit_code, round_code) WHERE status = 'current';
GO
CREATE TABLE directives (
    submission_id  bigint NOT NULL REFERENCES submissions(id),
    ordinal        int NOT NULL,
    content        nvarchar(max) NOT NULL,
    citation_text  nvarchar(max) NULL,
    doc_number     nvarchar(max) NULL,
    doc_symbol     nvarchar(max) NULL,
    doc_date       nvarchar(10) NULL,
    issuing_unit   nvarchar(max) NULL,
    recipients     nvarchar(max) NOT NULL DEFAULT '',
    cell           nvarchar(100) NULL
);
CREATE INDEX ix_directives_submission ON directives(submission_id);

CREATE TABLE qr_rows (
    submission_id  bigint NOT NULL REFERENCES submissions(id),
    ordinal        int NOT NULL,
    entity         nvarchar(max) NOT NULL,
    qr_codes       bigint NOT NULL,
    qr_scans       bigint NOT NULL,
    note           nvarchar(max) NULL,
    cell           nvarchar(100) NULL
);
CREATE INDEX ix_qr_rows_submission ON qr_rows(submission_id);

CREATE TABLE narratives (
    submission_id  bigint NOT NULL REFERENCES submissions(id),
    section        nvarchar(64) COLLATE Latin1_General_BIN2 NOT NULL,
    heading        nvarchar(max) NOT NULL,
    text           nvarchar(max) NOT NULL,
    is_empty       int NOT NULL
);
CREATE INDEX ix_narratives_submission ON narratives(submission_id);

CREATE TABLE issues (
    submission_id  bigint NOT NULL REFERENCES submissions(id),
    seq            int NOT NULL,
    severity       nvarchar(16) NOT NULL,
    code           nvarchar(200) NOT NULL,
    sheet          nvarchar(max) NULL,
    cell           nvarchar(100) NULL,
    message        nvarchar(max) NOT NULL
);
CREATE INDEX ix_issues_submission ON issues(submission_id);
