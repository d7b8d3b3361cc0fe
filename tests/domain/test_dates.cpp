// Reading, writing and counting dates (SPEC §4.2).
#include "domain/date.hpp"
#include "domain/errors.hpp"

#include <gtest/gtest.h>

namespace govpub::domain {
namespace {

using namespace std::chrono;

constexpr Date JUNE_30_2026{year{2026}, June, day{30}};

Date parsed_ok(std::string_view text) {
    auto parsed = parse_date(text);
    EXPECT_TRUE(parsed) << text << ": " << parsed.error;
    return parsed ? *parsed : Date{};
}

// SPEC §4.2: every input form people send names the same day.
TEST(Dates, ParsesIsoAndSlashedGregorian) {
    EXPECT_EQ(parsed_ok("2026-06-30"), JUNE_30_2026);
    EXPECT_EQ(parsed_ok("2026/06/30"), JUNE_30_2026);
    EXPECT_EQ(parsed_ok("2026/6/30"), JUNE_30_2026);
}

// SPEC §4.2: ROC year = Gregorian − 1911, with /, . or - between the parts.
TEST(Dates, ParsesRocNumericForms) {
    EXPECT_EQ(parsed_ok("115/06/30"), JUNE_30_2026);
    EXPECT_EQ(parsed_ok("115.06.30"), JUNE_30_2026);
    EXPECT_EQ(parsed_ok("115-06-30"), JUNE_30_2026);
    EXPECT_EQ(parsed_ok("115/6/30"), JUNE_30_2026);
    EXPECT_EQ(parsed_ok("99/12/31"), (Date{year{2010}, December, day{31}}));
}

// SPEC §4.2: 民國115年6月30日 as printed on letters and notices.
TEST(Dates, ParsesRocWrittenForms) {
    EXPECT_EQ(parsed_ok("民國115年6月30日"), JUNE_30_2026);
    EXPECT_EQ(parsed_ok("115年6月30日"), JUNE_30_2026);
    EXPECT_EQ(parsed_ok("民國 115 年 06 月 30 日"), JUNE_30_2026);
    EXPECT_EQ(parsed_ok("115年1月5日"), (Date{year{2026}, January, day{5}}));
}

TEST(Dates, IgnoresSurroundingSpacesAndFullWidthCharacters) {
    EXPECT_EQ(parsed_ok("  2026-06-30\t"), JUNE_30_2026);
    EXPECT_EQ(parsed_ok("１１５／０６／３０"), JUNE_30_2026);
    EXPECT_EQ(parsed_ok("民國１１５年６月３０日"), JUNE_30_2026);
    EXPECT_EQ(parsed_ok("\u3000２０２６－０６－３０\u3000"), JUNE_30_2026);
}

TEST(Dates, RejectsDatesThatDoNotExist) {
    auto february = parse_date("2026-02-30");
    ASSERT_FALSE(february);
    EXPECT_EQ(february.error, "2026-02-30 is not a real date (February 2026 has 28 days)");

    auto month = parse_date("2026-13-01");
    ASSERT_FALSE(month);
    EXPECT_EQ(month.error, "2026-13-01 is not a real date (there is no month 13)");

    auto roc = parse_date("115/04/31");
    ASSERT_FALSE(roc);
    EXPECT_EQ(roc.error, "115/04/31 is not a real date (April 2026 has 30 days)");

    EXPECT_FALSE(parse_date("2026-06-00"));
    EXPECT_FALSE(parse_date("2026-00-10"));
}

TEST(Dates, AcceptsFebruaryTwentyNinthOnlyInLeapYears) {
    EXPECT_EQ(parsed_ok("2024-02-29"), (Date{year{2024}, February, day{29}}));
    EXPECT_EQ(parsed_ok("113/02/29"), (Date{year{2024}, February, day{29}}));
    auto not_leap = parse_date("2100-02-29");
    ASSERT_FALSE(not_leap);
    EXPECT_EQ(not_leap.error, "2100-02-29 is not a real date (February 2100 has 28 days)");
}

TEST(Dates, RejectsTextThatIsNotADate) {
    for (std::string_view garbage :
         {"", "   ", "tomorrow", "2026-06", "2026/06-30", "20260630", "1/06/30", "2026-06-30x",
          "12026-06-30", "115年6月", "民國2026年6月30日", "2026-006-30"}) {
        auto parsed = parse_date(garbage);
        EXPECT_FALSE(parsed) << garbage;
        EXPECT_NE(parsed.error.find("expected a date such as 2026-06-30 or 115/06/30"),
                  std::string::npos)
            << garbage << " gave " << parsed.error;
    }
}

TEST(Dates, ParseOrThrowNamesTheFieldAndValue) {
    EXPECT_EQ(parse_date_or_throw("due_date", "115/06/30"), JUNE_30_2026);
    try {
        parse_date_or_throw("due_date", "2026-02-30");
        FAIL() << "expected InvalidValue";
    } catch (const InvalidValue& error) {
        EXPECT_STREQ(error.what(),
                     "due_date 2026-02-30: not a real date (February 2026 has 28 days)");
    }
    try {
        parse_date_or_throw("due_date", "soon");
        FAIL() << "expected InvalidValue";
    } catch (const InvalidValue& error) {
        EXPECT_STREQ(error.what(),
                     "due_date soon: expected a date such as 2026-06-30 or 115/06/30");
    }
}

// SPEC §4.2: ISO for machines, ROC (no padding) for people.
TEST(Dates, WritesIsoAndRocForms) {
    Date date{year{2026}, January, day{5}};
    EXPECT_EQ(to_iso(date), "2026-01-05");
    EXPECT_EQ(to_roc(date), "115年1月5日");
    EXPECT_EQ(to_roc(JUNE_30_2026), "115年6月30日");
    EXPECT_EQ(to_roc_numeric(date), "115/01/05");
    EXPECT_EQ(roc_year(date), 115);
    EXPECT_EQ(roc_year(Date{year{2010}, December, day{31}}), 99);
}

TEST(Dates, WrittenFormsReadBackAsTheSameDay) {
    for (Date date = Date{year{2024}, January, day{1}}; date < Date{year{2025}, March, day{1}};
         date = add_days(date, 1)) {
        EXPECT_EQ(parsed_ok(to_iso(date)), date);
        EXPECT_EQ(parsed_ok(to_roc(date)), date);
        EXPECT_EQ(parsed_ok(to_roc_numeric(date)), date);
    }
}

// SPEC §4.2: 2026-01-31 + 1 month = 2026-02-28.
TEST(Dates, AddMonthsClampsToMonthEnd) {
    EXPECT_EQ(add_months(Date{year{2026}, January, day{31}}, 1),
              (Date{year{2026}, February, day{28}}));
    EXPECT_EQ(add_months(Date{year{2024}, January, day{31}}, 1),
              (Date{year{2024}, February, day{29}}));
    EXPECT_EQ(add_months(Date{year{2026}, March, day{31}}, 1), (Date{year{2026}, April, day{30}}));
    EXPECT_EQ(add_months(Date{year{2026}, June, day{15}}, 6),
              (Date{year{2026}, December, day{15}}));
    EXPECT_EQ(add_months(Date{year{2026}, November, day{30}}, 3),
              (Date{year{2027}, February, day{28}}));
}

TEST(Dates, AddMonthsBackwardsClampsToo) {
    EXPECT_EQ(add_months(Date{year{2026}, March, day{31}}, -1),
              (Date{year{2026}, February, day{28}}));
    EXPECT_EQ(add_months(Date{year{2026}, January, day{15}}, -1),
              (Date{year{2025}, December, day{15}}));
    EXPECT_EQ(add_months(Date{year{2026}, May, day{31}}, -15),
              (Date{year{2025}, February, day{28}}));
    EXPECT_EQ(add_months(JUNE_30_2026, 0), JUNE_30_2026);
}

// SPEC §4.2: "N years after" 02-29 lands on 02-28.
TEST(Dates, AddYearsMovesLeapDayToFebruaryTwentyEighth) {
    EXPECT_EQ(add_years(Date{year{2024}, February, day{29}}, 1),
              (Date{year{2025}, February, day{28}}));
    EXPECT_EQ(add_years(Date{year{2024}, February, day{29}}, 4),
              (Date{year{2028}, February, day{29}}));
    EXPECT_EQ(add_years(Date{year{2024}, February, day{29}}, -1),
              (Date{year{2023}, February, day{28}}));
    EXPECT_EQ(add_years(JUNE_30_2026, 5), (Date{year{2031}, June, day{30}}));
}

TEST(Dates, AddDaysCrossesMonthAndYearEnds) {
    EXPECT_EQ(add_days(Date{year{2026}, December, day{31}}, 1),
              (Date{year{2027}, January, day{1}}));
    EXPECT_EQ(add_days(Date{year{2024}, February, day{28}}, 1),
              (Date{year{2024}, February, day{29}}));
    EXPECT_EQ(add_days(Date{year{2026}, March, day{1}}, -1), (Date{year{2026}, February, day{28}}));
}

TEST(Dates, CountsDaysBetweenIncludingLeapDays) {
    EXPECT_EQ(days_between(Date{year{2024}, January, day{1}}, Date{year{2025}, January, day{1}}),
              366);
    EXPECT_EQ(days_between(Date{year{2026}, January, day{1}}, Date{year{2027}, January, day{1}}),
              365);
    EXPECT_EQ(days_between(JUNE_30_2026, JUNE_30_2026), 0);
    EXPECT_EQ(days_between(JUNE_30_2026, Date{year{2026}, June, day{1}}), -29);
}

TEST(Dates, KnowsWeekendsAndMonthEnds) {
    EXPECT_TRUE(is_weekend(Date{year{2026}, February, day{28}}));  // Saturday
    EXPECT_TRUE(is_weekend(Date{year{2026}, March, day{1}}));      // Sunday
    EXPECT_FALSE(is_weekend(Date{year{2026}, March, day{2}}));     // Monday
    EXPECT_FALSE(is_weekend(Date{year{2026}, February, day{27}})); // Friday
    EXPECT_EQ(last_day_of_month(year{2024}, February), (Date{year{2024}, February, day{29}}));
    EXPECT_EQ(last_day_of_month(year{2026}, February), (Date{year{2026}, February, day{28}}));
    EXPECT_EQ(last_day_of_month(year{2026}, September), (Date{year{2026}, September, day{30}}));
}

} // namespace
} // namespace govpub::domain
