-- Access control: users, API keys and the audit log. Instants are ISO-8601 UTC text, as everywhere.
-- People sign in with a user name and a password hashed by ASP.NET Core's PasswordHasher (the hash carries its own
-- algorithm version and salt). A department user is bound to one unit.
CREATE TABLE users (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_name       TEXT NOT NULL,
    display_name    TEXT NOT NULL,
    password_hash   TEXT NOT NULL,
    role            TEXT NOT NULL,
    unit_code       TEXT NULL,
    disabled        INTEGER NOT NULL DEFAULT 0,
    failed_count    INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT NULL,
    created_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_users_user_name ON users(user_name);

-- Scripts use keys. Only the key's SHA-256 is kept: a key is 256 random bits, so a slow hash adds nothing, and the
-- lookup is by the short public prefix the key starts with.
CREATE TABLE api_keys (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    prefix          TEXT NOT NULL,
    key_hash        TEXT NOT NULL,
    role            TEXT NOT NULL,
    unit_code       TEXT NULL,
    label           TEXT NULL,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NULL,
    revoked_at      TEXT NULL
);
CREATE UNIQUE INDEX ux_api_keys_prefix ON api_keys(prefix);

-- Every state-changing action, by whom, when and on what.
CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    target          TEXT NULL,
    detail          TEXT NULL
);
CREATE INDEX ix_audit_log_at ON audit_log(at);
