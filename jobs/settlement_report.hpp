// The settlement workbook's model, filled from a settlement outcome and the master data.
#pragma once

#include "adapters/db/database.hpp"
#include "jobs/settle_job.hpp"
#include "reports/report_models.hpp"

namespace govpub::jobs {

reports::SettlementReport settlement_report(adapters::db::Database& db,
                                            const SettlementOutcome& outcome,
                                            const std::string& generated_at);

} // namespace govpub::jobs
