-- Disposal lists, agencies' replies and what stores did (SPEC §4.8, 要點11(4), 6(5)–(7), 7),
-- for MariaDB/MySQL. Foreign keys are table-level clauses: MySQL ignores a column-level
-- REFERENCES. Dates are ISO 'YYYY-MM-DD' text as in 001.

-- One list per settlement period, store and agency. notice_no ("D2026H1-S01-A001") is what
-- the agency writes in the notice column of its reply file, so it is unique on its own too.
CREATE TABLE disposal_list (
    id          BIGINT      NOT NULL PRIMARY KEY AUTO_INCREMENT,
    notice_no   VARCHAR(80) NOT NULL UNIQUE,
    period      CHAR(6)     NOT NULL,
    store       VARCHAR(32) NOT NULL,
    agency      VARCHAR(32) NOT NULL,
    notice_date CHAR(10)    NOT NULL,
    reply_due   CHAR(10)    NOT NULL,
    UNIQUE (period, store, agency),
    INDEX disposal_list_store_agency (store, agency),
    CHECK (reply_due >= notice_date),
    FOREIGN KEY (store) REFERENCES store(code),
    FOREIGN KEY (agency) REFERENCES agency(code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A row as the agency was shown it: stock on hand at the settlement date, why it is listed.
CREATE TABLE disposal_row (
    list_id        BIGINT      NOT NULL,
    gpn            CHAR(10)    NOT NULL,
    on_hand        BIGINT      NOT NULL CHECK (on_hand > 0),
    ground         VARCHAR(16) NOT NULL CHECK (ground IN ('retention_ended', 'weeding_reason')),
    reason         VARCHAR(16),
    first_supplied CHAR(10)    NOT NULL,
    retention_end  CHAR(10)    NOT NULL,
    PRIMARY KEY (list_id, gpn),
    CHECK (ground = 'retention_ended' OR reason IS NOT NULL),
    FOREIGN KEY (list_id) REFERENCES disposal_list(id),
    FOREIGN KEY (gpn) REFERENCES publication(gpn)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One answer per row. A return, donation or destruction moved stock when it was applied:
-- movement_id is that stock_movement row (NULL for keep, which moves nothing).
CREATE TABLE disposal_reply (
    list_id       BIGINT       NOT NULL,
    gpn           CHAR(10)     NOT NULL,
    action        VARCHAR(8)   NOT NULL CHECK (action IN ('return', 'donate', 'destroy', 'keep')),
    quantity      BIGINT       NOT NULL CHECK (quantity > 0),
    recipient     VARCHAR(200),
    replied_on    CHAR(10)     NOT NULL,
    import_sha256 CHAR(64)     NOT NULL,
    movement_id   BIGINT       UNIQUE,
    PRIMARY KEY (list_id, gpn),
    CHECK (action <> 'donate' OR recipient IS NOT NULL),
    CHECK ((action = 'keep') = (movement_id IS NULL)),
    FOREIGN KEY (list_id, gpn) REFERENCES disposal_row(list_id, gpn),
    FOREIGN KEY (import_sha256) REFERENCES import_file(sha256),
    FOREIGN KEY (movement_id) REFERENCES stock_movement(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every line of a store's disposals file. The part of it that carries out a reply's
-- instruction (same store, GPN and action) is `confirmed` against that reply and moves
-- nothing more, since the reply moved it already. The rest is a movement of its own
-- (movement_id), so no copy is ever counted twice.
CREATE TABLE store_disposal (
    id              BIGINT       NOT NULL PRIMARY KEY AUTO_INCREMENT,
    store           VARCHAR(32)  NOT NULL,
    gpn             CHAR(10)     NOT NULL,
    action          VARCHAR(8)   NOT NULL CHECK (action IN ('return', 'donate', 'destroy')),
    quantity        BIGINT       NOT NULL CHECK (quantity > 0),
    done_on         CHAR(10)     NOT NULL,
    recipient       VARCHAR(200),
    reason          VARCHAR(16),
    import_sha256   CHAR(64)     NOT NULL,
    line_no         INTEGER      NOT NULL,
    confirms_list   BIGINT,
    confirmed       BIGINT       NOT NULL DEFAULT 0 CHECK (confirmed >= 0),
    movement_id     BIGINT       UNIQUE,
    UNIQUE (import_sha256, line_no),
    INDEX store_disposal_reply (confirms_list, gpn),
    CHECK (confirmed <= quantity),
    CHECK ((confirmed > 0) = (confirms_list IS NOT NULL)),
    CHECK ((confirmed < quantity) = (movement_id IS NOT NULL)),
    FOREIGN KEY (store) REFERENCES store(code),
    FOREIGN KEY (gpn) REFERENCES publication(gpn),
    FOREIGN KEY (import_sha256) REFERENCES import_file(sha256),
    FOREIGN KEY (confirms_list, gpn) REFERENCES disposal_reply(list_id, gpn),
    FOREIGN KEY (movement_id) REFERENCES stock_movement(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
