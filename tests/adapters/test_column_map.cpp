// Header matching in English or Chinese, and the bad-input messages importers show.
#include "adapters/import/column_map.hpp"
#include "adapters/import/input_error.hpp"
#include "domain/errors.hpp"

#include <gtest/gtest.h>

namespace govpub::adapters::import {
namespace {

using Cells = std::vector<std::string>;

// SPEC §5.2, the sales file.
const std::vector<ColumnSpec> SALES = {
    {"store", {"store", "門市代碼"}, true},
    {"sale_date", {"sale_date", "銷售日期"}, true},
    {"gpn", {"gpn", "GPN"}, true},
    {"quantity", {"quantity", "數量"}, true},
    {"txn_id", {"txn_id", "交易序號"}, false},
};

std::string map_error(const Cells& header) {
    try {
        ColumnMap map(header, SALES, "sales.csv", 1);
    } catch (const InputError& error) {
        return error.what();
    }
    return "no error";
}

TEST(ColumnMap, FindsChineseHeadersAndTrimsCells) {
    ColumnMap map({"數量", " 門市代碼 ", "備註", "GPN", "銷售日期"}, SALES, "sales.csv", 1);
    TableRow row{2, {" 3 ", "S01\xE3\x80\x80", "ignored", "1011500001", "2026-03-01"}};
    EXPECT_EQ(map.get(row, "store"), "S01"); // ideographic space trimmed
    EXPECT_EQ(map.get(row, "quantity"), "3");
    EXPECT_EQ(map.get(row, "gpn"), "1011500001");
    EXPECT_EQ(map.header_name("store"), "門市代碼");
    EXPECT_FALSE(map.has("txn_id"));
    EXPECT_EQ(map.get(row, "txn_id"), "");
    EXPECT_EQ(map.header_name("txn_id"), "txn_id");
}

TEST(ColumnMap, MatchesEnglishHeadersInAnyCaseAndWidth) {
    ColumnMap map({"STORE", "Sale_Date", "ＧＰＮ", "Quantity", "TXN_ID"}, SALES, "sales.csv", 1);
    TableRow row{2, {"S01", "2026-03-01", "1011500001", "3", "T9"}};
    EXPECT_EQ(map.get(row, "gpn"), "1011500001");
    EXPECT_EQ(map.header_name("gpn"), "ＧＰＮ");
    EXPECT_TRUE(map.has("txn_id"));
    EXPECT_EQ(map.get(row, "txn_id"), "T9");
}

TEST(ColumnMap, MissingColumnsAreAllNamedWithTheirChineseNames) {
    EXPECT_EQ(map_error({"門市代碼", "GPN", "定價"}),
              "sales.csv line 1: missing columns sale_date (銷售日期), quantity (數量); the "
              "header row has 門市代碼, GPN, 定價");
    EXPECT_EQ(map_error({"store", "sale_date", "gpn"}),
              "sales.csv line 1: missing column quantity (數量); the header row has store, "
              "sale_date, gpn");
}

TEST(ColumnMap, AColumnGivenTwiceIsRefused) {
    EXPECT_EQ(map_error({"store", "sale_date", "gpn", "quantity", "數量"}),
              "sales.csv line 1, column 數量: the column quantity (數量) appears twice (columns "
              "4 and 5); keep one");
}

TEST(ColumnMap, ShortRowsReadEmptyAndLongRowsAreAnIssue) {
    ColumnMap map({"store", "sale_date", "gpn", "quantity"}, SALES, "sales.csv", 1);
    TableRow short_row{3, {"S01", "2026-03-01"}};
    EXPECT_EQ(map.get(short_row, "quantity"), "");
    EXPECT_FALSE(map.extra_cells(short_row));

    TableRow padded{4, {"S01", "2026-03-01", "1", "2", "", " "}};
    EXPECT_FALSE(map.extra_cells(padded)); // empty extras are harmless

    TableRow shifted{5, {"S01", "2026-03-01", "1011500001", "Taiwan", " history", "3"}};
    auto issue = map.extra_cells(shifted);
    ASSERT_TRUE(issue);
    EXPECT_EQ(describe("sales.csv", *issue),
              "sales.csv line 5: \"history\" — the row has 6 cells but the header has 4 "
              "columns; a value that contains a comma must be in quotes");
}

TEST(ColumnMap, AskingForAnUnknownColumnIsAProgrammingError) {
    ColumnMap map({"store", "sale_date", "gpn", "quantity"}, SALES, "sales.csv", 1);
    EXPECT_THROW(map.get(TableRow{}, "qty"), std::logic_error);
}

TEST(ColumnMap, HeaderExampleListsRequiredColumnsInBothLanguages) {
    EXPECT_EQ(header_example(SALES), "store,sale_date,gpn,quantity (門市代碼,銷售日期,GPN,數量)");
}

TEST(InputError, MessageNamesFileLineColumnValueAndRule) {
    InputError error("sales.csv", 12, "quantity", "2.5", "quantity must be a whole number");
    EXPECT_STREQ(error.what(),
                 "sales.csv line 12, column quantity: \"2.5\" — quantity must be a whole number");
    EXPECT_EQ(error.line(), 12u);
    EXPECT_EQ(error.column(), "quantity");
    EXPECT_EQ(std::string(InputError("sales.csv", 3, "", "", "the row is too long").what()),
              "sales.csv line 3: the row is too long");
    EXPECT_EQ(std::string(InputError("sales.csv", 0, "", "", "is empty").what()),
              "sales.csv is empty");
    EXPECT_EQ(describe("a.csv", LineIssue{0, "gpn", "x", "bad"}), "a.csv column gpn: \"x\" — bad");
    // Without a file name, the fragment for a list under the file's heading.
    EXPECT_EQ(describe("", LineIssue{4, "gpn", "x", "bad"}), "line 4, column gpn: \"x\" — bad");
    EXPECT_EQ(describe("", LineIssue{4, "", "", "too long"}), "line 4: too long");
}

TEST(InputError, LongValuesAreShortenedOnACharacterBoundary) {
    std::string value;
    for (int i = 0; i < 60; ++i)
        value += "書"; // three bytes each; 80 bytes would cut the 27th in half
    std::string message = describe("f.csv", LineIssue{2, "title", value, "too long"});
    EXPECT_EQ(message, "f.csv line 2, column title: \"" + value.substr(0, 78) + "…\" — too long");
}

TEST(InputError, DomainRuleBecomesALineIssue) {
    domain::InvalidValue invalid("ISBN", "9789571154491", "check digit should be 0");
    EXPECT_EQ(describe("sales.csv", issue_from(7, "isbn", invalid)),
              "sales.csv line 7, column isbn: \"9789571154491\" — check digit should be 0");
}

} // namespace
} // namespace govpub::adapters::import
