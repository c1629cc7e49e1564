-- Access control: users, API keys and the audit log. Instants are ISO-8601 UTC text, as everywhere.
-- People sign in with a user name and a password hashed by ASP.NET Core's PasswordHasher (the hash carries its own
-- algorithm version and salt). A department user is bound to one unit.
CREATE TABLE users (
    id              bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    user_name       nvarchar(128) COLLATE Latin1_General_BIN2 NOT NULL,
    display_name    nvarchar(256) NOT NULL,
    password_hash   nvarchar(512) NOT NULL,
    role            nvarchar(32) NOT NULL,
    unit_code       nvarchar(64) NULL,
    disabled        int NOT NULL DEFAULT 0,
    failed_count    int NOT NULL DEFAULT 0,
    locked_until    nvarchar(40) NULL,
    created_at      nvarchar(40) NOT NULL
);
CREATE UNIQUE INDEX ux_users_user_name ON users(user_name);

-- Scripts use keys. Only the key's SHA-256 is kept: a key is 256 random bits, so a slow hash adds nothing, and the
-- lookup is by the short public prefix the key starts with.
CREATE TABLE api_keys (
    id              bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    prefix          nvarchar(32) COLLATE Latin1_General_BIN2 NOT NULL,
    key_hash        nvarchar(128) NOT NULL,
    role            nvarchar(32) NOT NULL,
    unit_code       nvarchar(64) NULL,
    label           nvarchar(256) NULL,
    created_at      nvarchar(40) NOT NULL,
    expires_at      nvarchar(40) NULL,
    revoked_at      nvarchar(40) NULL
);
CREATE UNIQUE INDEX ux_api_keys_prefix ON api_keys(prefix);

-- Every state-changing action, by whom, when and on what.
CREATE TABLE audit_log (
    id              bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    at              nvarchar(40) NOT NULL,
    actor           nvarchar(256) NOT NULL,
    action          nvarchar(64) NOT NULL,
    target          nvarchar(256) NULL,
    detail          nvarchar(max) NULL
);
CREATE INDEX ix_audit_log_at ON audit_log(at);
