// The rules of `govpub jobs run-due` beyond a year of good days (SPEC §5.6; STYLE.md "Jobs"):
// a failed settlement is tried again and holds back what comes after it, a past --now rewinds
// nothing, a --now in the future is refused unless asked for, one run-due at a time, jobs
// taken off the schedule are left alone, and a stuck execution is recovered by hand. On both
// backends, through the govpub binary, the job repository read back with SQL.
#include "adapters/db/database.hpp"
#include "tests/scenario/schedule_scenario.hpp"

#include <ctime>
#include <filesystem>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <string>

namespace govpub::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class SchedulerRules : public ScheduleScenario {
  protected:
    //! Makes every job that writes a report fail with an I/O error (exit status 3): the
    //! reports folder is a file.
    void block_reports() {
        fs::create_directories(data_);
        write_file(data_ / "reports", "not a folder");
    }
    void unblock_reports() { fs::remove(data_ / "reports"); }
};

//! The local time `minutes` from now, as --now takes it.
std::string local_time_in(int minutes) {
    const std::time_t t = std::time(nullptr) + minutes * 60;
    std::tm parts{};
    localtime_r(&t, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &parts);
    return text;
}

// STYLE.md "Jobs": a failed instance is tried again by the next run-due. While a settlement
// has not completed, what comes after it waits (a deadlines list made without the settlement
// would never be made again), and runs once the settlement has completed, oldest first.
TEST_P(SchedulerRules, AFailedSettlementIsRetriedAndHoldsBackTheJobsAfterIt) {
    write_settings("settle = half-yearly 02:00\ndeadlines = daily 06:00\n");
    block_reports();
    auto first = run_due("2026-06-10 07:00");
    EXPECT_EQ(first.status, 3) << "a failure to write a file is a system failure\n" << first.err;
    EXPECT_EQ(results_of(first.out), "settle period=2026H1 failed\n"
                                     "deadlines date=2026-06-10 waiting\n")
        << first.out;
    EXPECT_THAT(first.out,
                HasSubstr("\"detail\":\"waiting for settle period=2026H1 to complete\""));
    // The close (step 1) committed; the workbook (step 2) did not. The deadlines never started.
    EXPECT_EQ(sql("SELECT job, status, steps_done FROM job_instance ORDER BY id;"),
              "settle|failed|1\ndeadlines|pending|0\n");
    EXPECT_EQ(sql("SELECT COUNT(*) FROM job_execution;"), "1\n");

    auto second = run_due("2026-06-11 07:00");
    EXPECT_EQ(second.status, 3) << second.err;
    EXPECT_EQ(results_of(second.out), "settle period=2026H1 failed (resumed at step 2)\n"
                                      "deadlines date=2026-06-10 waiting\n"
                                      "deadlines date=2026-06-11 waiting\n")
        << second.out;

    unblock_reports();
    auto third = run_due("2026-06-11 07:00");
    EXPECT_EQ(third.status, 0) << third.err;
    EXPECT_EQ(results_of(third.out), "settle period=2026H1 completed (resumed at step 2)\n"
                                     "deadlines date=2026-06-10 completed\n"
                                     "deadlines date=2026-06-11 completed\n")
        << third.out;
    EXPECT_TRUE(fs::exists(data_ / "reports/settlement_2026H1.xlsx"));
    EXPECT_TRUE(fs::exists(data_ / "reports/due_2026-06-11.json"));
    EXPECT_EQ(sql("SELECT job_key, status FROM job_instance ORDER BY id;"),
              "period=2026H1|completed\ndate=2026-06-10|completed\ndate=2026-06-11|completed\n");

    // A --now before the last one rewinds nothing: no occurrence is taken again, nothing runs,
    // not a row of the job repository changes.
    const std::string before = job_repository();
    auto past = run_due("2026-06-01 07:00");
    EXPECT_EQ(past.status, 0) << past.err;
    EXPECT_EQ(past.out, "{\"now\":\"2026-06-01 07:00\",\"runs\":[]}\n");
    EXPECT_EQ(job_repository(), before);
}

// A failure of a job other than `settle` holds nothing back.
TEST_P(SchedulerRules, AFailedReconciliationHoldsNothingBack) {
    write_settings("reconcile = monthly 1 03:00\ndepository = quarterly 1 04:00\n");
    block_reports();
    auto r = run_due("2026-07-01 07:00");
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_EQ(results_of(r.out), "reconcile as_of=2026-07-01 failed\n"
                                 "depository quarter=2026Q3 completed\n")
        << r.out;
}

// A --now in the future would run occurrences that have not happened, for good: refused
// unless --allow-future says so; a little ahead of the clock (a timer firing early) is fine.
TEST_P(SchedulerRules, ANowInTheFutureIsRefusedWithoutAllowFuture) {
    write_settings("deadlines = daily 06:00\n");
    const std::string before = job_repository();
    auto r = govpub("jobs run-due --now '2099-01-01 00:00'");
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_THAT(r.err, HasSubstr("--allow-future"));
    EXPECT_THAT(r.err, HasSubstr("recorded for good"));
    EXPECT_THAT(r.err, HasSubstr("never changes"));
    r = govpub("jobs run-due --now " + sh_quote(local_time_in(20)));
    EXPECT_EQ(r.status, 1) << "20 minutes ahead of the clock\n" << r.err;
    EXPECT_EQ(job_repository(), before);

    r = govpub("jobs run-due --json --now " + sh_quote(local_time_in(5)));
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(results_of(r.out), HasSubstr(" completed\n"));
}

// Two run-due at once (a timer and one by hand, or two machines) would each drain in its own
// order: the second one finds the scheduler's lock taken and leaves it all to the first.
TEST_P(SchedulerRules, ASecondRunDueWhileOneRunsDoesNothing) {
    write_settings("deadlines = daily 06:00\n");
    adapters::db::Database holder(adapters::db::DatabaseUrl::parse(url_));
    auto lock = holder.try_lock("scheduler");
    ASSERT_TRUE(lock.has_value());
    {
        adapters::db::Database other(adapters::db::DatabaseUrl::parse(url_));
        EXPECT_FALSE(other.try_lock("scheduler").has_value()) << "a second connection took it";
    }
    const std::string before = job_repository();
    auto r = govpub("jobs run-due --now '2026-06-10 07:00'");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "another govpub jobs run-due is running; it runs what is due\n");
    EXPECT_EQ(job_repository(), before);
    EXPECT_EQ(sql("SELECT COUNT(*) FROM job_instance;"), "0\n");

    lock.reset(); // the first run-due ends
    r = run_due("2026-06-10 07:00");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(results_of(r.out), "deadlines date=2026-06-10 completed\n");
}

// An empty [schedule] value takes a job off the schedule: its unfinished instances stay as
// they are, listed by `govpub jobs list`, and run-due no longer runs them.
TEST_P(SchedulerRules, AJobTakenOffTheScheduleIsNotRunAgain) {
    write_settings("reconcile = monthly 1 03:00\ndeadlines = daily 06:00\n");
    block_reports();
    auto r = run_due("2026-07-01 07:00");
    EXPECT_EQ(results_of(r.out), "reconcile as_of=2026-07-01 failed\n"
                                 "deadlines date=2026-07-01 failed\n")
        << r.out;
    unblock_reports();
    write_settings("reconcile =\ndeadlines = daily 06:00\n");
    r = run_due("2026-07-01 07:00");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(results_of(r.out), "deadlines date=2026-07-01 completed\n") << r.out;
    EXPECT_EQ(sql("SELECT job_key, status FROM job_instance ORDER BY id;"),
              "as_of=2026-07-01|failed\ndate=2026-07-01|completed\n");
    auto list = govpub("jobs list --job reconcile");
    EXPECT_EQ(list.status, 0) << list.err;
    EXPECT_THAT(list.out, HasSubstr("reconcile as_of=2026-07-01"));
    EXPECT_THAT(list.out, HasSubstr("failed"));
}

// STYLE.md "Jobs": a stuck execution is recovered explicitly. Execution 2 (deadlines) looks
// dead: another machine's heartbeat, long stale. Execution 1 (settle) looks alive: another
// machine's fresh heartbeat; run-due leaves it "running elsewhere" and the jobs after it wait;
// `jobs recover` refuses it unless --force.
TEST_P(SchedulerRules, JobsRecoverEndsAStuckExecutionAndForceEndsOneThatLooksAlive) {
    write_settings("settle = half-yearly 02:00\ndeadlines = daily 06:00\n");
    change("INSERT INTO job_instance (id, job, job_key, scheduled_for, created_at, status, "
           "running_execution, steps_done) VALUES "
           "(1, 'settle', 'period=2026H1', '2026-06-10 02:00', '2026-06-09T18:00:00Z', "
           "'running', 1, 0), "
           "(2, 'deadlines', 'date=2026-06-09', '2026-06-09 06:00', '2026-06-08T22:00:00Z', "
           "'running', 2, 0);\n"
           "INSERT INTO job_execution (id, instance_id, status, started_at, heartbeat_at, "
           "clock_at, host, pid, first_step) VALUES "
           "(1, 1, 'running', '2026-06-09T18:00:00Z', " +
           sql_utc_now() +
           ", '2026-06-10 02:00', "
           "'elsewhere.invalid', 4242, 0), "
           "(2, 2, 'running', '2026-06-08T22:00:00Z', '2026-06-08T22:00:05Z', "
           "'2026-06-09 06:00', 'elsewhere.invalid', 4243, 0);\n"
           "INSERT INTO job_schedule (job, checked_until) VALUES "
           "('settle', '2026-06-10 02:00'), ('deadlines', '2026-06-09 06:00');");

    auto r = govpub("jobs recover 2");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "execution #2 of deadlines date=2026-06-09 is marked abandoned; the next "
                     "run (`govpub jobs run-due`, or its command) starts again at step 1\n");
    EXPECT_EQ(sql("SELECT status FROM job_execution WHERE id = 2;"), "abandoned\n");
    EXPECT_EQ(sql("SELECT status || ' ' || COALESCE(running_execution, 0) FROM job_instance "
                  "WHERE id = 2;"),
              "pending 0\n");

    const std::string alive = sql("SELECT * FROM job_execution WHERE id = 1;");
    r = govpub("jobs recover 1");
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_THAT(r.err, HasSubstr("looks alive"));
    EXPECT_THAT(r.err, HasSubstr("--force"));
    EXPECT_EQ(sql("SELECT * FROM job_execution WHERE id = 1;"), alive);

    r = run_due("2026-06-10 07:00");
    EXPECT_EQ(r.status, 0) << "nothing failed\n" << r.err;
    EXPECT_EQ(results_of(r.out), "deadlines date=2026-06-09 completed\n"
                                 "settle period=2026H1 running elsewhere\n"
                                 "deadlines date=2026-06-10 waiting\n")
        << r.out;
    EXPECT_THAT(r.out, HasSubstr("elsewhere.invalid"));
    EXPECT_EQ(sql("SELECT * FROM job_execution WHERE id = 1;"), alive);
    EXPECT_FALSE(fs::exists(data_ / "reports/due_2026-06-10.json"));

    r = govpub("jobs recover 1 --force");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(sql("SELECT status FROM job_execution WHERE id = 1;"), "abandoned\n");
    r = run_due("2026-06-10 07:00");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(results_of(r.out), "settle period=2026H1 completed\n"
                                 "deadlines date=2026-06-10 completed\n")
        << r.out;
}

INSTANTIATE_TEST_SUITE_P(Backends, SchedulerRules, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::test
