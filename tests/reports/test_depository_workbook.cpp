// The depository workbook read back with openpyxl (SPEC §4.9, §5.4; 要點6(2), 6(4), 7).
#include "reports/depository_workbook.hpp"
#include "tests/support/test_support.hpp"

#include <chrono>
#include <gtest/gtest.h>
#include <map>

namespace govpub::reports {
namespace {

using namespace std::chrono;

// The chart's series: which sheet and cells it draws.
const char* const CHART = R"PY(
import re, sys, zipfile
sys.stdout.reconfigure(encoding="utf-8")
chart = zipfile.ZipFile(sys.argv[1]).read("xl/charts/chart1.xml").decode()
refs = re.findall(r"<c:f>([^<]+)</c:f>", chart)
print("categories=" + refs[0])
print("values=" + refs[1])
print("title=" + "".join(re.findall(r"<a:t>([^<]+)</a:t>", chart)))
)PY";

DepositoryReport sample_report() {
    DepositoryReport r;
    r.as_of = 2026y / September / 30d;
    r.generated_at = "2026-10-01 04:00";
    // received, check-ins judged / on time, services judged / on time, overdue, open claims
    r.libraries = {
        {"D02", "臺北市立圖書館", "depository", 3, 3, 2, 2, 2, 1, 0},
        {"NCL", "國家圖書館", "ncl", 4, 4, 4, 3, 3, 0, 1},
        {"D01", "國立臺灣圖書館", "depository", 0, 0, 0, 0, 0, 0, 0},
        {"LY", "立法院國會圖書館", "ly", 2, 2, 1, 1, 0, 1, 2},
    };
    r.agencies = {{"A002", "國家發展委員會", 1, 0, 1, 0}, {"A001", "文化部", 2, 1, 0, 1}};
    r.overdue = {{"LY", "立法院國會圖書館", "1011500001", "=SUM(A1:A9)", "service",
                  2026y / June / 1d, 2026y / August / 10d, 51},
                 {"D02", "臺北市立圖書館", "1011500002", "新書乙", "check_in", 2026y / July / 20d,
                  2026y / August / 20d, 41}};
    r.claims = {{"LY", "立法院國會圖書館", "A002", "國家發展委員會", "1011500002", "新書乙", 1,
                 "2026Q3", 2026y / July / 1d, 2026y / August / 3d, false, 58},
                {"NCL", "國家圖書館", "A001", "文化部", "1011500001", "新書甲", 1, "2026Q3",
                 2026y / July / 1d, 2026y / August / 3d, false, 58},
                {"LY", "立法院國會圖書館", "A001", "文化部", "1011400003", "舊書丙", 1, "2026Q3",
                 2026y / September / 28d, 2026y / October / 28d, true, 0}};
    return r;
}

class DepositoryWorkbook : public ::testing::Test {
  protected:
    void SetUp() override {
        write_depository_workbook(sample_report(), dir_ / "depository.xlsx");
        seen_ = test::run_python_probe(test::WORKBOOK_PROBE, dir_ / "depository.xlsx", dir_);
    }
    const std::string& at(const std::string& key) {
        static const std::string none = "<none>";
        auto it = seen_.find(key);
        return it == seen_.end() ? none : it->second;
    }
    test::TempDir dir_;
    std::map<std::string, std::string> seen_;
};

TEST_F(DepositoryWorkbook, HasACoverAndOneFilteredFrozenSheetPerUnit) {
    EXPECT_EQ(at("sheets"), "封面|各館收受情形|各機關索取|逾期未辦|未結索取");
    for (const std::string sheet : {"各館收受情形", "各機關索取", "逾期未辦", "未結索取"}) {
        EXPECT_EQ(at(sheet + ".freeze"), "A2") << sheet;
        EXPECT_EQ(at(sheet + ".orientation"), "landscape") << sheet;
        EXPECT_EQ(at(sheet + ".paper"), "9") << sheet;
        EXPECT_EQ(at(sheet + ".header"),
                  "政府出版品寄存圖書館收受及索取報表|&A|基準日 115年9月30日")
            << sheet;
    }
    EXPECT_EQ(at("各館收受情形.autofilter"), "A1:K5");
    EXPECT_EQ(at("各機關索取.autofilter"), "A1:F3");
    EXPECT_EQ(at("逾期未辦.autofilter"), "A1:H3");
    EXPECT_EQ(at("未結索取.autofilter"), "A1:L4");
}

TEST_F(DepositoryWorkbook, CoverGivesTheDayInRocAndIsoAndTheTotals) {
    EXPECT_EQ(at("封面!A1"), "str|s|General|政府出版品寄存圖書館收受及索取報表");
    EXPECT_EQ(at("封面!B3"), "str|s|General|115年9月30日");
    EXPECT_EQ(at("封面!C3"), "datetime|d|yyyy-mm-dd|2026-09-30 00:00:00");
    EXPECT_EQ(at("封面!B4"), "str|s|General|2026-09-30");
    EXPECT_EQ(at("封面!B5"), "str|s|General|2026-10-01 04:00");
    const std::map<std::string, std::string> totals = {{"圖書館", "4"},
                                                       {"收到件數", "9"},
                                                       {"準時點收", "7"},
                                                       {"準時提供服務", "5"},
                                                       {"逾期未點收或未提供服務", "2"},
                                                       {"未結索取", "3"},
                                                       {"其中得不予提供（逾出版日期一年）", "1"},
                                                       {"其中逾期未分送", "1"},
                                                       {"已補送索取", "1"}};
    for (int row = 8; row <= 16; ++row) {
        const std::string label = at("封面!A" + std::to_string(row));
        const std::string name = label.substr(label.rfind('|') + 1);
        ASSERT_TRUE(totals.count(name)) << label;
        EXPECT_EQ(at("封面!B" + std::to_string(row)), "int|n|#,##0|" + totals.at(name)) << name;
    }
    // (7 + 5) / (9 + 6) on-time check-ins and services.
    EXPECT_EQ(at("封面!A17"), "str|s|General|整體準時率");
    EXPECT_EQ(at("封面!B17"), "float|n|0.00%|0.8");
}

TEST_F(DepositoryWorkbook, ChartsEachLibrarysOnTimeRateFromTheLibrarySheet) {
    EXPECT_EQ(at("charts"), "xl/charts/chart1.xml");
    const auto chart = test::run_python_probe(CHART, dir_ / "depository.xlsx", dir_);
    EXPECT_EQ(chart.at("categories"), "'各館收受情形'!$B$2:$B$5");
    EXPECT_EQ(chart.at("values"), "'各館收受情形'!$K$2:$K$5");
    EXPECT_EQ(chart.at("title"), "各館準時率（點收及提供服務）");
}

TEST_F(DepositoryWorkbook, LibrariesListTheNationalOnesFirstThenByStrokeOrder) {
    const std::string s = "各館收受情形!";
    // 要點7 names the NCL and the LY; then 國 (11 strokes) before 臺 (14).
    EXPECT_EQ(at(s + "B2"), "str|s|General|國家圖書館");
    EXPECT_EQ(at(s + "C2"), "str|s|General|國家圖書館");
    EXPECT_EQ(at(s + "B3"), "str|s|General|立法院國會圖書館");
    EXPECT_EQ(at(s + "B4"), "str|s|General|國立臺灣圖書館");
    EXPECT_EQ(at(s + "C4"), "str|s|General|寄存圖書館");
    EXPECT_EQ(at(s + "B5"), "str|s|General|臺北市立圖書館");
    EXPECT_EQ(at(s + "D2"), "int|n|#,##0|4");
    EXPECT_EQ(at(s + "J3"), "int|n|#,##0|2");
    // LY: 1 of 2 check-ins and 0 of 1 service on time = 1/3, to a basis point.
    EXPECT_EQ(at(s + "K3"), "float|n|0.00%|0.3333");
    EXPECT_EQ(at(s + "K4"), "<none>") << "nothing judged yet: no rate, not 0 %";
    EXPECT_EQ(at(s + "A6"), "str|s|General|合計");
    EXPECT_EQ(at(s + "A6.bold"), "True");
    EXPECT_EQ(at(s + "D6"), "int|n|#,##0|9");
    EXPECT_EQ(at(s + "I6"), "int|n|#,##0|2");
}

TEST_F(DepositoryWorkbook, AgenciesCountOpenOptionalOverdueAndMetClaims) {
    const std::string s = "各機關索取!";
    EXPECT_EQ(at(s + "B2"), "str|s|General|文化部"); // 文 (4 strokes) before 國 (11)
    EXPECT_EQ(at(s + "C2"), "int|n|#,##0|2");
    EXPECT_EQ(at(s + "D2"), "int|n|#,##0|1"); // 要點6(4) 後段: may decline
    EXPECT_EQ(at(s + "F2"), "int|n|#,##0|1");
    EXPECT_EQ(at(s + "B3"), "str|s|General|國家發展委員會");
    EXPECT_EQ(at(s + "E3"), "int|n|#,##0|1");
    EXPECT_EQ(at(s + "A4"), "str|s|General|合計");
    EXPECT_EQ(at(s + "C4"), "int|n|#,##0|3");
}

TEST_F(DepositoryWorkbook, OverdueItemsShowDatesDaysLateAndTitlesAsText) {
    const std::string s = "逾期未辦!";
    EXPECT_EQ(at(s + "B2"), "str|s|General|立法院國會圖書館"); // 立 (5) before 臺 (14)
    EXPECT_EQ(at(s + "D2"), "str|s|General|=SUM(A1:A9)");      // text, never a formula
    EXPECT_EQ(at(s + "E2"), "str|s|General|提供服務");
    EXPECT_EQ(at(s + "F2"), "datetime|d|yyyy-mm-dd|2026-06-01 00:00:00");
    EXPECT_EQ(at(s + "G2"), "datetime|d|yyyy-mm-dd|2026-08-10 00:00:00");
    EXPECT_EQ(at(s + "H2"), "int|n|#,##0|51");
    EXPECT_EQ(at(s + "E3"), "str|s|General|點收");
}

TEST_F(DepositoryWorkbook, OpenClaimsAreListedByAgencyThenLibrary) {
    const std::string s = "未結索取!";
    EXPECT_EQ(at(s + "B2"), "str|s|General|文化部");
    // Within 文化部: 立 (5 strokes) before 國 (11).
    EXPECT_EQ(at(s + "D2"), "str|s|General|立法院國會圖書館");
    EXPECT_EQ(at(s + "K2"), "str|s|General|是"); // 要點6(4) 後段: may decline
    EXPECT_EQ(at(s + "L2"), "int|n|#,##0|0");
    EXPECT_EQ(at(s + "D3"), "str|s|General|國家圖書館");
    EXPECT_EQ(at(s + "K3"), "str|s|General|否");
    EXPECT_EQ(at(s + "B4"), "str|s|General|國家發展委員會");
    EXPECT_EQ(at(s + "J4"), "datetime|d|yyyy-mm-dd|2026-08-03 00:00:00");
    EXPECT_EQ(at(s + "L4"), "int|n|#,##0|58");
}

TEST(DepositoryWorkbookEmpty, AnEmptyReportIsStillAValidWorkbookWithoutAChart) {
    DepositoryReport report;
    report.as_of = 2026y / July / 1d;
    report.generated_at = "2026-07-01 04:00";
    test::TempDir dir;
    write_depository_workbook(report, dir / "empty.xlsx");
    const auto seen = test::run_python_probe(test::WORKBOOK_PROBE, dir / "empty.xlsx", dir);
    EXPECT_EQ(seen.at("sheets"), "封面|各館收受情形|各機關索取|逾期未辦|未結索取");
    EXPECT_EQ(seen.at("封面!B6"), "str|s|General|尚無圖書館資料");
    EXPECT_EQ(seen.at("charts"), "");
}

} // namespace
} // namespace govpub::reports
