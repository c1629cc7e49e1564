-- A file over Ingest:MaxFileBytes is recorded (name, size, SHA-256) but its bytes are not kept: content is empty
-- and kept is 0, so the submission keeps its foreign key and GET …/file can say why there is nothing to send.
ALTER TABLE files ADD kept integer NOT NULL DEFAULT 1;
