// Minimum retention (要點6(5)), weeding reasons (要點6(6)) and the last copy (要點7; SPEC §4.1).
#include "domain/errors.hpp"
#include "domain/holiday_calendar.hpp"
#include "domain/retention.hpp"
#include "tests/support/test_support.hpp"

#include <gtest/gtest.h>
#include <set>
#include <string>

namespace govpub::domain {
namespace {

using namespace std::chrono;

constexpr Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// SPEC §4.1: the codes are what the catalogue's `kind` column and the import files hold.
TEST(PublicationKind, EveryCodeReadsBackAsItsKind) {
    std::set<std::string_view> codes;
    for (auto kind : PUBLICATION_KINDS) {
        auto parsed = parse_publication_kind(to_string(kind));
        ASSERT_TRUE(parsed) << to_string(kind);
        EXPECT_EQ(*parsed, kind);
        codes.insert(to_string(kind));
    }
    EXPECT_EQ(codes,
              (std::set<std::string_view>{"book", "serial", "non_book", "electronic", "pamphlet"}));
}

// 要點6(5) lists five kinds; a sixth is a typo, not a new kind with a guessed retention.
TEST(PublicationKind, RefusesAnUnknownCodeNamingTheFive) {
    auto parsed = parse_publication_kind("magazine");
    EXPECT_FALSE(parsed);
    EXPECT_TRUE(contains(parsed.error, "magazine")) << parsed.error;
    EXPECT_TRUE(contains(parsed.error, "要點6(5)")) << parsed.error;
    EXPECT_FALSE(parse_publication_kind("Book")); // ids are exact; adapters map labels
    try {
        parse_publication_kind_or_throw("magazine");
        FAIL() << "no exception";
    } catch (const InvalidValue& error) {
        EXPECT_EQ(error.field(), "publication kind");
        EXPECT_EQ(error.value(), "magazine");
        EXPECT_TRUE(contains(error.rule(), "non_book")) << error.rule();
    }
}

// 要點6(5): 圖書五年；連續性出版品、非書資料及電子出版品三年；文宣資料或小冊子得僅保存一年.
TEST(Retention, MinimumYearsFollowThePublicationKind) {
    EXPECT_EQ(minimum_retention_years(PublicationKind::book), 5);
    EXPECT_EQ(minimum_retention_years(PublicationKind::serial), 3);
    EXPECT_EQ(minimum_retention_years(PublicationKind::non_book), 3);
    EXPECT_EQ(minimum_retention_years(PublicationKind::electronic), 3);
    EXPECT_EQ(minimum_retention_years(PublicationKind::pamphlet), 1);
}

// 要點6(5), SPEC §4.1: counted from the day the holder received the item.
TEST(Retention, EndsTheSameDayYearsAfterReceipt) {
    EXPECT_EQ(retention_end(PublicationKind::book, d(2026, 3, 10)), d(2031, 3, 10));
    EXPECT_EQ(retention_end(PublicationKind::serial, d(2026, 3, 10)), d(2029, 3, 10));
    EXPECT_EQ(retention_end(PublicationKind::pamphlet, d(2026, 3, 10)), d(2027, 3, 10));
}

// SPEC §4.2: "N years after D" clamps 02-29 to 02-28 in a common year.
TEST(Retention, ALeapDayReceiptEndsOnTheTwentyEighth) {
    EXPECT_EQ(retention_end(PublicationKind::pamphlet, d(2024, 2, 29)), d(2025, 2, 28));
    EXPECT_EQ(retention_end(PublicationKind::serial, d(2024, 2, 29)), d(2027, 2, 28));
    // Four years on is a leap year again, but no kind keeps four years; 2029 is common.
    EXPECT_EQ(retention_end(PublicationKind::book, d(2024, 2, 29)), d(2029, 2, 28));
}

// SPEC §4.2: retention end dates do not move to a working day; they are no deadline.
TEST(Retention, EndIsNotRolledOffAHolidayOrWeekend) {
    const auto calendar = HolidayCalendar::parse_csv(
        test::read_file(test::source_dir() / "config" / "holidays.csv"), "holidays.csv");
    // 2026-02-28 is 和平紀念日 and a Saturday; 2026-10-10 is 國慶日 and a Saturday.
    ASSERT_FALSE(calendar.is_working_day(d(2026, 2, 28)));
    ASSERT_FALSE(calendar.is_working_day(d(2026, 10, 10)));
    EXPECT_EQ(retention_end(PublicationKind::pamphlet, d(2025, 2, 28)), d(2026, 2, 28));
    EXPECT_EQ(retention_end(PublicationKind::pamphlet, d(2025, 10, 10)), d(2026, 10, 10));
}

TEST(Weeding, EveryReasonIdReadsBackAsItsReason) {
    std::set<std::string_view> ids;
    for (auto reason : WEEDING_REASONS) {
        auto parsed = parse_weeding_reason(to_string(reason));
        ASSERT_TRUE(parsed) << to_string(reason);
        EXPECT_EQ(*parsed, reason);
        EXPECT_EQ(parse_weeding_reason_or_throw(to_string(reason)), reason);
        ids.insert(to_string(reason));
    }
    EXPECT_EQ(ids,
              (std::set<std::string_view>{"outdated", "damaged", "superseded", "rare_language",
                                          "near_duplicate", "unused_5y", "compiled", "digitised"}));
}

// 要點6(6) has exactly eight items; anything else is not a ground to weed early.
TEST(Weeding, RefusesAnUnknownReasonNamingTheRule) {
    try {
        parse_weeding_reason_or_throw("too_old");
        FAIL() << "no exception";
    } catch (const InvalidValue& error) {
        EXPECT_EQ(error.field(), "weeding reason");
        EXPECT_EQ(error.value(), "too_old");
        EXPECT_TRUE(contains(error.rule(), "要點6(6)")) << error.rule();
        EXPECT_TRUE(contains(error.rule(), "digitised")) << error.rule();
    }
    auto parsed = parse_weeding_reason("digitized"); // American spelling is not the id
    EXPECT_FALSE(parsed);
    EXPECT_TRUE(contains(parsed.error, "weeding reason digitized")) << parsed.error;
}

// 要點6(6) 1.–8.: the ids keep the regulation's order, so each names its item.
TEST(Weeding, EachReasonNamesItsItemOfTheRegulation) {
    EXPECT_EQ(regulation_point(WeedingReason::outdated), "要點6(6)1");
    EXPECT_EQ(regulation_point(WeedingReason::damaged), "要點6(6)2");
    EXPECT_EQ(regulation_point(WeedingReason::unused_5y), "要點6(6)6");
    EXPECT_EQ(regulation_point(WeedingReason::digitised), "要點6(6)8");
    EXPECT_EQ(regulation_text(WeedingReason::unused_5y), "五年內未曾借出或利用");
    EXPECT_EQ(regulation_text(WeedingReason::digitised), "已有掃描或其他電子化方式保存");
}

// 要點6(5), 6(7): past its minimum retention an item may go, reason or not — from the end
// date itself, not the day after.
TEST(Weeding, AllowedFromTheDayRetentionEnds) {
    auto on_end = may_weed(PublicationKind::book, d(2021, 3, 1), d(2026, 3, 1), std::nullopt);
    EXPECT_TRUE(on_end.allowed);
    EXPECT_EQ(on_end.retention_end, d(2026, 3, 1));
    EXPECT_EQ(on_end.point, "要點6(5)");
    EXPECT_TRUE(contains(on_end.rule, "ended 2026-03-01")) << on_end.rule;

    auto day_before = may_weed(PublicationKind::book, d(2021, 3, 1), d(2026, 2, 28), std::nullopt);
    EXPECT_FALSE(day_before.allowed);
}

// 要點6(6): 未逾保存年限而有下列情形之一者，得予淘汰.
TEST(Weeding, AllowedEarlyWithOneOfTheEightReasons) {
    auto verdict =
        may_weed(PublicationKind::book, d(2025, 1, 10), d(2026, 1, 5), WeedingReason::damaged);
    EXPECT_TRUE(verdict.allowed);
    EXPECT_EQ(verdict.retention_end, d(2030, 1, 10));
    EXPECT_EQ(verdict.point, "要點6(6)2");
    EXPECT_TRUE(contains(verdict.rule, "damaged")) << verdict.rule;
    EXPECT_NO_THROW(check_may_weed(PublicationKind::book, d(2025, 1, 10), d(2026, 1, 5),
                                   WeedingReason::damaged));
}

// 要點6(5): within retention and without a reason, weeding is refused, and the refusal says
// until when and what would allow it.
TEST(Weeding, RefusedWithinRetentionWithoutAReason) {
    auto verdict = may_weed(PublicationKind::serial, d(2025, 4, 1), d(2026, 4, 1), std::nullopt);
    EXPECT_FALSE(verdict.allowed);
    EXPECT_EQ(verdict.point, "要點6(5)");
    EXPECT_TRUE(contains(verdict.rule, "until 2028-04-01")) << verdict.rule;
    EXPECT_TRUE(contains(verdict.rule, "要點6(6)")) << verdict.rule;
    try {
        check_may_weed(PublicationKind::serial, d(2025, 4, 1), d(2026, 4, 1), std::nullopt);
        FAIL() << "no exception";
    } catch (const Refused& refused) {
        EXPECT_EQ(refused.point(), "要點6(5)");
        EXPECT_TRUE(contains(refused.what(), "serial received 2025-04-01")) << refused.what();
    }
}

// 要點6(5) 3.: a pamphlet may go after one year, a book received the same day may not.
TEST(Weeding, APamphletMayGoWhenABookMayNot) {
    EXPECT_TRUE(may_weed(PublicationKind::pamphlet, d(2025, 6, 30), d(2026, 6, 30), {}).allowed);
    EXPECT_FALSE(may_weed(PublicationKind::book, d(2025, 6, 30), d(2026, 6, 30), {}).allowed);
}

// 要點7 惟應至少保存一冊（部、件）或電子檔: one copy left is enough.
TEST(LastCopy, AllowsAnActionThatLeavesACopy) {
    EXPECT_EQ(last_copy_problem("A003", "1011500001", {3, false}, 2), std::nullopt);
    EXPECT_NO_THROW(check_last_copy("A003", "1011500001", {3, false}, 2));
}

// 要點7: an e-file is enough on its own, so every copy may go.
TEST(LastCopy, AllowsRemovingEveryCopyWhenAnEFileIsKept) {
    EXPECT_EQ(last_copy_problem("A003", "1011500001", {2, true}, 2), std::nullopt);
}

// 要點7: removing the last copies with no e-file is refused, saying what is held and what to
// do instead.
TEST(LastCopy, RefusesRemovingTheLastCopyWithoutAnEFile) {
    auto problem = last_copy_problem("A003", "1011500001", {2, false}, 2);
    ASSERT_TRUE(problem);
    EXPECT_TRUE(contains(*problem, "agency A003")) << *problem;
    EXPECT_TRUE(contains(*problem, "GPN 1011500001")) << *problem;
    EXPECT_TRUE(contains(*problem, "none of the 2 copies held")) << *problem;
    EXPECT_TRUE(contains(*problem, "no e-file")) << *problem;
    EXPECT_TRUE(contains(*problem, "reply keep or return")) << *problem;
    try {
        check_last_copy("A003", "1011500001", {1, false}, 1);
        FAIL() << "no exception";
    } catch (const Refused& refused) {
        EXPECT_EQ(refused.point(), "要點7");
        EXPECT_TRUE(contains(refused.what(), "1 copy would leave none of the 1 copy held"))
            << refused.what();
        EXPECT_TRUE(contains(refused.what(), "(要點7)")) << refused.what();
    }
}

// An action that removes nothing (a keep reply) never breaks 要點7, even with nothing held.
TEST(LastCopy, RemovingNothingIsNeverRefused) {
    EXPECT_EQ(last_copy_problem("A003", "1011500001", {0, false}, 0), std::nullopt);
}

// Impossible counts mean the stock figures are wrong; 要點7 cannot be judged on them.
TEST(LastCopy, RejectsCountsThatCannotBeTrue) {
    EXPECT_THROW(last_copy_problem("A003", "1011500001", {2, true}, 3), InvalidValue);
    EXPECT_THROW(last_copy_problem("A003", "1011500001", {2, true}, -1), InvalidValue);
    EXPECT_THROW(last_copy_problem("A003", "1011500001", {-1, true}, 0), InvalidValue);
    try {
        check_last_copy("A003", "1011500001", {2, false}, 5);
        FAIL() << "no exception";
    } catch (const InvalidValue& error) {
        EXPECT_EQ(error.field(), "copies removed");
        EXPECT_EQ(error.value(), "5");
        EXPECT_TRUE(contains(error.rule(), "only 2 copies held")) << error.rule();
    }
}

} // namespace
} // namespace govpub::domain
