// Working days and deadlines (SPEC §4.2; 民法第122條) and the shipped holiday calendar.
#include "domain/errors.hpp"
#include "domain/holiday_calendar.hpp"
#include "tests/support/test_support.hpp"

#include <gtest/gtest.h>

namespace govpub::domain {
namespace {

using namespace std::chrono;

constexpr Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

//! The real calendar, as finance staff run with it.
const HolidayCalendar& shipped() {
    static const HolidayCalendar calendar = HolidayCalendar::parse_csv(
        test::read_file(test::source_dir() / "config" / "holidays.csv"), "holidays.csv");
    return calendar;
}

std::string parse_error(std::string_view text) {
    try {
        HolidayCalendar::parse_csv(text, "holidays.csv");
    } catch (const InvalidValue& error) {
        return error.what();
    }
    return "(no error)";
}

TEST(HolidayCalendar, WeekdaysWorkAndWeekendsDoNot) {
    HolidayCalendar empty;
    EXPECT_TRUE(empty.is_working_day(d(2026, 3, 6)));  // Friday
    EXPECT_FALSE(empty.is_working_day(d(2026, 3, 7))); // Saturday
    EXPECT_FALSE(empty.is_working_day(d(2026, 3, 8))); // Sunday
    EXPECT_EQ(empty.holiday_name(d(2026, 3, 6)), nullptr);
}

// 民法第122條: a deadline on a Saturday or Sunday moves to the next working day.
TEST(HolidayCalendar, RollsAWeekendDeadlineToMonday) {
    HolidayCalendar empty;
    EXPECT_EQ(empty.roll_forward(d(2026, 3, 7)), d(2026, 3, 9));
    EXPECT_EQ(empty.roll_forward(d(2026, 3, 8)), d(2026, 3, 9));
    EXPECT_EQ(empty.roll_forward(d(2026, 3, 9)), d(2026, 3, 9)); // already a working day
}

// 民法第122條: a deadline inside 春節 2026 (2/14–2/22) moves to Monday 2/23.
TEST(HolidayCalendar, RollsOverTheWholeLunarNewYearBreak) {
    const auto& calendar = shipped();
    for (unsigned day_of_month = 14; day_of_month <= 22; ++day_of_month) {
        EXPECT_FALSE(calendar.is_working_day(d(2026, 2, day_of_month))) << day_of_month;
        EXPECT_EQ(calendar.roll_forward(d(2026, 2, day_of_month)), d(2026, 2, 23)) << day_of_month;
    }
    EXPECT_TRUE(calendar.is_working_day(d(2026, 2, 13)));
    ASSERT_NE(calendar.holiday_name(d(2026, 2, 17)), nullptr);
    EXPECT_NE(calendar.holiday_name(d(2026, 2, 17))->find("春節"), std::string::npos);
}

// 補行上班: a Saturday the DGPA makes a working day is a day a deadline can fall on.
TEST(HolidayCalendar, AMakeUpSaturdayIsAWorkingDay) {
    const auto& calendar = shipped();
    EXPECT_TRUE(calendar.is_working_day(d(2025, 2, 8)));
    EXPECT_EQ(calendar.roll_forward(d(2025, 2, 8)), d(2025, 2, 8));
    EXPECT_FALSE(calendar.is_working_day(d(2025, 2, 9))); // the Sunday after is still off

    HolidayCalendar own;
    own.add_working_day(d(2026, 3, 7), "補行上班");
    EXPECT_EQ(own.roll_forward(d(2026, 3, 7)), d(2026, 3, 7));
}

// SPEC §4.2 + 民法第122條: 2026-01-31 + 1 month clamps to 2/28, 和平紀念日 on a Saturday
// (made up on Friday 2/27); Sunday 3/1 follows, so the deadline is Monday 3/2.
TEST(HolidayCalendar, DeadlineOnPeaceMemorialDaySaturdayMovesToMonday) {
    const auto& calendar = shipped();
    ASSERT_NE(calendar.holiday_name(d(2026, 2, 28)), nullptr);
    EXPECT_EQ(*calendar.holiday_name(d(2026, 2, 28)), "和平紀念日");
    EXPECT_FALSE(calendar.is_working_day(d(2026, 2, 27))); // its 補假
    EXPECT_EQ(calendar.deadline_months_after(d(2026, 1, 31), 1), d(2026, 3, 2));
    EXPECT_EQ(calendar.deadline_months_after(d(2025, 12, 28), 2), d(2026, 3, 2));
    EXPECT_EQ(calendar.deadline_days_after(d(2026, 2, 20), 7), d(2026, 3, 2));
}

TEST(HolidayCalendar, DeadlineOnAWorkingDayStaysPut) {
    const auto& calendar = shipped();
    EXPECT_EQ(calendar.deadline_months_after(d(2026, 4, 30), 2), d(2026, 6, 30)); // Tuesday
    EXPECT_EQ(calendar.deadline_days_after(d(2026, 6, 1), 10), d(2026, 6, 11));
    // 端午 2026-06-19 is a Friday: the weekend follows, so Monday 6/22.
    EXPECT_EQ(calendar.deadline_days_after(d(2026, 6, 9), 10), d(2026, 6, 22));
}

TEST(HolidayCalendar, AddedHolidayStopsBeingAWorkingDay) {
    HolidayCalendar calendar;
    calendar.add_holiday(d(2026, 9, 28), "教師節");
    EXPECT_FALSE(calendar.is_working_day(d(2026, 9, 28)));
    ASSERT_NE(calendar.holiday_name(d(2026, 9, 28)), nullptr);
    EXPECT_EQ(*calendar.holiday_name(d(2026, 9, 28)), "教師節");
    EXPECT_EQ(calendar.roll_forward(d(2026, 9, 26)), d(2026, 9, 29));
}

TEST(HolidayCalendar, RefusesADateListedTwice) {
    HolidayCalendar calendar;
    calendar.add_holiday(d(2026, 10, 10), "國慶日");
    EXPECT_THROW(calendar.add_working_day(d(2026, 10, 10), "補行上班"), InvalidValue);
    EXPECT_THROW(calendar.add_holiday(d(2026, 10, 10), "國慶日"), InvalidValue);
}

// SPEC §5.6: config/holidays.csv ships with the years govpub will compute deadlines in.
TEST(HolidayCalendar, ShippedFileCoversTwentyTwentyFiveToTwentySeven) {
    const auto& calendar = shipped();
    for (int y : {2025, 2026, 2027}) {
        EXPECT_TRUE(calendar.covers(year{y})) << y;
        EXPECT_NE(calendar.holiday_name(d(y, 1, 1)), nullptr) << y;   // 開國紀念日
        EXPECT_NE(calendar.holiday_name(d(y, 10, 10)), nullptr) << y; // 國慶日
        EXPECT_NE(calendar.holiday_name(d(y, 12, 25)), nullptr) << y; // 行憲紀念日
    }
    EXPECT_FALSE(calendar.covers(year{2024}));
    EXPECT_NE(calendar.holiday_name(d(2025, 1, 29)), nullptr);  // 春節 初一
    EXPECT_NE(calendar.holiday_name(d(2027, 2, 6)), nullptr);   // 春節 初一
    EXPECT_NE(calendar.holiday_name(d(2026, 6, 19)), nullptr);  // 端午
    EXPECT_NE(calendar.holiday_name(d(2027, 6, 9)), nullptr);   // 端午
    EXPECT_NE(calendar.holiday_name(d(2026, 9, 25)), nullptr);  // 中秋
    EXPECT_NE(calendar.holiday_name(d(2027, 9, 15)), nullptr);  // 中秋
    EXPECT_NE(calendar.holiday_name(d(2025, 10, 24)), nullptr); // 光復節 補假
    EXPECT_NE(calendar.holiday_name(d(2026, 5, 1)), nullptr);   // 勞動節
}

// A 補假 comes before a Saturday holiday or after a Sunday one, so it is never on a weekend;
// a 補行上班 day is always a Saturday. Either slip would be a typo in the file.
TEST(HolidayCalendar, ShippedFileHasSubstitutesOnWeekdaysAndMakeUpDaysOnSaturdays) {
    const auto& calendar = shipped();
    int substitutes = 0;
    for (Date day = d(2025, 1, 1); day <= d(2027, 12, 31); day = add_days(day, 1)) {
        const std::string* name = calendar.holiday_name(day);
        if (name != nullptr && name->find("補假") != std::string::npos) {
            ++substitutes;
            EXPECT_FALSE(is_weekend(day)) << to_iso(day) << " " << *name;
        }
        if (is_weekend(day) && calendar.is_working_day(day)) {
            EXPECT_EQ(weekday{sys_days{day}}, Saturday) << to_iso(day);
        }
    }
    EXPECT_GT(substitutes, 0);
}

TEST(HolidayCalendar, ParsesBomCommentsHeaderCrlfAndDefaultKind) {
    auto calendar = HolidayCalendar::parse_csv("\xEF\xBB\xBF# comment\r\n"
                                               "date,name,kind\r\n"
                                               "\r\n"
                                               "  2026-10-09 , 國慶日補假 \r\n"
                                               "2026-03-07,補行上班,workday\r\n"
                                               "2026-10-10,國慶日,holiday",
                                               "test.csv");
    ASSERT_NE(calendar.holiday_name(d(2026, 10, 9)), nullptr);
    EXPECT_EQ(*calendar.holiday_name(d(2026, 10, 9)), "國慶日補假");
    EXPECT_FALSE(calendar.is_working_day(d(2026, 10, 10)));
    EXPECT_TRUE(calendar.is_working_day(d(2026, 3, 7)));
}

// Errors name the file, the line and the problem, so the person editing it can fix it.
TEST(HolidayCalendar, BadLinesNameFileLineAndProblem) {
    EXPECT_EQ(parse_error("# header\n2026-02-30,不存在"),
              "holidays.csv line 2 2026-02-30: not a real date (February 2026 has 28 days)");
    EXPECT_EQ(parse_error("115/10/10,國慶日"),
              "holidays.csv line 1 115/10/10: expected a date as YYYY-MM-DD");
    EXPECT_EQ(parse_error("date,name,kind\n2026-10-10,國慶日,vacation"),
              "holidays.csv line 2 vacation: kind must be holiday or workday");
    EXPECT_EQ(parse_error("2026-10-10"),
              "holidays.csv line 1 2026-10-10: expected date,name[,kind], found 1 field(s)");
    EXPECT_EQ(parse_error("2026-10-10,國慶日,holiday,extra"),
              "holidays.csv line 1 2026-10-10,國慶日,holiday,extra: expected date,name[,kind], "
              "found 4 field(s)");
    EXPECT_EQ(parse_error("2026-10-10, ,holiday"),
              "holidays.csv line 1 2026-10-10, ,holiday: the name is empty");
    EXPECT_EQ(parse_error("2026-10-10,國慶日\n\n2026-10-10,國慶日補假"),
              "holidays.csv line 3 2026-10-10: already listed as a holiday (國慶日)");
    // Big5 bytes for 國慶: a file saved in the legacy Taiwanese encoding.
    EXPECT_EQ(parse_error("2026-10-10,\xB0\xEA\xBC\x79"),
              "holidays.csv line 1 (bytes): is not UTF-8; save the file as UTF-8");
}

TEST(HolidayCalendar, HeaderIsOnlyAcceptedBeforeTheFirstEntry) {
    EXPECT_EQ(parse_error("2026-10-10,國慶日\ndate,name,kind"),
              "holidays.csv line 2 date: expected a date as YYYY-MM-DD");
}

} // namespace
} // namespace govpub::domain
