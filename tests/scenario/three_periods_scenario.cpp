// The three-period scenario's tables and date helpers (see three_periods_scenario.hpp).
#include "tests/scenario/three_periods_scenario.hpp"

#include "tests/support/test_support.hpp"

#include <chrono>
#include <cstdio>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace govpub::test::three_periods {

using namespace std::chrono;

// ---------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------

namespace {

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

} // namespace

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

const std::map<std::string, Publication>& pubs() {
    // clang-format off
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
    // clang-format on
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

const std::vector<ConsList>& first_consignments() {
    // clang-format off
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
    // clang-format on
    return all;
}

// After the price change: the list must state the new price 420 (SPEC §4.3).
const ConsList& restock() {
    // clang-format off
    static const ConsList list{"cons_M03_T01_restock.csv", ConsFormat::csv_en_iso, "M03-T01-2",
                               "M03", "T01", "2026-07-01", {{"P12", 10}}};
    // clang-format on
    return list;
}

Scenario make_scenario() {
    Scenario s;
    auto add = [&](SalesFile f) { s.files.emplace(f.name, std::move(f)); };
    // clang-format off
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
    // clang-format on
    return s;
}

} // namespace govpub::test::three_periods
