// One query per record or selection: master rows are few and looked up by their code.
#include "adapters/db/master_repository.hpp"

#include "adapters/db/row_values.hpp"
#include "domain/date.hpp"

namespace govpub::adapters::db {

std::optional<AgencyContact> find_agency_contact(Database& db, const std::string& code) {
    soci::rowset<soci::row> rows =
        (db.session().prepare
             << "SELECT name, contact, phone, fax, address FROM agency WHERE code = :c",
         soci::use(code));
    auto it = rows.begin();
    if (it == rows.end())
        return std::nullopt;
    const soci::row& r = *it; // text_at reads NULL as empty: a detail the agency left out
    return AgencyContact{text_at(r, 0), text_at(r, 1), text_at(r, 2), text_at(r, 3), text_at(r, 4)};
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

} // namespace govpub::adapters::db
