-- Registered template definitions, one row per version. A version is never changed once registered: submissions
-- and rounds refer to (id, version), so what they were read with stays readable. The definition is kept as the
-- JSON text that was registered (text, not jsonb, so that it reads back exactly as stored).
CREATE TABLE templates (
    id            text COLLATE "C" NOT NULL,
    version       integer NOT NULL,
    title         text NOT NULL,
    definition    text NOT NULL,
    registered_at text NOT NULL,
    PRIMARY KEY (id, version)
);
