// Three half-year settlements end to end through the govpub binary, checked against a small
// reference calculation made here from the scenario's own tables (never from govpub's code).
//
// The scenario (its own data, not the demo's): agencies M01 文化部, M02 國立故宮博物院,
// M03 農業部; stores T01, T02, T03; 15 publications (books, serials, a pamphlet at NT$99 so
// that 60 % of it is not a whole number, a DVD). Consignments 附件一 as an English CSV, a
// Chinese-header CSV with ROC dates and an XLSX with date cells; sales over 2025H2, 2026H1 and
// 2026H2 as UTF-8 CSV, UTF-8 with BOM and CRLF, Big5/CP950 with Chinese headers and ROC dates,
// XLSX with date cells, a file without the store column imported with --store, lines named by
// ISBN only (hyphenated ISBN-13, ISBN-10 ending in X), a GPN printed "GPN：…", customer returns,
// list prices on the lines that differ from the catalogue, a catalogue price change, a late
// file, two pairs whose period nets negative (one absorbed next period, one carried with no
// activity), a pair whose lines all net to zero, and a rate change inside a period.
//
// Rules exercised (SPEC §4.4–§4.7, 要點11(3), 附件一 註三):
//  - 附件一 註三: the stores settle in June and December on the actual sales of the half-year.
//  - 要點11(3): the agency gets at least 60 % of list price; below 60 % only when the contract
//    was awarded by 公開評選/最有利標 (procurement_exempt).
//  - SPEC §4.6: lines grouped by GPN, list price, rate, late; zero groups dropped; payable =
//    ⌈Σ q × price × rate_bp / 10 000⌉ toward +∞; carry-forward of a negative amount; due date
//    rolled past weekends and holidays (§4.2, 民法122); late lines; closed periods immutable;
//    --dry-run stores nothing; a period cannot be settled before its predecessor's sales.
//  - SPEC §4.5: the catalogue list price in force on the sale date is what counts.
//  - SPEC §4.7: expected on hand = consigned − net sold; oversold, price_mismatch.
#include "tests/support/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace govpub::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

// ---------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------

sys_days parse_iso(const std::string& s) {
    return sys_days{year{std::stoi(s.substr(0, 4))} / month{unsigned(std::stoul(s.substr(5, 2)))} /
                    day{unsigned(std::stoul(s.substr(8, 2)))}};
}

std::string iso(sys_days d) {
    year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()));
    return buf;
}

enum class DateStyle { iso, slash, roc_slash, roc_dot, roc_words };

std::string written_date(const std::string& iso_date, DateStyle style) {
    year_month_day ymd{parse_iso(iso_date)};
    int y = int(ymd.year());
    unsigned m = unsigned(ymd.month()), d = unsigned(ymd.day());
    char buf[64];
    switch (style) {
    case DateStyle::iso:
        return iso_date;
    case DateStyle::slash:
        std::snprintf(buf, sizeof buf, "%04d/%02u/%02u", y, m, d);
        return buf;
    case DateStyle::roc_slash:
        std::snprintf(buf, sizeof buf, "%d/%02u/%02u", y - 1911, m, d);
        return buf;
    case DateStyle::roc_dot:
        std::snprintf(buf, sizeof buf, "%d.%02u.%02u", y - 1911, m, d);
        return buf;
    case DateStyle::roc_words:
        return "民國" + std::to_string(y - 1911) + "年" + std::to_string(m) + "月" +
               std::to_string(d) + "日";
    }
    return iso_date;
}

//! config/holidays.csv: the days off besides weekends (kind "holiday", or no kind).
std::set<std::string> shipped_holidays() {
    std::set<std::string> days;
    std::istringstream in(read_file(source_dir() / "config" / "holidays.csv"));
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line.rfind("date", 0) == 0)
            continue;
        std::vector<std::string> f;
        std::stringstream ls(line);
        for (std::string cell; std::getline(ls, cell, ',');)
            f.push_back(cell);
        if (f.size() < 3 || f[2].rfind("holiday", 0) == 0 || f[2].empty())
            days.insert(f[0]);
    }
    return days;
}

//! SPEC §4.2 (民法第122條): a deadline on a Saturday, Sunday or holiday moves to the next
//! working day.
std::string deadline(const std::string& start, int days_after) {
    static const std::set<std::string> holidays = shipped_holidays();
    sys_days d = parse_iso(start) + days{days_after};
    for (;;) {
        weekday wd{d};
        if (wd != Saturday && wd != Sunday && !holidays.count(iso(d)))
            return iso(d);
        d += days{1};
    }
}

// ---------------------------------------------------------------------------------------
// The scenario's master data
// ---------------------------------------------------------------------------------------

struct Publication {
    std::string gpn;
    std::string isbn_in_catalogue; //!< as written in publications.csv ("" = none)
    std::string isbn13;            //!< digits, for lines that name the item by ISBN
    std::string isbn10_printed;    //!< hyphenated ISBN-10, for the one line that uses it
    std::string issn;
    std::string title;
    std::string agency;
    std::string kind;
    std::vector<std::pair<std::string, long long>> prices; //!< (valid from, list price)
};

const std::map<std::string, Publication>& pubs() {
    static const std::map<std::string, Publication> all = {
        {"P1", {"1011400101", "978-986-5327-01-9", "9789865327019", "", "", "臺灣文學年鑑2024",
                "M01", "book", {{"0001-01-01", 500}}}},
        {"P2", {"1011400102", "9789865327026", "9789865327026", "", "", "文化統計（113年版）",
                "M01", "book", {{"0001-01-01", 600}}}},
        {"P3", {"1011400103", "978-986-5327-04-0", "9789865327040", "986-5327-04-X", "",
                "臺灣漫畫史話", "M01", "book", {{"0001-01-01", 750}}}},
        {"P4", {"1011400104", "", "", "", "", "文化資產導覽手冊", "M01", "pamphlet",
                {{"0001-01-01", 150}}}},
        {"P5", {"2011400105", "", "", "", "1234-5679", "文化月刊", "M01", "serial",
                {{"0001-01-01", 200}}}},
        {"P6", {"1011400201", "9789575628017", "9789575628017", "", "", "故宮文物精華圖錄",
                "M02", "book", {{"0001-01-01", 1200}}}},
        {"P7", {"1011400202", "978-957-562-802-4", "9789575628024", "", "", "宋畫精選", "M02",
                "book", {{"0001-01-01", 880}}}},
        {"P8", {"1011400203", "9789575628031", "9789575628031", "", "", "清宮服飾圖典", "M02",
                "book", {{"0001-01-01", 900}}}},
        {"P9", {"2011400204", "", "", "", "7654-3218", "故宮文物月刊", "M02", "serial",
                {{"0001-01-01", 150}}}},
        {"P10", {"1011400205", "9789575628048", "9789575628048", "", "", "翠玉白菜動畫（DVD）",
                 "M02", "non_book", {{"0001-01-01", 350}}}},
        {"P11", {"1011400301", "9786267253014", "9786267253014", "", "", "農業統計年報（113年）",
                 "M03", "book", {{"0001-01-01", 400}}}},
        // The one catalogue price change: 380 → 420 from 2026-06-01 (imported mid-scenario).
        {"P12", {"1011400302", "978-626-7253-02-1", "9786267253021", "", "", "臺灣茶產業專刊",
                 "M03", "book", {{"0001-01-01", 380}, {"2026-06-01", 420}}}},
        {"P13", {"1011400303", "9786267253038", "9786267253038", "", "", "臺灣原生植物圖鑑",
                 "M03", "book", {{"0001-01-01", 720}}}},
        {"P14", {"1011400304", "9786267253045", "9786267253045", "", "",
                 "臺灣農業年報（114年版）", "M03", "book", {{"0001-01-01", 600}}}},
        {"P15", {"1011400305", "", "", "", "", "鄉村旅遊地圖", "M03", "pamphlet",
                 {{"0001-01-01", 99}}}},
    };
    return all;
}

const Publication& pub(const std::string& key) { return pubs().at(key); }

long long price_on(const Publication& p, const std::string& iso_date) {
    long long price = -1;
    for (const auto& [from, amount] : p.prices)
        if (from <= iso_date)
            price = amount;
    return price;
}

struct Contract {
    std::string agency, store, rate_text;
    int rate_bp;
    bool exempt;
    int payment_days;
    std::string valid_from;
};

// 要點11(3): ≥ 60 % unless procurement-exempt. Pairs not listed (M03@T01, M03@T02, M01@T03)
// get 60 % and the configured 30 days (SPEC §4.4).
const std::vector<Contract>& contracts() {
    static const std::vector<Contract> all = {
        {"M01", "T01", "60", 6000, false, 30, "2025-01-01"},
        {"M01", "T01", "65", 6500, false, 30, "2026-03-01"}, // rate change inside 2026H1
        {"M02", "T01", "55", 5500, true, 45, "2025-01-01"},  // 公開評選: 55 % accepted
        {"M01", "T02", "62.5", 6250, false, 15, "2025-01-01"},
        {"M02", "T02", "60", 6000, false, 60, "2025-01-01"},
        {"M02", "T03", "62.25", 6225, false, 15, "2025-01-01"},
        {"M03", "T03", "60", 6000, false, 60, "2025-01-01"},
    };
    return all;
}

struct Terms {
    int rate_bp = 6000;
    int payment_days = 30;
};

Terms in_force(const std::string& agency, const std::string& store, const std::string& day) {
    Terms t;
    std::string best;
    for (const auto& c : contracts())
        if (c.agency == agency && c.store == store && c.valid_from <= day && c.valid_from >= best) {
            best = c.valid_from;
            t = {c.rate_bp, c.payment_days};
        }
    return t;
}

// ---------------------------------------------------------------------------------------
// Consignments (附件一) and sales
// ---------------------------------------------------------------------------------------

enum class ConsFormat { csv_en_iso, csv_en_slash, csv_zh_roc, xlsx_en };

struct ConsLine {
    std::string pub;
    long long quantity;
    bool with_sample = false; //!< adds the demo-style sample row (quantity 1, sample 1)
};

struct ConsList {
    std::string file;
    ConsFormat format;
    std::string list_no, agency, store, supply_date;
    std::vector<ConsLine> lines;
};

const std::vector<ConsList>& first_consignments() {
    static const std::vector<ConsList> all = {
        {"cons_M01_T01.csv", ConsFormat::csv_en_iso, "M01-T01-1", "M01", "T01", "2025-05-20",
         {{"P1", 40, true}, {"P2", 30, true}, {"P3", 20}, {"P4", 50}, {"P5", 30}}},
        {"cons_M01_T02.csv", ConsFormat::csv_en_slash, "M01-T02-1", "M01", "T02", "2025-05-21",
         {{"P1", 20, true}, {"P3", 15}, {"P4", 30}}},
        {"cons_M01_T03.csv", ConsFormat::csv_en_iso, "M01-T03-1", "M01", "T03", "2025-05-21",
         {{"P2", 10}, {"P5", 20}}},
        {"cons_M02_T01.csv", ConsFormat::csv_zh_roc, "M02-T01-1", "M02", "T01", "2025-05-22",
         {{"P6", 10, true}, {"P7", 15}, {"P8", 10}, {"P9", 40}, {"P10", 20}}},
        {"cons_M02_T02.csv", ConsFormat::csv_zh_roc, "M02-T02-1", "M02", "T02", "2025-05-22",
         {{"P6", 5}, {"P9", 30}, {"P10", 10}}},
        {"cons_M02_T03.csv", ConsFormat::csv_zh_roc, "M02-T03-1", "M02", "T03", "2025-05-23",
         {{"P7", 5}, {"P8", 3, true}}},
        {"cons_M03_T01.xlsx", ConsFormat::xlsx_en, "M03-T01-1", "M03", "T01", "2025-05-26",
         {{"P11", 20}, {"P12", 30}, {"P13", 10}, {"P14", 15}, {"P15", 60}}},
        {"cons_M03_T02.csv", ConsFormat::csv_en_iso, "M03-T02-1", "M03", "T02", "2025-05-27",
         {{"P11", 10}, {"P13", 5}, {"P15", 20}}},
        // (T03, P15): 10 copies; 11 are sold over the three periods → oversold (SPEC §4.7).
        {"cons_M03_T03.csv", ConsFormat::csv_en_iso, "M03-T03-1", "M03", "T03", "2025-05-27",
         {{"P11", 5}, {"P15", 10}}},
    };
    return all;
}

// After the price change: the list must state the new price 420 (SPEC §4.3).
const ConsList& restock() {
    static const ConsList list{"cons_M03_T01_restock.csv", ConsFormat::csv_en_iso, "M03-T01-2",
                               "M03", "T01", "2026-07-01", {{"P12", 10}}};
    return list;
}

enum class Id { gpn, gpn_printed, gpn_and_isbn, isbn13_hyphen, isbn13_plain, isbn10 };

struct Sale {
    std::string store;
    std::string date; //!< ISO
    std::string pub;
    long long quantity;
    std::optional<long long> stated_price = std::nullopt; //!< a list price differing from the catalogue
    Id id = Id::gpn;
    std::optional<DateStyle> style = std::nullopt; //!< overrides the file's date style
};

enum class Enc { utf8, utf8_bom, cp950, xlsx };

struct SalesFile {
    std::string name;
    Enc enc;
    bool zh_headers;
    bool store_column;
    bool crlf;
    DateStyle dates;
    std::string store_option; //!< --store CODE, or ""
    std::vector<Sale> lines;
};

struct Scenario {
    std::map<std::string, SalesFile> files;
};

Scenario make_scenario() {
    Scenario s;
    auto add = [&](SalesFile f) { s.files.emplace(f.name, std::move(f)); };
    // ---- 2025H2 (2025-06-01 – 2025-11-30) ----
    add({"sales_T01_2025H2.csv", Enc::utf8, false, true, false, DateStyle::iso, "",
         {{"T01", "2025-06-03", "P1", 2},
          {"T01", "2025-06-15", "P2", 1},
          {"T01", "2025-07-01", "P4", 3},
          {"T01", "2025-07-20", "P6", 1},
          {"T01", "2025-08-02", "P7", 2, std::nullopt, Id::gpn_and_isbn},
          {"T01", "2025-08-02", "P9", 5},
          {"T01", "2025-09-10", "P11", 2},
          {"T01", "2025-09-11", "P13", 1},
          {"T01", "2025-10-01", "P10", 1}, // sold and returned in the same period: the group
          {"T01", "2025-10-03", "P10", -1}, // nets to zero and is left out (SPEC §4.6)
          {"T01", "2025-10-05", "P1", -1},  // a customer's return
          {"T01", "2025-11-28", "P5", 2},
          {"T01", "2025-11-30", "P15", 4}}}); // the period's last day
    add({"sales_T02_2025H2_bom.csv", Enc::utf8_bom, false, true, true, DateStyle::slash, "",
         {{"T02", "2025-06-10", "P1", 3},
          {"T02", "2025-07-04", "P3", 1, std::nullopt, Id::isbn13_hyphen},
          {"T02", "2025-08-15", "P4", 2, 120}, // the line says 120; the catalogue says 150
          {"T02", "2025-09-01", "P6", 1},
          {"T02", "2025-09-02", "P9", 4},
          {"T02", "2025-10-10", "P10", 2},
          {"T02", "2025-11-01", "P11", 1},
          {"T02", "2025-11-02", "P13", 2}}});
    add({"sales_T03_2025H2_big5.csv", Enc::cp950, true, true, true, DateStyle::roc_slash, "",
         {{"T03", "2025-07-07", "P2", 1},
          {"T03", "2025-08-08", "P7", 1, std::nullopt, Id::isbn13_plain},
          {"T03", "2025-09-10", "P8", 2},
          {"T03", "2025-10-11", "P11", 1},
          {"T03", "2025-10-12", "P15", 5},
          {"T03", "2025-11-05", "P8", 1},
          {"T03", "2025-11-20", "P2", -1}}}); // M01@T03 nets to zero: no statement in 2025H2
    // ---- 2026H1 (2025-12-01 – 2026-05-31) ----
    add({"sales_T01_2026H1.xlsx", Enc::xlsx, true, true, false, DateStyle::iso, "",
         {{"T01", "2025-12-05", "P1", 2},
          {"T01", "2026-01-15", "P6", 2},
          {"T01", "2026-02-02", "P12", 3},
          {"T01", "2026-02-27", "P2", 1}, // 60 % (the 65 % contract starts 2026-03-01)
          {"T01", "2026-03-01", "P2", 2}, // 65 %
          {"T01", "2026-03-20", "P8", 1},
          {"T01", "2026-04-10", "P3", 1},
          {"T01", "2026-05-05", "P9", -2},
          {"T01", "2026-05-20", "P14", 1}}});
    add({"sales_T02_2026H1_nostore.csv", Enc::utf8, false, false, false, DateStyle::iso, "T02",
         {{"T02", "2026-01-08", "P1", 2, std::nullopt, Id::gpn_printed},
          {"T02", "2026-02-10", "P3", 1, std::nullopt, Id::isbn10},
          {"T02", "2026-03-03", "P4", -1},
          {"T02", "2026-03-15", "P9", 3},
          {"T02", "2026-04-01", "P13", -2}, // M03@T02 nets negative: -1341 → payable -804
          {"T02", "2026-04-02", "P15", 1}}});
    add({"sales_T03_2026H1_big5.csv", Enc::cp950, true, true, true, DateStyle::roc_slash, "",
         {{"T03", "2026-01-10", "P7", -1}, // M02@T03 nets negative and stays quiet in 2026H2
          {"T03", "2026-02-14", "P5", 2},
          {"T03", "2026-04-01", "P11", 1, std::nullopt, Id::gpn, DateStyle::roc_words},
          {"T03", "2026-05-31", "P15", 4, std::nullopt, Id::gpn, DateStyle::roc_dot}}});
    // The late file: 2026H1 lines that reach govpub after 2026H1 was settled (SPEC §4.6).
    add({"sales_T01_2026H1_late.csv", Enc::utf8, false, true, false, DateStyle::iso, "",
         {{"T01", "2026-02-20", "P1", 1},  // late, at 60 % (the rate of its sale date)
          {"T01", "2026-05-28", "P12", 1}, // late, at 380 (the price of its sale date)
          {"T01", "2026-05-29", "P6", -1}, // a late return
          {"T01", "2026-05-30", "P2", 1}}}); // late, at 65 %
    // ---- 2026H2 (2026-06-01 – 2026-11-30) ----
    add({"sales_T01_2026H2.csv", Enc::utf8, false, true, false, DateStyle::iso, "",
         {{"T01", "2026-06-05", "P1", 1},
          {"T01", "2026-07-07", "P3", 2, 700},  // catalogue 750 counts
          {"T01", "2026-08-08", "P6", 2, 1100}, // catalogue 1200 counts
          {"T01", "2026-09-09", "P12", 2},      // the new price 420
          {"T01", "2026-09-10", "P12", 1, 380}, // states the old price; 420 counts
          {"T01", "2026-10-10", "P14", 1}}});
    add({"sales_T02_2026H2_bom_zh.csv", Enc::utf8_bom, true, true, true, DateStyle::slash, "",
         {{"T02", "2026-06-20", "P1", 1},
          {"T02", "2026-07-15", "P4", 2},
          {"T02", "2026-08-01", "P9", 2},
          {"T02", "2026-09-01", "P11", 4}, // M03@T02: 1699 → 1020, minus the -804 carried in
          {"T02", "2026-10-01", "P15", 1}}});
    add({"sales_T03_2026H2.csv", Enc::utf8, false, true, true, DateStyle::iso, "",
         {{"T03", "2026-07-07", "P5", 1}, {"T03", "2026-11-30", "P15", 2}}});
    return s;
}

// ---------------------------------------------------------------------------------------
// Writing the files
// ---------------------------------------------------------------------------------------

std::string csv_cell(const std::string& v) {
    if (v.find_first_of(",\"\r\n") == std::string::npos)
        return v;
    std::string q = "\"";
    for (char c : v)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string csv_text(const std::vector<std::vector<std::string>>& rows, bool crlf) {
    std::string out;
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i)
            out += (i ? "," : "") + csv_cell(row[i]);
        out += crlf ? "\r\n" : "\n";
    }
    return out;
}

const char* const TO_XLSX = R"PY(
# to_xlsx.py IN.csv OUT.xlsx DATE_COLUMNS INT_COLUMNS: a real workbook with date cells,
# numbers as numbers and everything else (GPN, ISBN) as text.
import csv, datetime, sys
from openpyxl import Workbook
src, dst = sys.argv[1], sys.argv[2]
dates = set(filter(None, sys.argv[3].split(",")))
ints = set(filter(None, sys.argv[4].split(",")))
with open(src, encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
wb = Workbook()
ws = wb.active
ws.title = "data"
ws.append(rows[0])
for r in rows[1:]:
    cells = []
    for h, v in zip(rows[0], r):
        if h in dates and v:
            cells.append(datetime.datetime.strptime(v, "%Y-%m-%d"))
        elif h in ints and v:
            cells.append(int(v))
        else:
            cells.append(v)
    ws.append(cells)
for row in ws.iter_rows(min_row=2):
    for c in row:
        if isinstance(c.value, datetime.datetime):
            c.number_format = "yyyy-mm-dd"
wb.save(dst)
)PY";

const char* const TO_CP950 = R"PY(
# to_cp950.py IN OUT: the bytes a Taiwanese spreadsheet writes when it exports Big5.
import sys
text = open(sys.argv[1], encoding="utf-8", newline="").read()
open(sys.argv[2], "wb").write(text.encode("cp950"))
)PY";

// The settle JSON (SPEC §5.3) in canonical lines. Statement order is kept as printed (checked:
// store then agency); lines are checked to be in GPN order and printed sorted by (gpn, list
// price, rate, late) so that ties within one GPN do not depend on an order the SPEC leaves
// open. Amounts must be JSON integers and `late` a JSON boolean.
const char* const SETTLE_SUMMARY = R"PY(
import json, sys
sys.stdout.reconfigure(encoding="utf-8")
d = json.load(open(sys.argv[1], encoding="utf-8"))
def n(v):
    return str(v) if type(v) is int else "NOT_INT(%r)" % (v,)
out = ["%s %s %s %s %s" % (d["period"], d["from"], d["to"], d["settled_on"], d["status"])]
keys = [(s["store"], s["agency"]) for s in d["statements"]]
if keys != sorted(keys):
    out.append("STATEMENTS NOT SORTED BY STORE, AGENCY")
total = 0
for s in d["statements"]:
    out.append(" ".join([s["store"], s["agency"]] + [n(s[k]) for k in
        ("list_value", "payable", "commission", "carried_in", "amount_due", "carried_out")]
        + [s["due_date"]]))
    total += s["payable"]
    gpns = [l["gpn"] for l in s["lines"]]
    if gpns != sorted(gpns):
        out.append("  LINES NOT SORTED BY GPN")
    for l in sorted(s["lines"], key=lambda l: (l["gpn"], l["list_price"], l["rate_bp"], l["late"])):
        late = {True: "late", False: "-"}.get(l["late"]) if type(l["late"]) is bool else "NOT_BOOL(%r)" % (l["late"],)
        out.append("  " + " ".join([l["gpn"]] + [n(l[k]) for k in
            ("list_price", "rate_bp", "quantity", "list_value")] + [late]))
out.append("total_payable %d" % total)
print("\n".join(out))
)PY";

const char* const IMPORT_SUMMARY = R"PY(
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
print(d["lines"], d["accepted"], d["rejected"], d["warnings"], str(d["already_imported"]).lower())
)PY";

const char* const RECONCILE_SUMMARY = R"PY(
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
print("as_of", d["as_of"])
for r in sorted(d["rows"], key=lambda r: (r["store"], r["gpn"])):
    print(r["store"], r["gpn"], r["consigned"], r["samples"], r["sold"], r["expected_on_hand"],
          "null" if r["reported"] is None else r["reported"], ",".join(sorted(r["flags"])) or "-")
)PY";

// The cover sheet of the settlement workbook: its first sheet, a 機關應得 row with the total in
// the next column (the layout of reports/settlement_workbook.cpp, seen in the demo's file).
const char* const COVER_PROBE = R"PY(
import sys, openpyxl
sys.stdout.reconfigure(encoding="utf-8")
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print("first_sheet", ws.title)
for row in ws.iter_rows():
    if row[0].value == "機關應得":
        v = row[1].value
        print("payable", type(v).__name__, v)
)PY";

// ---------------------------------------------------------------------------------------
// The reference calculation (SPEC §4.6), independent of govpub's code
// ---------------------------------------------------------------------------------------

struct PeriodDef {
    std::string name, from, to;
};

const PeriodDef P2025H2{"2025H2", "2025-06-01", "2025-11-30"};
const PeriodDef P2026H1{"2026H1", "2025-12-01", "2026-05-31"};
const PeriodDef P2026H2{"2026H2", "2026-06-01", "2026-11-30"};

struct RefLine {
    std::string gpn;
    long long list_price;
    int rate_bp;
    bool late;
    long long quantity;
};

struct RefStatement {
    std::string store, agency;
    long long list_value = 0, payable = 0, commission = 0, carried_in = 0, amount_due = 0,
              carried_out = 0;
    std::string due_date;
    std::vector<RefLine> lines;
};

long long ceil_div(long long a, long long b) { // b > 0; toward +∞ also for a < 0
    long long q = a / b;
    return (a % b != 0 && a > 0) ? q + 1 : q;
}

class Reference {
  public:
    void imported(const SalesFile& f) {
        for (const auto& s : f.lines)
            imported_.push_back(&s);
    }

    //! Settles `p` on `on` as govpub should; with `close` the lines are marked settled and the
    //! balances carried. Returns the statements sorted by store, agency.
    std::vector<RefStatement> settle(const PeriodDef& p, const std::string& on, bool close) {
        using Key = std::tuple<std::string, long long, int, bool>;
        std::map<std::pair<std::string, std::string>, std::map<Key, long long>> groups;
        std::vector<const Sale*> taken;
        for (const Sale* s : imported_) {
            if (settled_.count(s) || s->date > p.to)
                continue;
            const Publication& pb = pub(s->pub);
            // 要點11(3)/SPEC §4.5: the catalogue price and the contract rate of the sale date.
            Key k{pb.gpn, price_on(pb, s->date), in_force(pb.agency, s->store, s->date).rate_bp,
                  s->date < p.from};
            groups[{s->store, pb.agency}][k] += s->quantity;
            taken.push_back(s);
        }
        for (const auto& [pair, balance] : carried_)
            if (balance != 0)
                groups[pair];
        std::vector<RefStatement> out;
        for (const auto& [pair, by_key] : groups) {
            RefStatement st;
            st.store = pair.first;
            st.agency = pair.second;
            long long exact_bp = 0;
            for (const auto& [k, q] : by_key) {
                if (q == 0)
                    continue; // a group that nets to zero is left out
                const auto& [gpn, price, rate, late] = k;
                st.lines.push_back({gpn, price, rate, late, q});
                st.list_value += q * price;
                exact_bp += q * price * rate;
            }
            auto c = carried_.find(pair);
            st.carried_in = c == carried_.end() ? 0 : c->second;
            if (st.lines.empty() && st.carried_in == 0)
                continue;
            st.payable = ceil_div(exact_bp, 10'000);
            st.commission = st.list_value - st.payable;
            long long amount = st.payable + st.carried_in;
            st.amount_due = std::max(0LL, amount);
            st.carried_out = std::min(0LL, amount);
            st.due_date = deadline(on, in_force(st.agency, st.store, on).payment_days);
            out.push_back(st);
        }
        if (close) {
            for (const Sale* s : taken)
                settled_.insert(s);
            for (const auto& st : out)
                carried_[{st.store, st.agency}] = st.carried_out;
        }
        return out;
    }

    const std::vector<const Sale*>& all_imported() const { return imported_; }

  private:
    std::vector<const Sale*> imported_;
    std::set<const Sale*> settled_;
    std::map<std::pair<std::string, std::string>, long long> carried_;
};

std::string canonical(const PeriodDef& p, const std::string& on, const std::string& status,
                      const std::vector<RefStatement>& statements) {
    std::ostringstream out;
    out << p.name << " " << p.from << " " << p.to << " " << on << " " << status << "\n";
    long long total = 0;
    for (const auto& s : statements) {
        out << s.store << " " << s.agency << " " << s.list_value << " " << s.payable << " "
            << s.commission << " " << s.carried_in << " " << s.amount_due << " " << s.carried_out
            << " " << s.due_date << "\n";
        total += s.payable;
        for (const auto& l : s.lines) // std::map order: (gpn, price, rate, late)
            out << "  " << l.gpn << " " << l.list_price << " " << l.rate_bp << " " << l.quantity
                << " " << l.quantity * l.list_price << " " << (l.late ? "late" : "-") << "\n";
    }
    out << "total_payable " << total << "\n";
    return out.str();
}

// ---------------------------------------------------------------------------------------
// The run: every step once, in order; the tests below look at what each step left.
// ---------------------------------------------------------------------------------------

struct World {
    std::unique_ptr<TempDir> dir;
    Scenario scenario;
    Reference reference;
    std::map<std::string, int> txn_counter;
    std::string setup_error;
    std::vector<std::pair<std::string, RunResult>> steps;       //!< every govpub call, in order
    std::map<std::string, std::string> import_summary;           //!< file → "lines accepted …"
    std::map<std::string, std::string> expected_import_summary;  //!< file → what it should be
    std::map<std::string, RunResult> settle;                      //!< label → the run
    std::map<std::string, std::string> settle_canonical;          //!< label → python summary
    std::map<std::string, std::string> settle_expected;           //!< label → reference text
    std::map<std::string, std::vector<RefStatement>> reference_statements;
    RunResult reconcile;
    std::string reconcile_canonical, reconcile_expected;
    RunResult report;
    std::string cover_probe;

    fs::path path(const std::string& name) const { return dir->path() / name; }

    RunResult govpub(const std::string& args) {
        auto r = run_govpub("--db sqlite:govpub.db " + args, dir->path());
        steps.emplace_back(args, r);
        return r;
    }

    RunResult python(const std::string& script, const std::string& args) {
        return run_command(std::string("PYTHONIOENCODING=utf-8 '") + GOVPUB_PYTHON3 + "' " +
                               script + " " + args,
                           dir->path());
    }

    void require(const RunResult& r, const std::string& what) {
        if (r.status != 0)
            throw std::runtime_error(what + " failed with status " + std::to_string(r.status) +
                                     ":\n" + r.out + r.err);
    }

    std::string txn(const Sale& s) {
        std::string ymd = s.date.substr(0, 4) + s.date.substr(5, 2) + s.date.substr(8, 2);
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d", ++txn_counter[s.store + ymd]);
        return s.store + "-" + ymd + "-" + buf;
    }

    void write_master_data() {
        write_file(path("agencies.csv"), "code,name,contact,phone,email\n"
                                         "M01,文化部,林怡君,02-8512-0001,m01@example.gov.tw\n"
                                         "M02,國立故宮博物院,吳淑芬,02-2881-0002,m02@example.gov.tw\n"
                                         "M03,農業部,陳志明,02-2381-0003,m03@example.gov.tw\n");
        // Chinese headers, as the demo's stores.csv.
        write_file(path("stores.csv"), "門市代碼,門市名稱,地址,電子郵件\n"
                                       "T01,國家書店松江門市,臺北市中山區松江路209號,t01@example.com\n"
                                       "T02,五南文化廣場台中總店,臺中市南區復興路二段10號,t02@example.com\n"
                                       "T03,府城書坊台南門市,臺南市中西區民生路一段1號,t03@example.com\n");
        std::vector<std::vector<std::string>> rows = {
            {"機關代碼", "門市代碼", "結帳比率", "公開評選", "付款天數", "生效日"}};
        for (const auto& c : contracts())
            rows.push_back({c.agency, c.store, c.rate_text, c.exempt ? "1" : "0",
                            std::to_string(c.payment_days), c.valid_from});
        write_file(path("contracts.csv"), csv_text(rows, false));
        rows = {{"gpn", "isbn", "issn", "title", "agency", "kind", "list_price", "pub_date"}};
        for (const auto& [key, p] : pubs())
            rows.push_back({p.gpn, p.isbn_in_catalogue, p.issn, p.title, p.agency, p.kind,
                            std::to_string(p.prices.front().second), "2025-04-01"});
        write_file(path("publications.csv"), csv_text(rows, false));
        // SPEC §4.5: a price change names the day it takes effect, so earlier sales keep theirs.
        const Publication& p12 = pub("P12");
        rows = {{"gpn", "isbn", "title", "agency", "kind", "list_price", "price_valid_from"},
                {p12.gpn, p12.isbn_in_catalogue, p12.title, p12.agency, p12.kind,
                 std::to_string(p12.prices.back().second), p12.prices.back().first}};
        write_file(path("publications_price_change.csv"), csv_text(rows, false));
    }

    void write_consignment(const ConsList& list) {
        const bool zh = list.format == ConsFormat::csv_zh_roc;
        std::vector<std::vector<std::string>> rows;
        if (zh)
            rows.push_back({"清單編號", "機關代碼", "門市代碼", "供貨日期", "GPN", "出版品名稱",
                            "定價", "數量", "樣品"});
        else
            rows.push_back({"list_no", "agency", "store", "supply_date", "gpn", "title",
                            "list_price", "quantity", "sample"});
        DateStyle style = list.format == ConsFormat::csv_zh_roc     ? DateStyle::roc_slash
                          : list.format == ConsFormat::csv_en_slash ? DateStyle::slash
                                                                    : DateStyle::iso;
        for (const auto& l : list.lines) {
            const Publication& p = pub(l.pub);
            std::string price = std::to_string(price_on(p, list.supply_date));
            std::vector<std::string> row = {list.list_no, list.agency, list.store,
                                            written_date(list.supply_date, style), p.gpn, p.title,
                                            price, std::to_string(l.quantity), "0"};
            rows.push_back(row);
            if (l.with_sample) { // 要點11(2): one sample copy, first list only
                row[7] = "1";
                row[8] = "1";
                rows.push_back(row);
            }
        }
        if (list.format == ConsFormat::xlsx_en) {
            write_file(path(list.file + ".src.csv"), csv_text(rows, false));
            require(python("to_xlsx.py", list.file + ".src.csv " + list.file +
                                             " supply_date list_price,quantity,sample"),
                    "writing " + list.file);
        } else {
            write_file(path(list.file), csv_text(rows, false));
        }
    }

    void write_sales(const SalesFile& f) {
        std::vector<std::vector<std::string>> rows;
        std::vector<std::string> en = {"store", "sale_date", "gpn", "isbn", "title",
                                       "quantity", "list_price", "sale_price", "txn_id"};
        std::vector<std::string> zh = {"門市代碼", "銷售日期", "GPN", "ISBN", "書名",
                                       "數量", "定價", "售價", "交易序號"};
        std::vector<std::string> header = f.zh_headers ? zh : en;
        if (!f.store_column)
            header.erase(header.begin());
        rows.push_back(header);
        int n = 0;
        for (const auto& s : f.lines) {
            const Publication& p = pub(s.pub);
            std::string gpn, isbn;
            switch (s.id) {
            case Id::gpn:
                gpn = p.gpn;
                break;
            case Id::gpn_printed:
                gpn = "GPN：" + p.gpn;
                break;
            case Id::gpn_and_isbn:
                gpn = p.gpn;
                isbn = p.isbn13;
                break;
            case Id::isbn13_hyphen:
                isbn = p.isbn_in_catalogue; // the hyphenated form
                break;
            case Id::isbn13_plain:
                isbn = p.isbn13;
                break;
            case Id::isbn10:
                isbn = p.isbn10_printed;
                break;
            }
            long long list_price = s.stated_price.value_or(price_on(p, s.date));
            long long sale_price = (++n % 3 == 0) ? list_price * 9 / 10 : list_price; // 9折
            std::string date = f.enc == Enc::xlsx ? s.date
                                                  : written_date(s.date, s.style.value_or(f.dates));
            std::vector<std::string> row = {s.store,
                                            date,
                                            gpn,
                                            isbn,
                                            p.title,
                                            std::to_string(s.quantity),
                                            std::to_string(list_price),
                                            std::to_string(sale_price),
                                            txn(s)};
            if (!f.store_column)
                row.erase(row.begin());
            rows.push_back(row);
        }
        std::string text = csv_text(rows, f.crlf);
        switch (f.enc) {
        case Enc::utf8:
            write_file(path(f.name), text);
            break;
        case Enc::utf8_bom:
            write_file(path(f.name), "\xEF\xBB\xBF" + text);
            break;
        case Enc::cp950:
            write_file(path(f.name + ".utf8"), text);
            require(python("to_cp950.py", f.name + ".utf8 " + f.name), "writing " + f.name);
            break;
        case Enc::xlsx:
            write_file(path(f.name + ".src.csv"), text);
            require(python("to_xlsx.py", f.name + ".src.csv " + f.name + " " +
                                             (f.zh_headers ? "銷售日期 數量,定價,售價"
                                                           : "sale_date quantity,list_price,sale_price")),
                    "writing " + f.name);
            break;
        }
    }

    void import_master(const std::string& kind, const std::string& file) {
        require(govpub("import " + kind + " " + file), "import " + kind + " " + file);
    }

    void import_sales(const std::string& name) {
        const SalesFile& f = scenario.files.at(name);
        std::string args = "import sales --json ";
        if (!f.store_option.empty())
            args += "--store " + f.store_option + " ";
        auto r = govpub(args + name);
        require(r, "import sales " + name);
        write_file(path("import.json"), r.out);
        auto s = python("import_summary.py", "import.json");
        require(s, "reading the import summary of " + name);
        import_summary[name] = s.out;
        long long warnings = 0;
        for (const auto& l : f.lines)
            warnings += l.stated_price && *l.stated_price != price_on(pub(l.pub), l.date);
        expected_import_summary[name] = std::to_string(f.lines.size()) + " " +
                                        std::to_string(f.lines.size()) + " 0 " +
                                        std::to_string(warnings) + " false\n";
        reference.imported(f);
    }

    //! `settle --period P --as-of ON --json [--dry-run]`, recorded under `label`, with the
    //! reference's expectation beside it.
    void settle_step(const std::string& label, const PeriodDef& p, const std::string& on,
                     bool dry_run) {
        auto r = govpub("settle --period " + p.name + " --as-of " + on + " --json" +
                        (dry_run ? " --dry-run" : ""));
        settle[label] = r;
        auto statements = reference.settle(p, on, !dry_run);
        reference_statements[label] = statements;
        settle_expected[label] = canonical(p, on, dry_run ? "dry_run" : "closed", statements);
        if (r.status == 0) {
            std::string file = "settle-" + label + ".json";
            std::replace(file.begin(), file.end(), ' ', '-');
            write_file(path(file), r.out);
            auto s = python("settle_summary.py", file);
            settle_canonical[label] = s.status == 0 ? s.out : "python failed: " + s.err;
        }
    }

    std::string reference_reconciliation(const std::string& as_of) const {
        struct Row {
            long long consigned = 0, samples = 0, sold = 0;
            bool price_mismatch = false, had_sales = false;
        };
        std::map<std::pair<std::string, std::string>, Row> rows;
        std::vector<ConsList> lists = first_consignments();
        lists.push_back(restock());
        for (const auto& list : lists) {
            if (list.supply_date > as_of)
                continue;
            for (const auto& l : list.lines) {
                auto& row = rows[{list.store, pub(l.pub).gpn}];
                row.consigned += l.quantity;
                row.samples += l.with_sample ? 1 : 0;
            }
        }
        for (const Sale* s : reference.all_imported()) {
            if (s->date > as_of)
                continue;
            auto& row = rows[{s->store, pub(s->pub).gpn}];
            row.sold += s->quantity;
            row.had_sales = true;
            row.price_mismatch = row.price_mismatch ||
                                 (s->stated_price && *s->stated_price != price_on(pub(s->pub), s->date));
        }
        std::ostringstream out;
        out << "as_of " << as_of << "\n";
        for (const auto& [key, r] : rows) {
            long long expected = r.consigned - r.sold; // SPEC §4.7 (no returns/disposals here)
            std::vector<std::string> flags;
            if (r.had_sales && r.consigned == 0 && r.samples == 0)
                flags.push_back("not_consigned");
            if (expected < 0)
                flags.push_back("oversold");
            if (r.price_mismatch)
                flags.push_back("price_mismatch");
            std::string joined;
            for (const auto& f : flags)
                joined += (joined.empty() ? "" : ",") + f;
            out << key.first << " " << key.second << " " << r.consigned << " " << r.samples << " "
                << r.sold << " " << expected << " null " << (joined.empty() ? "-" : joined)
                << "\n";
        }
        return out.str();
    }

    void run() {
        dir = std::make_unique<TempDir>();
        scenario = make_scenario();
        write_file(path("to_xlsx.py"), TO_XLSX);
        write_file(path("to_cp950.py"), TO_CP950);
        write_file(path("settle_summary.py"), SETTLE_SUMMARY);
        write_file(path("import_summary.py"), IMPORT_SUMMARY);
        write_file(path("reconcile_summary.py"), RECONCILE_SUMMARY);
        write_file(path("cover_probe.py"), COVER_PROBE);
        write_master_data();
        for (const auto& list : first_consignments())
            write_consignment(list);
        write_consignment(restock());
        // Files are written in the order of their names; transaction ids are unique anyway.
        for (const auto& [name, f] : scenario.files)
            write_sales(f);

        require(govpub("init"), "init");
        import_master("agencies", "agencies.csv");
        import_master("stores", "stores.csv");
        import_master("contracts", "contracts.csv");
        import_master("publications", "publications.csv");
        for (const auto& list : first_consignments())
            import_master("consignment", list.file);

        // ---- 2025H2, settled on Wednesday 2025-12-10 (附件一 註三: in December) ----
        import_sales("sales_T01_2025H2.csv");
        import_sales("sales_T02_2025H2_bom.csv");
        import_sales("sales_T03_2025H2_big5.csv");
        {
            auto again = govpub("import sales --json sales_T01_2025H2.csv"); // same bytes
            write_file(path("again.json"), again.out);
            import_summary["again"] = again.status == 0
                                          ? python("import_summary.py", "again.json").out
                                          : "status " + std::to_string(again.status);
        }
        settle_step("2025H2 dry run", P2025H2, "2025-12-10", true);
        settle_step("2025H2", P2025H2, "2025-12-10", false);

        // ---- 2026H1, settled on Wednesday 2026-06-10 ----
        import_sales("sales_T01_2026H1.xlsx");
        import_sales("sales_T02_2026H1_nostore.csv");
        import_sales("sales_T03_2026H1_big5.csv");
        // 2026H2 before 2026H1: refused while 2026H1 has unsettled sales (SPEC §4.6).
        settle["2026H2 before 2026H1"] =
            govpub("settle --period 2026H2 --as-of 2026-12-10 --json");
        // Before the period has ended: refused (SPEC §4.6, --as-of ≥ period end).
        settle["2026H1 too early"] = govpub("settle --period 2026H1 --as-of 2026-05-30 --json");
        settle_step("2026H1", P2026H1, "2026-06-10", false);

        // ---- after the close of 2026H1 ----
        import_sales("sales_T01_2026H1_late.csv");
        import_master("publications", "publications_price_change.csv");
        import_master("consignment", restock().file);
        import_sales("sales_T01_2026H2.csv");
        import_sales("sales_T02_2026H2_bom_zh.csv");
        import_sales("sales_T03_2026H2.csv");

        // ---- 2026H2, settled on Thursday 2026-12-10 ----
        settle_step("2026H2 dry run", P2026H2, "2026-12-10", true);
        settle_step("2026H2 dry run again", P2026H2, "2026-12-10", true);
        settle_step("2026H2", P2026H2, "2026-12-10", false);

        // A closed period again, later and with another date: the stored result.
        settle["2026H1 rerun"] = govpub("settle --period 2026H1 --as-of 2026-06-10 --json");
        settle["2026H1 rerun later"] = govpub("settle --period 2026H1 --as-of 2026-12-31 --json");
        settle["2026H1 rerun today"] = govpub("settle --period 2026H1 --json");

        reconcile = govpub("reconcile --as-of 2026-12-10 --json");
        reconcile_expected = reference_reconciliation("2026-12-10");
        if (reconcile.status == 0) {
            write_file(path("reconcile.json"), reconcile.out);
            auto s = python("reconcile_summary.py", "reconcile.json");
            reconcile_canonical = s.status == 0 ? s.out : "python failed: " + s.err;
        }

        report = govpub("report settlement --period 2026H1 --out settlement-2026H1.xlsx");
        if (report.status == 0) {
            auto s = python("cover_probe.py", "settlement-2026H1.xlsx");
            cover_probe = s.status == 0 ? s.out : "python failed: " + s.err;
        }
    }
};

World* world = nullptr;

class ThreePeriods : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        world = new World();
        try {
            world->run();
        } catch (const std::exception& e) {
            world->setup_error = e.what();
        }
    }
    static void TearDownTestSuite() {
        // GOVPUB_KEEP_SCENARIO=DIR keeps a copy of the files, database and outputs to look at.
        if (const char* keep = std::getenv("GOVPUB_KEEP_SCENARIO"); keep && *keep && world->dir) {
            std::error_code ignored;
            fs::remove_all(keep, ignored);
            fs::copy(world->dir->path(), keep, fs::copy_options::recursive, ignored);
        }
        delete world;
        world = nullptr;
    }
    void SetUp() override { ASSERT_EQ(world->setup_error, "") << "the scenario did not run"; }

    //! The statement (store, agency) of a settle step's reference, or null.
    static const RefStatement* ref(const std::string& label, const std::string& store,
                                   const std::string& agency) {
        for (const auto& s : world->reference_statements.at(label))
            if (s.store == store && s.agency == agency)
                return &s;
        return nullptr;
    }

    //! The canonical statement line of (store, agency) and its lines, or "".
    static std::string block(const std::string& label, const std::string& store,
                             const std::string& agency) {
        std::istringstream in(world->settle_canonical[label]);
        std::string line, out;
        bool inside = false;
        while (std::getline(in, line)) {
            if (line.rfind("  ", 0) != 0)
                inside = line.rfind(store + " " + agency + " ", 0) == 0;
            if (inside)
                out += line + "\n";
        }
        return out;
    }

    //! The canonical line of (store, agency) printed by govpub for a settle step, or "".
    static std::string printed(const std::string& label, const std::string& store,
                               const std::string& agency) {
        std::istringstream in(world->settle_canonical[label]);
        std::string line;
        while (std::getline(in, line))
            if (line.rfind(store + " " + agency + " ", 0) == 0)
                return line;
        return "";
    }
};

// ---------------------------------------------------------------------------------------
// Imports
// ---------------------------------------------------------------------------------------

TEST_F(ThreePeriods, EveryInputVariantIsAcceptedWholeWithPriceWarningsOnly) {
    // UTF-8, BOM+CRLF, CP950 with ROC dates (114/07/07, 115.05.31, 民國115年4月1日), XLSX with
    // date cells, no store column with --store, ISBN-only lines, "GPN：…".
    // Expected "lines accepted rejected warnings already_imported".
    for (const auto& [name, expected] : world->expected_import_summary)
        EXPECT_EQ(world->import_summary[name], expected) << name;
    EXPECT_EQ(world->expected_import_summary.size(), world->scenario.files.size());
    // SPEC §4.5: a list price on the line that differs from the catalogue is a warning.
    EXPECT_EQ(world->import_summary["sales_T02_2025H2_bom.csv"], "8 8 0 1 false\n");
    EXPECT_EQ(world->import_summary["sales_T01_2026H2.csv"], "6 6 0 3 false\n");
}

TEST_F(ThreePeriods, TheSameBytesImportedTwiceChangeNothing) {
    // SPEC §4.5: recognised by SHA-256; the 2025H2 figures below prove nothing was doubled.
    // "lines accepted rejected warnings already_imported": nothing accepted a second time.
    const std::string& again = world->import_summary["again"];
    EXPECT_TRUE(again.ends_with(" 0 0 0 true\n")) << again;
}

// ---------------------------------------------------------------------------------------
// The reference itself, against figures worked out by hand (so that a wrong reference
// cannot hide a wrong program)
// ---------------------------------------------------------------------------------------

TEST_F(ThreePeriods, ReferenceAgreesWithFiguresWorkedOutByHand) {
    struct Hand {
        const char* label;
        const char* store;
        const char* agency;
        long long list_value, payable, carried_in, amount_due, carried_out;
        const char* due;
    };
    // Due dates (SPEC §4.2, 民法122): 2025-12-10 + 15 = Thu 12-25 行憲紀念日 → Fri 12-26;
    // + 45 = Sat 2026-01-24 → Mon 01-26; + 60 = Sun 2026-02-08 → Mon 02-09; + 30 = Fri 01-09.
    // 2026-06-10 + 45 = Sat 07-25 → Mon 07-27; + 60 = Sun 08-09 → Mon 08-10.
    // 2026-12-10 + 15 = Fri 12-25 行憲紀念日 → Sat → Mon 12-28; + 30 = Sat 2027-01-09 → Mon
    // 01-11; + 45 = Sun 01-24 → Mon 01-25; + 60 = Mon 2027-02-08, inside 春節 (02-04 – 02-10)
    // → Thu 02-11.
    const std::vector<Hand> hand = {
        // 2025H2: M01@T01 500+600+450+400 at 60 %; M02@T01 55 % (公開評選) 3710 × 0.55 =
        // 2040.5 → 2041; M01@T02 2550 × 62.5 % = 1593.75 → 1594; M02@T03 3580 × 62.25 % =
        // 2228.55 → 2229; M03@T01 1916 × 0.6 = 1149.6 → 1150. No M01@T03: its lines net to 0.
        {"2025H2", "T01", "M01", 1950, 1170, 0, 1170, 0, "2026-01-09"},
        {"2025H2", "T01", "M02", 3710, 2041, 0, 2041, 0, "2026-01-26"},
        {"2025H2", "T01", "M03", 1916, 1150, 0, 1150, 0, "2026-01-09"},
        {"2025H2", "T02", "M01", 2550, 1594, 0, 1594, 0, "2025-12-26"},
        {"2025H2", "T02", "M02", 2500, 1500, 0, 1500, 0, "2026-02-09"},
        {"2025H2", "T02", "M03", 1840, 1104, 0, 1104, 0, "2026-01-09"},
        {"2025H2", "T03", "M02", 3580, 2229, 0, 2229, 0, "2025-12-26"},
        {"2025H2", "T03", "M03", 895, 537, 0, 537, 0, "2026-02-09"},
        // 2026H1: M01@T01 (500×2 + 600) at 60 % + (600×2 + 750) at 65 % = 960 + 1267.5 → 2228;
        // M03@T02 -1440 + 99 = -1341 × 0.6 = -804.6 → -804 (toward +∞); M02@T03 -880 ×
        // 62.25 % = -547.8 → -547.
        {"2026H1", "T01", "M01", 3550, 2228, 0, 2228, 0, "2026-07-10"},
        {"2026H1", "T01", "M02", 3000, 1650, 0, 1650, 0, "2026-07-27"},
        {"2026H1", "T01", "M03", 1740, 1044, 0, 1044, 0, "2026-07-10"},
        {"2026H1", "T02", "M01", 1600, 1000, 0, 1000, 0, "2026-06-25"},
        {"2026H1", "T02", "M02", 450, 270, 0, 270, 0, "2026-08-10"},
        {"2026H1", "T02", "M03", -1341, -804, 0, 0, -804, "2026-07-10"},
        {"2026H1", "T03", "M01", 400, 240, 0, 240, 0, "2026-07-10"},
        {"2026H1", "T03", "M02", -880, -547, 0, 0, -547, "2026-06-25"},
        {"2026H1", "T03", "M03", 796, 478, 0, 478, 0, "2026-08-10"},
        // 2026H2: M01@T01 late 500 at 60 % + (late 600 + 500 + 1500 at the catalogue's 750)
        // at 65 % = 300 + 1690 = 1990; M03@T01 late 380 + 3 × 420 + 600 = 2240 → 1344;
        // M03@T02 1699 × 0.6 = 1019.4 → 1020, minus 804 carried in = 216 due;
        // M02@T03 only its balance: -547 carried in and out again.
        {"2026H2", "T01", "M01", 3100, 1990, 0, 1990, 0, "2027-01-11"},
        {"2026H2", "T01", "M02", 1200, 660, 0, 660, 0, "2027-01-25"},
        {"2026H2", "T01", "M03", 2240, 1344, 0, 1344, 0, "2027-01-11"},
        {"2026H2", "T02", "M01", 800, 500, 0, 500, 0, "2026-12-28"},
        {"2026H2", "T02", "M02", 300, 180, 0, 180, 0, "2027-02-11"},
        {"2026H2", "T02", "M03", 1699, 1020, -804, 216, 0, "2027-01-11"},
        {"2026H2", "T03", "M01", 200, 120, 0, 120, 0, "2027-01-11"},
        {"2026H2", "T03", "M02", 0, 0, -547, 0, -547, "2026-12-28"},
        {"2026H2", "T03", "M03", 198, 119, 0, 119, 0, "2027-02-11"},
    };
    std::map<std::string, std::size_t> per_period;
    for (const auto& h : hand) {
        ++per_period[h.label];
        const RefStatement* s = ref(h.label, h.store, h.agency);
        ASSERT_NE(s, nullptr) << h.label << " " << h.store << "/" << h.agency;
        SCOPED_TRACE(std::string(h.label) + " " + h.store + "/" + h.agency);
        EXPECT_EQ(s->list_value, h.list_value);
        EXPECT_EQ(s->payable, h.payable);
        EXPECT_EQ(s->commission, h.list_value - h.payable);
        EXPECT_EQ(s->carried_in, h.carried_in);
        EXPECT_EQ(s->amount_due, h.amount_due);
        EXPECT_EQ(s->carried_out, h.carried_out);
        EXPECT_EQ(s->due_date, h.due);
    }
    for (const auto& [label, n] : per_period)
        EXPECT_EQ(world->reference_statements.at(label).size(), n) << label;
}

// ---------------------------------------------------------------------------------------
// The three settlements (要點11(3), 附件一 註三, SPEC §4.6)
// ---------------------------------------------------------------------------------------

TEST_F(ThreePeriods, Settlement2025H2MatchesTheReference) {
    ASSERT_EQ(world->settle["2025H2"].status, 0) << world->settle["2025H2"].err;
    EXPECT_EQ(world->settle_canonical["2025H2"], world->settle_expected["2025H2"]);
}

TEST_F(ThreePeriods, Settlement2026H1MatchesTheReference) {
    ASSERT_EQ(world->settle["2026H1"].status, 0) << world->settle["2026H1"].err;
    EXPECT_EQ(world->settle_canonical["2026H1"], world->settle_expected["2026H1"]);
}

TEST_F(ThreePeriods, Settlement2026H2MatchesTheReference) {
    ASSERT_EQ(world->settle["2026H2"].status, 0) << world->settle["2026H2"].err;
    EXPECT_EQ(world->settle_canonical["2026H2"], world->settle_expected["2026H2"]);
}

TEST_F(ThreePeriods, RateChangeInsideThePeriodGivesLinesAtBothRates) {
    // M01@T01: 60 % until 2026-02-28, 65 % from 2026-03-01; P2 sold on both sides.
    const std::string& out = world->settle_canonical["2026H1"];
    EXPECT_NE(out.find("  1011400102 600 6000 1 600 -\n"), std::string::npos) << out;
    EXPECT_NE(out.find("  1011400102 600 6500 2 1200 -\n"), std::string::npos) << out;
}

TEST_F(ThreePeriods, ProcurementExemptContractPaysBelowSixtyPercent) {
    // 要點11(3): 55 % is allowed because the M02@T01 contract is 公開評選.
    EXPECT_EQ(printed("2025H2", "T01", "M02"), "T01 M02 3710 2041 1669 0 2041 0 2026-01-26");
}

TEST_F(ThreePeriods, PayableIsRoundedUpAtStatementLevelAndTowardPlusInfinity) {
    // 62.5 % of 2550 = 1593.75 → 1594; 60 % of -1341 = -804.6 → -804 (not -805).
    EXPECT_EQ(printed("2025H2", "T02", "M01"), "T02 M01 2550 1594 956 0 1594 0 2025-12-26");
    EXPECT_EQ(printed("2026H1", "T02", "M03"), "T02 M03 -1341 -804 -537 0 0 -804 2026-07-10");
}

TEST_F(ThreePeriods, DueDatesRollPastWeekendsAndHolidays) {
    // SPEC §4.2 (民法122) on settle date + payment term (SPEC §4.6).
    auto due = [](const std::string& label, const char* store, const char* agency) {
        std::string line = printed(label, store, agency);
        return line.size() >= 10 ? line.substr(line.size() - 10) : "(no statement)";
    };
    EXPECT_EQ(due("2025H2", "T02", "M01"), "2025-12-26"); // 12-25 行憲紀念日 (Thursday)
    EXPECT_EQ(due("2025H2", "T01", "M02"), "2026-01-26"); // Saturday
    EXPECT_EQ(due("2025H2", "T02", "M02"), "2026-02-09"); // Sunday
    EXPECT_EQ(due("2025H2", "T01", "M03"), "2026-01-09"); // no contract: 30 days, a Friday
    EXPECT_EQ(due("2026H1", "T01", "M02"), "2026-07-27"); // Saturday
    EXPECT_EQ(due("2026H1", "T02", "M01"), "2026-06-25"); // a working Thursday
    EXPECT_EQ(due("2026H2", "T02", "M01"), "2026-12-28"); // 12-25 holiday, then the weekend
    EXPECT_EQ(due("2026H2", "T01", "M01"), "2027-01-11"); // Saturday
    EXPECT_EQ(due("2026H2", "T03", "M03"), "2027-02-11"); // 春節 2027-02-04 – 02-10
}

TEST_F(ThreePeriods, NegativePeriodIsCarriedForwardAndNeverPaidBack) {
    // SPEC §4.6: amount_due = max(0, payable + carried_in), carried_out = min(0, …).
    EXPECT_EQ(printed("2026H1", "T03", "M02"), "T03 M02 -880 -547 -333 0 0 -547 2026-06-25");
    EXPECT_EQ(printed("2026H2", "T02", "M03"), "T02 M03 1699 1020 679 -804 216 0 2027-01-11");
    // A pair with only a balance carried in still gets a statement, with no lines.
    EXPECT_EQ(printed("2026H2", "T03", "M02"), "T03 M02 0 0 0 -547 0 -547 2026-12-28");
}

TEST_F(ThreePeriods, PairWhoseLinesNetToZeroGetsNoStatement) {
    EXPECT_EQ(printed("2025H2", "T03", "M01"), "");
    // … and a zero group is left out of a statement that has other lines (P10 at T01).
    EXPECT_EQ(block("2025H2", "T01", "M02"), "T01 M02 3710 2041 1669 0 2041 0 2026-01-26\n"
                                             "  1011400201 1200 5500 1 1200 -\n"
                                             "  1011400202 880 5500 2 1760 -\n"
                                             "  2011400204 150 5500 5 750 -\n");
}

TEST_F(ThreePeriods, LateLinesGoIntoTheNextSettlementFlaggedLate) {
    // Sold in 2026H1, imported after 2026H1 closed: in 2026H2 with "late":true, at the rate
    // and catalogue price of their own sale dates.
    const std::string& out = world->settle_canonical["2026H2"];
    EXPECT_NE(out.find("  1011400101 500 6000 1 500 late\n"), std::string::npos) << out;
    EXPECT_NE(out.find("  1011400102 600 6500 1 600 late\n"), std::string::npos) << out;
    EXPECT_NE(out.find("  1011400201 1200 5500 -1 -1200 late\n"), std::string::npos) << out;
    EXPECT_NE(out.find("  1011400302 380 6000 1 380 late\n"), std::string::npos) << out;
    // The 2026H1 statement stays as it was closed.
    EXPECT_EQ(world->settle["2026H1 rerun"].out, world->settle["2026H1"].out);
}

TEST_F(ThreePeriods, CatalogueListPriceCountsNotTheOneOnTheLine) {
    // SPEC §4.5: P3 was sold stating 700 (catalogue 750), P6 stating 1100 (1200), P12 stating
    // the old 380 after the catalogue moved to 420 on 2026-06-01.
    const std::string& out = world->settle_canonical["2026H2"];
    EXPECT_NE(out.find("  1011400103 750 6500 2 1500 -\n"), std::string::npos) << out;
    EXPECT_NE(out.find("  1011400201 1200 5500 2 2400 -\n"), std::string::npos) << out;
    EXPECT_NE(out.find("  1011400302 420 6000 3 1260 -\n"), std::string::npos) << out;
    EXPECT_EQ(out.find(" 700 "), std::string::npos) << out;
    EXPECT_EQ(out.find(" 1100 "), std::string::npos) << out;
    EXPECT_NE(world->settle_canonical["2025H2"].find("  1011400104 150 6250 2 300 -\n"),
              std::string::npos)
        << world->settle_canonical["2025H2"];
}

// ---------------------------------------------------------------------------------------
// Closing, re-running, dry runs, order
// ---------------------------------------------------------------------------------------

TEST_F(ThreePeriods, ClosedPeriodRerunPrintsTheStoredResultByteForByte) {
    const RunResult& first = world->settle["2026H1"];
    for (const char* label : {"2026H1 rerun", "2026H1 rerun later", "2026H1 rerun today"}) {
        const RunResult& again = world->settle[label];
        EXPECT_EQ(again.status, 0) << label << ": " << again.err;
        EXPECT_EQ(again.out, first.out) << label;
    }
    EXPECT_NE(first.out.find("\"status\":\"closed\""), std::string::npos) << first.out;
}

TEST_F(ThreePeriods, DryRunOfAnOpenPeriodStoresNothing) {
    for (const char* label : {"2025H2 dry run", "2026H2 dry run", "2026H2 dry run again"}) {
        SCOPED_TRACE(label);
        const RunResult& r = world->settle[label];
        ASSERT_EQ(r.status, 0) << r.err;
        EXPECT_NE(r.out.find("\"status\":\"dry_run\""), std::string::npos) << r.out;
        EXPECT_EQ(world->settle_canonical[label], world->settle_expected[label]);
    }
    // Twice the same; and the real runs afterwards still find every line (nothing was marked
    // settled or carried by the dry runs).
    EXPECT_EQ(world->settle["2026H2 dry run again"].out, world->settle["2026H2 dry run"].out);
    auto body = [](const std::string& canonical) { return canonical.substr(canonical.find('\n')); };
    EXPECT_EQ(body(world->settle_canonical["2026H2"]),
              body(world->settle_canonical["2026H2 dry run"]));
    EXPECT_EQ(body(world->settle_canonical["2025H2"]),
              body(world->settle_canonical["2025H2 dry run"]));
}

TEST_F(ThreePeriods, SettlingOutOfOrderOrBeforeThePeriodEndIsRefused) {
    const RunResult& early = world->settle["2026H2 before 2026H1"];
    EXPECT_EQ(early.status, 1) << early.out << early.err;
    EXPECT_EQ(early.out, "");
    EXPECT_NE(early.err.find("2026H1"), std::string::npos) << early.err;
    const RunResult& too_soon = world->settle["2026H1 too early"];
    EXPECT_EQ(too_soon.status, 1) << too_soon.out << too_soon.err;
    EXPECT_EQ(too_soon.out, "");
}

// ---------------------------------------------------------------------------------------
// Reconciliation (SPEC §4.7) and the workbook (SPEC §5.4)
// ---------------------------------------------------------------------------------------

TEST_F(ThreePeriods, ReconciliationMatchesTheReference) {
    ASSERT_EQ(world->reconcile.status, 0) << world->reconcile.err;
    EXPECT_EQ(world->reconcile_canonical, world->reconcile_expected);
}

TEST_F(ThreePeriods, ReconciliationOfChosenPairsAndTheEngineeredOversale) {
    ASSERT_EQ(world->reconcile.status, 0) << world->reconcile.err;
    const std::string& out = world->reconcile_canonical;
    // "store gpn consigned samples sold expected_on_hand reported flags"
    // (T01, P1): 40 consigned (its sample not counted); sold 2-1+2+1(late)+1 = 5 → 35.
    EXPECT_NE(out.find("T01 1011400101 40 1 5 35 null -\n"), std::string::npos) << out;
    // (T01, P12): 30 + 10 restocked; sold 3 + 1 (late) + 3 → 33; one line stated 380.
    EXPECT_NE(out.find("T01 1011400302 40 0 7 33 null price_mismatch\n"), std::string::npos)
        << out;
    // (T02, P13): 5 consigned, 2 sold and 2 returned → 5.
    EXPECT_NE(out.find("T02 1011400303 5 0 0 5 null -\n"), std::string::npos) << out;
    // (T03, P15): 10 consigned, 5 + 4 + 2 sold → -1, oversold.
    EXPECT_NE(out.find("T03 1011400305 10 0 11 -1 null oversold\n"), std::string::npos) << out;
    EXPECT_EQ(out.find("oversold"), out.rfind("oversold")) << "only one oversold row:\n" << out;
}

TEST_F(ThreePeriods, SettlementWorkbookCoverHoldsTheGrandTotalPayable) {
    ASSERT_EQ(world->report.status, 0) << world->report.err;
    const std::string& canonical = world->settle_canonical["2026H1"];
    auto at = canonical.find("total_payable ");
    ASSERT_NE(at, std::string::npos);
    std::string total = canonical.substr(at + 14, canonical.find('\n', at) - at - 14);
    EXPECT_EQ(total, "5559"); // Σ payable of 2026H1, the two negatives included
    EXPECT_NE(world->cover_probe.find("first_sheet 封面\n"), std::string::npos)
        << world->cover_probe;
    EXPECT_NE(world->cover_probe.find("payable int " + total + "\n"), std::string::npos)
        << world->cover_probe;
}

} // namespace
} // namespace govpub::test
