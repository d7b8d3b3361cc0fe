// The streaming XLSX reader, on workbooks made at test time by openpyxl and by hand.
#include "adapters/import/input_error.hpp"
#include "adapters/import/xlsx_package.hpp"
#include "adapters/import/xlsx_reader.hpp"
#include "tests/support/test_support.hpp"

#include <functional>
#include <gtest/gtest.h>
#include <memory>

namespace govpub::adapters::import {
namespace {

using govpub::test::TempDir;
using govpub::test::write_file;
using Cells = std::vector<std::string>;

// Writes every workbook the tests read. openpyxl files are what most tools produce; the
// hand-made one holds what openpyxl cannot write: inline strings, cached formula text,
// rich text with phonetic hints, the 1904 date system, a chart sheet first in the tabs.
constexpr const char* MAKE_WORKBOOKS = R"PY(
import datetime, io, sys, zipfile
import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "銷售"
ws.append(["門市代碼", "銷售日期", "GPN", "數量", "定價", "書名"])
ws.append(["S01", datetime.date(2026, 3, 1), "1011500001", 3, 2.5, "國家書店"])
ws["A4"] = "S02"                 # row 3 blank; row 4 sparse (B4, C4 missing)
ws["D4"] = 7
ws["A5"] = "S03"
ws["B5"] = datetime.datetime(2026, 2, 28, 13, 30)
ws["C5"] = 9789571154490
ws["D5"] = 0.1 + 0.2
ws["E5"] = True
ws["F5"] = datetime.time(12, 0)  # a time of day is not a date
ws["A7"] = "S04"
ws["B7"] = datetime.date(2026, 1, 2)
ws["B7"].number_format = "mm-dd-yy"  # built-in format 14
wb.save("sales.xlsx")

# The same workbook as a streaming zip writer leaves it: sizes in data descriptors.
class Unseekable(io.RawIOBase):
    def __init__(self, f): self.f = f
    def writable(self): return True
    def write(self, b): return self.f.write(b)
with zipfile.ZipFile("sales.xlsx") as src, open("streamed.xlsx", "wb") as raw:
    with zipfile.ZipFile(Unseekable(raw), "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, src.read(info.filename))

form = openpyxl.Workbook()
fs = form.active
fs["A1"] = "出版機關／單位"; fs["B1"] = "國家圖書館"
fs["A2"] = "供貨日期";       fs["B2"] = datetime.date(2026, 3, 1)
fs.append([])
fs["A5"] = "GPN"; fs["B5"] = "出版品名稱"; fs["C5"] = "定價"; fs["D5"] = "數量"
fs["A6"] = "1011500001"; fs["B6"] = "臺灣史"; fs["C6"] = 350; fs["D6"] = 10
form.save("form.xlsx")

openpyxl.Workbook().save("empty.xlsx")

with zipfile.ZipFile("not_a_workbook.xlsx", "w") as z:
    z.writestr("hello.txt", "hello")

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
parts = {
  "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  "_rels/.rels": f'<Relationships {PKG}><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  "xl/workbook.xml": f'<workbook {NS} xmlns:r="{REL}"><workbookPr date1904="1"/><sheets>'
      '<sheet name="圖表" sheetId="3" r:id="rId3"/><sheet name="資料" sheetId="2" r:id="rId2"/>'
      '<sheet name="Other" sheetId="1" r:id="rId1"/></sheets></workbook>',
  "xl/_rels/workbook.xml.rels": f'<Relationships {PKG}>'
      f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
      f'<Relationship Id="rId2" Type="{REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/>'
      f'<Relationship Id="rId3" Type="{REL}/chartsheet" Target="chartsheets/sheet1.xml"/>'
      f'<Relationship Id="rId4" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
      f'<Relationship Id="rId5" Type="{REL}/styles" Target="styles.xml"/></Relationships>',
  "xl/sharedStrings.xml": f'<sst {NS} count="2" uniqueCount="2"><si><r><rPr><b/></rPr><t>國家</t></r>'
      '<r><t xml:space="preserve">書店 </t></r><rPh sb="0" eb="2"><t>こっか</t></rPh></si>'
      '<si><t>Line_x000D_Two</t></si></sst>',
  "xl/styles.xml": f'<styleSheet {NS}><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy/m/d"/>'
      '<numFmt numFmtId="165" formatCode="[$-404]e/m/d"/><numFmt numFmtId="166" formatCode="0.00E+00"/>'
      '</numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="7">'
      '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="20"/>'
      '<xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="27"/></cellXfs>'
      '<dxfs count="1"><dxf><numFmt numFmtId="167" formatCode="yyyy"/></dxf></dxfs></styleSheet>',
  "xl/worksheets/sheet1.xml": f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr">'
      '<is><t>wrong sheet</t></is></c></row></sheetData></worksheet>',
  "xl/worksheets/sheet2.xml": f'<worksheet {NS}><sheetData>'
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>inline </t></r>'
      '<r><t>rich</t></r></is></c><c r="C1" t="str"><f>A1&amp;"!"</f><v>cached &amp; shown</v></c>'
      '<c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="s"><v>1</v></c></row>'
      '<row r="3"><c r="A3" s="1"><v>0</v></c><c r="B3" s="2"><v>1</v></c><c r="C3" s="3"><v>0.5</v></c>'
      '<c r="D3" s="4"><v>44000</v></c><c r="E3" s="5"><v>12345.678</v></c><c r="F3" s="6"><v>100</v></c></row>'
      '<row><c><v>1</v></c><c><v>2</v></c><c r="E4"><v>5</v></c></row>'
      '<row r="6"><c r="C6"><v>0.30000000000000004</v></c><c r="D6" s="3"/></row>'
      '<row r="7"><c r="A7" s="1"/></row>'
      '<row r="8"><c r="A8" t="s"><v>9</v></c></row>'
      '</sheetData></worksheet>',
}
with zipfile.ZipFile("handmade.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, xml in parts.items():
        z.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml)
)PY";

class XlsxReader : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        if (std::string(GOVPUB_PYTHON3).empty())
            return;
        dir_ = std::make_unique<TempDir>();
        write_file(*dir_ / "make.py", MAKE_WORKBOOKS);
        auto result = govpub::test::run_command(std::string("'") + GOVPUB_PYTHON3 + "' make.py",
                                                dir_->path());
        made_ = result.status == 0;
        if (!made_)
            ADD_FAILURE() << "making test workbooks failed: " << result.err;
    }
    static void TearDownTestSuite() { dir_.reset(); }

    void SetUp() override {
        if (std::string(GOVPUB_PYTHON3).empty())
            GTEST_SKIP() << "Debian's python3 (with python3-openpyxl) was not found";
        ASSERT_TRUE(made_);
    }

    static std::filesystem::path file(const std::string& name) { return *dir_ / name; }

    static std::vector<TableRow> raw_rows(const std::string& name) {
        XlsxSheetReader reader(file(name));
        std::vector<TableRow> rows;
        TableRow row;
        while (reader.next(row))
            rows.push_back(row);
        return rows;
    }

    static std::string error_of(const std::function<void()>& action) {
        try {
            action();
        } catch (const InputError& error) {
            return error.what();
        }
        return "no error";
    }

    static inline std::unique_ptr<TempDir> dir_;
    static inline bool made_ = false;
};

TEST_F(XlsxReader, ReadsAnOpenpyxlWorkbookAsATable) {
    auto table = open_table(file("sales.xlsx"));
    EXPECT_EQ(table->format(), "xlsx");
    EXPECT_EQ(table->header(), (Cells{"門市代碼", "銷售日期", "GPN", "數量", "定價", "書名"}));
    EXPECT_EQ(table->header_line(), 1u);
    std::vector<TableRow> rows;
    TableRow row;
    while (table->next(row))
        rows.push_back(row);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0].line, 2u);
    EXPECT_EQ(rows[0].cells, (Cells{"S01", "2026-03-01", "1011500001", "3", "2.5", "國家書店"}));
    EXPECT_EQ(rows[1].line, 4u); // the blank row 3 is skipped, numbering is Excel's
    EXPECT_EQ(rows[1].cells, (Cells{"S02", "", "", "7"}));
    EXPECT_EQ(rows[2].line, 5u);
    EXPECT_EQ(rows[2].cells, (Cells{"S03", "2026-02-28", "9789571154490", "0.3", "TRUE", "0.5"}));
    EXPECT_EQ(rows[3].cells, (Cells{"S04", "2026-01-02"}));
    EXPECT_GT(table->bytes_done(), 0u);
    EXPECT_EQ(table->bytes_done(), table->bytes_total());
}

TEST_F(XlsxReader, ReadsAZipWrittenWithDataDescriptors) {
    auto table = open_table(file("streamed.xlsx"));
    TableRow row;
    ASSERT_TRUE(table->next(row));
    EXPECT_EQ(row.cells, (Cells{"S01", "2026-03-01", "1011500001", "3", "2.5", "國家書店"}));
}

TEST_F(XlsxReader, SheetReaderGivesTheFormHeaderBlockWithExcelRowNumbers) {
    XlsxSheetReader reader(file("form.xlsx"));
    EXPECT_EQ(reader.sheet_name(), "Sheet");
    std::vector<TableRow> rows;
    TableRow row;
    while (reader.next(row))
        rows.push_back(row);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0].line, 1u);
    EXPECT_EQ(rows[0].cells, (Cells{"出版機關／單位", "國家圖書館"}));
    EXPECT_EQ(rows[1].cells, (Cells{"供貨日期", "2026-03-01"}));
    EXPECT_EQ(rows[2].line, 5u);
    EXPECT_EQ(rows[2].cells, (Cells{"GPN", "出版品名稱", "定價", "數量"}));
    EXPECT_EQ(rows[3].cells, (Cells{"1011500001", "臺灣史", "350", "10"}));
}

TEST_F(XlsxReader, ReadsTheFirstWorksheetInWorkbookOrderWithEveryKindOfCell) {
    XlsxSheetReader reader(file("handmade.xlsx"));
    EXPECT_EQ(reader.sheet_name(), "資料"); // not the chart sheet, not sheet1.xml
    TableRow row;
    ASSERT_TRUE(reader.next(row));
    EXPECT_EQ(row.line, 1u);
    EXPECT_EQ(row.cells,
              (Cells{"國家書店 ", "inline rich", "cached & shown", "TRUE", "#N/A", "Line\rTwo"}));
    ASSERT_TRUE(reader.next(row));
    EXPECT_EQ(row.line, 3u);
    // 1904 date system; time-only and scientific formats stay numbers; 27 is zh-TW's e/m/d.
    EXPECT_EQ(row.cells,
              (Cells{"1904-01-01", "1904-01-02", "0.5", "2024-06-19", "12345.678", "1904-04-10"}));
    ASSERT_TRUE(reader.next(row));
    EXPECT_EQ(row.line, 4u); // a row without r="" follows the previous one
    EXPECT_EQ(row.cells, (Cells{"1", "2", "", "", "5"}));
    ASSERT_TRUE(reader.next(row));
    EXPECT_EQ(row.line, 6u);
    EXPECT_EQ(row.cells, (Cells{"", "", "0.3"}));
    ASSERT_TRUE(reader.next(row));
    EXPECT_EQ(row.line, 7u);
    EXPECT_TRUE(row.cells.empty());
    EXPECT_EQ(error_of([&] { reader.next(row); }),
              "handmade.xlsx line 8, column A: \"9\" — refers to shared string 9, but the "
              "workbook has 2");
}

TEST_F(XlsxReader, TextFileNamedXlsxIsRefused) {
    write_file(file("renamed.xlsx"), "store,gpn\nS01,1011500001\n");
    EXPECT_EQ(error_of([&] { open_table(file("renamed.xlsx"), "sales.xlsx"); }),
              "sales.xlsx is not an XLSX workbook (it is plain text, perhaps a CSV file "
              "renamed); save it from Excel as .xlsx or export CSV");
}

TEST_F(XlsxReader, ZipWithoutAWorkbookIsRefused) {
    // Recognised by its signature even under a name that says nothing.
    std::filesystem::copy_file(file("not_a_workbook.xlsx"), file("upload.bin"),
                               std::filesystem::copy_options::overwrite_existing);
    EXPECT_EQ(error_of([&] { open_table(file("upload.bin"), "sales.xlsx"); }),
              "sales.xlsx is not an XLSX workbook (a zip file without xl/workbook.xml); save it "
              "from Excel as .xlsx or export CSV");
}

TEST_F(XlsxReader, DamagedZipIsRefused) {
    std::string bytes = govpub::test::read_file(file("sales.xlsx"));
    write_file(file("cut.xlsx"), bytes.substr(0, bytes.size() / 3));
    EXPECT_NE(error_of([&] {
                  auto table = open_table(file("cut.xlsx"));
                  TableRow row;
                  while (table->next(row)) {
                  }
              }).find("cut.xlsx"),
              std::string::npos);
}

TEST_F(XlsxReader, EmptyWorksheetAsksForAHeader) {
    EXPECT_EQ(error_of([&] { open_table(file("empty.xlsx"), "", "store,gpn"); }),
              "empty.xlsx is empty (first worksheet \"Sheet\"): expected a header row such as "
              "store,gpn");
}

TEST(XlsxValues, NumbersReadAsExcelShowsThem) {
    EXPECT_EQ(xlsx::excel_number("3"), "3");
    EXPECT_EQ(xlsx::excel_number("3.0"), "3");
    EXPECT_EQ(xlsx::excel_number("-0"), "0");
    EXPECT_EQ(xlsx::excel_number("2.5"), "2.5");
    EXPECT_EQ(xlsx::excel_number("0.30000000000000004"), "0.3");
    EXPECT_EQ(xlsx::excel_number("1.5E-3"), "0.0015");
    EXPECT_EQ(xlsx::excel_number("9789571154490"), "9789571154490");
    EXPECT_EQ(xlsx::excel_number("123456.789012345678"), "123456.789012346");
    EXPECT_EQ(xlsx::excel_number("not a number"), "not a number");
}

TEST(XlsxValues, DatesFollowExcels1900And1904Systems) {
    EXPECT_EQ(xlsx::excel_date(1, false), "1900-01-01");
    EXPECT_EQ(xlsx::excel_date(59, false), "1900-02-28");
    EXPECT_EQ(xlsx::excel_date(60, false), "1900-02-29"); // Lotus 1-2-3's leap day
    EXPECT_EQ(xlsx::excel_date(61, false), "1900-03-01");
    EXPECT_EQ(xlsx::excel_date(46082, false), "2026-03-01");
    // Excel keeps times to the millisecond: 0.09 ms before midnight is midnight, 0.9 ms is not.
    EXPECT_EQ(xlsx::excel_date(46082.999999999, false), "2026-03-02");
    EXPECT_EQ(xlsx::excel_date(46082.99999999, false), "2026-03-01");
    EXPECT_EQ(xlsx::excel_date(2958465, false), "9999-12-31");
    EXPECT_EQ(xlsx::excel_date(0, true), "1904-01-01");
    EXPECT_EQ(xlsx::excel_date(0, false), std::nullopt);
    EXPECT_EQ(xlsx::excel_date(2958466, false), std::nullopt);
}

TEST(XlsxValues, DateFormatsAreTellingDatesFromTimesAndNumbers) {
    EXPECT_TRUE(xlsx::is_date_format(14, ""));
    EXPECT_TRUE(xlsx::is_date_format(22, ""));
    EXPECT_TRUE(xlsx::is_date_format(28, "")); // zh-TW [$-404]e"年"m"月"d"日"
    EXPECT_FALSE(xlsx::is_date_format(20, ""));
    EXPECT_FALSE(xlsx::is_date_format(47, ""));
    EXPECT_FALSE(xlsx::is_date_format(0, ""));
    EXPECT_TRUE(xlsx::is_date_format(164, "yyyy/mm/dd hh:mm"));
    EXPECT_TRUE(xlsx::is_date_format(164, "[$-404]e/m/d"));
    EXPECT_TRUE(xlsx::is_date_format(164, "yyyy\"年\"m\"月\"d\"日\";@"));
    EXPECT_FALSE(xlsx::is_date_format(164, "[h]:mm:ss"));
    EXPECT_FALSE(xlsx::is_date_format(164, "0.00E+00"));
    EXPECT_FALSE(xlsx::is_date_format(164, "General"));
    EXPECT_FALSE(xlsx::is_date_format(164, "#,##0\" days\""));
    EXPECT_FALSE(xlsx::is_date_format(164, "[Red]#,##0;[Blue]-#,##0"));
}

TEST(XlsxValues, EscapedControlCharactersAreDecoded) {
    std::string text = "a_x000D__x000A_b_x4E2D_ _xZZZZ_";
    xlsx::decode_escapes(text);
    EXPECT_EQ(text, "a\r\nb中 _xZZZZ_");
}

} // namespace
} // namespace govpub::adapters::import
