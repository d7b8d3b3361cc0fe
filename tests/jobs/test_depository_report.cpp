// The depository report's model from the database (SPEC §4.9, §5.4; 要點6(2), 6(4)) on SQLite
// and on MariaDB: check-ins and services judged on time, late or overdue as of a day, and the
// claims of the quarterly check open, optional or met.
#include "jobs/depository_check.hpp"
#include "jobs/depository_report.hpp"
#include "tests/support/import_fixture.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace govpub::jobs {
namespace {

const std::string PUBLICATIONS = "gpn,title,agency,kind,list_price,pub_date\n"
                                 "1011500001,新書甲,A001,book,300,2026-05-10\n"
                                 "1011500002,新書乙,A002,book,300,2026-06-01\n"
                                 "2011500007,新期刊,A001,serial,200,2026-01-01\n";

const std::string LIBRARIES = "code,name,kind,email,agencies\n"
                              "NCL,國家圖書館,ncl,,\n"
                              "LY,立法院國會圖書館,ly,,\n"
                              "D01,國立臺灣圖書館,depository,,A001\n";

// Deadlines (要點6(2), rolled per SPEC §4.2 with config/holidays.csv):
// NCL 1011500001: check-in due 07-01, done 06-15; service due 08-17, done 07-01: on time.
// NCL 1011500002: check-in due 07-10, done 07-20 (late); service due 09-21, not done: overdue.
// LY 1011500001: check-in due 09-01, not done: overdue. LY 1011500002: due 10-15, not yet.
// D01 2011500007: a serial's first issue checked in and served on time; its second issue
// needs no check-in. D01 1011500001: checked in 10-05, after the day: overdue since 09-21.
const std::string RECEIPTS = "library,gpn,copies,received_on,checked_in_on,in_service_on\n"
                             "NCL,1011500001,2,2026-06-01,2026-06-15,2026-07-01\n"
                             "NCL,1011500002,2,2026-06-10,2026-07-20,\n"
                             "LY,1011500001,1,2026-08-01,,\n"
                             "LY,1011500002,1,2026-09-15,,\n"
                             "D01,2011500007,1,2026-02-01,2026-02-10,2026-03-01\n"
                             "D01,2011500007,1,2026-03-01,,\n"
                             "D01,1011500001,1,2026-08-20,2026-10-05,\n";

class DepositoryReportModel : public test::ImportFixture {
  protected:
    void load_start_data() override {
        ASSERT_NO_FATAL_FAILURE(import_demo_agencies());
        ASSERT_NO_FATAL_FAILURE(load_publications("publications.csv", PUBLICATIONS, 3u));
        ASSERT_NO_FATAL_FAILURE(load_libraries("libraries.csv", LIBRARIES, 3u));
        receipts("receipts.csv", RECEIPTS);
        // The check of 2026-07-01 claims the new serial for the NCL (2 copies) and the LY
        // (要點6(4), 7); the LY's copy arrives on 07-15, checked in and served on time.
        {
            adapters::db::WriteTransaction tx(*db_);
            ASSERT_EQ(run_depository_check(*db_, calendar_, "2026Q3",
                                           domain::parse_date_or_throw("day", "2026-07-01"))
                          .made.size(),
                      2u);
            tx.commit();
        }
        receipts("late.csv", "library,gpn,copies,received_on,checked_in_on,in_service_on\n"
                             "LY,2011500007,1,2026-07-15,2026-07-20,2026-08-01\n");
    }

    reports::DepositoryReport report(const std::string& day) {
        return depository_report(*db_, calendar_, domain::parse_date_or_throw("day", day),
                                 "2026-10-01 04:00");
    }
};

//! "code received ci_judged/ci_on_time sv_judged/sv_on_time overdue claims".
std::string compliance(const reports::DepositoryLibraryRow& r) {
    return r.code + " " + std::to_string(r.received) + " " + std::to_string(r.check_ins_judged) +
           "/" + std::to_string(r.checked_in_on_time) + " " + std::to_string(r.services_judged) +
           "/" + std::to_string(r.in_service_on_time) + " " + std::to_string(r.overdue) + " " +
           std::to_string(r.open_claims);
}

TEST_P(DepositoryReportModel, JudgesEachCheckInAndServiceAsOfTheDay) {
    const auto r = report("2026-09-30");
    std::vector<std::string> seen;
    for (const auto& l : r.libraries)
        seen.push_back(compliance(l));
    EXPECT_EQ(seen, (std::vector<std::string>{"D01 3 2/1 1/1 1 0", "LY 3 2/1 1/1 1 0",
                                              "NCL 2 2/1 2/1 1 1"}));
    std::vector<std::string> overdue;
    for (const auto& o : r.overdue)
        overdue.push_back(o.library_code + "/" + o.gpn + "/" + o.obligation + "/" +
                          domain::to_iso(o.due) + "/" + std::to_string(o.days_late));
    EXPECT_EQ(overdue, (std::vector<std::string>{"D01/1011500001/check_in/2026-09-21/9",
                                                 "LY/1011500001/check_in/2026-09-01/29",
                                                 "NCL/1011500002/service/2026-09-21/9"}));
    ASSERT_FALSE(r.overdue.empty());
    EXPECT_EQ(r.overdue[0].title, "新書甲");
    EXPECT_EQ(r.overdue[0].library_name, "國立臺灣圖書館");
}

TEST_P(DepositoryReportModel, ShowsClaimsOpenAndMetPerAgency) {
    const auto r = report("2026-09-30");
    ASSERT_EQ(r.agencies.size(), 1u);
    EXPECT_EQ(r.agencies[0].code, "A001");
    EXPECT_EQ(r.agencies[0].name, "文化部");
    EXPECT_EQ(r.agencies[0].open, 1);
    EXPECT_EQ(r.agencies[0].optional, 0);
    EXPECT_EQ(r.agencies[0].overdue, 1); // 要點6(4): due within a month, 2026-08-03
    EXPECT_EQ(r.agencies[0].met, 1);     // the LY's copy of 07-15
    ASSERT_EQ(r.claims.size(), 1u);
    const auto& c = r.claims[0];
    EXPECT_EQ(c.library_code + "/" + c.gpn + "/" + std::to_string(c.copies), "NCL/2011500007/2");
    EXPECT_EQ(c.title, "新期刊");
    EXPECT_EQ(c.quarter, "2026Q3");
    EXPECT_EQ(domain::to_iso(c.due), "2026-08-03");
    EXPECT_EQ(c.days_late, 58);
}

TEST_P(DepositoryReportModel, AnEarlierDayIgnoresWhatHappenedAfterIt) {
    const auto r = report("2026-07-10");
    // On 07-10 the LY had not yet received the serial, and no deadline but 07-01 had passed.
    ASSERT_EQ(r.agencies.size(), 1u);
    EXPECT_EQ(r.agencies[0].open, 2);
    EXPECT_EQ(r.agencies[0].met, 0);
    EXPECT_EQ(r.agencies[0].overdue, 0);
    std::vector<std::string> seen;
    for (const auto& l : r.libraries)
        seen.push_back(compliance(l));
    EXPECT_EQ(seen, (std::vector<std::string>{"D01 2 1/1 1/1 0 0", "LY 0 0/0 0/0 0 1",
                                              "NCL 2 1/1 1/1 0 1"}));
    EXPECT_TRUE(r.overdue.empty());
    // Before the check nothing had been claimed.
    EXPECT_TRUE(report("2026-06-30").claims.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, DepositoryReportModel, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::jobs
