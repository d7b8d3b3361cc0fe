-- Depository libraries and what they received (SPEC §4.9, 要點5–7), for SQLite.
-- Dates are ISO 'YYYY-MM-DD' text as in 001.

-- kind: 'ncl' the National Central Library (2 copies, 要點7), 'ly' the Legislative Yuan
-- Library (1 copy), 'depository' a depository library (要點5).
CREATE TABLE library (
    code  VARCHAR(32)  NOT NULL PRIMARY KEY,
    name  VARCHAR(200) NOT NULL,
    kind  VARCHAR(16)  NOT NULL CHECK (kind IN ('ncl', 'ly', 'depository')),
    email VARCHAR(200)
);
-- There is one NCL and one LY: a second of either is refused here as well as by the import.
CREATE UNIQUE INDEX library_one_ncl_one_ly ON library (kind) WHERE kind IN ('ncl', 'ly');

-- The agencies whose publications a depository library receives. A depository library with
-- no row here receives every agency's; the NCL and the LY never have rows (要點7: all).
CREATE TABLE library_agency (
    library VARCHAR(32) NOT NULL REFERENCES library(code),
    agency  VARCHAR(32) NOT NULL REFERENCES agency(code),
    PRIMARY KEY (library, agency)
);
CREATE INDEX library_agency_agency ON library_agency (agency);

-- One delivery of a publication to a library. The same library, GPN and day received is the
-- same receipt: a later file may fill in the check-in and service dates, never change them
-- or the copies; a second delivery on another day is a receipt of its own.
-- import_sha256: the file that recorded it; updated_sha256: the last file that filled in a date.
CREATE TABLE receipt (
    id             INTEGER     NOT NULL PRIMARY KEY AUTOINCREMENT,
    library        VARCHAR(32) NOT NULL REFERENCES library(code),
    gpn            CHAR(10)    NOT NULL REFERENCES publication(gpn),
    copies         BIGINT      NOT NULL CHECK (copies > 0),
    received_on    CHAR(10)    NOT NULL,
    checked_in_on  CHAR(10),
    in_service_on  CHAR(10),
    import_sha256  CHAR(64)    NOT NULL REFERENCES import_file(sha256),
    updated_sha256 CHAR(64)    REFERENCES import_file(sha256),
    UNIQUE (library, gpn, received_on),
    CHECK (checked_in_on IS NULL OR checked_in_on >= received_on),
    CHECK (in_service_on IS NULL OR (checked_in_on IS NOT NULL AND in_service_on >= checked_in_on))
);
-- By library: the unique key's prefix (the quarterly check sums a library's copies per GPN).
-- By GPN: who received a publication. Open check-ins and services: the due list.
CREATE INDEX receipt_gpn ON receipt (gpn);
CREATE INDEX receipt_open ON receipt (in_service_on, checked_in_on);
