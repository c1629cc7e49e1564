-- Registered template definitions, one row per version. A version is never changed once registered: submissions
-- and rounds refer to (id, version), so what they were read with stays readable.
CREATE TABLE templates (
    id            nvarchar(64) COLLATE Latin1_General_BIN2 NOT NULL,
    version       int NOT NULL,
    title         nvarchar(max) NOT NULL,
    definition    nvarchar(max) NOT NULL,
    registered_at nvarchar(40) NOT NULL,
    CONSTRAINT pk_templates PRIMARY KEY (id, version)
);
