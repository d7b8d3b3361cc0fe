// When scheduled jobs fall due (SPEC §5.6, config/govpub.ini [schedule]): the four forms of a
// schedule line, the settlement's run day (SPEC §4.6, 附件一 註三: settlement.run_day of the
// month after each period end), and the catch-up rules of STYLE.md "Jobs" — missed
// occurrences oldest first, each once; the first look takes only the latest one.
#include "domain/errors.hpp"
#include "jobs/schedule.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace govpub::jobs {
namespace {

using namespace std::chrono;

constexpr domain::Date d(int y, unsigned m, unsigned dd) {
    return domain::Date{year{y}, month{m}, day{dd}};
}

LocalMinute at(const std::string& text) { return LocalMinute::parse("test", text); }

std::vector<std::string> texts(const std::vector<LocalMinute>& found) {
    std::vector<std::string> out;
    for (const auto& t : found)
        out.push_back(t.text());
    return out;
}

const domain::PeriodScheme DEFAULT{}; // H1 ends in May, H2 in November, run day the 10th

std::vector<std::string> between(const std::string& line, const std::string& after,
                                 const std::string& until,
                                 const domain::PeriodScheme& scheme = DEFAULT) {
    return texts(occurrences(ScheduleEntry::parse("job", line), scheme, at(after), at(until)));
}

std::vector<std::string> first_look(const std::string& line, const std::string& until,
                                    const domain::PeriodScheme& scheme = DEFAULT) {
    return texts(occurrences(ScheduleEntry::parse("job", line), scheme, std::nullopt, at(until)));
}

// ---- LocalMinute ----

TEST(LocalMinute, ParsesSpaceOrTSeparatedTimesAndADateAlone) {
    const auto a = LocalMinute::parse("--now", "2026-06-10 02:00");
    EXPECT_EQ(a.date, d(2026, 6, 10));
    EXPECT_EQ(a.minutes, 120);
    EXPECT_EQ(a.text(), "2026-06-10 02:00");
    EXPECT_EQ(LocalMinute::parse("--now", "2026-06-10T23:59").text(), "2026-06-10 23:59");
    const auto midnight = LocalMinute::parse("--now", "2026-12-31");
    EXPECT_EQ(midnight.minutes, 0);
    EXPECT_EQ(midnight.text(), "2026-12-31 00:00");
}

TEST(LocalMinute, OrdersByDateThenTime) {
    EXPECT_LT(at("2026-06-10 02:00"), at("2026-06-10 02:01"));
    EXPECT_LT(at("2026-06-09 23:59"), at("2026-06-10 00:00"));
    EXPECT_EQ(at("2026-06-10"), at("2026-06-10 00:00"));
}

TEST(LocalMinute, RefusesBadTimesNamingTheField) {
    for (const char* text : {"", "2026-06-10 2:00", "2026-06-10 24:00", "2026-06-10 12:60",
                             "2026-06-10X02:00", "2026-13-01 02:00", "2026-02-30 02:00",
                             "2026-06-10 02:00:00", "tomorrow"}) {
        try {
            LocalMinute::parse("--now", text);
            ADD_FAILURE() << "'" << text << "' was accepted";
        } catch (const domain::InvalidValue& e) {
            EXPECT_EQ(e.field(), "--now") << text;
            EXPECT_NE(std::string(e.what()).find("2026-06-10 02:00"), std::string::npos)
                << "the message shows an example: " << e.what();
        }
    }
}

// ---- ScheduleEntry::parse ----

TEST(ScheduleEntry, ParsesTheFourForms) {
    const auto daily = ScheduleEntry::parse("deadlines", "daily 06:00");
    EXPECT_EQ(daily.job, "deadlines");
    EXPECT_EQ(daily.frequency, Frequency::daily);
    EXPECT_EQ(daily.minutes, 6 * 60);

    const auto monthly = ScheduleEntry::parse("reconcile", "monthly 1 03:00");
    EXPECT_EQ(monthly.frequency, Frequency::monthly);
    EXPECT_EQ(monthly.day, 1u);
    EXPECT_EQ(monthly.minutes, 3 * 60);

    const auto quarterly = ScheduleEntry::parse("depository", "quarterly 28 04:30");
    EXPECT_EQ(quarterly.frequency, Frequency::quarterly);
    EXPECT_EQ(quarterly.day, 28u);
    EXPECT_EQ(quarterly.minutes, 4 * 60 + 30);

    const auto half = ScheduleEntry::parse("settle", "  half-yearly 02:00  ");
    EXPECT_EQ(half.frequency, Frequency::half_yearly);
    EXPECT_EQ(half.minutes, 2 * 60);
}

TEST(ScheduleEntry, RefusesBadLinesNamingTheKey) {
    for (const char* text :
         {"", "weekly 06:00", "Daily 06:00", "daily", "daily 6:00", "daily 24:00", "daily 06:60",
          "daily 06:00 extra", "half-yearly", "half-yearly 10 02:00", "monthly 03:00",
          "monthly 0 03:00", "monthly 29 03:00", "monthly +1 03:00", "monthly 1",
          "monthly 1 03:00 x", "quarterly 31 04:00", "quarterly 1 4:00"}) {
        try {
            ScheduleEntry::parse("reconcile", text);
            ADD_FAILURE() << "'" << text << "' was accepted";
        } catch (const domain::InvalidValue& e) {
            EXPECT_EQ(e.field(), "schedule.reconcile") << text;
            EXPECT_NE(std::string(e.what()).find("schedule.reconcile"), std::string::npos)
                << e.what();
        }
    }
}

TEST(ScheduleEntry, ParseScheduleKeepsAFixedOrderSettleFirst) {
    const auto entries = parse_schedule({{"deadlines", "daily 06:00"},
                                         {"depository", "quarterly 1 04:00"},
                                         {"reconcile", "monthly 1 03:00"},
                                         {"settle", "half-yearly 02:00"}});
    ASSERT_EQ(entries.size(), 4u);
    EXPECT_EQ(entries[0].job, "settle");
    EXPECT_EQ(entries[1].job, "reconcile");
    EXPECT_EQ(entries[2].job, "deadlines");
    EXPECT_EQ(entries[3].job, "depository");
    EXPECT_EQ(parse_schedule({{"reconcile", "monthly 1 03:00"}}).size(), 1u);
    EXPECT_THROW(parse_schedule({{"settle", "yearly 02:00"}}), domain::InvalidValue);
}

// ---- occurrences ----

TEST(Occurrences, DailyEveryDayAtItsTime) {
    EXPECT_EQ(between("daily 06:00", "2026-03-01 07:00", "2026-03-04 07:00"),
              (std::vector<std::string>{"2026-03-02 06:00", "2026-03-03 06:00",
                                        "2026-03-04 06:00"}));
    // An occurrence exactly at `after` was seen last time; one exactly at `until` is due now.
    EXPECT_EQ(between("daily 06:00", "2026-03-01 06:00", "2026-03-02 06:00"),
              (std::vector<std::string>{"2026-03-02 06:00"}));
    EXPECT_TRUE(between("daily 06:00", "2026-03-01 06:00", "2026-03-02 05:59").empty());
}

TEST(Occurrences, MonthlyOnItsDay) {
    EXPECT_EQ(between("monthly 1 03:00", "2026-01-15 00:00", "2026-05-01 02:59"),
              (std::vector<std::string>{"2026-02-01 03:00", "2026-03-01 03:00",
                                        "2026-04-01 03:00"}));
    EXPECT_EQ(between("monthly 28 03:00", "2026-01-30 00:00", "2026-03-01 00:00"),
              (std::vector<std::string>{"2026-02-28 03:00"}));
}

TEST(Occurrences, QuarterlyInJanuaryAprilJulyOctober) {
    EXPECT_EQ(between("quarterly 1 04:00", "2025-12-31 00:00", "2026-12-31 00:00"),
              (std::vector<std::string>{"2026-01-01 04:00", "2026-04-01 04:00",
                                        "2026-07-01 04:00", "2026-10-01 04:00"}));
}

TEST(Occurrences, HalfYearlyOnTheSettlementRunDays) {
    // SPEC §4.6: H1 (December–May) settles on 10 June, H2 (June–November) on 10 December.
    EXPECT_EQ(between("half-yearly 02:00", "2025-12-31 00:00", "2026-12-31 00:00"),
              (std::vector<std::string>{"2026-06-10 02:00", "2026-12-10 02:00"}));
    // The run day follows settlement.run_day and the months follow period_end_months.
    const domain::PeriodScheme march_september{3, 9, 15};
    EXPECT_EQ(between("half-yearly 02:00", "2025-12-31 00:00", "2026-12-31 00:00",
                      march_september),
              (std::vector<std::string>{"2026-04-15 02:00", "2026-10-15 02:00"}));
    // A period ending in December is settled in January of the next year.
    const domain::PeriodScheme june_december{6, 12, 5};
    EXPECT_EQ(between("half-yearly 02:00", "2026-01-06 00:00", "2027-03-01 00:00",
                      june_december),
              (std::vector<std::string>{"2026-07-05 02:00", "2027-01-05 02:00"}));
    const auto settle = ScheduleEntry::parse("settle", "half-yearly 02:00");
    EXPECT_TRUE(settle.falls_on(d(2026, 6, 10), DEFAULT));
    EXPECT_FALSE(settle.falls_on(d(2026, 6, 11), DEFAULT));
    EXPECT_FALSE(settle.falls_on(d(2026, 5, 10), DEFAULT));
    EXPECT_TRUE(settle.falls_on(d(2026, 12, 10), DEFAULT));
}

TEST(Occurrences, CatchUpAfterAGapReturnsEachMissedOneOnceOldestFirst) {
    // The machine was off from 7 to 14 June: run-due on 15 June at 07:00 catches up.
    EXPECT_EQ(between("daily 06:00", "2026-06-06 07:00", "2026-06-15 07:00"),
              (std::vector<std::string>{"2026-06-07 06:00", "2026-06-08 06:00", "2026-06-09 06:00",
                                        "2026-06-10 06:00", "2026-06-11 06:00", "2026-06-12 06:00",
                                        "2026-06-13 06:00", "2026-06-14 06:00",
                                        "2026-06-15 06:00"}));
    EXPECT_EQ(between("half-yearly 02:00", "2026-06-06 07:00", "2026-06-15 07:00"),
              (std::vector<std::string>{"2026-06-10 02:00"}));
    EXPECT_TRUE(between("monthly 1 03:00", "2026-06-06 07:00", "2026-06-15 07:00").empty());
    // A gap of more than a year still yields every missed settlement, in order.
    EXPECT_EQ(between("half-yearly 02:00", "2025-01-01 00:00", "2026-12-31 00:00"),
              (std::vector<std::string>{"2025-06-10 02:00", "2025-12-10 02:00",
                                        "2026-06-10 02:00", "2026-12-10 02:00"}));
}

TEST(Occurrences, FirstLookReturnsOnlyTheLatestOccurrence) {
    EXPECT_EQ(first_look("daily 06:00", "2026-06-15 07:00"),
              (std::vector<std::string>{"2026-06-15 06:00"}));
    EXPECT_EQ(first_look("daily 06:00", "2026-06-15 05:00"),
              (std::vector<std::string>{"2026-06-14 06:00"}));
    EXPECT_EQ(first_look("monthly 1 03:00", "2026-06-15 07:00"),
              (std::vector<std::string>{"2026-06-01 03:00"}));
    EXPECT_EQ(first_look("quarterly 1 04:00", "2026-06-15 07:00"),
              (std::vector<std::string>{"2026-04-01 04:00"}));
    EXPECT_EQ(first_look("half-yearly 02:00", "2026-01-01 07:00"),
              (std::vector<std::string>{"2025-12-10 02:00"}));
    EXPECT_EQ(first_look("half-yearly 02:00", "2026-06-10 02:00"),
              (std::vector<std::string>{"2026-06-10 02:00"}));
}

TEST(Occurrences, NowEarlierThanAfterReturnsNone) {
    EXPECT_TRUE(between("daily 06:00", "2026-06-15 07:00", "2026-06-01 07:00").empty());
    EXPECT_TRUE(between("daily 06:00", "2026-06-15 07:00", "2026-06-15 07:00").empty());
    EXPECT_TRUE(between("half-yearly 02:00", "2026-12-31 00:00", "2026-06-10 02:00").empty());
}

} // namespace
} // namespace govpub::jobs
