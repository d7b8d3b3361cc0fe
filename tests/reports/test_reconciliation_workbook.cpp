// The reconciliation workbook read back with openpyxl (SPEC §4.7, §5.4; 要點11(2), 11(5)).
#include "reports/reconciliation_workbook.hpp"
#include "tests/support/test_support.hpp"

#include <chrono>
#include <gtest/gtest.h>
#include <map>
#include <sstream>
#include <stdexcept>

namespace govpub::reports {
namespace {

using namespace std::chrono;
namespace fs = std::filesystem;


// For large files openpyxl is too slow: read the parts themselves.
const char* const PARTS = R"PY(
import re, sys, zipfile
sys.stdout.reconfigure(encoding="utf-8")
z = zipfile.ZipFile(sys.argv[1])
sheet = z.read("xl/worksheets/sheet2.xml").decode()
print("dimension=" + re.search(r'<dimension ref="([^"]+)"', sheet).group(1))
print("inline_strings=" + str("t=\"inlineStr\"" in sheet))
print("shared_strings=" + str("xl/sharedStrings.xml" in z.namelist()))
book = z.read("xl/workbook.xml").decode()
print("filter=" + re.search(r'_FilterDatabase" localSheetId="1"[^>]*>([^<]+)<', book).group(1))
)PY";

std::map<std::string, std::string> run_probe(const char* script, const fs::path& xlsx,
                                             const test::TempDir& dir) {
    return test::run_python_probe(script, xlsx, dir);
}

ReconciliationRow row(std::string store_code, std::string store_name, std::string gpn,
                      std::string title, std::int64_t consigned, std::int64_t sold,
                      std::optional<std::int64_t> reported, std::vector<std::string> flags) {
    ReconciliationRow r;
    r.store_code = std::move(store_code);
    r.store_name = std::move(store_name);
    r.agency_code = "A001";
    r.agency_name = "文化部";
    r.gpn = std::move(gpn);
    r.title = std::move(title);
    r.consigned = consigned;
    r.samples = 1;
    r.sold = sold;
    r.expected_on_hand = consigned - sold;
    r.reported = reported;
    r.flags = std::move(flags);
    return r;
}

ReconciliationReport sample_report() {
    ReconciliationReport report;
    report.as_of = 2026y / June / 30d;
    report.generated_at = "2026-07-01 02:00";
    report.rows = {
        row("S01", "國家書店", "1011500001", "=HYPERLINK(\"http://x\")", 10, 12, std::nullopt,
            {"oversold"}),
        row("S02", "五南文化廣場", "1011500001", "臺灣文學史", 10, 3, 6,
            {"count_mismatch", "price_mismatch"}),
        row("S02", "五南文化廣場", "1011500002", "出版品年鑑", 0, 2, std::nullopt,
            {"not_consigned", "oversold"}),
        row("S01", "國家書店", "1011500003", "政府出版品指南", 5, 1, 4, {}),
    };
    report.samples = {SampleRegisterRow{"S01", "國家書店", "A001", "文化部", "1011500001",
                                        "臺灣文學史", "L-2026-001", 2026y / January / 5d}};
    report.shipments = {ShipmentRow{"A001", "文化部", "S01", "國家書店", "L-2026-001",
                                    2026y / January / 5d, 11, "agency"},
                        ShipmentRow{"A001", "文化部", "S01", "國家書店", "L-2026-007",
                                    2026y / March / 2d, 5, "store"}};
    return report;
}

TEST(ReconciliationWorkbook, HasCoverStockCheckSampleRegisterAndShipments) {
    test::TempDir dir;
    write_reconciliation_workbook(sample_report(), dir / "recon.xlsx");
    const auto seen = run_probe(test::WORKBOOK_PROBE, dir / "recon.xlsx", dir);
    EXPECT_EQ(seen.at("sheets"), "封面|庫存核對|樣品登記簿|寄送運費");
    for (const std::string sheet : {"庫存核對", "樣品登記簿", "寄送運費"}) {
        EXPECT_EQ(seen.at(sheet + ".freeze"), "A2") << sheet;
        EXPECT_EQ(seen.at(sheet + ".orientation"), "landscape") << sheet;
        EXPECT_EQ(seen.at(sheet + ".paper"), "9") << sheet;
    }
    EXPECT_EQ(seen.at("庫存核對.autofilter"), "A1:O5");
    EXPECT_EQ(seen.at("樣品登記簿.autofilter"), "A1:H2");
    EXPECT_EQ(seen.at("寄送運費.autofilter"), "A1:H3");
    EXPECT_EQ(seen.at("charts"), "xl/charts/chart1.xml");
}

TEST(ReconciliationWorkbook, CoverCountsEachFlagAsNumbers) {
    test::TempDir dir;
    write_reconciliation_workbook(sample_report(), dir / "recon.xlsx");
    const auto seen = run_probe(test::WORKBOOK_PROBE, dir / "recon.xlsx", dir);
    EXPECT_EQ(seen.at("封面!B3"), "str|s|General|115年6月30日");
    EXPECT_EQ(seen.at("封面!C3"), "datetime|d|yyyy-mm-dd|2026-06-30 00:00:00");
    EXPECT_EQ(seen.at("封面!B4"), "str|s|General|2026-06-30");
    EXPECT_EQ(seen.at("封面!B5"), "str|s|General|2026-07-01 02:00");
    EXPECT_EQ(seen.at("封面!A7"), "str|s|General|項目");
    const std::map<std::string, std::string> counts = {
        {"超賣", "2"},     {"盤點不符", "1"}, {"定價不符", "1"}, {"未寄售", "1"},
        {"核對品項", "4"}, {"樣品登記", "1"}, {"寄送紀錄", "2"}};
    for (int r = 8; r <= 14; ++r) {
        const std::string label = seen.at("封面!A" + std::to_string(r));
        const std::string name = label.substr(label.rfind('|') + 1);
        ASSERT_TRUE(counts.count(name)) << label;
        EXPECT_EQ(seen.at("封面!B" + std::to_string(r)), "int|n|#,##0|" + counts.at(name)) << name;
    }
}

TEST(ReconciliationWorkbook, StockRowsAreInZhHantOrderWithChineseFlags) {
    test::TempDir dir;
    write_reconciliation_workbook(sample_report(), dir / "recon.xlsx");
    const auto seen = run_probe(test::WORKBOOK_PROBE, dir / "recon.xlsx", dir);
    const std::string s = "庫存核對!";
    // 五 (4 strokes) before 國 (11); within a store by GPN.
    EXPECT_EQ(seen.at(s + "B2"), "str|s|General|五南文化廣場");
    EXPECT_EQ(seen.at(s + "E2"), "str|s|General|1011500001");
    EXPECT_EQ(seen.at(s + "O2"), "str|s|General|盤點不符、定價不符");
    EXPECT_EQ(seen.at(s + "N2"), "int|n|#,##0|6");
    EXPECT_EQ(seen.at(s + "O3"), "str|s|General|未寄售、超賣");
    EXPECT_EQ(seen.count(s + "N3"), 0U); // no count reported: blank, not 0
    EXPECT_EQ(seen.at(s + "B4"), "str|s|General|國家書店");
    EXPECT_EQ(seen.at(s + "F4"), "str|s|General|=HYPERLINK(\"http://x\")"); // text, not formula
    EXPECT_EQ(seen.at(s + "M4"), "int|n|#,##0|-2");
    EXPECT_EQ(seen.at(s + "O4"), "str|s|General|超賣");
    EXPECT_EQ(seen.count(s + "O5"), 0U);
}

TEST(ReconciliationWorkbook, StockCheckEndsWithABoldTotalOfTheCountsOutsideTheFilter) {
    ReconciliationReport report = sample_report();
    report.rows[1].returned = 2; // so that no column adds up to 0 by default
    report.rows[1].expected_on_hand -= 2;
    report.rows[3].donated = 1;
    report.rows[3].destroyed = 1;
    report.rows[3].expected_on_hand -= 2;
    std::int64_t consigned = 0, samples = 0, sold = 0, returned = 0, donated = 0, destroyed = 0,
                 expected = 0;
    for (const auto& r : report.rows) {
        consigned += r.consigned;
        samples += r.samples;
        sold += r.sold;
        returned += r.returned;
        donated += r.donated;
        destroyed += r.destroyed;
        expected += r.expected_on_hand;
    }
    test::TempDir dir;
    write_reconciliation_workbook(report, dir / "recon.xlsx");
    const auto seen = run_probe(test::WORKBOOK_PROBE, dir / "recon.xlsx", dir);
    const std::string s = "庫存核對!";
    EXPECT_EQ(seen.at("庫存核對.autofilter"), "A1:O5"); // header and 4 rows: not the total
    EXPECT_EQ(seen.at(s + "A6"), "str|s|General|合計");
    EXPECT_EQ(seen.at(s + "A6.bold"), "True");
    const std::vector<std::pair<std::string, std::int64_t>> sums = {
        {"G", consigned}, {"H", samples},   {"I", sold},    {"J", returned},
        {"K", donated},   {"L", destroyed}, {"M", expected}};
    for (const auto& [col, value] : sums) {
        EXPECT_EQ(seen.at(s + col + "6"), "int|n|#,##0|" + std::to_string(value)) << col;
        EXPECT_EQ(seen.at(s + col + "6.bold"), "True") << col;
    }
    // Counts were reported for some items only: their sum beside the expected stock of all
    // would read as a shortfall, so 門市盤點 has no total; nor have the flags.
    EXPECT_EQ(seen.count(s + "N6"), 0U);
    EXPECT_EQ(seen.count(s + "O6"), 0U);
    EXPECT_EQ(seen.count(s + "A7"), 0U);
}

TEST(ReconciliationWorkbook, EveryPrintedPageNamesTheReportTheSheetAndTheDate) {
    test::TempDir dir;
    write_reconciliation_workbook(sample_report(), dir / "recon.xlsx");
    const auto seen = run_probe(test::WORKBOOK_PROBE, dir / "recon.xlsx", dir);
    for (const std::string sheet : {"封面", "庫存核對", "樣品登記簿", "寄送運費"}) {
        EXPECT_EQ(seen.at(sheet + ".header"),
                  "政府出版品寄售庫存核對報表|&A|核對基準日 115年6月30日")
            << sheet;
    }
}

TEST(ReconciliationWorkbook, RegistersShowDatesAndWhoPaysShipping) {
    test::TempDir dir;
    write_reconciliation_workbook(sample_report(), dir / "recon.xlsx");
    const auto seen = run_probe(test::WORKBOOK_PROBE, dir / "recon.xlsx", dir);
    EXPECT_EQ(seen.at("樣品登記簿!G2"), "str|s|General|L-2026-001");
    EXPECT_EQ(seen.at("樣品登記簿!H2"), "datetime|d|yyyy-mm-dd|2026-01-05 00:00:00");
    EXPECT_EQ(seen.at("寄送運費!H1"), "str|s|General|運費負擔");
    EXPECT_EQ(seen.at("寄送運費!H2"), "str|s|General|機關負擔"); // first shipment: 要點11(5)
    EXPECT_EQ(seen.at("寄送運費!H3"), "str|s|General|門市負擔");
    EXPECT_EQ(seen.at("寄送運費!G2"), "int|n|#,##0|11");
}

TEST(ReconciliationWorkbook, EmptyReportStillWritesAValidWorkbook) {
    ReconciliationReport report;
    report.as_of = 2026y / June / 30d;
    report.generated_at = "2026-07-01 02:00";
    test::TempDir dir;
    write_reconciliation_workbook(report, dir / "recon.xlsx");
    const auto seen = run_probe(test::WORKBOOK_PROBE, dir / "recon.xlsx", dir);
    EXPECT_EQ(seen.at("sheets"), "封面|庫存核對|樣品登記簿|寄送運費");
    EXPECT_EQ(seen.at("封面!B6"), "str|s|General|無庫存核對資料");
    EXPECT_EQ(seen.at("庫存核對.autofilter"), "A1:O1");
    EXPECT_EQ(seen.at("庫存核對!A2"), "str|s|General|合計");
    EXPECT_EQ(seen.at("庫存核對!G2"), "int|n|#,##0|0");
}

// SPEC §5.4: large reports are written in constant memory. libxlsxwriter then writes
// strings inline (no shared-string table held in memory).
TEST(ReconciliationWorkbook, WritesAHundredThousandRowsInConstantMemory) {
    ReconciliationReport report;
    report.as_of = 2026y / June / 30d;
    report.generated_at = "2026-07-01 02:00";
    const std::vector<std::string> stores = {"國家書店", "五南文化廣場", "三民書局"};
    for (int i = 0; i < 100'000; ++i) {
        report.rows.push_back(
            row("S0" + std::to_string(i % 3), stores[i % 3], std::to_string(1011500000 + i),
                "書名 " + std::to_string(i), 10, i % 12, std::nullopt,
                i % 12 > 10 ? std::vector<std::string>{"oversold"} : std::vector<std::string>{}));
    }
    test::TempDir dir;
    write_reconciliation_workbook(report, dir / "big.xlsx");
    const auto seen = run_probe(PARTS, dir / "big.xlsx", dir);
    EXPECT_EQ(seen.at("dimension"), "A1:O100002"); // the 合計 is written last, after the rows
    EXPECT_EQ(seen.at("filter"), "'庫存核對'!$A$1:$O$100001");
    EXPECT_EQ(seen.at("inline_strings"), "True");
    EXPECT_EQ(seen.at("shared_strings"), "False");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 2)
        << "only big.xlsx and probe.py";
}

TEST(ReconciliationWorkbook, MissingFolderThrowsAndWritesNothing) {
    test::TempDir dir;
    const fs::path out = dir / "missing" / "recon.xlsx";
    EXPECT_THROW(write_reconciliation_workbook(sample_report(), out), std::runtime_error);
    EXPECT_FALSE(fs::exists(out));
    EXPECT_FALSE(fs::exists(dir / "missing"));
}

} // namespace
} // namespace govpub::reports
