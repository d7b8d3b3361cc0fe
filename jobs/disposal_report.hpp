// The officials' disposal status report from the stored lists and replies (SPEC §4.8, §5.4).
#pragma once

#include "adapters/db/database.hpp"
#include "domain/date.hpp"
#include "domain/period.hpp"
#include "reports/disposal_workbook.hpp"

#include <optional>
#include <string>

namespace govpub::jobs {

//! Every row of the lists of `period` (every period when nothing) noticed on or before `as_of`,
//! with names, titles, replies and the status on `as_of`: answered when a reply was recorded by
//! then, overdue once `as_of` is past the reply due date (domain::obligation_status), else open.
reports::DisposalReport disposal_report(adapters::db::Database& db,
                                        const domain::PeriodScheme& scheme,
                                        const std::optional<domain::Period>& period,
                                        domain::Date as_of, const std::string& generated_at);

} // namespace govpub::jobs
