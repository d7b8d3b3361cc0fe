// The settlement workbook as an official opens it, read back with openpyxl (SPEC §4.6, §5.4).
#include "reports/settlement_workbook.hpp"
#include "reports/workbook.hpp"
#include "tests/support/test_support.hpp"

#include <gtest/gtest.h>
#include <map>
#include <sstream>
#include <stdexcept>

namespace govpub::reports {
namespace {

using namespace std::chrono;
namespace fs = std::filesystem;


std::map<std::string, std::string> probe(const fs::path& xlsx, const test::TempDir& dir) {
    return test::run_python_probe(test::WORKBOOK_PROBE, xlsx, dir);
}

// The probe's cell on `sheet` whose column-A label is `label`, as found in column B.
std::string value_beside(const std::map<std::string, std::string>& seen, const std::string& sheet,
                         const std::string& label) {
    for (const auto& [key, value] : seen) {
        if (key.rfind(sheet + "!A", 0) == 0 && value == "str|s|General|" + label) {
            const std::string row = key.substr(sheet.size() + 2);
            const auto found = seen.find(sheet + "!B" + row);
            return found == seen.end() ? "" : found->second;
        }
    }
    return "(no label " + label + ")";
}

SettlementLineRow line(std::string gpn, std::string title, domain::Ntd price,
                       domain::BasisPoints rate, std::int64_t quantity, domain::Ntd payable,
                       bool late = false) {
    return SettlementLineRow{std::move(gpn), std::move(title), price,   rate,
                             quantity,       price * quantity, payable, late};
}

SettlementStatementRow statement(std::string store_code, std::string store_name,
                                 std::string agency_code, std::string agency_name,
                                 std::vector<SettlementLineRow> lines, domain::Ntd carried_in) {
    SettlementStatementRow s;
    s.store_code = std::move(store_code);
    s.store_name = std::move(store_name);
    s.agency_code = std::move(agency_code);
    s.agency_name = std::move(agency_name);
    for (const auto& l : lines) {
        s.list_value += l.list_value;
        s.payable += l.payable;
    }
    s.commission = s.list_value - s.payable;
    s.carried_in = carried_in;
    s.amount_due = std::max<domain::Ntd>(0, s.payable + carried_in);
    s.carried_out = std::min<domain::Ntd>(0, s.payable + carried_in);
    s.due_date = 2026y / July / 10d;
    s.lines = std::move(lines);
    return s;
}

//! The money columns of `report`'s statements added up, of one store's or of all ("").
struct Sums {
    domain::Ntd list_value = 0;
    domain::Ntd payable = 0;
    domain::Ntd commission = 0;
    domain::Ntd carried_in = 0;
    domain::Ntd amount_due = 0;
    domain::Ntd carried_out = 0;
};

Sums sums(const SettlementReport& report, const std::string& store_code) {
    Sums t;
    for (const auto& s : report.statements) {
        if (store_code.empty() || s.store_code == store_code) {
            t.list_value += s.list_value;
            t.payable += s.payable;
            t.commission += s.commission;
            t.carried_in += s.carried_in;
            t.amount_due += s.amount_due;
            t.carried_out += s.carried_out;
        }
    }
    return t;
}

// The last row of an autofilter range such as "A1:M4".
int filter_last_row(const std::string& ref) {
    return std::stoi(ref.substr(ref.find_first_of("0123456789", ref.find(':'))));
}

const std::string MONEY = "int|n|\"NT$\"#,##0|";

SettlementReport sample_report() {
    SettlementReport report{"2026H1",
                            2025y / December / 1d,
                            2026y / May / 31d,
                            2026y / June / 10d,
                            "closed",
                            "2026-06-10 09:30",
                            {}};
    report.statements = {
        statement("S01", "國家書店", "A001", "文化部",
                  {line("1011500001", "=SUM(A1)", 300, 6000, 10, 1800),
                   line("1011500002", "臺灣文學史", 450, 6000, 3, 810, true)},
                  0),
        statement("S02", "五南文化廣場", "A001", "文化部",
                  {line("1011500001", "=SUM(A1)", 300, 6000, -2, -360)}, 0),
        statement("S02", "五南文化廣場", "A002", "國家圖書館",
                  {line("1011500003", "出版品年鑑", 199, 6500, 7, 906)}, -100),
        statement("S03", "三民書局: 復興/重南門市", "A002", "國家圖書館",
                  {line("1011500004", "政府出版品指南", 1000, 6000, 1, 600)}, 0),
    };
    return report;
}

TEST(SettlementWorkbook, HasCoverSummariesAndOneSheetPerStoreInZhHantOrder) {
    test::TempDir dir;
    write_settlement_workbook(sample_report(), dir / "settle.xlsx");
    const auto seen = probe(dir / "settle.xlsx", dir);
    // 三 (3 strokes) < 五 (4) < 國 (11); the store name lost ":" and "/" to be a sheet name.
    EXPECT_EQ(seen.at("sheets"),
              "封面|機關彙總|門市彙總|三民書局 復興重南門市|五南文化廣場|國家書店");
    EXPECT_EQ(seen.at("門市彙總!B2"), "str|s|General|三民書局: 復興/重南門市");
    EXPECT_EQ(seen.at("門市彙總!B3"), "str|s|General|五南文化廣場");
    EXPECT_EQ(seen.at("門市彙總!B4"), "str|s|General|國家書店");
    EXPECT_EQ(seen.at("機關彙總!B2"), "str|s|General|文化部"); // 文 (4) < 國 (11)
    EXPECT_EQ(seen.at("機關彙總!D2"), "int|n|\"NT$\"#,##0|2250"); // 2610 at 國家書店, -360 at 五南
}

TEST(SettlementWorkbook, CoverTotalsAreNumbersEqualToTheStatementsSums) {
    const SettlementReport report = sample_report();
    domain::Ntd list_value = 0, payable = 0, commission = 0, amount_due = 0, carried_out = 0;
    for (const auto& s : report.statements) {
        list_value += s.list_value;
        payable += s.payable;
        commission += s.commission;
        amount_due += s.amount_due;
        carried_out += s.carried_out;
    }
    test::TempDir dir;
    write_settlement_workbook(report, dir / "settle.xlsx");
    const auto seen = probe(dir / "settle.xlsx", dir);
    const std::string money = "int|n|\"NT$\"#,##0|";
    EXPECT_EQ(value_beside(seen, "封面", "定價總額"), money + std::to_string(list_value));
    EXPECT_EQ(value_beside(seen, "封面", "機關應得"), money + std::to_string(payable));
    EXPECT_EQ(value_beside(seen, "封面", "代售酬金"), money + std::to_string(commission));
    EXPECT_EQ(value_beside(seen, "封面", "本期實付"), money + std::to_string(amount_due));
    EXPECT_EQ(value_beside(seen, "封面", "結轉下期"), money + std::to_string(carried_out));
    EXPECT_EQ(value_beside(seen, "封面", "上期結轉"), money + "-100");
    EXPECT_EQ(value_beside(seen, "封面", "結帳單數"), "int|n|#,##0|4");
    EXPECT_EQ(value_beside(seen, "封面", "結帳期別"),
              "str|s|General|115年上半年 (114年12月1日至115年5月31日)");
    EXPECT_EQ(value_beside(seen, "封面", "期別代碼"),
              "str|s|General|2026H1: 2025-12-01 – 2026-05-31");
    EXPECT_EQ(value_beside(seen, "封面", "結帳日"), "str|s|General|115年6月10日");
    EXPECT_EQ(value_beside(seen, "封面", "狀態"), "str|s|General|已結帳");
    EXPECT_EQ(value_beside(seen, "封面", "產製時間"), "str|s|General|2026-06-10 09:30");
    // Payable by store and payable by agency.
    EXPECT_EQ(seen.at("charts"), "xl/charts/chart1.xml|xl/charts/chart2.xml");
}

TEST(SettlementWorkbook, StoreSheetShowsLinesThenSubtotalAsTextNumbersAndDates) {
    test::TempDir dir;
    write_settlement_workbook(sample_report(), dir / "settle.xlsx");
    const auto seen = probe(dir / "settle.xlsx", dir);
    const std::string sheet = "國家書店";
    EXPECT_EQ(seen.at(sheet + ".freeze"), "A2");
    EXPECT_EQ(seen.at(sheet + ".autofilter"), "A1:M4"); // header, 2 lines, 1 subtotal
    EXPECT_EQ(seen.at(sheet + ".orientation"), "landscape");
    EXPECT_EQ(seen.at(sheet + ".paper"), "9");
    EXPECT_EQ(seen.at(sheet + ".fit"), "True/None/0"); // one page wide (1 is the default)
    EXPECT_EQ(seen.at(sheet + ".titles"), "$1:$1");
    EXPECT_EQ(seen.at(sheet + "!A1"), "str|s|General|出版機關");
    EXPECT_EQ(seen.at(sheet + "!B2"), "str|s|General|1011500001"); // GPN stays text
    // Text from an uploaded file is never a formula, even when it looks like one.
    EXPECT_EQ(seen.at(sheet + "!C2"), "str|s|General|=SUM(A1)");
    EXPECT_EQ(seen.at(sheet + "!D2"), "int|n|\"NT$\"#,##0|300");
    EXPECT_EQ(seen.at(sheet + "!E2"), "float|n|0.00%|0.6");
    EXPECT_EQ(seen.at(sheet + "!F2"), "int|n|#,##0|10");
    EXPECT_EQ(seen.at(sheet + "!H2"), "int|n|\"NT$\"#,##0|1800");
    EXPECT_EQ(seen.count(sheet + "!I2"), 0U);
    EXPECT_EQ(seen.at(sheet + "!I3"), "str|s|General|遲報");
    EXPECT_EQ(seen.at(sheet + "!C4"), "str|s|General|小計");
    EXPECT_EQ(seen.at(sheet + "!H4"), "int|n|\"NT$\"#,##0|2610");
    EXPECT_EQ(seen.at(sheet + "!K4"), "int|n|\"NT$\"#,##0|2610");
    EXPECT_EQ(seen.at(sheet + "!M4"), "datetime|d|yyyy-mm-dd|2026-07-10 00:00:00");
    EXPECT_EQ(seen.at("封面.orientation"), "landscape");
    EXPECT_EQ(seen.at("封面.paper"), "9");
    EXPECT_EQ(seen.at("機關彙總.freeze"), "A2");
    EXPECT_EQ(seen.at("機關彙總.autofilter"), "A1:H3");
    EXPECT_EQ(seen.at("門市彙總.autofilter"), "A1:H4");
}

TEST(SettlementWorkbook, CarriedBalancesShowOnTheSubtotal) {
    test::TempDir dir;
    write_settlement_workbook(sample_report(), dir / "settle.xlsx");
    const auto seen = probe(dir / "settle.xlsx", dir);
    // 五南: 國家圖書館 (carried in -100) after 文化部 (carried out -360).
    EXPECT_EQ(seen.at("五南文化廣場!A3"), "str|s|General|文化部");
    EXPECT_EQ(seen.at("五南文化廣場!K3"), "int|n|\"NT$\"#,##0|0");
    EXPECT_EQ(seen.at("五南文化廣場!L3"), "int|n|\"NT$\"#,##0|-360");
    EXPECT_EQ(seen.at("五南文化廣場!J5"), "int|n|\"NT$\"#,##0|-100");
    EXPECT_EQ(seen.at("五南文化廣場!K5"), "int|n|\"NT$\"#,##0|806");
}

TEST(SettlementWorkbook, SummariesEndWithABoldTotalOfAllStatementsOutsideTheFilter) {
    const SettlementReport report = sample_report();
    const Sums all = sums(report, "");
    test::TempDir dir;
    write_settlement_workbook(report, dir / "settle.xlsx");
    const auto seen = probe(dir / "settle.xlsx", dir);
    // 2 agencies and 3 stores: the header, a row each, then 合計 right under the filter, so
    // that sorting or filtering the table never moves or hides it.
    for (const auto& [sheet, total_row] :
         {std::pair<std::string, int>{"機關彙總", 4}, std::pair<std::string, int>{"門市彙總", 5}}) {
        const std::string r = std::to_string(total_row);
        EXPECT_EQ(filter_last_row(seen.at(sheet + ".autofilter")), total_row - 1) << sheet;
        EXPECT_EQ(seen.at(sheet + "!A" + r), "str|s|General|合計") << sheet;
        EXPECT_EQ(seen.at(sheet + "!A" + r + ".bold"), "True") << sheet;
        EXPECT_EQ(seen.count(sheet + "!B" + r), 0U) << sheet;
        const std::vector<std::pair<std::string, domain::Ntd>> expected = {
            {"C", all.list_value}, {"D", all.payable},    {"E", all.commission},
            {"F", all.carried_in}, {"G", all.amount_due}, {"H", all.carried_out}};
        for (const auto& [col, value] : expected) {
            EXPECT_EQ(seen.at(sheet + "!" + col + r), MONEY + std::to_string(value))
                << sheet << col;
            EXPECT_EQ(seen.at(sheet + "!" + col + r + ".bold"), "True") << sheet << col;
        }
    }
    EXPECT_EQ(seen.count("機關彙總!A2.bold"), 0U); // the rows above are plain
    EXPECT_EQ(seen.count("機關彙總!C2.bold"), 0U);
    // The charts plot the parties only, not their total.
    EXPECT_EQ(seen.at("charts"), "xl/charts/chart1.xml|xl/charts/chart2.xml");
}

// SPEC §4.6 (附件一 note 3): nothing is paid back by an agency; the note says so under the
// table, after an empty row, across all its columns.
TEST(SettlementWorkbook, SummariesExplainHowTheAmountPaidIsReached) {
    test::TempDir dir;
    write_settlement_workbook(sample_report(), dir / "settle.xlsx");
    const auto seen = probe(dir / "settle.xlsx", dir);
    const std::string note = "str|s|General|註：本期實付 = 機關應得 + 上期結轉；其和為負數時，"
                             "本期實付為 0，負數全數列入結轉下期扣抵，機關無須退還。";
    EXPECT_EQ(seen.count("機關彙總!A5"), 0U);
    EXPECT_EQ(seen.at("機關彙總!A6"), note);
    EXPECT_EQ(seen.at("機關彙總.merged"), "A6:H6");
    EXPECT_EQ(seen.count("門市彙總!A6"), 0U);
    EXPECT_EQ(seen.at("門市彙總!A7"), note);
    EXPECT_EQ(seen.at("門市彙總.merged"), "A7:H7");
    EXPECT_EQ(seen.at("國家書店.merged"), ""); // the store sheets show the 小計 instead
}

TEST(SettlementWorkbook, EachStoreSheetEndsWithABoldTotalOfItsStatements) {
    const SettlementReport report = sample_report();
    test::TempDir dir;
    write_settlement_workbook(report, dir / "settle.xlsx");
    const auto seen = probe(dir / "settle.xlsx", dir);
    for (const auto& [sheet, code] : {std::pair<std::string, std::string>{"國家書店", "S01"},
                                      {"五南文化廣場", "S02"},
                                      {"三民書局 復興重南門市", "S03"}}) {
        const Sums t = sums(report, code);
        const int last = filter_last_row(seen.at(sheet + ".autofilter"));
        EXPECT_EQ(seen.at(sheet + "!C" + std::to_string(last)), "str|s|General|小計") << sheet;
        const std::string r = std::to_string(last + 1);
        EXPECT_EQ(seen.at(sheet + "!C" + r), "str|s|General|合計") << sheet;
        EXPECT_EQ(seen.at(sheet + "!C" + r + ".bold"), "True") << sheet;
        const std::vector<std::pair<std::string, domain::Ntd>> expected = {{"G", t.list_value},
                                                                           {"H", t.payable},
                                                                           {"J", t.carried_in},
                                                                           {"K", t.amount_due},
                                                                           {"L", t.carried_out}};
        for (const auto& [col, value] : expected) {
            EXPECT_EQ(seen.at(sheet + "!" + col + r), MONEY + std::to_string(value))
                << sheet << col;
            EXPECT_EQ(seen.at(sheet + "!" + col + r + ".bold"), "True") << sheet << col;
        }
        for (const std::string col : {"A", "B", "D", "E", "F", "I", "M"}) {
            EXPECT_EQ(seen.count(sheet + "!" + col + r), 0U) << sheet << col;
        }
        EXPECT_EQ(seen.count(sheet + "!C" + std::to_string(last + 2)), 0U) << sheet;
    }
    // Two statements at 五南: the total is of both 小計, -360 carried out and 806 paid.
    EXPECT_EQ(seen.at("五南文化廣場!C6"), "str|s|General|合計");
    EXPECT_EQ(seen.at("五南文化廣場!K6"), MONEY + "806");
    EXPECT_EQ(seen.at("五南文化廣場!L6"), MONEY + "-360");
}

TEST(SettlementWorkbook, EveryPrintedPageNamesTheReportTheSheetAndThePeriod) {
    SettlementReport report = sample_report();
    test::TempDir dir;
    write_settlement_workbook(report, dir / "settle.xlsx");
    auto seen = probe(dir / "settle.xlsx", dir);
    std::istringstream sheets(seen.at("sheets"));
    int count = 0;
    for (std::string sheet; std::getline(sheets, sheet, '|'); ++count) {
        // &A is the sheet's name, filled in when printing.
        EXPECT_EQ(seen.at(sheet + ".header"), "政府出版品展售門市結帳報表|&A|115年上半年") << sheet;
    }
    EXPECT_EQ(count, 6);
    // A dry run says so on every page, so its printout is not taken for the settlement.
    report.status = "dry_run";
    write_settlement_workbook(report, dir / "dry.xlsx");
    seen = probe(dir / "dry.xlsx", dir);
    EXPECT_EQ(seen.at("機關彙總.header"), "政府出版品展售門市結帳報表|&A|115年上半年（試算）");
}

TEST(SettlementWorkbook, EmptyReportStillWritesAValidWorkbook) {
    SettlementReport report = sample_report();
    report.statements.clear();
    report.status = "dry_run";
    test::TempDir dir;
    write_settlement_workbook(report, dir / "empty.xlsx");
    const auto seen = probe(dir / "empty.xlsx", dir);
    EXPECT_EQ(seen.at("sheets"), "封面|機關彙總|門市彙總");
    EXPECT_EQ(value_beside(seen, "封面", "說明"), "str|s|General|本期無結帳資料");
    EXPECT_EQ(value_beside(seen, "封面", "狀態"), "str|s|General|試算");
    EXPECT_EQ(value_beside(seen, "封面", "定價總額"), "int|n|\"NT$\"#,##0|0");
    EXPECT_EQ(seen.at("門市彙總.autofilter"), "A1:H1");
    EXPECT_EQ(seen.at("門市彙總!A2"), "str|s|General|合計");
    EXPECT_EQ(seen.at("門市彙總!C2"), MONEY + "0");
    EXPECT_EQ(seen.at("charts"), "");
}

// Control characters or broken UTF-8 in an uploaded title would make Excel offer to repair
// the file; they are dropped or replaced so the report still opens cleanly.
TEST(SettlementWorkbook, TextThatXmlCannotCarryIsCleaned) {
    SettlementReport report = sample_report();
    report.statements[0].lines[0].title = "年鑑\x01\x1f\xff版";
    test::TempDir dir;
    write_settlement_workbook(report, dir / "settle.xlsx");
    const auto seen = probe(dir / "settle.xlsx", dir);
    EXPECT_EQ(seen.at("國家書店!C2"), "str|s|General|年鑑\uFFFD版");
}

TEST(SettlementWorkbook, LeavesNoTemporaryFileBehind) {
    test::TempDir dir;
    write_settlement_workbook(sample_report(), dir / "settle.xlsx");
    EXPECT_TRUE(fs::exists(dir / "settle.xlsx"));
    EXPECT_FALSE(fs::exists(dir / "settle.xlsx.tmp"));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(SettlementWorkbook, MissingFolderThrowsAndWritesNothing) {
    test::TempDir dir;
    const fs::path out = dir / "no-such-folder" / "settle.xlsx";
    EXPECT_THROW(write_settlement_workbook(sample_report(), out), std::runtime_error);
    EXPECT_FALSE(fs::exists(out));
    EXPECT_FALSE(fs::exists(dir / "no-such-folder"));
}

TEST(SettlementWorkbook, FailureHalfwayLeavesNoFileAndNamesIt) {
    SettlementReport report = sample_report();
    report.statements[1].lines[0].title = std::string(40'000, 'x'); // over Excel's 32 767
    test::TempDir dir;
    const fs::path out = dir / "settle.xlsx";
    try {
        write_settlement_workbook(report, out);
        FAIL() << "an over-long cell should fail the report";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find(out.string()), std::string::npos) << error.what();
        EXPECT_NE(std::string(error.what()).find("32,767"), std::string::npos) << error.what();
    }
    EXPECT_FALSE(fs::exists(out));
    EXPECT_FALSE(fs::exists(dir / "settle.xlsx.tmp"));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 0);
}

TEST(Workbook, SheetNamesAreMadeSafeShortAndUnique) {
    EXPECT_EQ(safe_sheet_name("國家書店", {}), "國家書店");
    EXPECT_EQ(safe_sheet_name("a[b]:c*d?e/f\\g", {}), "abcdefg");
    EXPECT_EQ(safe_sheet_name("'quoted'", {}), "quoted");
    EXPECT_EQ(safe_sheet_name(":/", {}), "工作表");
    EXPECT_EQ(safe_sheet_name("History", {}), "History (2)");
    EXPECT_EQ(safe_sheet_name("Store", {"store"}), "Store (2)");
    EXPECT_EQ(safe_sheet_name("Store", {"Store", "Store (2)"}), "Store (3)");
    // 40 CJK characters: cut to 31, and to 27 + " (2)" on a clash, never inside a character.
    std::string long_name;
    for (int i = 0; i < 40; ++i) {
        long_name += "書";
    }
    const std::string cut = safe_sheet_name(long_name, {});
    EXPECT_EQ(cut.size(), 31U * 3);
    const std::string second = safe_sheet_name(long_name, {cut});
    EXPECT_EQ(second.size(), 27U * 3 + 4);
    EXPECT_EQ(second.substr(second.size() - 4), " (2)");
}

TEST(Workbook, AbandonedWorkbookLeavesNoFileAndNoOpenDescriptor) {
    const auto open_descriptors = [] {
        return std::distance(fs::directory_iterator("/proc/self/fd"), fs::directory_iterator());
    };
    test::TempDir dir;
    const auto before = open_descriptors();
    {
        Workbook book(dir / "abandoned.xlsx");
        Sheet& sheet = book.add_sheet("資料");
        sheet.write_row(Row{{text_cell("a")}});
        sheet.write_row(Row{{text_cell("b")}}); // the first row is now in the spill file
    }
    EXPECT_EQ(open_descriptors(), before);
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(Workbook, InvalidDateFailsTheReportNamingTheCell) {
    test::TempDir dir;
    Workbook book(dir / "bad.xlsx");
    Sheet& sheet = book.add_sheet("資料");
    try {
        sheet.write_row(Row{{text_cell("a"), date_cell(std::chrono::year_month_day{})}});
        FAIL() << "a date that does not exist should fail the report";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("row 1, column 2"), std::string::npos)
            << error.what();
    }
}

// In a page header a single '&' starts a control code ("&P" is the page number).
TEST(Workbook, HeaderFooterTextDoublesAmpersands) {
    EXPECT_EQ(header_footer_literal("R&D 出版&P"), "R&&D 出版&&P");
    EXPECT_EQ(header_footer_literal("年鑑\x01版"), "年鑑版");
    EXPECT_EQ(header_footer_literal(""), "");
}

TEST(Workbook, PageHeaderGoesOnSheetsAddedBeforeAndAfter) {
    test::TempDir dir;
    {
        Workbook book(dir / "header.xlsx");
        book.add_sheet("前").write_row(Row{{text_cell("a")}});
        book.set_page_header("R&D 報表", "115年");
        book.add_sheet("後").write_row(Row{{text_cell("b")}});
        book.close();
    }
    const auto seen = probe(dir / "header.xlsx", dir);
    EXPECT_EQ(seen.at("前.header"), "R&&D 報表|&A|115年"); // "&&" prints as one '&'
    EXPECT_EQ(seen.at("後.header"), "R&&D 報表|&A|115年");
}

TEST(Workbook, DisplayWidthCountsCjkAsTwo) {
    EXPECT_EQ(display_width("GPN"), 3U);
    EXPECT_EQ(display_width("國家書店"), 8U);
    EXPECT_EQ(display_width("出版機關／單位："), 16U);
    EXPECT_EQ(display_width(ntd_cell(1234567)), 12U); // NT$1,234,567
}

} // namespace
} // namespace govpub::reports
