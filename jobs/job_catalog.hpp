// The jobs govpub runs on its schedule or by hand, each as a list of restartable steps.
#pragma once

#include "adapters/config/settings.hpp"
#include "adapters/db/database.hpp"
#include "adapters/db/job_store.hpp"
#include "domain/holiday_calendar.hpp"
#include "domain/period.hpp"
#include "jobs/job_launcher.hpp"
#include "jobs/job_services.hpp"
#include "jobs/settle_job.hpp"

#include <optional>
#include <string>

namespace govpub::jobs {

//! `settle period=2026H1`: close the period (SPEC §4.6), write its workbook into the reports
//! folder, make the disposal lists (§4.8) and queue the statements and disposal requests as
//! notices (§4.12), then send them. `closed` receives what the close step did when it ran in this execution.
JobDefinition settle_definition(JobServices services, const domain::Period& period,
                                domain::Date as_of, std::optional<std::string> scheduled_for,
                                SettlementOutcome* closed = nullptr);
//! `reconcile as_of=2026-07-01`: the reconciliation workbook as of that day (SPEC §4.7).
JobDefinition reconcile_definition(JobServices services, domain::Date as_of,
                                   std::optional<std::string> scheduled_for);
//! `deadlines date=2026-07-05`: what is due on that day as the JSON of `govpub due` (SPEC
//! §5.3) in the reports folder — payments only of the settlements dated on or before it, so
//! that a catch-up of an older day lists what existed that day —, then the reminders owed that
//! day (jobs/deadline_notices.hpp), then the send.
JobDefinition deadlines_definition(JobServices services, domain::Date day,
                                   std::optional<std::string> scheduled_for);
//! `depository quarter=2026Q3`: the quarterly depository check (SPEC §4.9) of the quarter
//! `day` falls in, dated `day`: claims for what each library lacks and their notices.
JobDefinition depository_definition(JobServices services, domain::Date day,
                                    std::optional<std::string> scheduled_for);
//! The same for a stored instance, whose key names the quarter whatever day it ran.
JobDefinition depository_definition(JobServices services, const std::string& quarter,
                                    domain::Date check_day,
                                    std::optional<std::string> scheduled_for);

//! The definition of a stored instance, rebuilt from its job name and key (the period, the
//! day, the quarter); a settlement is dated the day it was scheduled for. Throws
//! domain::InvalidValue for a job govpub does not know or a key it cannot read.
JobDefinition definition_of(JobServices services, const adapters::db::JobInstanceRow& instance);

//! Where a job writes its output.
std::filesystem::path settlement_workbook_path(const adapters::config::Settings& settings,
                                               const std::string& period);

} // namespace govpub::jobs
