-- Where an issue is, in Vietnamese words the submitter can follow (a Word letter has no A1 cells).
ALTER TABLE issues ADD location text NULL;
