-- Work coordination between workers (issue items 4, 5, 8). Instants are ISO-8601 UTC text, as in 001.
-- One row per content SHA-256: whoever holds it (state 'working' and lease_until in the future) is the only worker
-- ingesting those bytes. A claim whose lease ran out belongs to a dead worker and may be taken over.
CREATE TABLE work_claims (
    claim_key     NVARCHAR(64) NOT NULL PRIMARY KEY,
    path          NVARCHAR(1000) NOT NULL,
    owner         NVARCHAR(200) NOT NULL,
    state         NVARCHAR(20) NOT NULL,
    claimed_at    NVARCHAR(40) NOT NULL,
    lease_until   NVARCHAR(40) NOT NULL,
    attempts      INT NOT NULL DEFAULT 1,
    finished_at   NVARCHAR(40) NULL,
    outcome       NVARCHAR(20) NULL,
    submission_id BIGINT NULL
);
CREATE INDEX ix_work_claims_state ON work_claims(state, lease_until);

-- One row per HTTP source (configured as Ingest__HttpSources__N__*), keyed by the SHA-256 of its URL.
CREATE TABLE source_state (
    source_key      NVARCHAR(64) NOT NULL PRIMARY KEY,
    url             NVARCHAR(2000) NOT NULL,
    unit_code       NVARCHAR(100) NULL,
    round_code      NVARCHAR(100) NULL,
    etag            NVARCHAR(400) NULL,
    last_modified   NVARCHAR(100) NULL,
    content_sha256  NVARCHAR(64) NULL,
    owner           NVARCHAR(200) NULL,
    polling         INT NOT NULL DEFAULT 0,
    lease_until     NVARCHAR(40) NULL,
    next_due        NVARCHAR(40) NULL,
    pending_sha256  NVARCHAR(64) NULL,
    pending_at      NVARCHAR(40) NULL,
    last_checked_at NVARCHAR(40) NULL,
    last_success_at NVARCHAR(40) NULL,
    last_outcome    NVARCHAR(40) NULL,
    last_error      NVARCHAR(MAX) NULL,
    submission_id   BIGINT NULL,
    failures        INT NOT NULL DEFAULT 0
);
