// Claims for missing deposits as stored (SPEC §4.9, 要點6(4), sql/*/006). What libraries
// received is in library_repository.hpp, what agencies published in master_repository.hpp.
#pragma once

#include "adapters/db/database.hpp"

#include <string>
#include <vector>

namespace govpub::adapters::db {

//! A row of `claim`: the library asks the agency for copies it is short of. Dates ISO.
struct ClaimRecord {
    std::string library;
    std::string agency;
    std::string gpn;
    long long copies = 0;   //!< missing on the notice date
    long long expected = 0; //!< copies the library should hold in all (copies_due of its kind)
    std::string quarter;    //!< the check that made it, e.g. "2026Q3"
    std::string notice_date;
    std::string due;
    bool optional = false; //!< 要點6(4) 後段: the agency may decline
    bool operator==(const ClaimRecord&) const = default;
};

//! A claim with the copies of its GPN the library had received by a day.
struct ClaimStanding {
    ClaimRecord claim;
    long long received = 0;
    //! Met once the library holds what the claim stood for; derived, never stored (sql/*/006).
    bool met() const { return received >= claim.expected; }
};

//! Stores a new claim. A second claim of the same library, GPN and quarter violates the
//! table's UNIQUE key: the caller checks claims_of_quarter first.
void insert_claim(soci::session& sql, const ClaimRecord& claim);

//! The claims the check of `quarter` made, by library then GPN.
std::vector<ClaimRecord> claims_of_quarter(soci::session& sql, const std::string& quarter);

//! Every claim noticed on or before `as_of_iso`, with the copies received on or before it;
//! by due date, agency, library, GPN.
std::vector<ClaimStanding> claims_as_of(soci::session& sql, const std::string& as_of_iso);

//! The claims noticed on or before `as_of_iso` and not met by then (what `govpub due` lists
//! as kind "claim", who = the agency, subject "LIBRARY/GPN"); by due date, agency, library, GPN.
std::vector<ClaimRecord> open_claims(soci::session& sql, const std::string& as_of_iso);

} // namespace govpub::adapters::db
