-- Claims for missing deposits (SPEC §4.9, 要點6(4)), for SQLite. Dates are ISO text as in 001.
--
-- One row per library, GPN and quarterly check that found the library short of what it should
-- hold: the claim the library sends the publication's agency. `copies` is how many were missing
-- on the notice date; `expected` how many the library should hold in all (copies_due of its
-- kind then: NCL 2, LY 1, depository 1), stored so that a later change of the library's kind
-- does not change what an old claim asked for.
--
-- Whether a claim is met is not stored but derived: met as of a day once the library's receipts
-- of the GPN received on or before that day add up to `expected`. A receipt recorded late, or
-- dated before the notice (the claim was not needed after all), meets it the same way, and no
-- second write has to be kept in step with the receipts.
--
-- optional: 1 when the publication was more than a year past its publication date on the notice
-- date (要點6(4) 後段: the agency may decline it). due: one month after the notice, rolled to
-- the next working day (SPEC §4.2). UNIQUE (library, gpn, quarter) makes a rerun of a quarter's
-- check a no-op.
CREATE TABLE claim (
    id          INTEGER     NOT NULL PRIMARY KEY AUTOINCREMENT,
    library     VARCHAR(32) NOT NULL REFERENCES library(code),
    agency      VARCHAR(32) NOT NULL REFERENCES agency(code),
    gpn         CHAR(10)    NOT NULL REFERENCES publication(gpn),
    copies      BIGINT      NOT NULL CHECK (copies > 0),
    expected    BIGINT      NOT NULL,
    quarter     CHAR(6)     NOT NULL,
    notice_date CHAR(10)    NOT NULL,
    due         CHAR(10)    NOT NULL,
    optional    SMALLINT    NOT NULL DEFAULT 0 CHECK (optional IN (0, 1)),
    UNIQUE (library, gpn, quarter),
    CHECK (expected >= copies),
    CHECK (due > notice_date)
);
-- By quarter: a check's own claims. By agency: the notices and the report per agency.
CREATE INDEX claim_quarter ON claim (quarter);
CREATE INDEX claim_agency ON claim (agency, due);
