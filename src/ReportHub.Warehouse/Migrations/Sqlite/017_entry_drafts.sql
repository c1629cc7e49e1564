-- A report being filled in on its page, kept between visits: one draft per round and unit, shared by every account of
-- the unit, replaced on each save and deleted once the report is sent. The body is the page's JSON
-- ({tables, narratives}), never a file: a draft is not a submission and counts nowhere.
CREATE TABLE entry_drafts (
    round_code  TEXT NOT NULL REFERENCES rounds(code),
    unit_code   TEXT NOT NULL REFERENCES units(code),
    body        TEXT NOT NULL,
    saved_by    TEXT NOT NULL,
    saved_at    TEXT NOT NULL,
    PRIMARY KEY (round_code, unit_code)
);
