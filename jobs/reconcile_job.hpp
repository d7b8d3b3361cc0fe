// Consignment reconciliation (SPEC §4.7): expected stock per store and GPN, with flags.
#pragma once

#include "adapters/db/database.hpp"
#include "domain/date.hpp"
#include "domain/reconciliation.hpp"
#include "reports/report_models.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace govpub::jobs {

struct ReconciliationLine {
    std::string store;
    std::string gpn;
    domain::StockPosition position;
};

struct ReconciliationOutcome {
    domain::Date as_of{};
    std::vector<ReconciliationLine> rows; //!< by store, then GPN
};

ReconciliationOutcome reconcile(adapters::db::Database& db, domain::Date as_of);

//! SPEC §5.3: {"as_of":…, "rows":[{"store","gpn","consigned",…,"flags":[…]}]}, written row by
//! row so that memory does not grow with the number of rows.
void write_reconciliation_json(std::ostream& out, const ReconciliationOutcome& outcome);

//! The officials' workbook model: rows with names, the sample register and the shipments.
reports::ReconciliationReport reconciliation_report(adapters::db::Database& db,
                                                    const ReconciliationOutcome& outcome,
                                                    const std::string& generated_at);

} // namespace govpub::jobs
