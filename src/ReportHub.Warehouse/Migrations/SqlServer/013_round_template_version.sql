-- A round reads, sums and exports its reports with one version of its template, the one it was opened with (or
-- moved to by an analyst). Existing rounds get the version their rollups used until now, the latest registered,
-- so their totals stay exactly as they were; a template not registered yet counts as version 1.
ALTER TABLE rounds ADD template_version int NOT NULL CONSTRAINT df_rounds_template_version DEFAULT 1;
GO
UPDATE rounds SET template_version = COALESCE((SELECT MAX(t.version) FROM templates t WHERE t.id = rounds.template_id), 1);
