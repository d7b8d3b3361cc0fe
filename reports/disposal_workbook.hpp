// The disposal status report officials read, and one disposal list as the agency receives it
// (要點11(4), 6(5)–(6); SPEC §4.8, §5.4 "disposal status").
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govpub::reports {

//! Where a row stands on the report's date: answered, or not yet and still within the month
//! (open), or past its reply due date (overdue).
enum class DisposalStatus { answered, open, overdue };

//! "answered", "open", "overdue".
std::string_view to_string(DisposalStatus status);

//! One row of a disposal list with its reply, if any.
struct DisposalReportRow {
    std::string notice_no;
    std::string period; //!< "2026H1"
    std::string store_code;
    std::string store_name;
    std::string agency_code;
    std::string agency_name;
    std::string gpn;
    std::string title;
    std::int64_t on_hand = 0;
    std::string ground; //!< retention_ended, weeding_reason
    std::string reason; //!< a 要點6(6) id, empty when none
    std::chrono::year_month_day first_supplied{};
    std::chrono::year_month_day retention_end{};
    std::chrono::year_month_day notice_date{};
    std::chrono::year_month_day reply_due{};
    std::string reply_action; //!< return, donate, destroy, keep; empty when not answered
    std::optional<std::int64_t> reply_quantity;
    std::string recipient;
    std::optional<std::chrono::year_month_day> replied_on;
    DisposalStatus status = DisposalStatus::open;
};

struct DisposalReport {
    std::string period;     //!< "2026H1", or empty for every period
    std::string period_roc; //!< "115年上半年", or empty
    std::optional<std::chrono::year_month_day> period_from;
    std::optional<std::chrono::year_month_day> period_to;
    std::chrono::year_month_day as_of{}; //!< the day statuses are judged on
    std::string generated_at;
    std::vector<DisposalReportRow> rows;
};

//! Writes `report` as an .xlsx in constant memory: a cover (「封面」: period in ROC and ISO, the
//! date of the statuses, totals, and a chart of rows by status), then one sheet per store with
//! its rows in zh-Hant-TW order of agency names, then GPN. Nothing appears under `out` unless
//! the whole file was written; throws std::runtime_error naming the file otherwise.
void write_disposal_workbook(const DisposalReport& report, const std::filesystem::path& out);

//! The one list `notice_no` as the agency receives it with the disposal request or reminder:
//! its first sheet is the list with empty reply columns headed as the replies file wants them
//! (通知編號, GPN, 處理方式, 數量, 受贈單位), so the agency can fill it in and send it back as is;
//! a second sheet 「說明」 names the store, agency, notice and reply due date. Throws
//! std::invalid_argument when `report` has no row of that list.
void write_disposal_list_workbook(const DisposalReport& report, const std::string& notice_no,
                                  const std::filesystem::path& out);

} // namespace govpub::reports
