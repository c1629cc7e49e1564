-- Rounds become data an analyst manages: the template their reports are read with, the rule that chose their
-- expected units (JSON {types?, parents?, units?}; NULL for rounds whose units were listed one by one) and when
-- they were last closed. Rounds that existed before templates were data are COVID rounds.
ALTER TABLE rounds ADD template_id text NOT NULL DEFAULT 'covid-tech-2021';
ALTER TABLE rounds ADD expected text NULL;
ALTER TABLE rounds ADD closed_at text NULL;
