-- The same bytes are accepted once; a second upload racing the first becomes a duplicate, not a second version.
-- Replays are the exception: they re-record a stored file on purpose.
CREATE UNIQUE INDEX ux_submissions_accepted_file ON submissions(file_sha256) WHERE outcome = 'accepted' AND replay_of IS NULL;
