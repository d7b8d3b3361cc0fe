// What the jobs hand to the report writers: plain structs, filled by jobs/, read by reports/.
#pragma once

#include "domain/money.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace govpub::reports {

//! One line of a settlement statement: a GPN at one list price and rate (SPEC §4.6).
struct SettlementLineRow {
    std::string gpn;
    std::string title;
    domain::Ntd list_price = 0;
    domain::BasisPoints rate_bp = 0;
    std::int64_t quantity = 0;
    domain::Ntd list_value = 0;
    //! The statement's payable already spread over its lines by largest remainder.
    domain::Ntd payable = 0;
    //! Imported after its period was settled, so it is settled in a later one.
    bool late = false;
};

//! One (store, agency) statement of a settlement run.
struct SettlementStatementRow {
    std::string store_code;
    std::string store_name;
    std::string agency_code;
    std::string agency_name;
    domain::Ntd list_value = 0;
    domain::Ntd payable = 0;
    domain::Ntd commission = 0;
    domain::Ntd carried_in = 0; //!< ≤ 0: the previous statement's carried_out
    domain::Ntd amount_due = 0;
    domain::Ntd carried_out = 0; //!< ≤ 0: carried to the next period, never paid back
    std::chrono::year_month_day due_date{};
    std::vector<SettlementLineRow> lines;
};

//! A whole settlement run, closed or dry run.
struct SettlementReport {
    std::string period; //!< "2026H1"
    std::chrono::year_month_day from{};
    std::chrono::year_month_day to{};
    std::chrono::year_month_day settled_on{};
    std::string status; //!< "closed" or "dry_run"
    std::string
        generated_at; //!< "2026-06-10 09:30", given by the caller (reports never read the clock)
    std::vector<SettlementStatementRow> statements;
};

//! Consignment reconciliation of one (store, GPN) as of a date (SPEC §4.7).
struct ReconciliationRow {
    std::string store_code;
    std::string store_name;
    std::string agency_code;
    std::string agency_name;
    std::string gpn;
    std::string title;
    std::int64_t consigned = 0;
    std::int64_t samples = 0;
    std::int64_t sold = 0;
    std::int64_t returned = 0;
    std::int64_t donated = 0;
    std::int64_t destroyed = 0;
    std::int64_t expected_on_hand = 0;
    std::optional<std::int64_t> reported; //!< the store's own count, where one was uploaded
    //! Any of "oversold", "count_mismatch", "price_mismatch", "not_consigned".
    std::vector<std::string> flags;
};

//! One sample copy in a store's sample register (要點11(2)).
struct SampleRegisterRow {
    std::string store_code;
    std::string store_name;
    std::string agency_code;
    std::string agency_name;
    std::string gpn;
    std::string title;
    std::string list_no;
    std::chrono::year_month_day supply_date{};
};

//! One shipment from an agency to a store and who pays its shipping (要點11(5)).
struct ShipmentRow {
    std::string agency_code;
    std::string agency_name;
    std::string store_code;
    std::string store_name;
    std::string list_no;
    std::chrono::year_month_day supply_date{};
    std::int64_t copies = 0;
    std::string shipping_payer; //!< "agency" or "store"
};

//! A reconciliation run with the registers that explain it.
struct ReconciliationReport {
    std::chrono::year_month_day as_of{};
    std::string generated_at;
    std::vector<ReconciliationRow> rows;
    std::vector<SampleRegisterRow> samples;
    std::vector<ShipmentRow> shipments;
};

//! One row of a 附件一 consignment list.
struct ConsignmentFormRow {
    std::string gpn;
    std::string title;
    domain::Ntd list_price = 0;
    std::int64_t quantity = 0;
};

//! A pre-filled 附件一 「政府出版品委託統籌展售清單」 for an agency to complete and send.
struct ConsignmentForm {
    std::string agency_name;
    std::string contact;
    std::string phone;
    std::string fax;
    std::string address;
    std::string store_name;
    std::optional<std::chrono::year_month_day> supply_date;
    std::vector<ConsignmentFormRow> rows;
};

} // namespace govpub::reports
