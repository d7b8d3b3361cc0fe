// The depository libraries' report officials read (SPEC §4.9, §5.4; 要點5–7): how each
// library meets its check-in and service deadlines, and the claims for missing deposits.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace govpub::reports {

//! One library's compliance as of the report's day (要點6(2), 6(4)). An obligation is judged
//! once it is done or its deadline has passed; one still within its deadline is not counted.
struct DepositoryLibraryRow {
    std::string code;
    std::string name;
    std::string kind;                  //!< "ncl", "ly", "depository"
    std::int64_t received = 0;         //!< receipts received on or before the day
    std::int64_t check_ins_judged = 0; //!< check-ins done, or owed and past due
    std::int64_t checked_in_on_time = 0;
    std::int64_t services_judged = 0; //!< services done, or owed and past due
    std::int64_t in_service_on_time = 0;
    std::int64_t overdue = 0;     //!< check-ins and services past due and not done
    std::int64_t open_claims = 0; //!< claims the library made that are not yet met
};

//! One agency's claims (要點6(4)): met once the library received what it claimed.
struct DepositoryAgencyRow {
    std::string code;
    std::string name;
    std::int64_t open = 0;     //!< not yet met, optional ones included
    std::int64_t optional = 0; //!< of the open ones, those the agency may decline (後段)
    std::int64_t overdue = 0;  //!< of the open ones, past due
    std::int64_t met = 0;
};

//! A check-in or service past its deadline and not done (要點6(2)).
struct DepositoryOverdueRow {
    std::string library_code;
    std::string library_name;
    std::string gpn;
    std::string title;
    std::string obligation; //!< "check_in" or "service"
    std::chrono::year_month_day received{};
    std::chrono::year_month_day due{};
    std::int64_t days_late = 0;
};

//! A claim not yet met (要點6(4)).
struct DepositoryClaimRow {
    std::string library_code;
    std::string library_name;
    std::string agency_code;
    std::string agency_name;
    std::string gpn;
    std::string title;
    std::int64_t copies = 0;
    std::string quarter;
    std::chrono::year_month_day notice_date{};
    std::chrono::year_month_day due{};
    bool optional = false;
    std::int64_t days_late = 0; //!< 0 while within its deadline
};

struct DepositoryReport {
    std::chrono::year_month_day as_of{};
    std::string generated_at; //!< given by the caller: reports never read the clock
    std::vector<DepositoryLibraryRow> libraries;
    std::vector<DepositoryAgencyRow> agencies; //!< agencies with at least one claim
    std::vector<DepositoryOverdueRow> overdue;
    std::vector<DepositoryClaimRow> claims;
};

//! Writes `report` as an .xlsx in constant memory: 「封面」 (as-of in ROC and ISO, generated
//! at, totals, and a chart of each library's on-time rate), 「各館收受情形」, 「各機關索取」,
//! 「逾期未辦」 and 「未結索取」, names in zh-Hant-TW order. Nothing appears under `out` unless
//! the whole file was written; throws std::runtime_error naming the file otherwise.
void write_depository_workbook(const DepositoryReport& report, const std::filesystem::path& out);

} // namespace govpub::reports
