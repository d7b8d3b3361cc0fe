// Master data read one record or one selection at a time, for what the Catalogue snapshot does
// not hold.
#pragma once

#include "adapters/db/database.hpp"
#include "domain/receipt_check.hpp"

#include <optional>
#include <string>
#include <vector>

namespace govpub::adapters::db {

//! What the header of a 附件一 list says about an agency: its name and how to reach it.
//! Details the agency row leaves out are empty.
struct AgencyContact {
    std::string name;
    std::string contact;
    std::string phone;
    std::string fax;
    std::string address;
};

//! The agency with `code`, or nothing when there is none.
std::optional<AgencyContact> find_agency_contact(Database& db, const std::string& code);

//! The publications dated from `from_iso` to `to_iso` (both included) and those with no
//! publication date, as the quarterly depository check compares against them; by GPN.
std::vector<domain::IssuedPublication>
publications_issued(soci::session& sql, const std::string& from_iso, const std::string& to_iso);

} // namespace govpub::adapters::db
