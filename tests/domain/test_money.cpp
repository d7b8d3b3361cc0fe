// Checked money arithmetic, the statement-level ceiling and the largest-remainder split
// (SPEC §4.6; STYLE.md "Money and time").
#include "domain/errors.hpp"
#include "domain/money.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <vector>

namespace govpub::domain {
namespace {

using Parts = std::vector<std::int64_t>;
constexpr std::int64_t MAX = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t MIN = std::numeric_limits<std::int64_t>::min();

// 要點11(3): 不低於定價百分之六十 — 3 × 333 at 60 % is 599.4, paid as 600.
TEST(Money, CeilDivRoundsAFractionUp) {
    EXPECT_EQ(ceil_div(999 * 6000, 10'000), 600);
    EXPECT_EQ(ceil_div(1, 10'000), 1);
    EXPECT_EQ(ceil_div(10'001, 10'000), 2);
}

TEST(Money, CeilDivLeavesAnExactQuotientAlone) {
    EXPECT_EQ(ceil_div(6'000'000, 10'000), 600);
    EXPECT_EQ(ceil_div(-6'000'000, 10'000), -600);
    EXPECT_EQ(ceil_div(0, 10'000), 0);
}

// SPEC §4.6: the ceiling is toward +∞ also when the sum is negative (−599.4 → −599).
TEST(Money, CeilDivOfANegativeNumeratorGoesTowardPlusInfinity) {
    EXPECT_EQ(ceil_div(-999 * 6000, 10'000), -599);
    EXPECT_EQ(ceil_div(-1, 10'000), 0);
    EXPECT_EQ(ceil_div(-19'999, 10'000), -1);
}

TEST(Money, CeilDivRefusesAZeroOrNegativeDenominator) {
    EXPECT_THROW(ceil_div(10, 0), InvariantBroken);
    EXPECT_THROW(ceil_div(10, -3), InvariantBroken);
}

TEST(Money, CheckedArithmeticGivesTheResultWhenItFits) {
    EXPECT_EQ(checked_add(2, 3), 5);
    EXPECT_EQ(checked_sub(2, 3), -1);
    EXPECT_EQ(checked_mul(-4, 25), -100);
    EXPECT_EQ(checked_add(MAX - 1, 1), MAX);
    EXPECT_EQ(checked_sub(MIN + 1, 1), MIN);
    // 3 037 000 499² = 9 223 372 030 926 249 001, just below 2⁶³.
    EXPECT_EQ(checked_mul(3'037'000'499, 3'037'000'499), 9'223'372'030'926'249'001);
}

// STYLE.md "Money and time": overflow is an error, not a wrap.
TEST(Money, CheckedAddThrowsOnOverflow) {
    EXPECT_THROW(checked_add(MAX, 1), InvariantBroken);
    EXPECT_THROW(checked_add(MIN, -1), InvariantBroken);
}

TEST(Money, CheckedSubThrowsOnOverflow) {
    EXPECT_THROW(checked_sub(MIN, 1), InvariantBroken);
    EXPECT_THROW(checked_sub(0, MIN), InvariantBroken);
    EXPECT_THROW(checked_sub(MAX, -1), InvariantBroken);
}

TEST(Money, CheckedMulThrowsOnOverflow) {
    // 3 037 000 500² = 9 223 372 037 000 250 000, just above 2⁶³ − 1.
    EXPECT_THROW(checked_mul(3'037'000'500, 3'037'000'500), InvariantBroken);
    EXPECT_THROW(checked_mul(-1, MIN), InvariantBroken);
    EXPECT_THROW(checked_mul(MAX / 2 + 1, 2), InvariantBroken);
}

TEST(Money, OverflowMessageShowsTheOperands) {
    try {
        checked_add(MAX, 7);
        FAIL() << "no overflow reported";
    } catch (const InvariantBroken& e) {
        EXPECT_NE(std::string(e.what()).find("overflow"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("9223372036854775807"), std::string::npos)
            << e.what();
    }
}

// SPEC §4.6: the statement's payable is spread over the lines so they add up exactly.
TEST(Money, LargestRemainderGivesExactSharesUnchanged) {
    EXPECT_EQ(largest_remainder(10, {1, 2, 3, 4}), (Parts{1, 2, 3, 4}));
    EXPECT_EQ(largest_remainder(0, {5, 7}), (Parts{0, 0}));
}

TEST(Money, LargestRemainderHandsTheLeftoverToTheLargestRemainder) {
    // 10 × 3/7 = 4 r2, 10 × 3/7 = 4 r2, 10 × 1/7 = 1 r3: the last part has the largest
    // remainder and gets the dollar left over.
    EXPECT_EQ(largest_remainder(10, {3, 3, 1}), (Parts{4, 4, 2}));
    // 11 × {1,2,2}/5 = 2.2, 4.4, 4.4: floors add to 10; the one dollar left goes to the
    // earlier of the two .4s, not to the .2.
    EXPECT_EQ(largest_remainder(11, {1, 2, 2}), (Parts{2, 5, 4}));
}

TEST(Money, LargestRemainderBreaksTiesTowardTheEarlierPart) {
    EXPECT_EQ(largest_remainder(100, {1, 1, 1}), (Parts{34, 33, 33}));
    EXPECT_EQ(largest_remainder(101, {1, 1, 1}), (Parts{34, 34, 33}));
    EXPECT_EQ(largest_remainder(1, {2, 2}), (Parts{1, 0}));
}

TEST(Money, LargestRemainderSpreadsANegativeTotal) {
    // −7 over {1,1}: exact −3.5 each; floors −4, −4; one dollar back, to the earlier part.
    EXPECT_EQ(largest_remainder(-7, {1, 1}), (Parts{-3, -4}));
    // −10 over {1,2}: exact −3.33…, −6.66…; floors −4 (r 2/3) and −7 (r 1/3).
    EXPECT_EQ(largest_remainder(-10, {1, 2}), (Parts{-3, -7}));
}

TEST(Money, LargestRemainderAcceptsNegativeWeights) {
    // All negative: 10 × (−1)/(−4) = 2.5, 10 × (−3)/(−4) = 7.5.
    EXPECT_EQ(largest_remainder(10, {-1, -3}), (Parts{3, 7}));
    // Mixed, as a sale line and a return line: 5 × 3/2 = 7.5, 5 × (−1)/2 = −2.5.
    EXPECT_EQ(largest_remainder(5, {3, -1}), (Parts{8, -3}));
}

TEST(Money, LargestRemainderGivesEverythingToTheFirstPartWhenAllWeightsAreZero) {
    EXPECT_EQ(largest_remainder(5, {0, 0, 0}), (Parts{5, 0, 0}));
    EXPECT_EQ(largest_remainder(-5, {0, 0}), (Parts{-5, 0}));
    EXPECT_EQ(largest_remainder(0, {0, 0}), (Parts{0, 0}));
}

TEST(Money, LargestRemainderOverNoPartsOnlyForAZeroTotal) {
    EXPECT_EQ(largest_remainder(0, {}), Parts{});
    EXPECT_THROW(largest_remainder(3, {}), InvariantBroken);
}

TEST(Money, LargestRemainderSumsExactlyOnAwkwardWeights) {
    // 1 000 003 over seven primes: whatever the shares, they must add up to the total.
    const Parts weights{2, 3, 5, 7, 11, 13, 17};
    const Parts parts = largest_remainder(1'000'003, weights);
    std::int64_t sum = 0;
    for (auto p : parts)
        sum += p;
    EXPECT_EQ(sum, 1'000'003);
    // 1 000 003 × 17/58 = 293 104.3…; the part is its floor or one more.
    EXPECT_GE(parts.back(), 293'104);
    EXPECT_LE(parts.back(), 293'105);
}

TEST(Money, FormatsNtdWithThousandsSeparators) {
    EXPECT_EQ(format_ntd(0), "0");
    EXPECT_EQ(format_ntd(999), "999");
    EXPECT_EQ(format_ntd(1000), "1,000");
    EXPECT_EQ(format_ntd(12'345), "12,345");
    EXPECT_EQ(format_ntd(1'234'567), "1,234,567");
    EXPECT_EQ(format_ntd(-1200), "-1,200");
    EXPECT_EQ(format_ntd(-999), "-999");
    EXPECT_EQ(format_ntd(MIN), "-9,223,372,036,854,775,808");
}

TEST(Money, FormatsARateWithTwoDecimals) {
    EXPECT_EQ(format_rate_percent(6000), "60.00");
    EXPECT_EQ(format_rate_percent(6250), "62.50");
    EXPECT_EQ(format_rate_percent(6205), "62.05");
    EXPECT_EQ(format_rate_percent(5), "0.05");
    EXPECT_EQ(format_rate_percent(10'000), "100.00");
    EXPECT_EQ(format_rate_percent(-150), "-1.50");
}

} // namespace
} // namespace govpub::domain
