-- Sessions are checked against the account on every request. A person's cookie names a row here (by the SHA-256 of
-- a random id, never the id itself): signing out deletes that row, so a copied cookie dies with it while the same
-- person's other sessions stay. Disabling an account or resetting its password gives the user a new security stamp
-- and deletes all of its rows; a session is valid only while its stamp is still the user's.
ALTER TABLE users ADD security_stamp nvarchar(64) NOT NULL CONSTRAINT df_users_security_stamp DEFAULT '';
GO

CREATE TABLE sessions (
    id_hash         nvarchar(64) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    user_id         bigint NOT NULL REFERENCES users(id),
    stamp           nvarchar(64) NOT NULL,
    created_at      nvarchar(40) NOT NULL
);
CREATE INDEX ix_sessions_user_id ON sessions(user_id);
