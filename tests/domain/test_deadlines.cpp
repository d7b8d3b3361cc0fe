// Depository, claim and disposal-reply deadlines (要點6(2), 6(4), 11(4); SPEC §4.2, §4.8,
// §4.9) and their working-day roll (民法第122條).
#include "domain/deadlines.hpp"
#include "tests/support/test_support.hpp"

#include <gtest/gtest.h>

namespace govpub::domain {
namespace {

using namespace std::chrono;

constexpr Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

//! Only weekends are off: isolates month arithmetic and the weekend roll.
const HolidayCalendar WEEKENDS_ONLY;

//! The real calendar, as staff run with it.
const HolidayCalendar& shipped() {
    static const HolidayCalendar calendar = HolidayCalendar::parse_csv(
        test::read_file(test::source_dir() / "config" / "holidays.csv"), "holidays.csv");
    return calendar;
}

// 要點6(2): 自收到…一個月內…辦理點收.
TEST(Deadline, CheckInIsDueOneMonthAfterReceipt) {
    // 2026-04-10 is a Friday: nothing to roll.
    EXPECT_EQ(check_in_due(PublicationKind::book, true, d(2026, 3, 10), WEEKENDS_ONLY),
              d(2026, 4, 10));
}

// SPEC §4.2: 03-31 + 1 month is 04-30 (a Thursday), not 05-01.
TEST(Deadline, CheckInClampsToTheLastDayOfAShorterMonth) {
    EXPECT_EQ(check_in_due(PublicationKind::book, true, d(2026, 3, 31), WEEKENDS_ONLY),
              d(2026, 4, 30));
}

// SPEC §4.2: in a leap year 01-31 + 1 month is 02-29 (a Tuesday in 2028).
TEST(Deadline, CheckInClampsToTheLeapDay) {
    EXPECT_EQ(check_in_due(PublicationKind::non_book, true, d(2028, 1, 31), WEEKENDS_ONLY),
              d(2028, 2, 29));
}

// 民法第122條: 2026-10-14 + 1 month is Saturday 11-14, so the deadline is Monday 11-16.
TEST(Deadline, CheckInOnASaturdayMovesToMonday) {
    EXPECT_EQ(check_in_due(PublicationKind::book, true, d(2026, 10, 14), WEEKENDS_ONLY),
              d(2026, 11, 16));
}

// 民法第122條: 2026-08-28 + 1 month is Monday 09-28, 教師節 in the shipped calendar.
TEST(Deadline, CheckInOnAListedHolidayMovesToTheNextWorkingDay) {
    ASSERT_NE(shipped().holiday_name(d(2026, 9, 28)), nullptr);
    EXPECT_EQ(check_in_due(PublicationKind::book, true, d(2026, 8, 28), shipped()), d(2026, 9, 29));
    EXPECT_EQ(check_in_due(PublicationKind::book, true, d(2026, 8, 28), WEEKENDS_ONLY),
              d(2026, 9, 28)); // the holiday, not the weekday, is what moved it
}

// 要點6(2) 但連續性出版品僅於首次收到時辦理點收: later issues of a serial have no check-in.
TEST(Deadline, OnlyASerialsFirstIssueIsCheckedIn) {
    EXPECT_TRUE(needs_check_in(PublicationKind::serial, true));
    EXPECT_FALSE(needs_check_in(PublicationKind::serial, false));
    EXPECT_EQ(check_in_due(PublicationKind::serial, false, d(2026, 3, 10), WEEKENDS_ONLY),
              std::nullopt);
    EXPECT_EQ(check_in_due(PublicationKind::serial, true, d(2026, 3, 10), WEEKENDS_ONLY),
              d(2026, 4, 10));
    // Every other kind is checked in each time, whatever the caller says about issues.
    EXPECT_TRUE(needs_check_in(PublicationKind::book, false));
    EXPECT_TRUE(needs_check_in(PublicationKind::pamphlet, false));
}

// 要點6(2) 點收後二個月內提供服務 + SPEC §4.2: 2025-12-31 + 2 months clamps to 2026-02-28,
// 和平紀念日 on a Saturday; Sunday follows, so service is due Monday 03-02.
TEST(Deadline, ServiceIsDueTwoMonthsAfterCheckInClampedAndRolled) {
    EXPECT_EQ(service_due(d(2025, 12, 31), shipped()), d(2026, 3, 2));
    EXPECT_EQ(service_due(d(2026, 4, 10), shipped()), d(2026, 6, 10));
}

// 民法第122條 with a calendar of the test's own: a weekday holiday moves the deadline by one day.
TEST(Deadline, DisposalReplyIsDueOneMonthAfterTheNoticeRolledOffAHoliday) {
    HolidayCalendar own;
    own.add_holiday(d(2026, 6, 15), "test holiday");
    // 要點11(4) 各機關需於一個月內回覆: 05-15 + 1 month = Monday 06-15, a holiday here.
    EXPECT_EQ(disposal_reply_due(d(2026, 5, 15), own), d(2026, 6, 16));
    EXPECT_EQ(disposal_reply_due(d(2026, 5, 15), WEEKENDS_ONLY), d(2026, 6, 15));
}

// SPEC §4.2: 01-31 + 1 month = 02-28, which in 2026 is a Saturday holiday: Monday 03-02.
TEST(Deadline, DisposalReplyFromJanuaryThirtyFirstClampsThenRolls) {
    EXPECT_EQ(disposal_reply_due(d(2026, 1, 31), shipped()), d(2026, 3, 2));
}

// 要點6(4) 出版機關應於一個月內完成分送.
TEST(Deadline, ClaimIsDueOneMonthAfterTheNotice) {
    auto claim = claim_due(d(2026, 3, 10), d(2026, 1, 5), WEEKENDS_ONLY);
    EXPECT_EQ(claim.due, d(2026, 4, 10));
    EXPECT_FALSE(claim.optional);
}

// 要點6(4) 逾出版日期一年者，出版機關得不予提供: optional only once the year has passed.
TEST(Deadline, AClaimMoreThanAYearAfterPublicationIsOptional) {
    EXPECT_FALSE(claim_is_optional(d(2025, 3, 31), d(2026, 3, 31))); // exactly one year
    EXPECT_TRUE(claim_is_optional(d(2025, 3, 31), d(2026, 4, 1)));
    auto claim = claim_due(d(2026, 4, 1), d(2025, 3, 31), WEEKENDS_ONLY);
    EXPECT_TRUE(claim.optional);
    EXPECT_EQ(claim.due, d(2026, 5, 1)); // optional claims still carry the date to answer by
}

// SPEC §4.2: a publication of 2024-02-29 is a year old on 2025-02-28, not on 03-01.
TEST(Deadline, AClaimForALeapDayPublicationCountsTheYearToTheTwentyEighth) {
    EXPECT_FALSE(claim_is_optional(d(2024, 2, 29), d(2025, 2, 28)));
    EXPECT_TRUE(claim_is_optional(d(2024, 2, 29), d(2025, 3, 1)));
}

// Without a publication date the exemption of 要點6(4) cannot be shown, so the claim is owed.
TEST(Deadline, AClaimWithoutAPublicationDateIsOwed) {
    EXPECT_FALSE(claim_due(d(2026, 3, 10), std::nullopt, WEEKENDS_ONLY).optional);
}

// SPEC §4.8/§4.9: overdue when as_of is after the due date; the due date itself is allowed.
TEST(Deadline, AnObligationIsOverdueOnlyAfterItsDueDate) {
    EXPECT_EQ(obligation_status(d(2026, 4, 10), d(2026, 4, 9)), ObligationStatus::open);
    EXPECT_EQ(obligation_status(d(2026, 4, 10), d(2026, 4, 10)), ObligationStatus::open);
    EXPECT_EQ(obligation_status(d(2026, 4, 10), d(2026, 4, 11)), ObligationStatus::overdue);
    EXPECT_EQ(to_string(ObligationStatus::open), "open");
    EXPECT_EQ(to_string(ObligationStatus::overdue), "overdue");
}

} // namespace
} // namespace govpub::domain
