// The depository report's model from the database (SPEC §4.9, §5.4): compliance per library
// and agency, overdue check-ins and services, open claims, all as of a day.
#pragma once

#include "adapters/db/database.hpp"
#include "domain/date.hpp"
#include "domain/holiday_calendar.hpp"
#include "reports/depository_workbook.hpp"

#include <string>

namespace govpub::jobs {

//! Everything as it stood on `as_of`: receipts received, check-ins and services done, and
//! claims noticed on or before it; later dates are ignored, so a past day's report reads the
//! same whenever it is written. Deadlines by domain/deadlines.hpp with `calendar`.
reports::DepositoryReport depository_report(adapters::db::Database& db,
                                            const domain::HolidayCalendar& calendar,
                                            domain::Date as_of, const std::string& generated_at);

} // namespace govpub::jobs
