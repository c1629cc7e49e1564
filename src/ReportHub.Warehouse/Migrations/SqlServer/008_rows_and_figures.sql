-- SQL Server mirror of Sqlite/008_rows_and_figures.sql (see there for why). A batch cannot use a column added in
-- the same batch, hence the GO after the ALTER.
ALTER TABLE submissions ADD template_version int NOT NULL CONSTRAINT df_submissions_template_version DEFAULT 1;
GO
UPDATE submissions SET template_id = N'covid-tech-2021' WHERE template_id IS NULL;

CREATE TABLE table_rows (
    submission_id  bigint NOT NULL REFERENCES submissions(id),
    section_key    nvarchar(64) COLLATE Latin1_General_BIN2 NOT NULL,
    seq            int NOT NULL,
    cell           nvarchar(100) NULL,
    row_values     nvarchar(max) NOT NULL,
    CONSTRAINT pk_table_rows PRIMARY KEY (submission_id, section_key, seq)
);

CREATE TABLE figures (
    submission_id  bigint NOT NULL REFERENCES submissions(id),
    measure_key    nvarchar(64) COLLATE Latin1_General_BIN2 NOT NULL,
    value          decimal(28,6) NOT NULL,
    CONSTRAINT pk_figures PRIMARY KEY (submission_id, measure_key)
);
GO
INSERT INTO figures (submission_id, measure_key, value)
SELECT id, N'directives', directives FROM submissions WHERE outcome = 'accepted'
UNION ALL SELECT id, N'qrCodes', qr_codes FROM submissions WHERE outcome = 'accepted'
UNION ALL SELECT id, N'qrScans', qr_scans FROM submissions WHERE outcome = 'accepted';

-- FOR JSON PATH leaves null members out and nests "a.b" columns. The recipients' items are the JSON-escaped text
-- with each escaped newline made a separator; escaped backslashes are set aside first (binary collation, so the
-- control character stand-in is never ignored).
INSERT INTO table_rows (submission_id, section_key, seq, cell, row_values)
SELECT d.submission_id, N'directives',
       ROW_NUMBER() OVER (PARTITION BY d.submission_id ORDER BY d.ordinal, d.cell),
       d.cell,
       (SELECT CAST(d.ordinal AS nvarchar(20)) AS [ordinal.t], d.ordinal AS [ordinal.n],
               d.content AS [content.t],
               d.citation_text AS [citation.t], CASE WHEN d.citation_text IS NOT NULL THEN d.doc_date END AS [citation.d],
               d.issuing_unit AS [issuingUnit.t],
               NULLIF(d.recipients, N'') AS [recipients.t],
               CASE WHEN d.recipients <> N'' THEN JSON_QUERY(N'["' + REPLACE(REPLACE(REPLACE(
                   STRING_ESCAPE(d.recipients, 'json') COLLATE Latin1_General_BIN2, N'\\', NCHAR(1)), N'\n', N'","'), NCHAR(1), N'\\') + N'"]') END AS [recipients.i]
        FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
FROM directives d;

INSERT INTO table_rows (submission_id, section_key, seq, cell, row_values)
SELECT q.submission_id, N'qr',
       ROW_NUMBER() OVER (PARTITION BY q.submission_id ORDER BY q.ordinal, q.cell),
       q.cell,
       (SELECT CAST(q.ordinal AS nvarchar(20)) AS [ordinal.t], q.ordinal AS [ordinal.n],
               q.entity AS [entity.t],
               CAST(q.qr_codes AS nvarchar(20)) AS [qrCodes.t], q.qr_codes AS [qrCodes.n],
               CAST(q.qr_scans AS nvarchar(20)) AS [qrScans.t], q.qr_scans AS [qrScans.n],
               q.note AS [note.t]
        FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
FROM qr_rows q;
