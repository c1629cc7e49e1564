-- Registered template definitions, one row per version. A version is never changed once registered: submissions
-- and rounds refer to (id, version), so what they were read with stays readable.
CREATE TABLE templates (
    id            TEXT NOT NULL,
    version       INTEGER NOT NULL,
    title         TEXT NOT NULL,
    definition    TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    PRIMARY KEY (id, version)
);
