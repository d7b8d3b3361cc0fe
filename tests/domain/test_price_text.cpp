// Feed prices as publishers print them, and the ones that must not become NT$0 (SPEC §5.2).
#include "domain/price_text.hpp"

#include <gtest/gtest.h>

namespace govpub::domain {
namespace {

std::optional<Ntd> amount(std::string_view text) {
    auto read = parse_price_text(text);
    EXPECT_EQ(read.kind == PriceTextKind::amount, read.amount.has_value()) << text;
    return read.amount;
}

PriceTextKind kind(std::string_view text) { return parse_price_text(text).kind; }

TEST(PriceText, ReadsThePrintedFormsOfOneNtdPrice) {
    EXPECT_EQ(amount("350"), 350);
    EXPECT_EQ(amount("350元"), 350);
    EXPECT_EQ(amount("350 元"), 350);
    EXPECT_EQ(amount("新臺幣350元"), 350);
    EXPECT_EQ(amount("新台幣 350 元"), 350);
    EXPECT_EQ(amount("NT$ 350"), 350);
    EXPECT_EQ(amount("NT$350元"), 350);
    EXPECT_EQ(amount("nt$350"), 350);
    EXPECT_EQ(amount("NTD 350"), 350);
    EXPECT_EQ(amount("$350"), 350);
    EXPECT_EQ(amount("定價：480元"), 480);
    EXPECT_EQ(amount("定價:新臺幣480元"), 480);
    EXPECT_EQ(amount("售價 480"), 480);
    EXPECT_EQ(amount("  350元整 "), 350);
}

TEST(PriceText, AcceptsFullWidthDigitsCommasAndZeroCents) {
    EXPECT_EQ(amount("３５０元"), 350);
    EXPECT_EQ(amount("ＮＴ＄１，２００"), 1200);
    EXPECT_EQ(amount("新臺幣1,200元"), 1200);
    EXPECT_EQ(amount("12,345,678"), 12345678);
    EXPECT_EQ(amount("350.00"), 350);
    EXPECT_EQ(amount("0"), 0); // printed as zero: that is what the feed says, not a guess
}

TEST(PriceText, KnowsTheWordsForNoPrice) {
    EXPECT_EQ(kind("非賣品"), PriceTextKind::not_for_sale);
    EXPECT_EQ(kind("定價：非賣品"), PriceTextKind::not_for_sale);
    EXPECT_EQ(kind("免費"), PriceTextKind::free);
    EXPECT_EQ(kind("免費贈閱"), PriceTextKind::free);
    EXPECT_EQ(kind(""), PriceTextKind::missing);
    EXPECT_EQ(kind(" \u3000"), PriceTextKind::missing);
    EXPECT_EQ(kind("定價："), PriceTextKind::missing);
    EXPECT_FALSE(parse_price_text("非賣品").amount);
    EXPECT_FALSE(parse_price_text("免費").amount);
}

TEST(PriceText, RefusesToGuessRatherThanReadZero) {
    EXPECT_EQ(kind("洽詢"), PriceTextKind::unreadable);
    EXPECT_EQ(kind("新臺幣參佰伍拾元"), PriceTextKind::unreadable);
    EXPECT_EQ(kind("US$20"), PriceTextKind::unreadable);
    EXPECT_EQ(kind("美金20元"), PriceTextKind::unreadable);
    EXPECT_EQ(kind("平裝350元；精裝500元"), PriceTextKind::unreadable);
    EXPECT_EQ(kind("350 500"), PriceTextKind::unreadable);
    EXPECT_EQ(kind("350.5元"), PriceTextKind::unreadable); // NT$ prices have no cents
    EXPECT_EQ(kind("3,50"), PriceTextKind::unreadable);    // a decimal comma, or a typo
    EXPECT_EQ(kind("1234,567"), PriceTextKind::unreadable);
    EXPECT_EQ(kind("-350"), PriceTextKind::unreadable);
    EXPECT_EQ(kind("元"), PriceTextKind::unreadable);
    EXPECT_EQ(kind("NT$"), PriceTextKind::unreadable);
    EXPECT_EQ(kind("9999999999999"), PriceTextKind::unreadable); // 13 digits: not a price
    EXPECT_FALSE(parse_price_text("洽詢").amount);
}

// One reader for every NT$ price: what a person writes in a sales or publications cell.
TEST(Ntd, ReadsWhatAPersonWritesAsAPrice) {
    EXPECT_EQ(*parse_ntd("350", "list price"), 350);
    EXPECT_EQ(*parse_ntd("新臺幣350元", "list price"), 350);
    EXPECT_EQ(*parse_ntd("NT$1,200", "sale price"), 1200);
    EXPECT_EQ(*parse_ntd("$ 480", "list price"), 480);
    EXPECT_EQ(*parse_ntd("1,200元整", "list price"), 1200);
    EXPECT_EQ(*parse_ntd("350.00", "list price"), 350); // how a spreadsheet may show it
    EXPECT_EQ(*parse_ntd("３５０元", "list price"), 350);
    EXPECT_EQ(*parse_ntd(" 0 ", "sale price"), 0);
}

TEST(Ntd, RefusesWithAReasonNamingTheValue) {
    auto cents = parse_ntd("350.5", "list price");
    ASSERT_FALSE(cents);
    EXPECT_EQ(cents.error, "list price \"350.5\" must be a whole number of NT$: a price has no "
                           "cents");
    auto negative = parse_ntd("-600", "list price");
    ASSERT_FALSE(negative);
    EXPECT_EQ(negative.error, "list price \"-600\" must not be negative");
    EXPECT_FALSE(parse_ntd("NT$-600", "list price"));
    EXPECT_FALSE(parse_ntd("-NT$600", "list price"));
    auto words = parse_ntd("洽詢", "sale price");
    ASSERT_FALSE(words);
    EXPECT_NE(words.error.find("sale price \"洽詢\" is not an NT$ amount"), std::string::npos)
        << words.error;
    EXPECT_EQ(parse_ntd("", "list price").error, "list price is empty");
    EXPECT_NE(parse_ntd("9999999999999", "list price").error.find("too large"), std::string::npos);
    EXPECT_FALSE(parse_ntd("3,50", "list price"));
    EXPECT_FALSE(parse_ntd("US$20", "list price"));
    EXPECT_FALSE(
        parse_ntd("定價：350", "list price")); // a label belongs in the header, not the cell
}

// A feed and an uploaded file read the same text as the same amount, or both refuse it.
TEST(Ntd, FeedsAndCellsAgree) {
    for (const char* text : {"350", "新臺幣350元", "NT$1,200", "350.00", "nt$350", "350.5", "-350",
                             "3,50", "洽詢", "元"}) {
        auto cell = parse_ntd(text, "price");
        auto feed = parse_price_text(text);
        EXPECT_EQ(cell.value, feed.amount) << text;
        EXPECT_EQ(feed.kind, cell ? PriceTextKind::amount : PriceTextKind::unreadable) << text;
    }
}

TEST(PriceText, NamesEachKind) {
    EXPECT_EQ(to_string(PriceTextKind::amount), "amount");
    EXPECT_EQ(to_string(PriceTextKind::not_for_sale), "not for sale");
    EXPECT_EQ(to_string(PriceTextKind::unreadable), "unreadable");
}

} // namespace
} // namespace govpub::domain
