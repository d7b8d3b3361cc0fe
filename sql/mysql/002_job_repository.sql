-- The job repository (STYLE.md "Jobs", Spring Batch semantics) for MariaDB/MySQL.
-- Times: `*_at` are UTC timestamps of the wall clock ('2026-06-10T01:30:00Z'); `scheduled_for`
-- and `clock_at` are the scheduler's local time ('2026-06-10 02:00'), which tests drive with
-- --now.

-- One row per job and identifying parameters: `settle` + `period=2026H1` runs at most once.
CREATE TABLE job_instance (
    id                BIGINT       NOT NULL PRIMARY KEY AUTO_INCREMENT,
    job               VARCHAR(32)  NOT NULL,
    job_key           VARCHAR(200) NOT NULL,
    scheduled_for     VARCHAR(16),
    created_at        VARCHAR(32)  NOT NULL,
    status            VARCHAR(16)  NOT NULL
                      CHECK (status IN ('pending', 'running', 'completed', 'failed')),
    -- The execution that holds the instance; claimed by a conditional UPDATE, so two
    -- processes can never both hold it.
    running_execution BIGINT,
    -- How many steps are committed: a restart begins with the next one.
    steps_done        INTEGER      NOT NULL DEFAULT 0,
    result            LONGTEXT,
    UNIQUE (job, job_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per attempt.
CREATE TABLE job_execution (
    id           BIGINT       NOT NULL PRIMARY KEY AUTO_INCREMENT,
    instance_id  BIGINT       NOT NULL,
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
    message      LONGTEXT,
    INDEX job_execution_instance (instance_id),
    FOREIGN KEY (instance_id) REFERENCES job_instance(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- How far the scheduler has looked at each schedule: occurrences up to this local time have
-- been turned into job instances.
CREATE TABLE job_schedule (
    job           VARCHAR(32) NOT NULL PRIMARY KEY,
    checked_until VARCHAR(16) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
