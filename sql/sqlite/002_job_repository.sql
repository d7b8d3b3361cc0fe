-- The job repository (STYLE.md "Jobs", Spring Batch semantics) for the embedded database.
-- Times: `*_at` are UTC timestamps of the wall clock ('2026-06-10T01:30:00Z'); `scheduled_for`
-- and `clock_at` are the scheduler's local time ('2026-06-10 02:00'), which tests drive with
-- --now.
-- Ids are plain INTEGER PRIMARY KEYs (no AUTOINCREMENT): a request refused on its first attempt
-- is deleted again and leaves the file as it was, with no sqlite_sequence entry moved.

-- One row per job and identifying parameters: `settle` + `period=2026H1` runs at most once.
CREATE TABLE job_instance (
    id                INTEGER      NOT NULL PRIMARY KEY,
    job               VARCHAR(32)  NOT NULL,
    job_key           VARCHAR(200) NOT NULL,
    scheduled_for     VARCHAR(16),
    created_at        VARCHAR(32)  NOT NULL,
    status            VARCHAR(16)  NOT NULL
                      CHECK (status IN ('pending', 'running', 'completed', 'failed')),
    -- The execution that holds the instance; claimed by a conditional UPDATE, so two
    -- processes can never both hold it.
    running_execution INTEGER,
    -- How many steps are committed: a restart begins with the next one.
    steps_done        INTEGER      NOT NULL DEFAULT 0,
    result            TEXT,
    UNIQUE (job, job_key)
);

-- One row per attempt.
CREATE TABLE job_execution (
    id           INTEGER      NOT NULL PRIMARY KEY,
    instance_id  INTEGER      NOT NULL REFERENCES job_instance(id),
    status       VARCHAR(16)  NOT NULL
                 CHECK (status IN ('running', 'completed', 'failed', 'abandoned')),
    started_at   VARCHAR(32)  NOT NULL,
    ended_at     VARCHAR(32),
    heartbeat_at VARCHAR(32)  NOT NULL,
    clock_at     VARCHAR(16)  NOT NULL,
    host         VARCHAR(255) NOT NULL,
    pid          INTEGER      NOT NULL,
    -- Boot id and start time of that process: a later process given the same id is not it.
    process_start VARCHAR(64) NOT NULL DEFAULT '',
    first_step   INTEGER      NOT NULL,
    read_count   BIGINT       NOT NULL DEFAULT 0,
    write_count  BIGINT       NOT NULL DEFAULT 0,
    message      TEXT
);
CREATE INDEX job_execution_instance ON job_execution(instance_id);

-- How far the scheduler has looked at each schedule: occurrences up to this local time have
-- been turned into job instances.
CREATE TABLE job_schedule (
    job           VARCHAR(32) NOT NULL PRIMARY KEY,
    checked_until VARCHAR(16) NOT NULL
);
