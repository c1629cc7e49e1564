-- One path for every template: every report's rows are in table_rows and its measures in figures (migration 008
-- copied the first template's typed tables there, and every release since has written both), so the typed copies
-- go: the directives and qr_rows tables and the three count columns of submissions. A blank is never a 0, and
-- those columns held 0 for anything a report did not have. Their defaults were created without names.
DECLARE @drop nvarchar(max) = N'';
SELECT @drop = @drop + N'ALTER TABLE submissions DROP CONSTRAINT ' + QUOTENAME(dc.name) + N'; '
FROM sys.default_constraints dc
JOIN sys.columns c ON c.object_id = dc.parent_object_id AND c.column_id = dc.parent_column_id
WHERE dc.parent_object_id = OBJECT_ID('submissions') AND c.name IN ('directives', 'qr_codes', 'qr_scans');
EXEC sp_executesql @drop;
GO
ALTER TABLE submissions DROP COLUMN directives, qr_codes, qr_scans;
DROP TABLE directives;
DROP TABLE qr_rows;

-- A round names its template: the column loses the default that made every older round the first template's.
ALTER TABLE rounds DROP CONSTRAINT df_rounds_template_id;
