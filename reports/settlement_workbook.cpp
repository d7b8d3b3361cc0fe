// The settlement report officials read after a run: cover, summaries, a sheet per store.
#include "reports/settlement_workbook.hpp"

#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "domain/period.hpp"
#include "reports/collation.hpp"
#include "reports/workbook.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace govpub::reports {

namespace {

using domain::Ntd;

const std::vector<std::string> SUMMARY_MONEY_HEADERS = {"定價總額", "機關應得", "代售酬金",
                                                        "上期結轉", "本期實付", "結轉下期"};
constexpr std::uint16_t SUMMARY_NAME_COL = 1;
constexpr std::uint16_t SUMMARY_PAYABLE_COL = 3;
constexpr std::string_view REPORT_TITLE = "政府出版品展售門市結帳報表";
//! How 本期實付 and 結轉下期 come from the other columns (SPEC §4.6), for a reader who
//! wonders why a negative amount is not paid back.
constexpr std::string_view AMOUNT_DUE_NOTE =
    "註：本期實付 = 機關應得 + 上期結轉；其和為負數時，本期實付為 0，負數全數列入結轉下期"
    "扣抵，機關無須退還。";

//! The money columns of a statement, or of several added up (checked: overflow throws).
struct Totals {
    Ntd list_value = 0;
    Ntd payable = 0;
    Ntd commission = 0;
    Ntd carried_in = 0;
    Ntd amount_due = 0;
    Ntd carried_out = 0;

    void add(const SettlementStatementRow& s) {
        list_value = domain::checked_add(list_value, s.list_value);
        payable = domain::checked_add(payable, s.payable);
        commission = domain::checked_add(commission, s.commission);
        carried_in = domain::checked_add(carried_in, s.carried_in);
        amount_due = domain::checked_add(amount_due, s.amount_due);
        carried_out = domain::checked_add(carried_out, s.carried_out);
    }
};

//! A store or an agency with the statements it takes part in.
struct Party {
    std::string code;
    std::string name;
    Totals totals;
    std::vector<const SettlementStatementRow*> statements;
};

// Groups statements by store or agency code, in zh-Hant-TW order of the names (the code
// breaks ties so that two runs of the same data give the same file).
std::vector<Party> group(const SettlementReport& report, bool by_store,
                         const ZhHantCollator& collator) {
    std::map<std::string, Party> by_code;
    for (const SettlementStatementRow& s : report.statements) {
        const std::string& code = by_store ? s.store_code : s.agency_code;
        Party& party = by_code[code];
        if (party.statements.empty()) {
            party.code = code;
            party.name = by_store ? s.store_name : s.agency_name;
        }
        party.totals.add(s);
        party.statements.push_back(&s);
    }
    std::vector<std::pair<std::string, Party>> keyed;
    for (auto& [code, party] : by_code) {
        keyed.emplace_back(collator.sort_key(party.name), std::move(party));
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first, a.second.code) < std::tie(b.first, b.second.code);
    });
    std::vector<Party> parties;
    for (auto& entry : keyed) {
        parties.push_back(std::move(entry.second));
    }
    return parties;
}

std::string status_text(const std::string& status) {
    if (status == "closed") {
        return "已結帳";
    }
    if (status == "dry_run") {
        return "試算";
    }
    return status;
}

// "115年上半年" for "2026H1".
std::string period_name(const SettlementReport& report) {
    try {
        return domain::Period::parse(report.period).roc_name();
    } catch (const domain::InvalidValue&) {
        // An unusual period name is shown as given rather than failing the whole report.
        return report.period;
    }
}

std::string period_roc(const SettlementReport& report) {
    return period_name(report) + " (" + domain::to_roc(report.from) + "至" +
           domain::to_roc(report.to) + ")";
}

// What the printed page header names on its right: the period, and a dry run as such, so
// that a printout of figures not yet closed is never taken for the settlement itself.
std::string header_period(const SettlementReport& report) {
    const std::string name = period_name(report);
    return report.status == "closed" ? name : name + "（" + status_text(report.status) + "）";
}

std::vector<Cell> money_cells(const Totals& t) {
    return {ntd_cell(t.list_value), ntd_cell(t.payable),    ntd_cell(t.commission),
            ntd_cell(t.carried_in), ntd_cell(t.amount_due), ntd_cell(t.carried_out)};
}

Row summary_row(Cell code, Cell name, const Totals& totals, bool total) {
    Row row{{std::move(code), std::move(name)}, total};
    for (Cell& cell : money_cells(totals)) {
        row.cells.push_back(std::move(cell));
    }
    return row;
}

// One row per party, then the 合計 of them all (`totals`) and how 本期實付 is reached.
void write_summary(Sheet& sheet, const std::vector<Party>& parties, const Totals& totals,
                   const std::string& code_header, const std::string& name_header) {
    std::vector<std::string> headers = {code_header, name_header};
    headers.insert(headers.end(), SUMMARY_MONEY_HEADERS.begin(), SUMMARY_MONEY_HEADERS.end());
    const TableEnd end{summary_row(text_cell("合計"), blank_cell(), totals, true),
                       {std::string(AMOUNT_DUE_NOTE)}};
    write_table(
        sheet, headers, parties.size(),
        [&](std::size_t i) {
            return summary_row(text_cell(parties[i].code), text_cell(parties[i].name),
                               parties[i].totals, false);
        },
        end);
}

void write_store_sheet(Sheet& sheet, const Party& store, const ZhHantCollator& collator) {
    std::vector<const SettlementStatementRow*> statements = store.statements;
    std::stable_sort(statements.begin(), statements.end(), [&](const auto* a, const auto* b) {
        if (collator.less(a->agency_name, b->agency_name)) {
            return true;
        }
        return !collator.less(b->agency_name, a->agency_name) && a->agency_code < b->agency_code;
    });
    // Each statement's lines, then its subtotal (line index npos).
    std::vector<std::pair<const SettlementStatementRow*, std::size_t>> entries;
    for (const SettlementStatementRow* s : statements) {
        for (std::size_t line = 0; line < s->lines.size(); ++line) {
            entries.emplace_back(s, line);
        }
        entries.emplace_back(s, std::string::npos);
    }
    const std::vector<std::string> headers = {
        "出版機關", "GPN",  "出版品名稱", "定價",     "結帳比率", "數量",    "定價金額",
        "機關應得", "遲報", "上期結轉",   "本期實付", "結轉下期", "付款期限"};
    // The store's 合計 under the last 小計, in the same columns.
    const Totals& t = store.totals;
    const TableEnd end{
        Row{{blank_cell(), blank_cell(), text_cell("合計"), blank_cell(), blank_cell(),
             blank_cell(), ntd_cell(t.list_value), ntd_cell(t.payable), blank_cell(),
             ntd_cell(t.carried_in), ntd_cell(t.amount_due), ntd_cell(t.carried_out), blank_cell()},
            true},
        {}};
    const auto row_at = [&](std::size_t i) {
        const auto& [s, index] = entries[i];
        if (index == std::string::npos) {
            return Row{{text_cell(s->agency_name), blank_cell(), text_cell("小計"), blank_cell(),
                        blank_cell(), blank_cell(), ntd_cell(s->list_value), ntd_cell(s->payable),
                        blank_cell(), ntd_cell(s->carried_in), ntd_cell(s->amount_due),
                        ntd_cell(s->carried_out), date_cell(s->due_date)},
                       true};
        }
        const SettlementLineRow& line = s->lines[index];
        return Row{{text_cell(s->agency_name), text_cell(line.gpn), text_cell(line.title),
                    ntd_cell(line.list_price), rate_cell(line.rate_bp), count_cell(line.quantity),
                    ntd_cell(line.list_value), ntd_cell(line.payable),
                    line.late ? text_cell("遲報") : blank_cell()},
                   false};
    };
    write_table(sheet, headers, entries.size(), row_at, end);
}

// Tall enough to read one bar per name: a chart of scale 1 holds about a dozen bars.
double chart_scale(std::size_t bars) {
    return std::clamp(static_cast<double>(bars) / 12.0, 1.0, 10.0);
}

void write_cover(Sheet& cover, const SettlementReport& report, const Totals& totals,
                 const std::vector<BarChart>& charts, const std::vector<std::size_t>& bars) {
    std::vector<Row> rows = {
        Row{{text_cell("結帳期別"), text_cell(period_roc(report))}},
        Row{{text_cell("期別代碼"), text_cell(report.period + ": " + domain::to_iso(report.from) +
                                              " – " + domain::to_iso(report.to))}},
        Row{{text_cell("結帳日"), text_cell(domain::to_roc(report.settled_on)),
             date_cell(report.settled_on)}},
        Row{{text_cell("狀態"), text_cell(status_text(report.status))}},
        Row{{text_cell("產製時間"), text_cell(report.generated_at)}},
    };
    if (report.statements.empty()) {
        rows.push_back(Row{{text_cell("說明"), text_cell("本期無結帳資料")}});
    }
    const std::vector<Row> total_rows = {
        Row{{text_cell("結帳單數"),
             count_cell(static_cast<std::int64_t>(report.statements.size()))}},
        Row{{text_cell("定價總額"), ntd_cell(totals.list_value)}},
        Row{{text_cell("機關應得"), ntd_cell(totals.payable)}},
        Row{{text_cell("代售酬金"), ntd_cell(totals.commission)}},
        Row{{text_cell("上期結轉"), ntd_cell(totals.carried_in)}},
        Row{{text_cell("本期實付"), ntd_cell(totals.amount_due)}},
        Row{{text_cell("結轉下期"), ntd_cell(totals.carried_out)}},
    };
    write_cover_sheet(cover, REPORT_TITLE, rows, {"項目", "合計"}, total_rows);
    std::uint32_t chart_row = cover.next_row() + 1;
    for (std::size_t i = 0; i < charts.size(); ++i) {
        const double scale = chart_scale(bars[i]);
        cover.insert_bar_chart(chart_row, 0, charts[i], scale);
        chart_row += static_cast<std::uint32_t>(std::ceil(15 * scale)) + 1;
    }
}

} // namespace

void write_settlement_workbook(const SettlementReport& report, const std::filesystem::path& out) {
    const ZhHantCollator collator;
    const std::vector<Party> agencies = group(report, false, collator);
    const std::vector<Party> stores = group(report, true, collator);
    Totals totals;
    for (const SettlementStatementRow& s : report.statements) {
        totals.add(s);
    }

    Workbook book(out);
    // Every sheet is added first: the cover's charts need the summaries' final names.
    Sheet& cover = book.add_sheet("封面");
    Sheet& by_agency = book.add_sheet("機關彙總");
    Sheet& by_store = book.add_sheet("門市彙總");
    std::vector<Sheet*> store_sheets;
    for (const Party& store : stores) {
        store_sheets.push_back(&book.add_sheet(store.name));
    }
    book.set_page_header(REPORT_TITLE, header_period(report));

    std::vector<BarChart> charts;
    std::vector<std::size_t> bars;
    if (!report.statements.empty()) {
        charts.push_back(BarChart{"各門市機關應得金額", by_store.name(), 1,
                                  static_cast<std::uint32_t>(stores.size()), SUMMARY_NAME_COL,
                                  SUMMARY_PAYABLE_COL, true});
        bars.push_back(stores.size());
        charts.push_back(BarChart{"各機關應得金額", by_agency.name(), 1,
                                  static_cast<std::uint32_t>(agencies.size()), SUMMARY_NAME_COL,
                                  SUMMARY_PAYABLE_COL, true});
        bars.push_back(agencies.size());
    }
    write_cover(cover, report, totals, charts, bars);
    write_summary(by_agency, agencies, totals, "機關代碼", "出版機關");
    write_summary(by_store, stores, totals, "門市代碼", "展售門市");
    for (std::size_t i = 0; i < stores.size(); ++i) {
        write_store_sheet(*store_sheets[i], stores[i], collator);
    }
    book.close();
}

} // namespace govpub::reports
