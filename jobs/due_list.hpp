// Every open obligation with its due date (SPEC §5.1 `govpub due`, §5.3): check-ins and
// services of depository libraries and claims to agencies (§4.9), agencies' replies to
// disposal lists (§4.8) and payments of closed statements (§4.6).
#pragma once

#include "adapters/db/database.hpp"
#include "domain/date.hpp"
#include "domain/deadlines.hpp"
#include "domain/holiday_calendar.hpp"

#include <optional>
#include <string>
#include <vector>

namespace govpub::jobs {

struct Obligation {
    std::string kind;    //!< check_in, service, claim, disposal_reply, payment
    std::string who;     //!< the library, agency or store that owes it
    //! check_in, service: the GPN; claim: "LIBRARY/GPN"; disposal_reply: the notice number
    //! "D2026H1-S01-A001"; payment: the statement "2026H1/S01/A001".
    std::string subject;
    domain::Date due{};
    domain::ObligationStatus status = domain::ObligationStatus::open;
    bool optional = false;
};

struct DueList {
    domain::Date as_of{};
    std::vector<Obligation> obligations; //!< by due date, kind, who, subject
};

//! A receipt's open check-in or service (SPEC §4.9), with the dates its reminder names.
struct ReceiptDeadline {
    std::string kind; //!< check_in, service
    std::string library;
    std::string gpn;
    domain::Date received{};
    std::optional<domain::Date> checked_in;
    domain::Date due{};
};

//! The check-ins and services not done by `as_of` of what was received by then, by library,
//! GPN and day received. A serial's later issues owe neither (要點6(2)).
std::vector<ReceiptDeadline> receipt_deadlines(adapters::db::Database& db,
                                               const domain::HolidayCalendar& calendar,
                                               domain::Date as_of);

DueList due_list(adapters::db::Database& db, const domain::HolidayCalendar& calendar,
                 domain::Date as_of);

//! SPEC §5.3: {"as_of":…, "obligations":[{"kind","who","subject","due","status","optional"}]}.
std::string due_json(const DueList& list);

} // namespace govpub::jobs
