// The jobs govpub runs on its schedule or by hand, each as a list of restartable steps.
#pragma once

#include "adapters/config/settings.hpp"
#include "adapters/db/database.hpp"
#include "adapters/db/job_store.hpp"
#include "domain/holiday_calendar.hpp"
#include "domain/period.hpp"
#include "jobs/job_launcher.hpp"
#include "jobs/settle_job.hpp"

#include <optional>
#include <string>

namespace govpub::jobs {

//! What every job's steps work with.
struct JobServices {
    adapters::db::Database& db;
    const adapters::config::Settings& settings;
    const domain::HolidayCalendar& calendar;
};

//! `settle period=2026H1`: close the period (SPEC §4.6), then write its workbook into the
//! reports folder. `closed` receives what the close step did when it ran in this execution.
JobDefinition settle_definition(JobServices services, const domain::Period& period,
                                domain::Date as_of, std::optional<std::string> scheduled_for,
                                SettlementOutcome* closed = nullptr);
//! `reconcile as_of=2026-07-01`: the reconciliation workbook as of that day (SPEC §4.7).
JobDefinition reconcile_definition(JobServices services, domain::Date as_of,
                                   std::optional<std::string> scheduled_for);
//! `deadlines date=2026-07-05`: the payments of the settlements dated on or before that day
//! (what had been settled by then, so that a catch-up of an older day lists what existed that
//! day), each open or overdue on it, as the JSON of `govpub due` (SPEC §5.3) in the reports
//! folder.
JobDefinition deadlines_definition(JobServices services, domain::Date day,
                                   std::optional<std::string> scheduled_for);
//! `depository quarter=2026Q3`: the quarterly depository check (SPEC §4.9).
JobDefinition depository_definition(JobServices services, domain::Date quarter_start,
                                    std::optional<std::string> scheduled_for);

//! The definition of a stored instance, rebuilt from its job name and key (the period, the
//! day, the quarter); a settlement is dated the day it was scheduled for. Throws
//! domain::InvalidValue for a job govpub does not know or a key it cannot read.
JobDefinition definition_of(JobServices services, const adapters::db::JobInstanceRow& instance);

//! Where a job writes its output.
std::filesystem::path settlement_workbook_path(const adapters::config::Settings& settings,
                                               const std::string& period);

} // namespace govpub::jobs
