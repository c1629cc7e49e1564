-- One path for every template: every report's rows are in table_rows and its measures in figures (migration 008
-- copied the first template's typed tables there, and every release since has written both), so the typed copies
-- go: the directives and qr_rows tables and the three count columns of submissions. A blank is never a 0, and
-- those columns held 0 for anything a report did not have.
DROP TABLE directives;
DROP TABLE qr_rows;
ALTER TABLE submissions DROP COLUMN directives, DROP COLUMN qr_codes, DROP COLUMN qr_scans;

-- A round names its template: the column loses the default that made every older round the first template's.
ALTER TABLE rounds ALTER COLUMN template_id DROP DEFAULT;
