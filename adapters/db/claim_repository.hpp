// Claims for missing deposits as stored (SPEC §4.9, 要點6(4), sql/*/006), and the catalogue and
// receipt figures the quarterly check and the depository report read.
#pragma once

#include "adapters/db/database.hpp"
#include "domain/receipt_check.hpp"

#include <map>
#include <string>
#include <utility>
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

//! The publications dated from `from_iso` to `to_iso` (both included) and those with no
//! publication date, as the quarterly check compares against them; by GPN.
std::vector<domain::IssuedPublication>
publications_issued(soci::session& sql, const std::string& from_iso, const std::string& to_iso);

//! (library, GPN) → copies received in all, whatever the day: what a library holds now.
std::map<std::pair<std::string, std::string>, long long> copies_received(soci::session& sql);

//! A receipt as the depository report judges it (SPEC §4.9): dates ISO, empty when not set.
struct DepositoryReceipt {
    std::string library;
    std::string gpn;
    std::string title;
    std::string kind; //!< the publication's kind (book, serial, …)
    std::string received_on;
    std::string checked_in_on;
    std::string in_service_on;
    bool first_of_gpn = true; //!< no earlier receipt of this GPN by this library
};

//! Every receipt received on or before `as_of_iso`, by library, GPN and day. Check-in and
//! service dates are given as stored; the caller ignores those after its day.
std::vector<DepositoryReceipt> receipts_received_by(soci::session& sql,
                                                    const std::string& as_of_iso);

} // namespace govpub::adapters::db
