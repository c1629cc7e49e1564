-- PostgreSQL mirror of Sqlite/008_rows_and_figures.sql (see there for why).
ALTER TABLE submissions ADD template_version integer NOT NULL DEFAULT 1;
UPDATE submissions SET template_id = 'covid-tech-2021' WHERE template_id IS NULL;

-- text rather than jsonb: the warehouse stores and hands back rows; text keeps the writer's compact form and
-- takes the same parameters and COPY as every other column.
CREATE TABLE table_rows (
    submission_id  bigint NOT NULL REFERENCES submissions(id),
    section_key    text COLLATE "C" NOT NULL,
    seq            integer NOT NULL,
    cell           text NULL,
    row_values     text NOT NULL,
    PRIMARY KEY (submission_id, section_key, seq)
);

CREATE TABLE figures (
    submission_id  bigint NOT NULL REFERENCES submissions(id),
    measure_key    text COLLATE "C" NOT NULL,
    value          numeric(28,6) NOT NULL,
    PRIMARY KEY (submission_id, measure_key)
);

INSERT INTO figures (submission_id, measure_key, value)
SELECT id, 'directives', directives FROM submissions WHERE outcome = 'accepted'
UNION ALL SELECT id, 'qrCodes', qr_codes FROM submissions WHERE outcome = 'accepted'
UNION ALL SELECT id, 'qrScans', qr_scans FROM submissions WHERE outcome = 'accepted';

-- jsonb_strip_nulls drops the members and columns that are null, as the writer leaves them out.
INSERT INTO table_rows (submission_id, section_key, seq, cell, row_values)
SELECT d.submission_id, 'directives',
       ROW_NUMBER() OVER (PARTITION BY d.submission_id ORDER BY d.ordinal, d.ctid),
       d.cell,
       jsonb_strip_nulls(jsonb_build_object(
           'ordinal', jsonb_build_object('t', d.ordinal::text, 'n', d.ordinal),
           'content', jsonb_build_object('t', d.content),
           'citation', CASE WHEN d.citation_text IS NULL THEN NULL ELSE jsonb_build_object('t', d.citation_text, 'd', d.doc_date) END,
           'issuingUnit', CASE WHEN d.issuing_unit IS NULL THEN NULL ELSE jsonb_build_object('t', d.issuing_unit) END,
           'recipients', CASE WHEN d.recipients = '' THEN NULL
                              ELSE jsonb_build_object('t', d.recipients, 'i', to_jsonb(string_to_array(d.recipients, E'\n'))) END))::text
FROM directives d;

INSERT INTO table_rows (submission_id, section_key, seq, cell, row_values)
SELECT q.submission_id, 'qr',
       ROW_NUMBER() OVER (PARTITION BY q.submission_id ORDER BY q.ordinal, q.ctid),
       q.cell,
       jsonb_strip_nulls(jsonb_build_object(
           'ordinal', jsonb_build_object('t', q.ordinal::text, 'n', q.ordinal),
           'entity', jsonb_build_object('t', q.entity),
           'qrCodes', jsonb_build_object('t', q.qr_codes::text, 'n', q.qr_codes),
           'qrScans', jsonb_build_object('t', q.qr_scans::text, 'n', q.qr_scans),
           'note', CASE WHEN q.note IS NULL THEN NULL ELSE jsonb_build_object('t', q.note) END))::text
FROM qr_rows q;
