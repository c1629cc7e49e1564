-- Sessions are checked against the account on every request. A person's cookie names a row here (by the SHA-256 of
-- a random id, never the id itself): signing out deletes that row, so a copied cookie dies with it while the same
-- person's other sessions stay. Disabling an account or resetting its password gives the user a new security stamp
-- and deletes all of its rows; a session is valid only while its stamp is still the user's.
ALTER TABLE users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';

CREATE TABLE sessions (
    id_hash         TEXT NOT NULL PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users(id),
    stamp           TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX ix_sessions_user_id ON sessions(user_id);
