// Every open obligation with its due date (SPEC §5.1 `govpub due`, §5.3): check-ins and
// services of depository libraries (§4.9) and payments of closed statements (§4.6).
#pragma once

#include "adapters/db/database.hpp"
#include "domain/date.hpp"
#include "domain/deadlines.hpp"
#include "domain/holiday_calendar.hpp"

#include <string>
#include <vector>

namespace govpub::jobs {

struct Obligation {
    std::string kind;    //!< check_in, service, payment (claim and disposal_reply: not yet)
    std::string who;     //!< the library or store that owes it
    std::string subject; //!< a GPN, or a statement "2026H1/S01/A001"
    domain::Date due{};
    domain::ObligationStatus status = domain::ObligationStatus::open;
    bool optional = false;
};

struct DueList {
    domain::Date as_of{};
    std::vector<Obligation> obligations; //!< by due date, kind, who, subject
};

DueList due_list(adapters::db::Database& db, const domain::HolidayCalendar& calendar,
                 domain::Date as_of);

//! SPEC §5.3: {"as_of":…, "obligations":[{"kind","who","subject","due","status","optional"}]}.
std::string due_json(const DueList& list);

} // namespace govpub::jobs
