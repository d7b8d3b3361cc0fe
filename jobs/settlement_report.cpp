// Names and titles joined onto the statements; the invariants checked once more.
#include "jobs/settlement_report.hpp"

#include "adapters/db/catalogue.hpp"

namespace govpub::jobs {

reports::SettlementReport settlement_report(adapters::db::Database& db,
                                            const SettlementOutcome& o,
                                            const std::string& generated_at) {
    auto catalogue = adapters::db::Catalogue::load(db);
    reports::SettlementReport r;
    r.period = o.period;
    r.from = o.from;
    r.to = o.to;
    r.settled_on = o.settled_on;
    r.status = o.status;
    r.generated_at = generated_at;
    for (const auto& s : o.statements) {
        domain::check_invariants(s); // STYLE.md: again when a report is written
        reports::SettlementStatementRow row;
        row.store_code = s.store;
        row.store_name = catalogue.store_name(s.store);
        row.agency_code = s.agency;
        row.agency_name = catalogue.agency_name(s.agency);
        row.list_value = s.list_value;
        row.payable = s.payable;
        row.commission = s.commission;
        row.carried_in = s.carried_in;
        row.amount_due = s.amount_due;
        row.carried_out = s.carried_out;
        row.due_date = s.due_date;
        for (const auto& l : s.lines) {
            const auto* pub = catalogue.publication(l.gpn);
            row.lines.push_back({l.gpn, pub ? pub->title : "", l.list_price, l.rate_bp,
                                 l.quantity, l.list_value, l.payable, l.late});
        }
        r.statements.push_back(std::move(row));
    }
    return r;
}

} // namespace govpub::jobs
