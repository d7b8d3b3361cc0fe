// The pre-filled 附件一 consignment list, read back as a label-finding reader would (要點11(1)).
#include "reports/consignment_form.hpp"
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

// Reads the form as the import will: every cell ending in "：" is a label whose value is the
// cell to its right; the table starts after the row GPN, 出版品名稱, 定價, 數量.
const char* const READER = R"PY(
import sys, openpyxl
sys.stdout.reconfigure(encoding="utf-8")
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print("sheets=" + "|".join(wb.sheetnames))
print(f"orientation={ws.page_setup.orientation}")
print(f"paper={ws.page_setup.paperSize}")
print(f"titles={ws.print_title_rows}")
rows = list(ws.iter_rows())
header = None
counts = {}
for row in rows:
    for i, c in enumerate(row):
        if isinstance(c.value, str) and c.value.endswith("："):
            counts[c.value] = counts.get(c.value, 0) + 1
            key = "label:" + c.value + ("" if counts[c.value] == 1 else f"#{counts[c.value]}")
            nxt = row[i + 1].value if i + 1 < len(row) else None
            print(f"{key}={'' if nxt is None else nxt}")
    values = [c.value for c in row]
    if values[:4] == ["GPN", "出版品名稱", "定價", "數量"] and header is None:
        header = row[0].row
        print("header=" + "|".join(str(v) for v in values if v is not None))
        print(f"header_row={header}")
for row in rows:
    if header is not None and row[0].row > header:
        if row[0].value is None:
            break
        print(f"item{row[0].row - header}=" + "|".join(
            f"{type(c.value).__name__}:{c.number_format}:{c.value}" for c in row[:4]))
for row in rows:
    for c in row:
        if isinstance(c.value, str) and (c.value.startswith(("一、", "二、", "三、")) or "簽收" in c.value):
            print(f"text{c.coordinate}={c.value}")
)PY";

std::map<std::string, std::string> read_form(const fs::path& xlsx, const test::TempDir& dir) {
    return test::run_python_probe(READER, xlsx, dir);
}

ConsignmentForm sample_form() {
    ConsignmentForm form;
    form.agency_name = "文化部人文及出版司";
    form.contact = "王小明";
    form.phone = "02-8512-6000";
    form.fax = "02-8512-6001";
    form.address = "242 新北市新莊區中平路 439 號南棟 13 樓";
    form.store_name = "國家書店松江門市";
    form.supply_date = 2026y / June / 1d;
    form.rows = {{"1011500001", "臺灣文學史", 450, 20}, {"0101500002", "=SUM(A1)", 1200, 5}};
    return form;
}

TEST(ConsignmentForm, EveryLabelEndsInFullWidthColonWithItsValueToTheRight) {
    test::TempDir dir;
    write_consignment_form(sample_form(), dir / "form.xlsx");
    const auto seen = read_form(dir / "form.xlsx", dir);
    EXPECT_EQ(seen.at("sheets"), "委託統籌展售清單");
    EXPECT_EQ(seen.at("label:出版機關／單位："), "文化部人文及出版司");
    EXPECT_EQ(seen.at("label:聯絡人："), "王小明");
    EXPECT_EQ(seen.at("label:電話："), "02-8512-6000");
    EXPECT_EQ(seen.at("label:傳真："), "02-8512-6001");
    EXPECT_EQ(seen.at("label:地址："), "242 新北市新莊區中平路 439 號南棟 13 樓");
    EXPECT_EQ(seen.at("label:展售門市："), "國家書店松江門市");
    EXPECT_EQ(seen.at("label:供貨日期："), "115年6月1日");
    // The store's receipt below the table, as on the paper form.
    EXPECT_EQ(seen.at("label:政府出版品展售門市："), "");
    EXPECT_EQ(seen.at("label:聯絡人：#2"), "");
    EXPECT_EQ(seen.at("label:註："), "");
}

TEST(ConsignmentForm, TableHasTheFormsHeaderAndGpnAsText) {
    test::TempDir dir;
    write_consignment_form(sample_form(), dir / "form.xlsx");
    const auto seen = read_form(dir / "form.xlsx", dir);
    EXPECT_EQ(seen.at("header"), "GPN|出版品名稱|定價|數量|樣品");
    EXPECT_EQ(seen.at("header_row"), "10");
    EXPECT_EQ(seen.at("titles"), "$10:$10"); // the header is printed atop every page
    EXPECT_EQ(seen.at("item1"), "str:General:1011500001|str:General:臺灣文學史|"
                                "int:\"NT$\"#,##0:450|int:#,##0:20");
    // The leading zero survives and the title stays text.
    EXPECT_EQ(seen.at("item2"), "str:General:0101500002|str:General:=SUM(A1)|"
                                "int:\"NT$\"#,##0:1200|int:#,##0:5");
    EXPECT_EQ(seen.count("item3"), 0U);
    EXPECT_EQ(seen.at("orientation"), "portrait");
    EXPECT_EQ(seen.at("paper"), "9");
}

TEST(ConsignmentForm, CarriesTheFormsReceiptAndThreeNotes) {
    test::TempDir dir;
    write_consignment_form(sample_form(), dir / "form.xlsx");
    const auto seen = read_form(dir / "form.xlsx", dir);
    EXPECT_EQ(seen.at("textC14"), "書局 簽收");
    EXPECT_EQ(seen.at("textA18").rfind("一、機關檢送出版品至展售門市時應填具本清單 1 式 2 份", 0),
              0U);
    EXPECT_EQ(seen.at("textA19").rfind("二、初版之出版品", 0), 0U);
    EXPECT_EQ(seen.at("textA20"),
              "三、展售門市於每年 6 月、12 月依實際銷售數量辦理結帳，並於約定期限內結清帳款。");
}

TEST(ConsignmentForm, LeavesSupplyDateBlankWhenUnknown) {
    ConsignmentForm form = sample_form();
    form.supply_date.reset();
    form.rows.clear();
    test::TempDir dir;
    write_consignment_form(form, dir / "form.xlsx");
    const auto seen = read_form(dir / "form.xlsx", dir);
    EXPECT_EQ(seen.at("label:供貨日期："), "");
    EXPECT_EQ(seen.at("header_row"), "10");
    EXPECT_EQ(seen.count("item1"), 0U);
    EXPECT_FALSE(fs::exists(dir / "form.xlsx.tmp"));
}

TEST(ConsignmentForm, MissingFolderThrowsAndWritesNothing) {
    test::TempDir dir;
    const fs::path out = dir / "missing" / "form.xlsx";
    EXPECT_THROW(write_consignment_form(sample_form(), out), std::runtime_error);
    EXPECT_FALSE(fs::exists(out));
    EXPECT_FALSE(fs::exists(dir / "missing"));
}

} // namespace
} // namespace govpub::reports
