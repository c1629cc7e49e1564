-- An analyst's review of a submission: approved, returned (with a comment for the unit) or set back to pending.
-- Append-only: the latest row of a submission is its state, the earlier ones its history. The review belongs to one
-- version; a unit's new accepted version starts pending because it has no row yet.
CREATE TABLE reviews (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    submission_id   INTEGER NOT NULL REFERENCES submissions(id),
    state           TEXT NOT NULL,
    comment         TEXT NULL,
    actor           TEXT NOT NULL,
    at              TEXT NOT NULL
);
CREATE INDEX ix_reviews_submission ON reviews(submission_id, id);

-- Notices a person closed on her pages, by actor and the notice's key (which names what it was about, so a new
-- event of the same kind is a new key and shows again).
CREATE TABLE notice_dismissals (
    actor           TEXT NOT NULL,
    notice_key      TEXT NOT NULL,
    dismissed_at    TEXT NOT NULL,
    PRIMARY KEY (actor, notice_key)
);
