// One query per record: master rows are few and looked up by their code.
#include "adapters/db/master_repository.hpp"

#include "adapters/db/row_values.hpp"

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

} // namespace govpub::adapters::db
