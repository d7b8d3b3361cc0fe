// The disposal status report: cover with status counts and chart, one sheet per store; and
// one list as the attachment an agency fills in.
#include "reports/disposal_workbook.hpp"

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "reports/collation.hpp"
#include "reports/workbook.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <stdexcept>
#include <tuple>

namespace govpub::reports {

namespace {

constexpr std::string_view REPORT_TITLE = "政府出版品展售門市處理清單辦理情形";
constexpr std::string_view LIST_TITLE = "政府出版品處理清單";

struct StatusName {
    DisposalStatus status;
    std::string_view shown;
};

//! In the order the cover lists them and the chart draws them.
constexpr std::array<StatusName, 3> STATUSES = {{{DisposalStatus::answered, "已回覆"},
                                                 {DisposalStatus::open, "待回覆"},
                                                 {DisposalStatus::overdue, "逾期未回覆"}}};

std::string status_text(DisposalStatus status) {
    for (const auto& s : STATUSES)
        if (s.status == status)
            return std::string(s.shown);
    return std::string(to_string(status));
}

//! 要點11(4)'s words, as the agency reads them on the request.
std::string action_text(const std::string& action) {
    if (action == "return")
        return "退還";
    if (action == "donate")
        return "轉贈";
    if (action == "destroy")
        return "銷毀";
    if (action == "keep")
        return "續售";
    return action;
}

std::string ground_text(const std::string& ground, const std::string& reason) {
    if (ground == "retention_ended")
        return "已逾保存年限";
    if (ground == "weeding_reason")
        return "淘汰原因：" + reason;
    return ground;
}

//! Rows by store, agency (zh-Hant-TW order of their names), notice, GPN.
std::vector<std::size_t> sorted_rows(const std::vector<DisposalReportRow>& rows, SortKeys& keys) {
    return sorted_order(rows, [&](const DisposalReportRow& r) {
        return std::tie(keys.of(r.store_name), r.store_code, keys.of(r.agency_name), r.agency_code,
                        r.notice_no, r.gpn);
    });
}

Cell optional_date(const std::optional<std::chrono::year_month_day>& day) {
    return day ? date_cell(*day) : blank_cell();
}

void write_cover(Sheet& cover, const DisposalReport& report) {
    std::vector<Row> facts;
    if (!report.period.empty()) {
        facts.push_back(
            Row{{text_cell("期別"), text_cell(report.period_roc), text_cell(report.period)}});
        if (report.period_from && report.period_to)
            facts.push_back(Row{{text_cell("期間"),
                                 text_cell(domain::to_roc(*report.period_from) + "至" +
                                           domain::to_roc(*report.period_to)),
                                 text_cell(domain::to_iso(*report.period_from) + " – " +
                                           domain::to_iso(*report.period_to))}});
    } else {
        facts.push_back(Row{{text_cell("期別"), text_cell("全部期別")}});
    }
    facts.push_back(Row{{text_cell("辦理情形基準日"), text_cell(domain::to_roc(report.as_of)),
                         date_cell(report.as_of)}});
    facts.push_back(Row{{text_cell("產製時間"), text_cell(report.generated_at)}});
    if (report.rows.empty())
        facts.push_back(Row{{text_cell("說明"), text_cell("無處理清單資料")}});

    std::vector<Row> figures;
    for (const auto& s : STATUSES) {
        const auto n =
            std::count_if(report.rows.begin(), report.rows.end(),
                          [&](const DisposalReportRow& r) { return r.status == s.status; });
        figures.push_back(Row{{text_cell(std::string(s.shown)), count_cell(n)}});
    }
    std::int64_t on_hand = 0;
    std::map<std::string, int> notices;
    for (const auto& r : report.rows) {
        on_hand = domain::checked_add(on_hand, r.on_hand);
        notices[r.notice_no] = 1;
    }
    figures.push_back(
        Row{{text_cell("處理清單"), count_cell(static_cast<std::int64_t>(notices.size()))}});
    figures.push_back(
        Row{{text_cell("清單品項"), count_cell(static_cast<std::int64_t>(report.rows.size()))}});
    figures.push_back(Row{{text_cell("列冊庫存冊數"), count_cell(on_hand)}});

    BarChart chart{"處理清單辦理情形（品項數）", cover.name(), 0, 0, 0, 1, false};
    chart.first_row = write_cover_sheet(cover, REPORT_TITLE, facts, {"項目", "數量"}, figures);
    chart.last_row = chart.first_row + static_cast<std::uint32_t>(STATUSES.size()) - 1;
    cover.insert_bar_chart(cover.next_row() + 1, 0, chart);
}

void write_store_sheet(Sheet& sheet, const DisposalReport& report,
                       const std::vector<std::size_t>& order) {
    const std::vector<std::string> headers = {
        "門市代碼",     "展售門市", "機關代碼", "出版機關",   "通知編號",     "GPN",
        "出版品名稱",   "庫存數量", "列入原因", "首次供貨日", "保存期限屆滿", "回覆期限",
        "回覆處理方式", "回覆數量", "受贈單位", "回覆日期",   "辦理情形"};
    std::int64_t on_hand = 0;
    for (const std::size_t i : order)
        on_hand = domain::checked_add(on_hand, report.rows[i].on_hand);
    Row total{{text_cell("合計"), blank_cell(), blank_cell(), blank_cell(), blank_cell(),
               blank_cell(), blank_cell(), count_cell(on_hand)},
              true};
    write_table(
        sheet, headers, order.size(),
        [&](std::size_t i) {
            const DisposalReportRow& r = report.rows[order[i]];
            return Row{{text_cell(r.store_code), text_cell(r.store_name), text_cell(r.agency_code),
                        text_cell(r.agency_name), text_cell(r.notice_no), text_cell(r.gpn),
                        text_cell(r.title), count_cell(r.on_hand),
                        text_cell(ground_text(r.ground, r.reason)), date_cell(r.first_supplied),
                        date_cell(r.retention_end), date_cell(r.reply_due),
                        text_cell(action_text(r.reply_action)),
                        r.reply_quantity ? count_cell(*r.reply_quantity) : blank_cell(),
                        text_cell(r.recipient), optional_date(r.replied_on),
                        text_cell(status_text(r.status))},
                       false};
        },
        TableEnd{total, {"回覆期限為通知日起一個月，遇例假日順延（要點11(4)、民法第122條）。"}});
}

} // namespace

std::string_view to_string(DisposalStatus status) {
    switch (status) {
    case DisposalStatus::answered:
        return "answered";
    case DisposalStatus::open:
        return "open";
    case DisposalStatus::overdue:
        return "overdue";
    }
    return "";
}

void write_disposal_workbook(const DisposalReport& report, const std::filesystem::path& out) {
    const ZhHantCollator collator;
    SortKeys keys(collator);
    const auto order = sorted_rows(report.rows, keys);
    // Sheets must all exist before rows go in; the sorted order groups each store's rows.
    std::vector<std::vector<std::size_t>> per_store;
    for (const std::size_t i : order) {
        if (per_store.empty() ||
            report.rows[per_store.back().front()].store_code != report.rows[i].store_code)
            per_store.emplace_back();
        per_store.back().push_back(i);
    }
    Workbook book(out);
    Sheet& cover = book.add_sheet("封面");
    std::vector<Sheet*> sheets;
    for (const auto& rows : per_store) {
        const auto& first = report.rows[rows.front()];
        sheets.push_back(
            &book.add_sheet(first.store_name.empty() ? first.store_code : first.store_name));
    }
    book.set_page_header(REPORT_TITLE, report.period.empty()
                                           ? "基準日 " + domain::to_roc(report.as_of)
                                           : report.period_roc + "（" + report.period + "）");
    write_cover(cover, report);
    for (std::size_t s = 0; s < sheets.size(); ++s)
        write_store_sheet(*sheets[s], report, per_store[s]);
    book.close();
}

void write_disposal_list_workbook(const DisposalReport& report, const std::string& notice_no,
                                  const std::filesystem::path& out) {
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < report.rows.size(); ++i)
        if (report.rows[i].notice_no == notice_no)
            rows.push_back(i);
    if (rows.empty())
        throw std::invalid_argument("the report has no row of disposal list " + notice_no);
    std::sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
        return report.rows[a].gpn < report.rows[b].gpn;
    });
    const DisposalReportRow& head = report.rows[rows.front()];
    Workbook book(out);
    Sheet& list = book.add_sheet("處理清單");
    Sheet& about = book.add_sheet("說明");
    book.set_page_header(LIST_TITLE, notice_no);
    // The reply columns carry the replies file's own headers (SPEC §5.2): filled in, the sheet
    // is a replies file. Answered rows show their reply; only open rows need an answer.
    const std::vector<std::string> headers = {"通知編號", "GPN",        "出版品名稱",   "庫存數量",
                                              "列入原因", "首次供貨日", "保存期限屆滿", "處理方式",
                                              "數量",     "受贈單位",   "辦理情形"};
    write_table(list, headers, rows.size(), [&](std::size_t i) {
        const DisposalReportRow& r = report.rows[rows[i]];
        return Row{{text_cell(r.notice_no), text_cell(r.gpn), text_cell(r.title),
                    count_cell(r.on_hand), text_cell(ground_text(r.ground, r.reason)),
                    date_cell(r.first_supplied), date_cell(r.retention_end),
                    text_cell(action_text(r.reply_action)),
                    r.reply_quantity ? count_cell(*r.reply_quantity) : blank_cell(),
                    text_cell(r.recipient), text_cell(status_text(r.status))},
                   false};
    });
    std::vector<Row> facts = {
        Row{{text_cell("通知編號"), text_cell(notice_no)}},
        Row{{text_cell("出版機關"), text_cell(head.agency_name), text_cell(head.agency_code)}},
        Row{{text_cell("展售門市"), text_cell(head.store_name), text_cell(head.store_code)}},
        Row{{text_cell("通知日期"), text_cell(domain::to_roc(head.notice_date)),
             date_cell(head.notice_date)}},
        Row{{text_cell("回覆期限"), text_cell(domain::to_roc(head.reply_due)),
             date_cell(head.reply_due)}},
    };
    std::vector<Row> notes = {
        Row{{text_cell("1"),
             text_cell("請於「處理清單」逐列填寫處理方式（退還、轉贈、銷毀、續售）與數量；"
                       "轉贈請填受贈單位。已回覆之列請勿重填。")}},
        Row{{text_cell("2"),
             text_cell("請於回覆期限前回覆（要點11(4)）；退還運費由門市負擔（要點11(5)）。")}},
        Row{{text_cell("3"), text_cell("轉贈或銷毀後，機關仍應至少保存一冊或電子檔（要點7）。")}},
    };
    write_cover_sheet(about, LIST_TITLE, facts, {"項次", "說明"}, notes);
    book.close();
}

} // namespace govpub::reports
