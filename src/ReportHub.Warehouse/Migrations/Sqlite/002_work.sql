-- Work coordination between workers (issue items 4, 5, 8). Instants are ISO-8601 UTC text, as in 001.
-- One row per content SHA-256: whoever holds it (state 'working' and lease_until in the future) is the only worker
-- ingesting those bytes. A claim whose lease ran out belongs to a dead worker and may be taken over.
CREATE TABLE work_claims (
    claim_key     TEXT PRIMARY KEY,
    path          TEXT NOT NULL,
    owner         TEXT NOT NULL,
    state         TEXT NOT NULL,
    claimed_at    TEXT NOT NULL,
    lease_until   TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 1,
    finished_at   TEXT NULL,
    outcome       TEXT NULL,
    submission_id INTEGER NULL
);
CREATE INDEX ix_work_claims_state ON work_claims(state, lease_until);

-- One row per HTTP source (configured as Ingest__HttpSources__N__*), keyed by the SHA-256 of its URL.
CREATE TABLE source_state (
    source_key      TEXT PRIMARY KEY,
    url             TEXT NOT NULL,
    unit_code       TEXT NULL,
    round_code      TEXT NULL,
    etag            TEXT NULL,
    last_modified   TEXT NULL,
    content_sha256  TEXT NULL,
    owner           TEXT NULL,
    polling         INTEGER NOT NULL DEFAULT 0,
    lease_until     TEXT NULL,
    next_due        TEXT NULL,
    pending_sha256  TEXT NULL,
    pending_at      TEXT NULL,
    last_checked_at TEXT NULL,
    last_success_at TEXT NULL,
    last_outcome    TEXT NULL,
    last_error      TEXT NULL,
    submission_id   INTEGER NULL,
    failures        INTEGER NOT NULL DEFAULT 0
);
