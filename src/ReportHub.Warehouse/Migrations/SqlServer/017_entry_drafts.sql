-- A report being filled in on its page, kept between visits: one draft per round and unit, shared by every account of
-- the unit, replaced on each save and deleted once the report is sent. The body is the page's JSON
-- ({tables, narratives}), never a file: a draft is not a submission and counts nowhere.
CREATE TABLE entry_drafts (
    round_code  nvarchar(64) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES rounds(code),
    unit_code   nvarchar(64) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES units(code),
    body        nvarchar(max) NOT NULL,
    saved_by    nvarchar(200) NOT NULL,
    saved_at    nvarchar(40) NOT NULL,
    CONSTRAINT pk_entry_drafts PRIMARY KEY (round_code, unit_code)
);
