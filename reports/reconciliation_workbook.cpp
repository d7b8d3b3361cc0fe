// The consignment reconciliation report: cover with flag counts, stock check, registers.
#include "reports/reconciliation_workbook.hpp"

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "reports/collation.hpp"
#include "reports/workbook.hpp"

#include <algorithm>
#include <array>
#include <tuple>

namespace govpub::reports {

namespace {

struct FlagName {
    std::string_view id;
    std::string_view shown;
};

//! SPEC §4.7's flags as officials read them, in the order the cover lists them.
constexpr std::array<FlagName, 4> FLAGS = {{{"oversold", "超賣"},
                                            {"count_mismatch", "盤點不符"},
                                            {"price_mismatch", "定價不符"},
                                            {"not_consigned", "未寄售"}}};

constexpr std::string_view REPORT_TITLE = "政府出版品寄售庫存核對報表";

std::string flag_text(const std::string& id) {
    for (const FlagName& flag : FLAGS) {
        if (flag.id == id) {
            return std::string(flag.shown);
        }
    }
    return id; // a flag this writer does not know yet is shown as is rather than lost
}

std::string flags_text(const std::vector<std::string>& flags) {
    std::string out;
    for (const std::string& flag : flags) {
        out += (out.empty() ? "" : "、") + flag_text(flag);
    }
    return out;
}

std::string payer_text(const std::string& payer) {
    if (payer == "agency") {
        return "機關負擔";
    }
    if (payer == "store") {
        return "門市負擔";
    }
    return payer;
}

std::size_t count_flag(const ReconciliationReport& report, std::string_view id) {
    return static_cast<std::size_t>(
        std::count_if(report.rows.begin(), report.rows.end(), [&](const ReconciliationRow& row) {
            return std::find(row.flags.begin(), row.flags.end(), id) != row.flags.end();
        }));
}

void write_cover(Sheet& cover, const ReconciliationReport& report, const BarChart& chart) {
    std::vector<Row> rows = {
        Row{{text_cell("核對基準日"), text_cell(domain::to_roc(report.as_of)),
             date_cell(report.as_of)}},
        Row{{text_cell("基準日 (ISO)"), text_cell(domain::to_iso(report.as_of))}},
        Row{{text_cell("產製時間"), text_cell(report.generated_at)}},
    };
    if (report.rows.empty()) {
        rows.push_back(Row{{text_cell("說明"), text_cell("無庫存核對資料")}});
    }
    std::vector<Row> count_rows;
    for (const FlagName& flag : FLAGS) {
        count_rows.push_back(
            Row{{text_cell(std::string(flag.shown)),
                 count_cell(static_cast<std::int64_t>(count_flag(report, flag.id)))}});
    }
    count_rows.push_back(
        Row{{text_cell("核對品項"), count_cell(static_cast<std::int64_t>(report.rows.size()))}});
    count_rows.push_back(
        Row{{text_cell("樣品登記"), count_cell(static_cast<std::int64_t>(report.samples.size()))}});
    count_rows.push_back(Row{
        {text_cell("寄送紀錄"), count_cell(static_cast<std::int64_t>(report.shipments.size()))}});

    BarChart placed = chart;
    placed.data_sheet = cover.name();
    // The flag rows come first among the figures; the chart shows them.
    placed.first_row = write_cover_sheet(cover, REPORT_TITLE, rows, {"項目", "筆數"}, count_rows);
    placed.last_row = placed.first_row + static_cast<std::uint32_t>(FLAGS.size()) - 1;
    cover.insert_bar_chart(cover.next_row() + 1, 0, placed);
}

//! The stock check's count columns added up (checked: overflow throws).
struct StockTotals {
    std::int64_t consigned = 0;
    std::int64_t samples = 0;
    std::int64_t sold = 0;
    std::int64_t returned = 0;
    std::int64_t donated = 0;
    std::int64_t destroyed = 0;
    std::int64_t expected_on_hand = 0;

    void add(const ReconciliationRow& r) {
        consigned = domain::checked_add(consigned, r.consigned);
        samples = domain::checked_add(samples, r.samples);
        sold = domain::checked_add(sold, r.sold);
        returned = domain::checked_add(returned, r.returned);
        donated = domain::checked_add(donated, r.donated);
        destroyed = domain::checked_add(destroyed, r.destroyed);
        expected_on_hand = domain::checked_add(expected_on_hand, r.expected_on_hand);
    }
};

// 門市盤點 has no total: stores report counts for some items only, and a sum of those beside
// the expected stock of every item would look like a shortfall that is not there.
Row stock_total_row(const std::vector<ReconciliationRow>& rows) {
    StockTotals t;
    for (const ReconciliationRow& r : rows) {
        t.add(r);
    }
    return Row{{text_cell("合計"), blank_cell(), blank_cell(), blank_cell(), blank_cell(),
                blank_cell(), count_cell(t.consigned), count_cell(t.samples), count_cell(t.sold),
                count_cell(t.returned), count_cell(t.donated), count_cell(t.destroyed),
                count_cell(t.expected_on_hand), blank_cell(), blank_cell()},
               true};
}

void write_stock_check(Sheet& sheet, const ReconciliationReport& report, SortKeys& keys) {
    const auto& rows = report.rows;
    const auto order = sorted_order(rows, [&](const ReconciliationRow& r) {
        return std::tie(keys.of(r.store_name), r.store_code, keys.of(r.agency_name), r.agency_code,
                        r.gpn);
    });
    const std::vector<std::string> headers = {
        "門市代碼", "展售門市", "機關代碼", "出版機關", "GPN",      "出版品名稱", "寄售", "樣品",
        "售出",     "退還",     "轉贈",     "銷毀",     "應有庫存", "門市盤點",   "註記"};
    const auto row_at = [&](std::size_t i) {
        const ReconciliationRow& r = rows[order[i]];
        return Row{{text_cell(r.store_code), text_cell(r.store_name), text_cell(r.agency_code),
                    text_cell(r.agency_name), text_cell(r.gpn), text_cell(r.title),
                    count_cell(r.consigned), count_cell(r.samples), count_cell(r.sold),
                    count_cell(r.returned), count_cell(r.donated), count_cell(r.destroyed),
                    count_cell(r.expected_on_hand),
                    r.reported ? count_cell(*r.reported) : blank_cell(),
                    text_cell(flags_text(r.flags))},
                   false};
    };
    write_table(sheet, headers, order.size(), row_at, TableEnd{stock_total_row(rows), {}});
}

void write_sample_register(Sheet& sheet, const ReconciliationReport& report, SortKeys& keys) {
    const auto& rows = report.samples;
    const auto order = sorted_order(rows, [&](const SampleRegisterRow& r) {
        return std::tie(keys.of(r.store_name), r.store_code, keys.of(r.agency_name), r.agency_code,
                        r.gpn);
    });
    const std::vector<std::string> headers = {"門市代碼", "展售門市",   "機關代碼", "出版機關",
                                              "GPN",      "出版品名稱", "清單編號", "供貨日期"};
    write_table(sheet, headers, order.size(), [&](std::size_t i) {
        const SampleRegisterRow& r = rows[order[i]];
        return Row{{text_cell(r.store_code), text_cell(r.store_name), text_cell(r.agency_code),
                    text_cell(r.agency_name), text_cell(r.gpn), text_cell(r.title),
                    text_cell(r.list_no), date_cell(r.supply_date)},
                   false};
    });
}

void write_shipments(Sheet& sheet, const ReconciliationReport& report, SortKeys& keys) {
    const auto& rows = report.shipments;
    const auto order = sorted_order(rows, [&](const ShipmentRow& r) {
        return std::tie(keys.of(r.agency_name), r.agency_code, keys.of(r.store_name), r.store_code,
                        r.supply_date, r.list_no);
    });
    const std::vector<std::string> headers = {"機關代碼", "出版機關", "門市代碼", "展售門市",
                                              "清單編號", "供貨日期", "冊數",     "運費負擔"};
    write_table(sheet, headers, order.size(), [&](std::size_t i) {
        const ShipmentRow& r = rows[order[i]];
        return Row{{text_cell(r.agency_code), text_cell(r.agency_name), text_cell(r.store_code),
                    text_cell(r.store_name), text_cell(r.list_no), date_cell(r.supply_date),
                    count_cell(r.copies), text_cell(payer_text(r.shipping_payer))},
                   false};
    });
}

} // namespace

void write_reconciliation_workbook(const ReconciliationReport& report,
                                   const std::filesystem::path& out) {
    const ZhHantCollator collator;
    SortKeys keys(collator);
    Workbook book(out);
    Sheet& cover = book.add_sheet("封面");
    Sheet& stock = book.add_sheet("庫存核對");
    Sheet& samples = book.add_sheet("樣品登記簿");
    Sheet& shipments = book.add_sheet("寄送運費");
    book.set_page_header(REPORT_TITLE, "核對基準日 " + domain::to_roc(report.as_of));
    write_cover(cover, report, BarChart{"異常註記筆數", cover.name(), 0, 0, 0, 1, false});
    write_stock_check(stock, report, keys);
    write_sample_register(samples, report, keys);
    write_shipments(shipments, report, keys);
    book.close();
}

} // namespace govpub::reports
