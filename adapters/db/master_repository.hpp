// Master data read one record at a time, for what the Catalogue snapshot does not hold.
#pragma once

#include "adapters/db/database.hpp"

#include <optional>
#include <string>

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

} // namespace govpub::adapters::db
