// Settlement periods: two half-years settled in June and December (附件一 註三; SPEC §4.6).
#include "domain/errors.hpp"
#include "domain/period.hpp"

#include <gtest/gtest.h>

#include <string>

namespace govpub::domain {
namespace {

using namespace std::chrono;

constexpr Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

const PeriodScheme DEFAULT{};

std::string parse_error(std::string_view text) {
    try {
        Period::parse(text);
    } catch (const InvalidValue& e) {
        return e.what();
    }
    return "(parsed)";
}

TEST(Period, ParsesUpperAndLowerCaseHalves) {
    Period h1 = Period::parse("2026H1");
    EXPECT_EQ(h1.year(), 2026);
    EXPECT_EQ(h1.half(), 1);
    Period h2 = Period::parse("2026h2");
    EXPECT_EQ(h2.year(), 2026);
    EXPECT_EQ(h2.half(), 2);
    EXPECT_EQ(h2.name(), "2026H2");
}

TEST(Period, RefusesAnythingButYyyyHn) {
    for (const char* text : {"2026H3", "2026H0", "26H1", "2026-H1", "2026H1 ", " 2026H1", "2026X1",
                             "20a6H1", "2026", "", "02026H1", "2026H12"}) {
        const std::string what = parse_error(text);
        EXPECT_NE(what.find("expected YYYYH1 or YYYYH2"), std::string::npos)
            << "'" << text << "': " << what;
    }
}

TEST(Period, RefusesAYearBeforeTheRepublic) {
    const std::string what = parse_error("1900H1");
    EXPECT_NE(what.find("four digits"), std::string::npos) << what;
    EXPECT_THROW(Period(2026, 3), InvalidValue);
}

// 附件一 註三 and SPEC §4.6: H1 is 1 Dec of the year before to 31 May.
TEST(Period, FirstHalfRunsFromDecemberToMayByDefault) {
    Period p(2026, 1);
    EXPECT_EQ(p.first_day(DEFAULT), d(2025, 12, 1));
    EXPECT_EQ(p.last_day(DEFAULT), d(2026, 5, 31));
}

// SPEC §4.6: H2 is 1 Jun to 30 Nov.
TEST(Period, SecondHalfRunsFromJuneToNovemberByDefault) {
    Period p(2026, 2);
    EXPECT_EQ(p.first_day(DEFAULT), d(2026, 6, 1));
    EXPECT_EQ(p.last_day(DEFAULT), d(2026, 11, 30));
}

// SPEC §4.6: settlement.period_end_months is configurable; 6,12 gives calendar halves.
TEST(Period, FollowsACustomScheme) {
    PeriodScheme calendar_halves{6, 12, 10};
    EXPECT_EQ(Period(2026, 1).first_day(calendar_halves), d(2026, 1, 1));
    EXPECT_EQ(Period(2026, 1).last_day(calendar_halves), d(2026, 6, 30));
    EXPECT_EQ(Period(2026, 2).first_day(calendar_halves), d(2026, 7, 1));
    EXPECT_EQ(Period(2026, 2).last_day(calendar_halves), d(2026, 12, 31));
}

TEST(Period, LastDayOfAFebruaryEndFollowsLeapYears) {
    PeriodScheme february_august{2, 8, 10};
    EXPECT_EQ(Period(2024, 1).last_day(february_august), d(2024, 2, 29));
    EXPECT_EQ(Period(2026, 1).last_day(february_august), d(2026, 2, 28));
    EXPECT_EQ(Period(2026, 1).first_day(february_august), d(2025, 9, 1));
}

TEST(Period, FindsThePeriodContainingADay) {
    EXPECT_EQ(Period::containing(d(2025, 12, 1), DEFAULT), Period(2026, 1));
    EXPECT_EQ(Period::containing(d(2025, 12, 31), DEFAULT), Period(2026, 1));
    EXPECT_EQ(Period::containing(d(2026, 1, 1), DEFAULT), Period(2026, 1));
    EXPECT_EQ(Period::containing(d(2026, 5, 31), DEFAULT), Period(2026, 1));
    EXPECT_EQ(Period::containing(d(2026, 6, 1), DEFAULT), Period(2026, 2));
    EXPECT_EQ(Period::containing(d(2026, 11, 30), DEFAULT), Period(2026, 2));
    EXPECT_EQ(Period::containing(d(2025, 11, 30), DEFAULT), Period(2025, 2));
}

TEST(Period, FindsThePeriodContainingADayInACustomScheme) {
    PeriodScheme calendar_halves{6, 12, 10};
    EXPECT_EQ(Period::containing(d(2026, 1, 1), calendar_halves), Period(2026, 1));
    EXPECT_EQ(Period::containing(d(2026, 6, 30), calendar_halves), Period(2026, 1));
    EXPECT_EQ(Period::containing(d(2026, 7, 1), calendar_halves), Period(2026, 2));
    EXPECT_EQ(Period::containing(d(2026, 12, 31), calendar_halves), Period(2026, 2));
}

TEST(Period, StepsToThePreviousAndNextHalf) {
    EXPECT_EQ(Period(2026, 1).previous(), Period(2025, 2));
    EXPECT_EQ(Period(2026, 2).previous(), Period(2026, 1));
    EXPECT_EQ(Period(2026, 1).next(), Period(2026, 2));
    EXPECT_EQ(Period(2026, 2).next(), Period(2027, 1));
    EXPECT_LT(Period(2025, 2), Period(2026, 1));
    EXPECT_LT(Period(2026, 1), Period(2026, 2));
}

// 附件一 註三: 每年6月、12月 結帳 — by default on the 10th.
TEST(Period, RunsSettlementOnTheRunDayOfTheNextMonth) {
    EXPECT_EQ(Period(2026, 1).run_day(DEFAULT), d(2026, 6, 10));
    EXPECT_EQ(Period(2026, 2).run_day(DEFAULT), d(2026, 12, 10));
    PeriodScheme on_the_fifth{5, 11, 5};
    EXPECT_EQ(Period(2026, 1).run_day(on_the_fifth), d(2026, 6, 5));
}

TEST(Period, RunDayAfterADecemberEndFallsInJanuary) {
    PeriodScheme calendar_halves{6, 12, 10};
    EXPECT_EQ(Period(2026, 1).run_day(calendar_halves), d(2026, 7, 10));
    EXPECT_EQ(Period(2026, 2).run_day(calendar_halves), d(2027, 1, 10));
}

TEST(Period, NamesThePeriodInRocYearsForPeople) {
    EXPECT_EQ(Period(2026, 1).roc_name(), "115年上半年");
    EXPECT_EQ(Period(2026, 2).roc_name(), "115年下半年");
    EXPECT_EQ(Period(2026, 1).name(), "2026H1");
}

TEST(Period, ValidatesTheScheme) {
    EXPECT_NO_THROW(validate(PeriodScheme{5, 11, 10}));
    EXPECT_NO_THROW(validate(PeriodScheme{6, 12, 28}));
    EXPECT_THROW(validate(PeriodScheme{0, 11, 10}), InvalidValue);
    EXPECT_THROW(validate(PeriodScheme{5, 13, 10}), InvalidValue);
    EXPECT_THROW(validate(PeriodScheme{11, 5, 10}), InvalidValue);
    EXPECT_THROW(validate(PeriodScheme{5, 5, 10}), InvalidValue);
    EXPECT_THROW(validate(PeriodScheme{5, 11, 0}), InvalidValue);
    EXPECT_THROW(validate(PeriodScheme{5, 11, 29}), InvalidValue);
}

} // namespace
} // namespace govpub::domain
