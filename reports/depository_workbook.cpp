// The depository report: cover with totals and a chart, compliance per library and agency,
// overdue check-ins and services, open claims.
#include "reports/depository_workbook.hpp"

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "reports/collation.hpp"
#include "reports/workbook.hpp"

#include <algorithm>
#include <optional>
#include <tuple>

namespace govpub::reports {

namespace {

constexpr std::string_view REPORT_TITLE = "政府出版品寄存圖書館收受及索取報表";

std::string kind_text(const std::string& kind) {
    if (kind == "ncl")
        return "國家圖書館";
    if (kind == "ly")
        return "立法院國會圖書館";
    if (kind == "depository")
        return "寄存圖書館";
    return kind; // a kind this writer does not know yet is shown as is rather than lost
}

// The NCL and the LY first (要點7 names them), then the depository libraries.
int kind_rank(const std::string& kind) { return kind == "ncl" ? 0 : kind == "ly" ? 1 : 2; }

std::string obligation_text(const std::string& obligation) {
    if (obligation == "check_in")
        return "點收";
    if (obligation == "service")
        return "提供服務";
    return obligation;
}

//! On-time obligations over those judged, rounded half up to a basis point; nothing when no
//! obligation has been judged yet (0 % would read as a failing library).
std::optional<domain::BasisPoints> on_time_rate(std::int64_t on_time, std::int64_t judged) {
    if (judged <= 0)
        return std::nullopt;
    const std::int64_t whole = domain::BASIS_POINTS_WHOLE;
    return static_cast<domain::BasisPoints>(
        (domain::checked_add(domain::checked_mul(2 * whole, on_time), judged)) / (2 * judged));
}

std::optional<domain::BasisPoints> on_time_rate(const DepositoryLibraryRow& r) {
    return on_time_rate(domain::checked_add(r.checked_in_on_time, r.in_service_on_time),
                        domain::checked_add(r.check_ins_judged, r.services_judged));
}

Cell rate_or_blank(std::optional<domain::BasisPoints> rate) {
    return rate ? rate_cell(*rate) : blank_cell();
}

struct Totals {
    std::int64_t received = 0, check_ins_judged = 0, checked_in_on_time = 0, services_judged = 0,
                 in_service_on_time = 0, overdue = 0, open_claims = 0;
    std::int64_t open = 0, optional = 0, claims_overdue = 0, met = 0;
};

Totals totals_of(const DepositoryReport& report) {
    using domain::checked_add;
    Totals t;
    for (const auto& r : report.libraries) {
        t.received = checked_add(t.received, r.received);
        t.check_ins_judged = checked_add(t.check_ins_judged, r.check_ins_judged);
        t.checked_in_on_time = checked_add(t.checked_in_on_time, r.checked_in_on_time);
        t.services_judged = checked_add(t.services_judged, r.services_judged);
        t.in_service_on_time = checked_add(t.in_service_on_time, r.in_service_on_time);
        t.overdue = checked_add(t.overdue, r.overdue);
        t.open_claims = checked_add(t.open_claims, r.open_claims);
    }
    for (const auto& a : report.agencies) {
        t.open = checked_add(t.open, a.open);
        t.optional = checked_add(t.optional, a.optional);
        t.claims_overdue = checked_add(t.claims_overdue, a.overdue);
        t.met = checked_add(t.met, a.met);
    }
    return t;
}

void write_cover(Sheet& cover, const DepositoryReport& report, const Totals& t,
                 const std::string& libraries_sheet) {
    std::vector<Row> facts = {
        Row{{text_cell("基準日"), text_cell(domain::to_roc(report.as_of)),
             date_cell(report.as_of)}},
        Row{{text_cell("基準日 (ISO)"), text_cell(domain::to_iso(report.as_of))}},
        Row{{text_cell("產製時間"), text_cell(report.generated_at)}},
    };
    if (report.libraries.empty())
        facts.push_back(Row{{text_cell("說明"), text_cell("尚無圖書館資料")}});
    const auto count = [](std::string label, std::int64_t n) {
        return Row{{text_cell(std::move(label)), count_cell(n)}};
    };
    const std::vector<Row> figures = {
        count("圖書館", static_cast<std::int64_t>(report.libraries.size())),
        count("收到件數", t.received),
        count("準時點收", t.checked_in_on_time),
        count("準時提供服務", t.in_service_on_time),
        count("逾期未點收或未提供服務", t.overdue),
        count("未結索取", t.open),
        count("其中得不予提供（逾出版日期一年）", t.optional),
        count("其中逾期未分送", t.claims_overdue),
        count("已補送索取", t.met),
        Row{{text_cell("整體準時率"),
             rate_or_blank(
                 on_time_rate(domain::checked_add(t.checked_in_on_time, t.in_service_on_time),
                              domain::checked_add(t.check_ins_judged, t.services_judged)))}},
    };
    write_cover_sheet(cover, REPORT_TITLE, facts, {"項目", "數量"}, figures);
    if (report.libraries.empty())
        return;
    // The library sheet's rows 1..n (row 0 is its header): name against on-time rate.
    const BarChart chart{"各館準時率（點收及提供服務）",
                         libraries_sheet,
                         1,
                         static_cast<std::uint32_t>(report.libraries.size()),
                         1,
                         10,
                         false};
    cover.insert_bar_chart(cover.next_row() + 1, 0, chart,
                           std::max(1.0, static_cast<double>(report.libraries.size()) / 12.0));
}

void write_libraries(Sheet& sheet, const DepositoryReport& report, const Totals& t,
                     SortKeys& keys) {
    const auto& rows = report.libraries;
    const auto order = sorted_order(rows, [&](const DepositoryLibraryRow& r) {
        return std::make_tuple(kind_rank(r.kind), keys.of(r.name), r.code);
    });
    const std::vector<std::string> headers = {
        "圖書館代碼", "圖書館",       "類型",     "收到件數", "應點收", "準時點收",
        "應提供服務", "準時提供服務", "逾期未辦", "未結索取", "準時率"};
    const Row total{{text_cell("合計"), blank_cell(), blank_cell(), count_cell(t.received),
                     count_cell(t.check_ins_judged), count_cell(t.checked_in_on_time),
                     count_cell(t.services_judged), count_cell(t.in_service_on_time),
                     count_cell(t.overdue), count_cell(t.open_claims), blank_cell()},
                    true};
    write_table(
        sheet, headers, order.size(),
        [&](std::size_t i) {
            const DepositoryLibraryRow& r = rows[order[i]];
            return Row{{text_cell(r.code), text_cell(r.name), text_cell(kind_text(r.kind)),
                        count_cell(r.received), count_cell(r.check_ins_judged),
                        count_cell(r.checked_in_on_time), count_cell(r.services_judged),
                        count_cell(r.in_service_on_time), count_cell(r.overdue),
                        count_cell(r.open_claims), rate_or_blank(on_time_rate(r))},
                       false};
        },
        TableEnd{total,
                 {"應點收、應提供服務：已辦理或已逾期者（要點6(2)）；期限未到而未辦理者不計。",
                  "準時率＝（準時點收＋準時提供服務）÷（應點收＋應提供服務），四捨五入至0.01%。"}});
}

void write_agencies(Sheet& sheet, const DepositoryReport& report, const Totals& t, SortKeys& keys) {
    const auto& rows = report.agencies;
    const auto order = sorted_order(
        rows, [&](const DepositoryAgencyRow& r) { return std::tie(keys.of(r.name), r.code); });
    const std::vector<std::string> headers = {"機關代碼",   "出版機關",   "未結索取",
                                              "得不予提供", "逾期未分送", "已補送"};
    const Row total{{text_cell("合計"), blank_cell(), count_cell(t.open), count_cell(t.optional),
                     count_cell(t.claims_overdue), count_cell(t.met)},
                    true};
    write_table(
        sheet, headers, order.size(),
        [&](std::size_t i) {
            const DepositoryAgencyRow& r = rows[order[i]];
            return Row{{text_cell(r.code), text_cell(r.name), count_cell(r.open),
                        count_cell(r.optional), count_cell(r.overdue), count_cell(r.met)},
                       false};
        },
        TableEnd{
            total,
            {"出版機關應於索取後一個月內完成分送；逾出版日期一年者，得不予提供（要點6(4)）。"}});
}

void write_overdue(Sheet& sheet, const DepositoryReport& report, SortKeys& keys) {
    const auto& rows = report.overdue;
    const auto order = sorted_order(rows, [&](const DepositoryOverdueRow& r) {
        return std::tie(keys.of(r.library_name), r.library_code, r.gpn, r.received, r.obligation);
    });
    const std::vector<std::string> headers = {"圖書館代碼", "圖書館",   "GPN",  "出版品名稱",
                                              "應辦事項",   "收到日期", "期限", "逾期日數"};
    write_table(sheet, headers, order.size(), [&](std::size_t i) {
        const DepositoryOverdueRow& r = rows[order[i]];
        return Row{{text_cell(r.library_code), text_cell(r.library_name), text_cell(r.gpn),
                    text_cell(r.title), text_cell(obligation_text(r.obligation)),
                    date_cell(r.received), date_cell(r.due), count_cell(r.days_late)},
                   false};
    });
}

void write_claims(Sheet& sheet, const DepositoryReport& report, SortKeys& keys) {
    const auto& rows = report.claims;
    const auto order = sorted_order(rows, [&](const DepositoryClaimRow& r) {
        return std::tie(keys.of(r.agency_name), r.agency_code, keys.of(r.library_name),
                        r.library_code, r.gpn, r.quarter);
    });
    const std::vector<std::string> headers = {"機關代碼", "出版機關",   "圖書館代碼", "圖書館",
                                              "GPN",      "出版品名稱", "冊數",       "檢查季別",
                                              "索取日期", "期限",       "得不予提供", "逾期日數"};
    write_table(sheet, headers, order.size(), [&](std::size_t i) {
        const DepositoryClaimRow& r = rows[order[i]];
        return Row{{text_cell(r.agency_code), text_cell(r.agency_name), text_cell(r.library_code),
                    text_cell(r.library_name), text_cell(r.gpn), text_cell(r.title),
                    count_cell(r.copies), text_cell(r.quarter), date_cell(r.notice_date),
                    date_cell(r.due), text_cell(r.optional ? "是" : "否"), count_cell(r.days_late)},
                   false};
    });
}

} // namespace

void write_depository_workbook(const DepositoryReport& report, const std::filesystem::path& out) {
    const ZhHantCollator collator;
    SortKeys keys(collator);
    const Totals totals = totals_of(report);
    Workbook book(out);
    Sheet& cover = book.add_sheet("封面");
    Sheet& libraries = book.add_sheet("各館收受情形");
    Sheet& agencies = book.add_sheet("各機關索取");
    Sheet& overdue = book.add_sheet("逾期未辦");
    Sheet& claims = book.add_sheet("未結索取");
    book.set_page_header(REPORT_TITLE, "基準日 " + domain::to_roc(report.as_of));
    write_cover(cover, report, totals, libraries.name());
    write_libraries(libraries, report, totals, keys);
    write_agencies(agencies, report, totals, keys);
    write_overdue(overdue, report, keys);
    write_claims(claims, report, keys);
    book.close();
}

} // namespace govpub::reports
