// The disposal status workbook and the one-list attachment read back with openpyxl
// (SPEC §4.8, §5.4 "disposal status"; 要點11(4)).
#include "reports/disposal_workbook.hpp"
#include "tests/support/test_support.hpp"

#include <chrono>
#include <gtest/gtest.h>
#include <map>
#include <stdexcept>

namespace govpub::reports {
namespace {

using namespace std::chrono;
namespace fs = std::filesystem;

DisposalReportRow row(std::string notice, std::string store_code, std::string store_name,
                      std::string agency_code, std::string agency_name, std::string gpn,
                      std::string title, std::int64_t on_hand, DisposalStatus status) {
    DisposalReportRow r;
    r.notice_no = std::move(notice);
    r.period = "2026H1";
    r.store_code = std::move(store_code);
    r.store_name = std::move(store_name);
    r.agency_code = std::move(agency_code);
    r.agency_name = std::move(agency_name);
    r.gpn = std::move(gpn);
    r.title = std::move(title);
    r.on_hand = on_hand;
    r.ground = "retention_ended";
    r.first_supplied = 2025y / January / 6d;
    r.retention_end = 2026y / January / 6d;
    r.notice_date = 2026y / June / 10d;
    r.reply_due = 2026y / July / 10d;
    r.status = status;
    if (status == DisposalStatus::answered) {
        r.reply_action = "donate";
        r.reply_quantity = 2;
        r.recipient = "臺東縣立圖書館";
        r.replied_on = 2026y / June / 20d;
    }
    return r;
}

DisposalReport sample_report() {
    DisposalReport report;
    report.period = "2026H1";
    report.period_roc = "115年上半年";
    report.period_from = 2025y / December / 1d;
    report.period_to = 2026y / May / 31d;
    report.as_of = 2026y / July / 15d;
    report.generated_at = "2026-07-15 09:00";
    report.rows = {
        row("D2026H1-S01-A008", "S01", "國家書店", "A008", "交通部觀光署", "1011402210",
            "臺灣自行車旅遊地圖", 5, DisposalStatus::answered),
        row("D2026H1-S01-A008", "S01", "國家書店", "A008", "交通部觀光署", "1011400347",
            "=HYPERLINK(\"http://x\")", 3, DisposalStatus::overdue),
        row("D2026H1-S02-A001", "S02", "五南文化廣場", "A001", "文化部", "1011400890",
            "國家文化記憶庫導覽手冊", 7, DisposalStatus::open),
        row("D2026H1-S01-A001", "S01", "國家書店", "A001", "文化部", "1011400891", "導覽手冊", 1,
            DisposalStatus::open),
    };
    return report;
}

std::map<std::string, std::string> probe(const fs::path& xlsx, const test::TempDir& dir) {
    return test::run_python_probe(test::WORKBOOK_PROBE, xlsx, dir);
}

//! The value of a probed cell without its type and format.
std::string value(const std::map<std::string, std::string>& seen, const std::string& cell) {
    auto it = seen.find(cell);
    if (it == seen.end())
        return "<none>";
    return it->second.substr(it->second.rfind('|') + 1);
}

// SPEC §5.4: a cover, one data sheet per store (五 before 國 in zh-Hant-TW order), frozen
// header, autofilter, A4 landscape, and the disposal status chart.
TEST(DisposalWorkbook, HasACoverAndOneSheetPerStoreWithAChart) {
    test::TempDir dir;
    write_disposal_workbook(sample_report(), dir / "disposal.xlsx");
    const auto seen = probe(dir / "disposal.xlsx", dir);
    EXPECT_EQ(seen.at("sheets"), "封面|五南文化廣場|國家書店");
    for (const std::string sheet : {"五南文化廣場", "國家書店"}) {
        EXPECT_EQ(seen.at(sheet + ".freeze"), "A2") << sheet;
        EXPECT_EQ(seen.at(sheet + ".orientation"), "landscape") << sheet;
        EXPECT_EQ(seen.at(sheet + ".paper"), "9") << sheet;
    }
    EXPECT_EQ(seen.at("五南文化廣場.autofilter"), "A1:Q2");
    EXPECT_EQ(seen.at("國家書店.autofilter"), "A1:Q4");
    EXPECT_EQ(seen.at("charts"), "xl/charts/chart1.xml");
}

// The cover: the period in ROC and ISO, the date statuses are judged on, and the totals.
TEST(DisposalWorkbook, CoverShowsThePeriodAndCountsRowsByStatus) {
    test::TempDir dir;
    write_disposal_workbook(sample_report(), dir / "disposal.xlsx");
    const auto seen = probe(dir / "disposal.xlsx", dir);
    EXPECT_EQ(value(seen, "封面!B3"), "115年上半年");
    EXPECT_EQ(value(seen, "封面!C3"), "2026H1");
    EXPECT_EQ(value(seen, "封面!B4"), "114年12月1日至115年5月31日");
    EXPECT_EQ(value(seen, "封面!C4"), "2025-12-01 – 2026-05-31");
    EXPECT_EQ(seen.at("封面!C5"), "datetime|d|yyyy-mm-dd|2026-07-15 00:00:00");
    std::map<std::string, std::string> figures;
    for (int r = 1; r <= 20; ++r)
        figures[value(seen, "封面!A" + std::to_string(r))] =
            seen.count("封面!B" + std::to_string(r)) ? seen.at("封面!B" + std::to_string(r)) : "";
    EXPECT_EQ(figures.at("已回覆"), "int|n|#,##0|1");
    EXPECT_EQ(figures.at("待回覆"), "int|n|#,##0|2");
    EXPECT_EQ(figures.at("逾期未回覆"), "int|n|#,##0|1");
    EXPECT_EQ(figures.at("處理清單"), "int|n|#,##0|3");
    EXPECT_EQ(figures.at("清單品項"), "int|n|#,##0|4");
    EXPECT_EQ(figures.at("列冊庫存冊數"), "int|n|#,##0|16");
}

// 要點11(4): each row with its reply, or open / overdue (逾期) after the month.
TEST(DisposalWorkbook, RowsShowRepliesAndStatusesInChineseWithTextNeverAFormula) {
    test::TempDir dir;
    write_disposal_workbook(sample_report(), dir / "disposal.xlsx");
    const auto seen = probe(dir / "disposal.xlsx", dir);
    const std::string s = "國家書店!";
    // By agency name (文 4 strokes before 交 6), then notice, then GPN.
    EXPECT_EQ(value(seen, s + "D2"), "文化部");
    EXPECT_EQ(value(seen, s + "F3"), "1011400347");
    EXPECT_EQ(seen.at(s + "G3"), "str|s|General|=HYPERLINK(\"http://x\")");
    EXPECT_EQ(value(seen, s + "Q3"), "逾期未回覆");
    EXPECT_EQ(value(seen, s + "M4"), "轉贈");
    EXPECT_EQ(seen.at(s + "N4"), "int|n|#,##0|2");
    EXPECT_EQ(value(seen, s + "O4"), "臺東縣立圖書館");
    EXPECT_EQ(seen.at(s + "L4"), "datetime|d|yyyy-mm-dd|2026-07-10 00:00:00");
    EXPECT_EQ(value(seen, s + "Q4"), "已回覆");
    EXPECT_EQ(value(seen, s + "A5"), "合計");
    EXPECT_EQ(seen.at(s + "H5"), "int|n|#,##0|9");
}

// The attachment of a disposal request: the list first, its headers those of the replies file
// (SPEC §5.2) so the agency can fill it in and send it back.
TEST(DisposalWorkbook, OneListIsWrittenAsAFillableRepliesSheet) {
    test::TempDir dir;
    write_disposal_list_workbook(sample_report(), "D2026H1-S01-A008", dir / "list.xlsx");
    const auto seen = probe(dir / "list.xlsx", dir);
    EXPECT_EQ(seen.at("sheets"), "處理清單|說明");
    EXPECT_EQ(seen.at("處理清單.autofilter"), "A1:K3");
    EXPECT_EQ(value(seen, "處理清單!A1"), "通知編號");
    EXPECT_EQ(value(seen, "處理清單!B1"), "GPN");
    EXPECT_EQ(value(seen, "處理清單!H1"), "處理方式");
    EXPECT_EQ(value(seen, "處理清單!I1"), "數量");
    EXPECT_EQ(value(seen, "處理清單!J1"), "受贈單位");
    EXPECT_EQ(value(seen, "處理清單!B2"), "1011400347");
    EXPECT_EQ(seen.count("處理清單!H2"), 0u) << "an open row is left for the agency to answer";
    EXPECT_EQ(value(seen, "處理清單!H3"), "轉贈");
    EXPECT_EQ(seen.count("處理清單!A4"), 0u) << "rows of other lists are left out";
    EXPECT_EQ(value(seen, "說明!B5"), "國家書店");
    EXPECT_EQ(seen.at("說明!C7"), "datetime|d|yyyy-mm-dd|2026-07-10 00:00:00");
}

TEST(DisposalWorkbook, AListNotInTheReportIsRefusedAndNothingWritten) {
    test::TempDir dir;
    EXPECT_THROW(write_disposal_list_workbook(sample_report(), "D2026H1-S09-A001", dir / "x.xlsx"),
                 std::invalid_argument);
    EXPECT_FALSE(fs::exists(dir / "x.xlsx"));
}

TEST(DisposalWorkbook, EmptyReportStillWritesACover) {
    DisposalReport report;
    report.as_of = 2026y / July / 15d;
    report.generated_at = "2026-07-15 09:00";
    test::TempDir dir;
    write_disposal_workbook(report, dir / "empty.xlsx");
    const auto seen = probe(dir / "empty.xlsx", dir);
    EXPECT_EQ(seen.at("sheets"), "封面");
    EXPECT_EQ(value(seen, "封面!B3"), "全部期別");
    EXPECT_EQ(value(seen, "封面!B6"), "無處理清單資料");
}

} // namespace
} // namespace govpub::reports
