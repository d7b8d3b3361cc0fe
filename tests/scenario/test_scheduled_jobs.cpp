// What the scheduled jobs do with their instances (SPEC §5.6; STYLE.md "Jobs"): a deadlines
// list shows what had been settled by its day, a depository check runs the quarter of its key,
// the settlement's workbook step only reads, run-due's exit status is its worst failure's, and
// `jobs list` / `jobs status` cope with a bad name and a vanished instance. On both backends.
#include "tests/scenario/schedule_scenario.hpp"

#include <filesystem>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <string>

namespace govpub::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

class ScheduledJobs : public ScheduleScenario {};

// A catch-up of 9 June, run after 2026H1 was settled (dated 10 June), lists what was due on
// 9 June: nothing yet. The list of 10 June has 2026H1's payments.
TEST_P(ScheduledJobs, ADeadlinesListShowsOnlyTheSettlementsDatedByItsDay) {
    ASSERT_NO_FATAL_FAILURE(load_demo("", "settle --period 2026H1"));
    auto settle = govpub("settle --period 2026H1");
    ASSERT_EQ(settle.status, 0) << settle.err;
    ASSERT_EQ(sql("SELECT settled_on FROM settlement;"), "2026-06-10\n");
    write_settings("deadlines = daily 06:00\n");

    auto r = run_due("2026-06-09 07:00");
    EXPECT_EQ(results_of(r.out), "deadlines date=2026-06-09 completed\n") << r.out << r.err;
    EXPECT_EQ(read_file(data_ / "reports/due_2026-06-09.json"),
              "{\"as_of\":\"2026-06-09\",\"obligations\":[]}");
    r = run_due("2026-06-10 07:00");
    EXPECT_EQ(results_of(r.out), "deadlines date=2026-06-10 completed\n") << r.out << r.err;
    const std::string due = read_file(data_ / "reports/due_2026-06-10.json");
    EXPECT_THAT(due, HasSubstr("\"subject\":\"2026H1/S01/A001\""));
    EXPECT_THAT(due, HasSubstr("\"status\":\"open\""));
}

// A depository instance is the quarter of its key, whatever day it was scheduled for; a key
// that names no quarter fails as bad input (exit status 1) and holds nothing back. With a
// system failure in the same run, the run's status is the worse one, 3 (SPEC §5.1).
TEST_P(ScheduledJobs, ADepositoryCheckRunsTheQuarterOfItsKeyAndTheWorstFailureSetsTheStatus) {
    write_settings("depository = quarterly 1 04:00\ndeadlines = daily 06:00\n");
    change("INSERT INTO job_instance (id, job, job_key, scheduled_for, created_at, status, "
           "steps_done) VALUES "
           "(1, 'depository', 'quarter=2026Q2', '2026-07-01 04:00', '2026-06-30T20:00:00Z', "
           "'pending', 0), "
           "(2, 'depository', 'quarter=2026Q5', '2026-07-01 04:00', '2026-06-30T20:00:00Z', "
           "'pending', 0);");
    auto r = run_due("2026-07-01 07:00");
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_EQ(results_of(r.out), "depository quarter=2026Q2 completed\n"
                                 "depository quarter=2026Q5 failed\n"
                                 "depository quarter=2026Q3 completed\n"
                                 "deadlines date=2026-07-01 completed\n")
        << r.out;
    EXPECT_THAT(r.out, HasSubstr("2026Q5: expected a year and a quarter such as 2026Q3"));
    EXPECT_EQ(sql("SELECT job_key, status FROM job_instance WHERE job = 'depository' ORDER BY id;"),
              "quarter=2026Q2|completed\nquarter=2026Q5|pending\nquarter=2026Q3|completed\n");

    fs::remove_all(data_ / "reports");
    write_file(data_ / "reports", "not a folder"); // the deadlines list cannot be written
    r = run_due("2026-07-02 07:00");
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_EQ(results_of(r.out), "depository quarter=2026Q5 failed\n"
                                 "deadlines date=2026-07-02 failed\n")
        << r.out;
}

// Step 2 of `settle` writes the workbook of the closed period; it never settles. A database
// where step 1 is recorded as done but the period is open (restored, or changed by hand) fails
// with a message saying so, and nothing is settled.
TEST_P(ScheduledJobs, TheWorkbookStepOfAnOpenPeriodFailsAndSettlesNothing) {
    write_settings("settle = half-yearly 02:00\n");
    change("INSERT INTO job_instance (id, job, job_key, scheduled_for, created_at, status, "
           "steps_done) VALUES (1, 'settle', 'period=2026H1', '2026-06-10 02:00', "
           "'2026-06-09T18:00:00Z', 'failed', 1);\n"
           "INSERT INTO job_schedule (job, checked_until) VALUES ('settle', '2026-06-10 02:00');");
    auto r = run_due("2026-06-10 07:00");
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_EQ(results_of(r.out), "settle period=2026H1 failed (resumed at step 2)\n") << r.out;
    EXPECT_THAT(r.out, HasSubstr("step 1 is recorded as done but the period is not closed"));
    EXPECT_EQ(sql("SELECT COUNT(*) FROM settlement;"), "0\n");
    EXPECT_FALSE(fs::exists(data_ / "reports/settlement_2026H1.xlsx"));
}

TEST_P(ScheduledJobs, JobsListRefusesAJobGovpubDoesNotRun) {
    auto r = govpub("jobs list --job nosuch");
    EXPECT_EQ(r.status, 1) << r.out;
    EXPECT_THAT(r.err, HasSubstr("nosuch"));
    EXPECT_THAT(r.err, HasSubstr("settle, reconcile, deadlines or depository"));
    r = govpub("jobs list --job deadlines");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "no job has run yet\n");
}

// An instance may be deleted while `jobs status` reads (a request refused on its first
// attempt is forgotten): its executions are left out, the others shown.
TEST_P(ScheduledJobs, JobsStatusLeavesOutAnExecutionWhoseInstanceIsGone) {
    write_settings("deadlines = daily 06:00\n");
    ASSERT_EQ(run_due("2026-06-10 07:00").status, 0);
    ASSERT_EQ(run_due("2026-06-11 07:00").status, 0);
    change(std::string(GetParam() == "mariadb" ? "SET FOREIGN_KEY_CHECKS = 0;\n" : "") +
           "DELETE FROM job_instance WHERE job_key = 'date=2026-06-10';");
    ASSERT_EQ(sql("SELECT COUNT(*) FROM job_execution;"), "2\n");
    auto r = govpub("jobs status");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("#2  deadlines date=2026-06-11  completed"));
    EXPECT_THAT(r.out, Not(HasSubstr("#1 "))) << "the execution of the deleted instance";
}

INSTANTIATE_TEST_SUITE_P(Backends, ScheduledJobs, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::test
