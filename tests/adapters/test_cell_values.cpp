// Typed cells of uploaded files: a price cell reads what a person writes, as the feeds do.
#include "adapters/import/cell_values.hpp"

#include <gtest/gtest.h>

namespace govpub::adapters::import {
namespace {

// SPEC §4.5, §5.2: a list or sale price in a sales or publications file is whole NT$, written
// the way prices are written in Taiwan, with or without the currency.
TEST(CellValues, APriceCellAcceptsTheCurrencyAndThousandsCommas) {
    EXPECT_EQ(*parse_price("新臺幣350元", "list price"), 350);
    EXPECT_EQ(*parse_price("NT$1,200", "sale price"), 1200);
    EXPECT_EQ(*parse_price("1,200", "list price"), 1200);
    EXPECT_EQ(*parse_price("350元", "list price"), 350);
    EXPECT_EQ(*parse_price("450", "list price"), 450);
}

TEST(CellValues, APriceCellWithCentsIsRefusedWithAReason) {
    auto cents = parse_price("350.5", "list price");
    ASSERT_FALSE(cents);
    EXPECT_EQ(cents.error,
              "list price \"350.5\" must be a whole number of NT$: a price has no cents");
    auto negative = parse_price("-600", "sale price");
    ASSERT_FALSE(negative);
    EXPECT_EQ(negative.error, "sale price \"-600\" must not be negative");
}

// Quantities keep their own reader: a negative quantity is a customer's return.
TEST(CellValues, AQuantityMayBeNegativeButNotFractional) {
    EXPECT_EQ(*parse_whole_number("-3", "quantity"), -3);
    EXPECT_EQ(*parse_whole_number("1,200", "quantity"), 1200);
    EXPECT_FALSE(parse_whole_number("2.5", "quantity"));
}

} // namespace
} // namespace govpub::adapters::import
