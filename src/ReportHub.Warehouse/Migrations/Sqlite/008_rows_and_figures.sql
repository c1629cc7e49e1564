-- Generic storage, the same for every template: every table row with its typed values, and each submission's measure values (figures)
-- written at ingest so that rollups add stored figures. The COVID tables (directives, qr_rows) stay: the
-- consolidated workbook and the analytics projections still read them.
ALTER TABLE submissions ADD template_version INTEGER NOT NULL DEFAULT 1;
-- Before templates, every file was read with the COVID template; rejected files that never got that far say so too.
UPDATE submissions SET template_id = 'covid-tech-2021' WHERE template_id IS NULL;

-- row_values is the row's values as compact JSON: {"columnKey":{"t":text,"n":number,"d":"yyyy-MM-dd","c":code,"i":[items]}},
-- members absent when not set, columns absent when the cell was empty.
CREATE TABLE table_rows (
    submission_id  INTEGER NOT NULL REFERENCES submissions(id),
    section_key    TEXT NOT NULL,
    seq            INTEGER NOT NULL,
    cell           TEXT NULL,
    row_values     TEXT NOT NULL,
    PRIMARY KEY (submission_id, section_key, seq)
);

-- NUMERIC affinity keeps whole numbers as exact 64-bit integers (every count) and stores fractions as REAL.
-- The primary key leads with submission_id, so it is the index rollups read figures through.
CREATE TABLE figures (
    submission_id  INTEGER NOT NULL REFERENCES submissions(id),
    measure_key    TEXT NOT NULL,
    value          NUMERIC NOT NULL,
    PRIMARY KEY (submission_id, measure_key)
);

-- Figures are the totals the rollups read until now, so every round's figures stay what they were. Only accepted
-- submissions were ever counted; rejected and duplicate records carry no figures.
INSERT INTO figures (submission_id, measure_key, value)
SELECT id, 'directives', directives FROM submissions WHERE outcome = 'accepted'
UNION ALL SELECT id, 'qrCodes', qr_codes FROM submissions WHERE outcome = 'accepted'
UNION ALL SELECT id, 'qrScans', qr_scans FROM submissions WHERE outcome = 'accepted';

-- json_patch onto '{}' drops the null members, so an empty cell leaves no key, as the writer does.
-- Recipients are stored one a line; the list's items are that text JSON-escaped with each escaped newline made a
-- separator (escaped backslashes are set aside first so that "\\n" in the text is not split).
INSERT INTO table_rows (submission_id, section_key, seq, cell, row_values)
SELECT d.submission_id, 'directives',
       ROW_NUMBER() OVER (PARTITION BY d.submission_id ORDER BY d.ordinal, d.rowid),
       d.cell,
       json_patch('{}', json_object(
           'ordinal', json_object('t', CAST(d.ordinal AS TEXT), 'n', d.ordinal),
           'content', json_object('t', d.content),
           'citation', CASE WHEN d.citation_text IS NULL THEN NULL ELSE json_object('t', d.citation_text, 'd', d.doc_date) END,
           'issuingUnit', CASE WHEN d.issuing_unit IS NULL THEN NULL ELSE json_object('t', d.issuing_unit) END,
           'recipients', CASE WHEN d.recipients = '' THEN NULL ELSE json_object('t', d.recipients, 'i',
               json('[' || replace(replace(replace(json_quote(d.recipients), '\\', char(1)), '\n', '","'), char(1), '\\') || ']')) END))
FROM directives d;

INSERT INTO table_rows (submission_id, section_key, seq, cell, row_values)
SELECT q.submission_id, 'qr',
       ROW_NUMBER() OVER (PARTITION BY q.submission_id ORDER BY q.ordinal, q.rowid),
       q.cell,
       json_patch('{}', json_object(
           'ordinal', json_object('t', CAST(q.ordinal AS TEXT), 'n', q.ordinal),
           'entity', json_object('t', q.entity),
           'qrCodes', json_object('t', CAST(q.qr_codes AS TEXT), 'n', q.qr_codes),
           'qrScans', json_object('t', CAST(q.qr_scans AS TEXT), 'n', q.qr_scans),
           'note', CASE WHEN q.note IS NULL THEN NULL ELSE json_object('t', q.note) END))
FROM qr_rows q;
