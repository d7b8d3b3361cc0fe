-- Master data, consignment, sales and settlement for MariaDB/MySQL (InnoDB, utf8mb4).
-- Foreign keys are table-level clauses: MySQL ignores a column-level REFERENCES.
-- Dates are ISO 'YYYY-MM-DD' text in both dialects so that they compare and print the same;
-- money is whole NT$ in 64-bit integers; rates are basis points.

CREATE TABLE agency (
    code    VARCHAR(32)  NOT NULL PRIMARY KEY,
    name    VARCHAR(200) NOT NULL,
    contact VARCHAR(100),
    phone   VARCHAR(50),
    fax     VARCHAR(50),
    address VARCHAR(300),
    email   VARCHAR(200)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE store (
    code    VARCHAR(32)  NOT NULL PRIMARY KEY,
    name    VARCHAR(200) NOT NULL,
    address VARCHAR(300),
    email   VARCHAR(200)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE import_file (
    sha256       CHAR(64)     NOT NULL PRIMARY KEY,
    kind         VARCHAR(32)  NOT NULL,
    file_name    VARCHAR(500) NOT NULL,
    format       VARCHAR(32)  NOT NULL,
    imported_by  VARCHAR(100) NOT NULL,
    imported_at  VARCHAR(32)  NOT NULL,
    line_count   INTEGER      NOT NULL,
    accepted     INTEGER      NOT NULL,
    rejected     INTEGER      NOT NULL,
    warnings     INTEGER      NOT NULL,
    archive_path VARCHAR(1000) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- 要點11(3): below 60 % only for a contract awarded by 公開評選/最有利標.
CREATE TABLE contract (
    agency             VARCHAR(32) NOT NULL,
    store              VARCHAR(32) NOT NULL,
    valid_from         CHAR(10)    NOT NULL,
    rate_bp            INTEGER     NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
    procurement_exempt SMALLINT    NOT NULL DEFAULT 0 CHECK (procurement_exempt IN (0, 1)),
    payment_days       INTEGER     NOT NULL CHECK (payment_days BETWEEN 0 AND 366),
    shipping_payer     VARCHAR(8)  CHECK (shipping_payer IN ('agency', 'store')),
    PRIMARY KEY (agency, store, valid_from),
    CHECK (rate_bp >= 6000 OR procurement_exempt = 1),
    FOREIGN KEY (agency) REFERENCES agency(code),
    FOREIGN KEY (store) REFERENCES store(code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE publication (
    gpn      CHAR(10)     NOT NULL PRIMARY KEY,
    isbn13   CHAR(13)     UNIQUE,
    issn     CHAR(9),
    title    VARCHAR(500) NOT NULL,
    agency   VARCHAR(32)  NOT NULL,
    kind     VARCHAR(16)  NOT NULL
             CHECK (kind IN ('book', 'serial', 'non_book', 'electronic', 'pamphlet')),
    pub_date CHAR(10),
    FOREIGN KEY (agency) REFERENCES agency(code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The catalogue list price in force from a date: a sale is paid on the price of its day.
CREATE TABLE publication_price (
    gpn        CHAR(10) NOT NULL,
    valid_from CHAR(10) NOT NULL,
    list_price BIGINT   NOT NULL CHECK (list_price >= 0),
    PRIMARY KEY (gpn, valid_from),
    FOREIGN KEY (gpn) REFERENCES publication(gpn)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE consignment (
    id             BIGINT      NOT NULL PRIMARY KEY AUTO_INCREMENT,
    list_no        VARCHAR(64) NOT NULL,
    agency         VARCHAR(32) NOT NULL,
    store          VARCHAR(32) NOT NULL,
    supply_date    CHAR(10)    NOT NULL,
    shipping_payer VARCHAR(8)  NOT NULL CHECK (shipping_payer IN ('agency', 'store')),
    import_sha256  CHAR(64)    NOT NULL,
    UNIQUE (agency, store, list_no),
    FOREIGN KEY (agency) REFERENCES agency(code),
    FOREIGN KEY (store) REFERENCES store(code),
    FOREIGN KEY (import_sha256) REFERENCES import_file(sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE consignment_line (
    consignment_id BIGINT   NOT NULL,
    line_no        INTEGER  NOT NULL,
    gpn            CHAR(10) NOT NULL,
    list_price     BIGINT   NOT NULL CHECK (list_price >= 0),
    quantity       BIGINT   NOT NULL CHECK (quantity > 0),
    sample         SMALLINT NOT NULL CHECK (sample IN (0, 1) AND sample <= quantity),
    PRIMARY KEY (consignment_id, line_no),
    FOREIGN KEY (consignment_id) REFERENCES consignment(id),
    FOREIGN KEY (gpn) REFERENCES publication(gpn)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX consignment_line_gpn ON consignment_line (gpn);

-- 要點11(2): one sample copy per GPN and store, entered in the store's register.
CREATE TABLE sample_register (
    store          VARCHAR(32) NOT NULL,
    gpn            CHAR(10)    NOT NULL,
    consignment_id BIGINT      NOT NULL,
    PRIMARY KEY (store, gpn),
    FOREIGN KEY (store) REFERENCES store(code),
    FOREIGN KEY (gpn) REFERENCES publication(gpn),
    FOREIGN KEY (consignment_id) REFERENCES consignment(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sale (
    id                   BIGINT      NOT NULL PRIMARY KEY AUTO_INCREMENT,
    store                VARCHAR(32) NOT NULL,
    sale_date            CHAR(10)    NOT NULL,
    gpn                  CHAR(10)    NOT NULL,
    quantity             BIGINT      NOT NULL CHECK (quantity <> 0),
    catalogue_list_price BIGINT      NOT NULL CHECK (catalogue_list_price >= 0),
    stated_list_price    BIGINT,
    sale_price           BIGINT,
    txn_id               VARCHAR(64),
    import_sha256        CHAR(64)    NOT NULL,
    line_no              INTEGER     NOT NULL,
    settled_period       CHAR(6),
    UNIQUE (store, txn_id),
    UNIQUE (import_sha256, line_no),
    FOREIGN KEY (store) REFERENCES store(code),
    FOREIGN KEY (gpn) REFERENCES publication(gpn),
    FOREIGN KEY (import_sha256) REFERENCES import_file(sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX sale_unsettled ON sale (settled_period, sale_date);
CREATE INDEX sale_store_gpn ON sale (store, gpn);

CREATE TABLE stock_count (
    store         VARCHAR(32) NOT NULL,
    gpn           CHAR(10)    NOT NULL,
    counted_on    CHAR(10)    NOT NULL,
    quantity      BIGINT      NOT NULL CHECK (quantity >= 0),
    import_sha256 CHAR(64)    NOT NULL,
    PRIMARY KEY (store, gpn, counted_on),
    FOREIGN KEY (store) REFERENCES store(code),
    FOREIGN KEY (gpn) REFERENCES publication(gpn),
    FOREIGN KEY (import_sha256) REFERENCES import_file(sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Stock that left a store other than by sale: returned to the agency, donated, destroyed.
CREATE TABLE stock_movement (
    id            BIGINT       NOT NULL PRIMARY KEY AUTO_INCREMENT,
    store         VARCHAR(32)  NOT NULL,
    gpn           CHAR(10)     NOT NULL,
    action        VARCHAR(8)   NOT NULL CHECK (action IN ('return', 'donate', 'destroy')),
    quantity      BIGINT       NOT NULL CHECK (quantity > 0),
    done_on       CHAR(10)     NOT NULL,
    recipient     VARCHAR(200),
    import_sha256 CHAR(64)     NOT NULL,
    FOREIGN KEY (store) REFERENCES store(code),
    FOREIGN KEY (gpn) REFERENCES publication(gpn),
    FOREIGN KEY (import_sha256) REFERENCES import_file(sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A closed period: its result is stored as printed, so a re-run prints it byte for byte.
CREATE TABLE settlement (
    period      CHAR(6)     NOT NULL PRIMARY KEY,
    period_from CHAR(10)    NOT NULL,
    period_to   CHAR(10)    NOT NULL,
    settled_on  CHAR(10)    NOT NULL,
    closed_at   VARCHAR(32) NOT NULL,
    result_json LONGTEXT    NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE statement (
    period             CHAR(6)     NOT NULL,
    store              VARCHAR(32) NOT NULL,
    agency             VARCHAR(32) NOT NULL,
    list_value         BIGINT      NOT NULL,
    payable            BIGINT      NOT NULL,
    commission         BIGINT      NOT NULL,
    carried_in         BIGINT      NOT NULL CHECK (carried_in <= 0),
    amount_due         BIGINT      NOT NULL CHECK (amount_due >= 0),
    carried_out        BIGINT      NOT NULL CHECK (carried_out <= 0),
    due_date           CHAR(10)    NOT NULL,
    procurement_exempt SMALLINT    NOT NULL,
    PRIMARY KEY (period, store, agency),
    CHECK (commission = list_value - payable),
    CHECK (amount_due + carried_out = payable + carried_in),
    FOREIGN KEY (period) REFERENCES settlement(period),
    FOREIGN KEY (store) REFERENCES store(code),
    FOREIGN KEY (agency) REFERENCES agency(code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE statement_line (
    period     CHAR(6)     NOT NULL,
    store      VARCHAR(32) NOT NULL,
    agency     VARCHAR(32) NOT NULL,
    line_no    INTEGER     NOT NULL,
    gpn        CHAR(10)    NOT NULL,
    list_price BIGINT      NOT NULL,
    rate_bp    INTEGER     NOT NULL,
    late       SMALLINT    NOT NULL CHECK (late IN (0, 1)),
    quantity   BIGINT      NOT NULL,
    list_value BIGINT      NOT NULL,
    payable    BIGINT      NOT NULL,
    PRIMARY KEY (period, store, agency, line_no),
    FOREIGN KEY (period, store, agency) REFERENCES statement(period, store, agency),
    FOREIGN KEY (gpn) REFERENCES publication(gpn)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The public catalogue feeds as published; each record keeps its source (SPEC §5.2).
CREATE TABLE feed_record (
    import_sha256 CHAR(64)     NOT NULL,
    record_no     INTEGER      NOT NULL,
    source        VARCHAR(8)   NOT NULL CHECK (source IN ('gpi', 'ncl')),
    source_period VARCHAR(8)   NOT NULL,
    gpn           CHAR(10),
    isbn13        CHAR(13),
    issn          CHAR(9),
    title         VARCHAR(500) NOT NULL,
    publisher     VARCHAR(300),
    pub_date      CHAR(10),
    price         BIGINT,
    price_text    VARCHAR(200),
    PRIMARY KEY (import_sha256, record_no),
    FOREIGN KEY (import_sha256) REFERENCES import_file(sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX feed_record_isbn ON feed_record (isbn13);
CREATE INDEX feed_record_gpn ON feed_record (gpn);
