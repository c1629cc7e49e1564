-- An analyst's review of a submission: approved, returned (with a comment for the unit) or set back to pending.
-- Append-only: the latest row of a submission is its state, the earlier ones its history. The review belongs to one
-- version; a unit's new accepted version starts pending because it has no row yet.
CREATE TABLE reviews (
    id              bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    submission_id   bigint NOT NULL REFERENCES submissions(id),
    state           nvarchar(16) COLLATE Latin1_General_BIN2 NOT NULL,
    comment         nvarchar(max) NULL,
    actor           nvarchar(256) NOT NULL,
    at              nvarchar(40) COLLATE Latin1_General_BIN2 NOT NULL
);
CREATE INDEX ix_reviews_submission ON reviews(submission_id, id);

-- Notices a person closed on her pages, by actor and the notice's key (which names what it was about, so a new
-- event of the same kind is a new key and shows again).
CREATE TABLE notice_dismissals (
    actor           nvarchar(256) COLLATE Latin1_General_BIN2 NOT NULL,
    notice_key      nvarchar(256) COLLATE Latin1_General_BIN2 NOT NULL,
    dismissed_at    nvarchar(40) NOT NULL,
    CONSTRAINT pk_notice_dismissals PRIMARY KEY (actor, notice_key)
);
