// The disposal lists made with each settlement (要點11(4), 6(5)–(6); SPEC §4.8).
#pragma once

#include "adapters/db/database.hpp"
#include "adapters/db/disposal_repository.hpp"
#include "domain/date.hpp"
#include "domain/holiday_calendar.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace govpub::jobs {

struct MadeDisposalList {
    adapters::db::DisposalListRecord list;
    std::size_t rows = 0;
    bool already_made = false; //!< made by an earlier call for the same period: left as it was
};

//! One list per (store, agency) with stock past its minimum retention at `settlement_date`
//! (first supply of the GPN to that store + retention years ≤ settlement date; SPEC §4.1,
//! §4.8), from the stock expected on hand that day (SPEC §4.7). notice_date is the settlement
//! date, reply_due one month later rolled to a working day (disposal_reply_due). A list already
//! made for the period, store and agency is returned as stored, never made again, so a
//! resumed settlement makes each list once. No store can mark a weeding reason yet (要點6(6)):
//! rows are listed on retention only until one can.
//! Runs inside the caller's write transaction (the settlement step's): it never begins or
//! commits. Returns the lists by store then agency.
std::vector<MadeDisposalList> make_disposal_lists(adapters::db::Database& db,
                                                  const domain::HolidayCalendar& calendar,
                                                  const std::string& period,
                                                  domain::Date settlement_date);

} // namespace govpub::jobs
