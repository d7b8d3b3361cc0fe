-- The notice log (SPEC §4.12) for the embedded database. A notice is queued at most once per
-- (type, subject_key, period): its message is archived in the outbox as `eml_path` (relative to
-- the [notices] outbox folder) before its row commits, and sent by SMTP when one is configured.
-- `attempts` counts the sends tried, `last_error` says why the last one failed. Times are UTC
-- ('2026-06-10T01:30:00Z').
CREATE TABLE notice (
    id          INTEGER      NOT NULL PRIMARY KEY,
    type        VARCHAR(32)  NOT NULL,
    subject_key VARCHAR(200) NOT NULL,
    period      VARCHAR(32)  NOT NULL,
    recipient   VARCHAR(200) NOT NULL,
    email       VARCHAR(254) NOT NULL,
    title       VARCHAR(500) NOT NULL,
    status      VARCHAR(16)  NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
    attempts    INTEGER      NOT NULL DEFAULT 0,
    last_error  TEXT,
    queued_at   VARCHAR(32)  NOT NULL,
    sent_at     VARCHAR(32),
    eml_path    VARCHAR(255) NOT NULL,
    UNIQUE (type, subject_key, period)
);
-- What is left to send, oldest first.
CREATE INDEX notice_status ON notice(status, id);
