// The streaming CSV reader: quoting, line numbers, encodings and the files it must refuse.
#include "adapters/import/csv_reader.hpp"
#include "adapters/import/input_error.hpp"
#include "tests/support/test_support.hpp"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

namespace govpub::adapters::import {
namespace {

using govpub::test::to_big5;

using govpub::test::TempDir;
using govpub::test::write_file;
using Cells = std::vector<std::string>;

struct Read {
    Cells header;
    std::size_t header_line = 0;
    std::vector<TableRow> rows;
    std::string format;
};

Read read_csv(const std::string& bytes,
              std::size_t max_record = CsvReader::DEFAULT_MAX_RECORD_BYTES) {
    TempDir dir;
    write_file(dir / "sales.csv", bytes);
    CsvReader reader(dir / "sales.csv", "", "store,gpn", max_record);
    Read read{reader.header(), reader.header_line(), {}, reader.format()};
    TableRow row;
    while (reader.next(row))
        read.rows.push_back(row);
    EXPECT_EQ(reader.bytes_done(), reader.bytes_total());
    return read;
}

std::string csv_error(const std::string& bytes,
                      std::size_t max_record = CsvReader::DEFAULT_MAX_RECORD_BYTES) {
    try {
        read_csv(bytes, max_record);
    } catch (const InputError& error) {
        return error.what();
    }
    return "no error";
}

TEST(CsvReader, ReadsHeaderAndRowsWithTheirLines) {
    auto read = read_csv("store,gpn,quantity\nS01,1011500001,3\nS02,1011500002,\n");
    EXPECT_EQ(read.format, "csv/utf-8");
    EXPECT_EQ(read.header, (Cells{"store", "gpn", "quantity"}));
    EXPECT_EQ(read.header_line, 1u);
    ASSERT_EQ(read.rows.size(), 2u);
    EXPECT_EQ(read.rows[0].line, 2u);
    EXPECT_EQ(read.rows[0].cells, (Cells{"S01", "1011500001", "3"}));
    EXPECT_EQ(read.rows[1].line, 3u);
    EXPECT_EQ(read.rows[1].cells, (Cells{"S02", "1011500002", ""})); // trailing empty cell kept
}

TEST(CsvReader, DropsTheByteOrderMark) {
    auto read = read_csv("\xEF\xBB\xBF門市代碼,數量\nS01,3");
    EXPECT_EQ(read.format, "csv/utf-8-bom");
    EXPECT_EQ(read.header[0], "門市代碼");
    ASSERT_EQ(read.rows.size(), 1u); // last line without a line break
    EXPECT_EQ(read.rows[0].cells, (Cells{"S01", "3"}));
}

TEST(CsvReader, ReadsBig5AsUtf8) {
    auto read = read_csv(to_big5("門市代碼,銷售日期,GPN,數量,書名\r\n"
                                 "S01,2026-03-01,1011500001,3,國家書店\r\n"));
    EXPECT_EQ(read.format, "csv/big5");
    EXPECT_EQ(read.header, (Cells{"門市代碼", "銷售日期", "GPN", "數量", "書名"}));
    ASSERT_EQ(read.rows.size(), 1u);
    EXPECT_EQ(read.rows[0].cells[4], "國家書店");
}

TEST(CsvReader, QuotedCommasAndLineBreaksStayInTheValue) {
    auto read = read_csv("gpn,title,quantity\n"
                         "1,\"Taiwan, a history\",3\n"
                         "2,\"two\nlines\",4\n"
                         "3,\"say \"\"hi\"\"\",5\n"
                         "4,\"\",6\n");
    ASSERT_EQ(read.rows.size(), 4u);
    EXPECT_EQ(read.rows[0].cells, (Cells{"1", "Taiwan, a history", "3"}));
    EXPECT_EQ(read.rows[1].cells, (Cells{"2", "two\nlines", "4"}));
    EXPECT_EQ(read.rows[1].line, 3u); // where the record starts
    EXPECT_EQ(read.rows[2].line, 5u); // the line break inside quotes still counts
    EXPECT_EQ(read.rows[2].cells[1], "say \"hi\"");
    EXPECT_EQ(read.rows[3].cells, (Cells{"4", "", "6"}));
    EXPECT_EQ(read.rows[3].line, 6u);
}

TEST(CsvReader, CrlfLfAndCrAllEndALine) {
    auto read = read_csv("a,b\r\n1,2\r\n3,\"x\r\ny\"\r\n4,5\r6,7\n8,9");
    ASSERT_EQ(read.rows.size(), 5u);
    EXPECT_EQ(read.rows[0].line, 2u);
    EXPECT_EQ(read.rows[1].line, 3u);
    EXPECT_EQ(read.rows[1].cells[1], "x\r\ny");
    EXPECT_EQ(read.rows[2].line, 5u); // CRLF inside quotes is one line break
    EXPECT_EQ(read.rows[2].cells, (Cells{"4", "5"}));
    EXPECT_EQ(read.rows[3].line, 6u);
    EXPECT_EQ(read.rows[4].line, 7u);
    EXPECT_EQ(read.rows[4].cells, (Cells{"8", "9"}));
}

TEST(CsvReader, SkipsBlankRowsAndFindsTheHeaderBelowThem) {
    auto read = read_csv("\n\r\n,,\nstore,gpn\n\nS01,1\n,\nS02,2\n\n");
    EXPECT_EQ(read.header_line, 4u);
    ASSERT_EQ(read.rows.size(), 2u);
    EXPECT_EQ(read.rows[0].line, 6u);
    EXPECT_EQ(read.rows[1].line, 8u);
}

TEST(CsvReader, EmptyFileAsksForAHeader) {
    EXPECT_EQ(csv_error(""), "sales.csv is empty: expected a header row such as store,gpn");
    EXPECT_EQ(csv_error("\xEF\xBB\xBF"), csv_error(""));
    EXPECT_EQ(csv_error("\r\n\n,,,\n"), csv_error(""));
}

TEST(CsvReader, UnterminatedQuoteNamesTheLineWhereItOpened) {
    EXPECT_EQ(csv_error("store,title\nS01,ok\nS02,\"open\nS03,x\nS04,y\n"),
              "sales.csv line 3, column title: a quote opened on this line is never closed");
}

TEST(CsvReader, TextAfterAClosingQuoteIsAnError) {
    EXPECT_NE(csv_error("a,b\n1,\"x\"y\n").find("sales.csv line 2, column b: text after a closing"),
              std::string::npos);
    // Spaces after the closing quote are harmless.
    EXPECT_EQ(csv_error("a,b\n1,\"x\"  \n"), "no error");
}

TEST(CsvReader, RejectsALineLongerThanTheLimitWithoutReadingItAll) {
    std::string giant(2 * 1024 * 1024, 'x');
    EXPECT_EQ(csv_error("store,title\nS01,ok\nS02," + giant + "\nS03,ok\n"),
              "sales.csv line 3, column title: the row is longer than 1048576 bytes");
    // Inside quotes the likely cause is named.
    EXPECT_EQ(csv_error("a,b\n1,\"" + std::string(300, 'y') + "\n", 100),
              "sales.csv line 2, column b: the row is longer than 100 bytes; the quote opened on line 2 "
              "may be missing its closing quote");
}

TEST(CsvReader, RejectsBinaryGarbage) {
    std::string garbage = "\x89PNG\r\n\x1A\n";
    garbage += std::string("\0\0\0\rIHDR", 8);
    EXPECT_EQ(csv_error(garbage),
              "sales.csv is not a text file (binary data at byte 8); upload a CSV or XLSX file");
}

TEST(CsvReader, InvalidUtf8AfterTheSampleNamesLineAndColumn) {
    std::string csv = "store,title\n";
    std::size_t line = 1;
    while (csv.size() < 100 * 1024) {
        csv += "S01,國家書店\n";
        ++line;
    }
    csv += "S02,\"caf\xE9\"\n"; // Latin-1 é in a UTF-8 file
    EXPECT_EQ(csv_error(csv), "sales.csv line " + std::to_string(line + 1) +
                                  ", column title: \"caf\xEF\xBF\xBD\" — not valid UTF-8; save the "
                                  "file as UTF-8 or Big5");
}

TEST(CsvReader, RecordsSpanningTheReadBufferAreWhole) {
    std::string csv = "gpn,title\n";
    // Put the CR of a quoted CRLF on the last byte of the first 1 MiB read, the LF on the next.
    csv += "1," + std::string(1024 * 1024 - csv.size() - 12, 'a') + "\n";
    csv += "2,\"first\r\nsecond\"\r\n3,end\r\n";
    auto read = read_csv(csv);
    ASSERT_EQ(read.rows.size(), 3u);
    EXPECT_EQ(read.rows[1].cells[1], "first\r\nsecond");
    EXPECT_EQ(read.rows[1].line, 3u);
    EXPECT_EQ(read.rows[2].line, 5u);
    EXPECT_EQ(read.rows[2].cells, (Cells{"3", "end"}));
}

TEST(CsvReader, OpenTableChoosesCsvForText) {
    TempDir dir;
    write_file(dir / "upload.tmp", "gpn\n1011500001\n");
    auto table = open_table(dir / "upload.tmp", "sales.csv");
    EXPECT_EQ(table->format(), "csv/utf-8");
    EXPECT_EQ(table->header(), (Cells{"gpn"}));
}

TEST(CsvReader, OpenTableRefusesOldExcelFiles) {
    TempDir dir;
    write_file(dir / "sales.xls",
               std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'));
    try {
        open_table(dir / "sales.xls");
        FAIL() << "an .xls file was accepted";
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find("sales.xls is an Excel 97-2003 (.xls)"),
                  std::string::npos);
    }
}

} // namespace
} // namespace govpub::adapters::import
