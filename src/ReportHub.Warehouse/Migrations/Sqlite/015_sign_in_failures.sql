-- Failed sign-ins are counted per account name and client address, so that wrong passwords typed from one place
-- lock that name for that place only: a stranger cannot lock a clerk out of her own office. The name is kept as
-- typed, whether or not such an account exists, so a locked name says nothing about which accounts exist. A
-- successful sign-in from the address deletes its row; an administrator's password reset deletes all of the name's.
-- users.failed_count and users.locked_until are no longer written.
CREATE TABLE sign_in_failures (
    user_name       TEXT NOT NULL,
    address         TEXT NOT NULL,
    failed_count    INTEGER NOT NULL,
    locked_until    TEXT NULL,
    last_failed_at  TEXT NOT NULL,
    PRIMARY KEY (user_name, address)
);
CREATE INDEX ix_sign_in_failures_last_failed_at ON sign_in_failures(last_failed_at);
