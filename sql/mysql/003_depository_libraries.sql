-- Depository libraries and what they received (SPEC §4.9, 要點5–7), for MariaDB/MySQL.
-- Foreign keys are table-level clauses: MySQL ignores a column-level REFERENCES.
-- Dates are ISO 'YYYY-MM-DD' text as in 001.

-- kind: 'ncl' the National Central Library (2 copies, 要點7), 'ly' the Legislative Yuan
-- Library (1 copy), 'depository' a depository library (要點5).
-- There is one NCL and one LY: a second of either is refused here as well as by the import.
-- MySQL has no partial index, so a stored column holds the kind of the NCL and the LY only
-- (NULL for a depository library, and NULLs never collide in a UNIQUE key).
CREATE TABLE library (
    code          VARCHAR(32)  NOT NULL PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    kind          VARCHAR(16)  NOT NULL CHECK (kind IN ('ncl', 'ly', 'depository')),
    email         VARCHAR(200),
    national_kind VARCHAR(16)  GENERATED ALWAYS AS
                  (CASE WHEN kind IN ('ncl', 'ly') THEN kind END) STORED,
    UNIQUE KEY library_one_ncl_one_ly (national_kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The agencies whose publications a depository library receives. A depository library with
-- no row here receives every agency's; the NCL and the LY never have rows (要點7: all).
CREATE TABLE library_agency (
    library VARCHAR(32) NOT NULL,
    agency  VARCHAR(32) NOT NULL,
    PRIMARY KEY (library, agency),
    INDEX library_agency_agency (agency),
    FOREIGN KEY (library) REFERENCES library(code),
    FOREIGN KEY (agency) REFERENCES agency(code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One delivery of a publication to a library. The same library, GPN and day received is the
-- same receipt: a later file may fill in the check-in and service dates, never change them
-- or the copies; a second delivery on another day is a receipt of its own.
-- import_sha256: the file that recorded it; updated_sha256: the last file that filled in a date.
-- By library: the unique key's prefix (the quarterly check sums a library's copies per GPN).
-- By GPN: who received a publication. Open check-ins and services: the due list.
CREATE TABLE receipt (
    id             BIGINT      NOT NULL PRIMARY KEY AUTO_INCREMENT,
    library        VARCHAR(32) NOT NULL,
    gpn            CHAR(10)    NOT NULL,
    copies         BIGINT      NOT NULL CHECK (copies > 0),
    received_on    CHAR(10)    NOT NULL,
    checked_in_on  CHAR(10),
    in_service_on  CHAR(10),
    import_sha256  CHAR(64)    NOT NULL,
    updated_sha256 CHAR(64),
    UNIQUE (library, gpn, received_on),
    INDEX receipt_gpn (gpn),
    INDEX receipt_open (in_service_on, checked_in_on),
    CHECK (checked_in_on IS NULL OR checked_in_on >= received_on),
    CHECK (in_service_on IS NULL OR (checked_in_on IS NOT NULL AND in_service_on >= checked_in_on)),
    FOREIGN KEY (library) REFERENCES library(code),
    FOREIGN KEY (gpn) REFERENCES publication(gpn),
    FOREIGN KEY (import_sha256) REFERENCES import_file(sha256),
    FOREIGN KEY (updated_sha256) REFERENCES import_file(sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
