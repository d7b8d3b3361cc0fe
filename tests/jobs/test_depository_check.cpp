// The quarterly depository check (SPEC §4.9; 要點5, 6(4), 7) on SQLite and on MariaDB: each
// library's receipts against the publications of the agencies it receives, each gap a claim
// to the agency due in a month (rolled, SPEC §4.2), optional past a year, made once.
#include "adapters/db/claim_repository.hpp"
#include "adapters/import/library_import.hpp"
#include "domain/errors.hpp"
#include "jobs/depository_check.hpp"
#include "tests/support/import_fixture.hpp"
#include "tests/support/test_support.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace govpub::jobs {
namespace {

using adapters::db::ClaimRecord;
using govpub::test::write_file;

// Checked on 2026-07-01: 1011500001/2 are new, 1011400003 is more than a year old (optional,
// 要點6(4) 後段), 1011300004 lies before the look-back, 1011500005 is not yet published, and
// 1011500006 has no publication date (owed).
const std::string PUBLICATIONS = "gpn,title,agency,kind,list_price,pub_date\n"
                                 "1011500001,新書甲,A001,book,300,2026-05-10\n"
                                 "1011500002,新書乙,A002,book,300,2026-06-01\n"
                                 "1011400003,舊書丙,A001,book,300,2025-03-15\n"
                                 "1011300004,很舊的書,A001,book,300,2023-01-10\n"
                                 "1011500005,未出版,A002,book,300,2026-09-01\n"
                                 "1011500006,無日期,A002,pamphlet,100,\n";

// D01 receives A001 only (要點5); D02 every agency (an empty list, SPEC §5.2).
const std::string LIBRARIES = "code,name,kind,email,agencies\n"
                              "NCL,國家圖書館,ncl,,\n"
                              "LY,立法院國會圖書館,ly,,\n"
                              "D01,國立臺灣圖書館,depository,,A001\n"
                              "D02,臺北市立圖書館,depository,,\n";

// The NCL holds one copy of 1011500001 where it should hold two (要點7); the LY lacks
// 1011500002 and 1011400003; D01 lacks 1011400003; D02 has everything.
const std::string RECEIPTS = "library,gpn,copies,received_on\n"
                             "NCL,1011500001,1,2026-05-20\n"
                             "NCL,1011500002,2,2026-06-05\n"
                             "NCL,1011400003,2,2025-03-20\n"
                             "NCL,1011500006,2,2026-01-10\n"
                             "LY,1011500001,1,2026-05-20\n"
                             "LY,1011500006,1,2026-01-10\n"
                             "D01,1011500001,1,2026-05-21\n"
                             "D02,1011500001,1,2026-05-21\n"
                             "D02,1011500002,1,2026-06-06\n"
                             "D02,1011400003,1,2025-03-25\n"
                             "D02,1011500006,1,2026-01-12\n";

class DepositoryCheck : public test::ImportFixture {
  protected:
    void load_start_data() override {
        ASSERT_NO_FATAL_FAILURE(import_demo_agencies());
        ASSERT_NO_FATAL_FAILURE(load_publications("publications.csv", PUBLICATIONS, 6u));
        ASSERT_NO_FATAL_FAILURE(load_libraries("libraries.csv", LIBRARIES, 4u));
        receipts("receipts.csv", RECEIPTS);
    }

    //! The check as a job step runs it: inside a write transaction that the step commits.
    DepositoryCheckOutcome check(const std::string& quarter, const std::string& day) {
        adapters::db::WriteTransaction tx(*db_);
        auto outcome =
            run_depository_check(*db_, calendar_, quarter, domain::parse_date_or_throw("day", day));
        tx.commit();
        return outcome;
    }
    long long claim_count() { return scalar("SELECT COUNT(*) FROM claim"); }
};

ClaimRecord claim(std::string library, std::string agency, std::string gpn, long long copies,
                  long long expected, std::string due, bool optional) {
    return ClaimRecord{std::move(library), std::move(agency), std::move(gpn), copies,  expected,
                       "2026Q3",           "2026-07-01",      std::move(due), optional};
}

TEST_P(DepositoryCheck, ClaimsWhatEachLibraryIsShortOfFromTheAgencyItReceives) {
    const auto outcome = check("2026Q3", "2026-07-01");
    EXPECT_EQ(outcome.libraries, 4u);
    EXPECT_EQ(outcome.still_open, 0u);
    // 2026-07-01 + 1 month = 08-01, a Saturday: due Monday 08-03 (SPEC §4.2, 民法122).
    const std::vector<ClaimRecord> expected = {
        // D01 receives A001 only (要點5): the old 1011400003, optional (要點6(4) 後段).
        claim("D01", "A001", "1011400003", 1, 1, "2026-08-03", true),
        // The LY is owed one copy of everything (要點7), the undated pamphlet included.
        claim("LY", "A001", "1011400003", 1, 1, "2026-08-03", true),
        claim("LY", "A002", "1011500002", 1, 1, "2026-08-03", false),
        // The NCL is owed two copies (要點7): one is missing.
        claim("NCL", "A001", "1011500001", 1, 2, "2026-08-03", false),
    };
    EXPECT_EQ(outcome.made, expected);
    EXPECT_EQ(adapters::db::claims_of_quarter(db_->session(), "2026Q3"), expected);
    // Nothing for the publication before the look-back nor the one not yet published.
    for (const auto& c : outcome.made) {
        EXPECT_NE(c.gpn, "1011300004");
        EXPECT_NE(c.gpn, "1011500005");
    }
}

TEST_P(DepositoryCheck, AnUndatedPublicationIsOwedAndNeverOptional) {
    // A library of A002's that has received nothing lacks the undated pamphlet too.
    write_file(dir_ / "more_libraries.csv", "code,name,kind,email,agencies\n"
                                            "D03,高雄市立圖書館,depository,,A002\n");
    adapters::import::LibraryImport libraries(*db_, catalogue());
    ASSERT_EQ(run(dir_ / "more_libraries.csv", libraries).accepted, 1u);
    const auto outcome = check("2026Q3", "2026-07-01");
    std::vector<ClaimRecord> d03;
    for (const auto& c : outcome.made)
        if (c.library == "D03")
            d03.push_back(c);
    // 要點6(4): the exemption needs a publication date older than a year; without one the
    // agency owes it.
    EXPECT_EQ(d03, (std::vector<ClaimRecord>{
                       claim("D03", "A002", "1011500002", 1, 1, "2026-08-03", false),
                       claim("D03", "A002", "1011500006", 1, 1, "2026-08-03", false)}));
}

TEST_P(DepositoryCheck, AClaimDueOnAHolidayMovesToTheNextWorkingDay) {
    // 2026-08-28 + 1 month = 09-28, 教師節 (config/holidays.csv): due 09-29 (SPEC §4.2).
    const auto outcome = check("2026Q3", "2026-08-28");
    ASSERT_FALSE(outcome.made.empty());
    for (const auto& c : outcome.made) {
        EXPECT_EQ(c.notice_date, "2026-08-28");
        EXPECT_EQ(c.due, "2026-09-29") << c.library << "/" << c.gpn;
    }
}

TEST_P(DepositoryCheck, RunningTheSameQuarterAgainMakesNothingNew) {
    const auto first = check("2026Q3", "2026-07-01");
    ASSERT_EQ(first.made.size(), 4u);
    const auto again = check("2026Q3", "2026-07-01");
    EXPECT_TRUE(again.made.empty());
    EXPECT_EQ(again.still_open, 4u);
    EXPECT_EQ(claim_count(), 4);
    EXPECT_EQ(adapters::db::claims_of_quarter(db_->session(), "2026Q3"), first.made);
}

TEST_P(DepositoryCheck, AClaimStillOpenFromAnEarlierQuarterIsNotClaimedAgain) {
    ASSERT_EQ(check("2026Q3", "2026-07-01").made.size(), 4u);
    // 要點6(4): the agency was asked once; an unmet claim stays on the due list as overdue.
    const auto next = check("2026Q4", "2026-10-01");
    EXPECT_EQ(next.still_open, 4u);
    // Only what became owed since: 1011500005, published 2026-09-01, to the NCL (two copies),
    // the LY and D02; D01 does not receive A002's.
    std::vector<std::string> made;
    for (const auto& c : next.made)
        made.push_back(c.library + "/" + c.gpn + "/" + std::to_string(c.copies));
    EXPECT_EQ(made, (std::vector<std::string>{"D02/1011500005/1", "LY/1011500005/1",
                                              "NCL/1011500005/2"}));
    EXPECT_EQ(adapters::db::claims_of_quarter(db_->session(), "2026Q4").size(), 3u);
}

TEST_P(DepositoryCheck, AClaimMetByALaterReceiptIsNoLongerOpen) {
    ASSERT_EQ(check("2026Q3", "2026-07-01").made.size(), 4u);
    // The agency sends the LY its copy and the NCL its second one.
    receipts("late.csv", "library,gpn,copies,received_on\n"
                         "LY,1011500002,1,2026-07-20\n"
                         "NCL,1011500001,1,2026-07-22\n");
    auto gpns_open = [&](const std::string& day) {
        std::vector<std::string> open;
        for (const auto& c : adapters::db::open_claims(db_->session(), day))
            open.push_back(c.library + "/" + c.gpn);
        std::sort(open.begin(), open.end());
        return open;
    };
    EXPECT_EQ(gpns_open("2026-07-19"),
              (std::vector<std::string>{"D01/1011400003", "LY/1011400003", "LY/1011500002",
                                        "NCL/1011500001"}));
    EXPECT_EQ(gpns_open("2026-07-20"),
              (std::vector<std::string>{"D01/1011400003", "LY/1011400003", "NCL/1011500001"}));
    EXPECT_EQ(gpns_open("2026-07-22"),
              (std::vector<std::string>{"D01/1011400003", "LY/1011400003"}));
    EXPECT_TRUE(gpns_open("2026-06-30").empty()) << "no claim before its notice";
    // A met claim is not made again the next quarter either.
    for (const auto& c : check("2026Q4", "2026-10-01").made)
        EXPECT_EQ(c.gpn, "1011500005") << c.library << ": only the newly published one";
}

TEST_P(DepositoryCheck, WorksInsideTheCallersTransactionAndCommitsNothingItself) {
    {
        adapters::db::WriteTransaction tx(*db_);
        const auto outcome = run_depository_check(*db_, calendar_, "2026Q3",
                                                  domain::parse_date_or_throw("day", "2026-07-01"));
        EXPECT_EQ(outcome.made.size(), 4u);
    } // rolled back: the job step failed after the check
    EXPECT_EQ(claim_count(), 0);
}

TEST_P(DepositoryCheck, TheDatabaseRefusesASecondClaimOfTheSameLibraryGpnAndQuarter) {
    const auto made = check("2026Q3", "2026-07-01").made;
    ASSERT_FALSE(made.empty());
    // sql/*/006 UNIQUE (library, gpn, quarter): a claim is made once per quarterly check.
    adapters::db::WriteTransaction tx(*db_);
    auto again = made.front();
    again.notice_date = "2026-07-02";
    EXPECT_THROW(adapters::db::insert_claim(db_->session(), again), soci::soci_error);
}

TEST_P(DepositoryCheck, RefusesAQuarterNotShapedLike2026Q3) {
    adapters::db::WriteTransaction tx(*db_);
    for (const char* bad : {"2026Q5", "2026-3", "26Q3", "2026q3"})
        EXPECT_THROW(run_depository_check(*db_, calendar_, bad,
                                          domain::parse_date_or_throw("day", "2026-07-01")),
                     domain::InvalidValue)
            << bad;
    EXPECT_EQ(claim_count(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, DepositoryCheck, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::jobs
