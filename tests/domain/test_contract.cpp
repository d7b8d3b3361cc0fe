// Contracts between an agency and a store: the 60 % rule, rates as percent text, and the
// contract in force on a day (要點9, 11(3), 11(5); SPEC §4.4).
#include "domain/contract.hpp"
#include "domain/errors.hpp"

#include <gtest/gtest.h>

#include <string>

namespace govpub::domain {
namespace {

using namespace std::chrono;

constexpr Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

Contract contract(BasisPoints rate, bool exempt = false, int payment_days = 30) {
    Contract c;
    c.agency = "A003";
    c.store = "S01";
    c.rate_bp = rate;
    c.procurement_exempt = exempt;
    c.payment_days = payment_days;
    c.valid_from = d(2026, 1, 1);
    return c;
}

std::string refusal(const Contract& c) {
    try {
        check_contract(c);
    } catch (const Refused& e) {
        return e.what();
    }
    return "(accepted)";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// 要點11(3): 以不低於定價百分之六十為原則 — 60 % exactly is allowed.
TEST(Contract, AcceptsSixtyPercentAndAbove) {
    EXPECT_NO_THROW(check_contract(contract(6000)));
    EXPECT_NO_THROW(check_contract(contract(6250)));
    EXPECT_NO_THROW(check_contract(contract(10'000)));
}

// 要點11(3): only a contract awarded by 公開評選 or 最有利標 may pay less than 60 %.
TEST(Contract, AcceptsFiftyFivePercentWhenProcurementExempt) {
    EXPECT_NO_THROW(check_contract(contract(5500, /*exempt=*/true)));
}

// 要點11(3): 55 % without the exemption is a commission above 40 %: refused.
TEST(Contract, RefusesFiftyFivePercentWithoutExemption) {
    try {
        check_contract(contract(5500));
        FAIL() << "a 55 % contract without exemption was accepted";
    } catch (const Refused& e) {
        const std::string what = e.what();
        EXPECT_EQ(e.point(), "要點11(3)");
        EXPECT_TRUE(contains(what, "要點11(3)")) << what;
        EXPECT_TRUE(contains(what, "contract A003/S01")) << what;
        EXPECT_TRUE(contains(what, "55.00 %")) << what;
        EXPECT_TRUE(contains(what, "procurement_exempt")) << what;
    }
}

// 要點11(3): one basis point under 60 % is already under.
TEST(Contract, RefusesOneBasisPointBelowSixtyPercent) {
    EXPECT_TRUE(contains(refusal(contract(5999)), "59.99 %"));
}

TEST(Contract, RefusesARateAboveOneHundredPercent) {
    const std::string what = refusal(contract(10'001, true));
    EXPECT_TRUE(contains(what, "100.01 %")) << what;
    EXPECT_TRUE(contains(what, "above 100 %")) << what;
}

TEST(Contract, RefusesAPaymentTermOutsideZeroToAYear) {
    EXPECT_TRUE(contains(refusal(contract(6000, false, -1)), "payment term -1 days"));
    EXPECT_TRUE(contains(refusal(contract(6000, false, 367)), "payment term 367 days"));
    EXPECT_NO_THROW(check_contract(contract(6000, false, 0)));
    EXPECT_NO_THROW(check_contract(contract(6000, false, 366)));
}

// SPEC §4.4: the rate is a percent with up to two decimals, held as basis points.
TEST(Contract, ParsesARatePercentIntoBasisPoints) {
    EXPECT_EQ(*parse_rate_percent("60"), 6000);
    EXPECT_EQ(*parse_rate_percent("62.5"), 6250);
    EXPECT_EQ(*parse_rate_percent("62.50"), 6250);
    EXPECT_EQ(*parse_rate_percent("62.05"), 6205);
    EXPECT_EQ(*parse_rate_percent("60%"), 6000);
    EXPECT_EQ(*parse_rate_percent("100"), 10'000);
    EXPECT_EQ(*parse_rate_percent("0"), 0);
}

TEST(Contract, RefusesARateWithMoreThanTwoDecimals) {
    auto parsed = parse_rate_percent("62.505");
    EXPECT_FALSE(parsed);
    EXPECT_TRUE(contains(parsed.error, "62.505")) << parsed.error;
    EXPECT_TRUE(contains(parsed.error, "at most two decimals")) << parsed.error;
}

TEST(Contract, RefusesARateAboveOneHundred) {
    auto parsed = parse_rate_percent("101");
    EXPECT_FALSE(parsed);
    EXPECT_TRUE(contains(parsed.error, "above 100 %")) << parsed.error;
    EXPECT_FALSE(parse_rate_percent("100.01"));
}

TEST(Contract, RefusesARateThatIsNotANumber) {
    for (const char* text : {"abc", "", "-5", "6O", "1000", ".5", "60,5", " 60", "62.5.0"}) {
        auto parsed = parse_rate_percent(text);
        EXPECT_FALSE(parsed) << "accepted '" << text << "'";
        EXPECT_FALSE(parsed.error.empty()) << text;
    }
}

// SPEC §4.4: without a contract, 60 % and the configured payment term.
TEST(ContractBook, FallsBackToSixtyPercentAndTheDefaultTerm) {
    ContractBook book(21);
    Terms t = book.in_force("A003", "S01", d(2026, 3, 1));
    EXPECT_EQ(t.rate_bp, 6000);
    EXPECT_FALSE(t.procurement_exempt);
    EXPECT_EQ(t.payment_days, 21);
    EXPECT_FALSE(t.shipping_payer.has_value());
}

TEST(ContractBook, PicksTheContractInForceByValidFrom) {
    ContractBook book(30);
    Contract later = contract(6500, false, 45);
    later.valid_from = d(2026, 3, 1);
    later.shipping_payer = ShippingPayer::agency;
    Contract earlier = contract(5500, true, 60);
    earlier.valid_from = d(2025, 1, 1);
    book.add(later); // added out of order on purpose
    book.add(earlier);

    // Before the first contract: the defaults.
    Terms before = book.in_force("A003", "S01", d(2024, 12, 31));
    EXPECT_EQ(before.rate_bp, 6000);
    EXPECT_FALSE(before.procurement_exempt);
    EXPECT_EQ(before.payment_days, 30);

    Terms first_day = book.in_force("A003", "S01", d(2025, 1, 1));
    EXPECT_EQ(first_day.rate_bp, 5500);
    EXPECT_TRUE(first_day.procurement_exempt);
    EXPECT_EQ(first_day.payment_days, 60);
    EXPECT_FALSE(first_day.shipping_payer.has_value());

    Terms eve = book.in_force("A003", "S01", d(2026, 2, 28));
    EXPECT_EQ(eve.rate_bp, 5500);

    Terms from_march = book.in_force("A003", "S01", d(2026, 3, 1));
    EXPECT_EQ(from_march.rate_bp, 6500);
    EXPECT_FALSE(from_march.procurement_exempt);
    EXPECT_EQ(from_march.payment_days, 45);
    ASSERT_TRUE(from_march.shipping_payer.has_value());
    EXPECT_EQ(*from_march.shipping_payer, ShippingPayer::agency);

    Terms much_later = book.in_force("A003", "S01", d(2030, 1, 1));
    EXPECT_EQ(much_later.rate_bp, 6500);
}

TEST(ContractBook, KeepsPairsApart) {
    ContractBook book(30);
    book.add(contract(7000));
    EXPECT_EQ(book.in_force("A003", "S01", d(2026, 6, 1)).rate_bp, 7000);
    EXPECT_EQ(book.in_force("A003", "S02", d(2026, 6, 1)).rate_bp, 6000);
    EXPECT_EQ(book.in_force("A004", "S01", d(2026, 6, 1)).rate_bp, 6000);
    EXPECT_EQ(book.in_force("S01", "A003", d(2026, 6, 1)).rate_bp, 6000); // order matters
}

TEST(Contract, NamesTheShippingPayer) {
    EXPECT_EQ(to_string(ShippingPayer::agency), "agency");
    EXPECT_EQ(to_string(ShippingPayer::store), "store");
}

} // namespace
} // namespace govpub::domain
