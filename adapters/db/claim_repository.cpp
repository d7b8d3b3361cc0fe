// Claims and the figures of the quarterly check: one statement each, for both dialects.
#include "adapters/db/claim_repository.hpp"

#include "adapters/db/row_values.hpp"
#include "domain/date.hpp"

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

std::vector<domain::IssuedPublication>
publications_issued(soci::session& sql, const std::string& from_iso, const std::string& to_iso) {
    std::vector<domain::IssuedPublication> issued;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT gpn, agency, pub_date FROM publication WHERE pub_date IS NULL "
                        "OR (pub_date >= :f AND pub_date <= :t) ORDER BY gpn",
         soci::use(from_iso), soci::use(to_iso));
    for (const auto& r : rows) {
        domain::IssuedPublication p{text_at(r, 0), text_at(r, 1), std::nullopt};
        if (auto date = optional_text_at(r, 2))
            p.published = domain::parse_date_or_throw("publication " + p.gpn + " pub_date", *date);
        issued.push_back(std::move(p));
    }
    return issued;
}

std::map<std::pair<std::string, std::string>, long long> copies_received(soci::session& sql) {
    std::map<std::pair<std::string, std::string>, long long> copies;
    soci::rowset<soci::row> rows =
        sql.prepare << "SELECT library, gpn, SUM(copies) FROM receipt GROUP BY library, gpn";
    for (const auto& r : rows)
        copies[{text_at(r, 0), text_at(r, 1)}] = int64_at(r, 2);
    return copies;
}

std::vector<DepositoryReceipt> receipts_received_by(soci::session& sql,
                                                    const std::string& as_of_iso) {
    std::vector<DepositoryReceipt> receipts;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT r.library, r.gpn, p.title, p.kind, r.received_on, "
                        "r.checked_in_on, r.in_service_on, (SELECT COUNT(*) FROM receipt e WHERE "
                        "e.library = r.library AND e.gpn = r.gpn AND e.received_on < "
                        "r.received_on) FROM receipt r JOIN publication p ON p.gpn = r.gpn WHERE "
                        "r.received_on <= :d ORDER BY r.library, r.gpn, r.received_on",
         soci::use(as_of_iso));
    for (const auto& r : rows)
        receipts.push_back({text_at(r, 0), text_at(r, 1), text_at(r, 2), text_at(r, 3),
                            text_at(r, 4), text_at(r, 5), text_at(r, 6), int64_at(r, 7) == 0});
    return receipts;
}

} // namespace govpub::adapters::db
