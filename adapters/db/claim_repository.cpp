// Claims: one statement each, for both dialects.
#include "adapters/db/claim_repository.hpp"

#include "adapters/db/row_values.hpp"

namespace govpub::adapters::db {

namespace {

ClaimRecord claim_at(const soci::row& r) {
    return ClaimRecord{text_at(r, 0),  text_at(r, 1),  text_at(r, 2),
                       int64_at(r, 3), int64_at(r, 4), text_at(r, 5),
                       text_at(r, 6),  text_at(r, 7),  int64_at(r, 8) != 0};
}

constexpr const char* CLAIM_COLUMNS =
    "c.library, c.agency, c.gpn, c.copies, c.expected, c.quarter, c.notice_date, c.due, "
    "c.optional";

} // namespace

void insert_claim(soci::session& sql, const ClaimRecord& c) {
    const int optional = c.optional ? 1 : 0;
    sql << "INSERT INTO claim (library, agency, gpn, copies, expected, quarter, notice_date, due, "
           "optional) VALUES (:l, :a, :g, :c, :e, :q, :n, :d, :o)",
        soci::use(c.library), soci::use(c.agency), soci::use(c.gpn), soci::use(c.copies),
        soci::use(c.expected), soci::use(c.quarter), soci::use(c.notice_date), soci::use(c.due),
        soci::use(optional);
}

std::vector<ClaimRecord> claims_of_quarter(soci::session& sql, const std::string& quarter) {
    std::vector<ClaimRecord> claims;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT ") + CLAIM_COLUMNS +
                            " FROM claim c WHERE c.quarter = :q ORDER BY c.library, c.gpn",
         soci::use(quarter));
    for (const auto& r : rows)
        claims.push_back(claim_at(r));
    return claims;
}

std::vector<ClaimStanding> claims_as_of(soci::session& sql, const std::string& as_of_iso) {
    std::vector<ClaimStanding> standings;
    // One claim per (library, GPN, quarter), a handful per library: the correlated sum is
    // served by the receipt table's (library, gpn, received_on) key.
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT ") + CLAIM_COLUMNS +
                            ", (SELECT COALESCE(SUM(r.copies), 0) FROM receipt r WHERE r.library "
                            "= c.library AND r.gpn = c.gpn AND r.received_on <= :d) FROM claim c "
                            "WHERE c.notice_date <= :n ORDER BY c.due, c.agency, c.library, "
                            "c.gpn, c.quarter",
         soci::use(as_of_iso), soci::use(as_of_iso));
    for (const auto& r : rows)
        standings.push_back({claim_at(r), int64_at(r, 9)});
    return standings;
}

std::vector<ClaimRecord> open_claims(soci::session& sql, const std::string& as_of_iso) {
    std::vector<ClaimRecord> open;
    for (auto& standing : claims_as_of(sql, as_of_iso))
        if (!standing.met())
            open.push_back(std::move(standing.claim));
    return open;
}

} // namespace govpub::adapters::db
