// The job engine's promises (STYLE.md "Jobs", Spring Batch semantics) on SQLite and on a real
// MariaDB: an instance runs once; a completed one refuses loudly and runs nothing; a live
// holder refuses a second start; a dead or stale holder is abandoned and the run restarts
// after its last checkpoint; work and checkpoint commit together; a failed step is where the
// next run starts; a request refused by hand on its first attempt leaves no trace.
#include "adapters/config/clock.hpp"
#include "adapters/config/process.hpp"
#include "adapters/db/row_values.hpp"
#include "jobs/job_launcher.hpp"
#include "tests/support/backend_database.hpp"
#include "tests/support/test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace govpub::jobs {
namespace {

using adapters::db::Database;
using adapters::db::DatabaseUrl;
using adapters::db::JobStore;
using adapters::db::WriteTransaction;
using ::testing::HasSubstr;

constexpr const char* OLD_HEARTBEAT = "2020-01-01T00:00:00Z";

//! A process id that existed a moment ago and is gone now.
long dead_pid() {
    const pid_t child = ::fork();
    if (child == 0)
        ::_exit(0);
    ::waitpid(child, nullptr, 0);
    return static_cast<long>(child);
}

class Launcher : public ::testing::TestWithParam<std::string> {
  protected:
    test::TempDir dir_;
    std::string url_;
    test::BackendDatabase db_;
    adapters::config::JobSettings settings_;
    std::vector<int> calls_;      //!< the steps that ran, in order
    bool fail_step_two_ = false;  //!< step 2 writes, then throws before committing
    bool refuse_step_ = false;    //!< the refusing step throws domain::Refused

    void SetUp() override {
        if (!db_.open(GetParam(), dir_.path()))
            GTEST_SKIP() << "no MariaDB test server (run through ctest)";
        url_ = db_.url();
        db_->session() << "CREATE TABLE scratch (step INTEGER NOT NULL, note VARCHAR(40) NOT NULL)";
    }

    void TearDown() override { db_.reset(); }

    //! A step that writes a scratch row and its checkpoint in one transaction.
    JobStep writing(int n) {
        return {"write " + std::to_string(n), [this, n](StepContext& step) {
                    calls_.push_back(n);
                    WriteTransaction tx(*db_);
                    db_->session() << "INSERT INTO scratch (step, note) VALUES (:s, 'done')",
                        soci::use(n);
                    if (n == 2 && fail_step_two_)
                        throw std::runtime_error("disk full while writing step 2");
                    step.count(1, 1);
                    step.report("step " + std::to_string(n) + " wrote a row");
                    step.checkpoint();
                    tx.commit();
                }};
    }
    //! A step that only counts its call: the launcher checkpoints it after it returns.
    JobStep counting(int n) {
        return {"count " + std::to_string(n), [this, n](StepContext& step) {
                    calls_.push_back(n);
                    step.count(1, 0);
                }};
    }
    JobStep refusing(int n) {
        return {"refuse " + std::to_string(n), [this, n](StepContext&) {
                    calls_.push_back(n);
                    if (refuse_step_)
                        throw domain::Refused("the period has not ended", "SPEC §4.6");
                }};
    }

    //! Three steps: a writing one, a counting one, a writing one.
    JobDefinition three_steps(std::optional<std::string> scheduled_for = std::nullopt) {
        return {"test", "case=" + std::string(::testing::UnitTest::GetInstance()
                                                  ->current_test_info()
                                                  ->name())
                                      .substr(0, 60),
                scheduled_for, {writing(1), counting(2), writing(3)}};
    }

    JobOutcome run(const JobDefinition& d) {
        return JobLauncher(*db_, settings_, "2026-06-10 02:00").run(d);
    }

    //! Makes `d`'s instance look held by execution (host, pid) with `steps_done` committed.
    long long hold(const JobDefinition& d, const std::string& host, long pid,
                   const std::string& heartbeat, int steps_done) {
        JobStore store(*db_);
        WriteTransaction tx(*db_);
        auto instance = store.find_or_create(d.job, d.key, d.scheduled_for, heartbeat);
        auto id = store.start_execution(instance, {heartbeat, "2026-06-09 02:00", host, pid,
                                                   adapters::config::process_start(pid)});
        if (!id)
            throw std::logic_error("the instance was already held");
        if (steps_done > 0)
            store.checkpoint(instance.id, *id, steps_done, 0, 0, heartbeat);
        tx.commit();
        return *id;
    }

    adapters::db::JobInstanceRow instance(const JobDefinition& d) {
        auto i = JobStore(*db_).instance(d.job, d.key);
        if (!i)
            throw std::logic_error("no instance " + d.key);
        return *i;
    }
    std::vector<adapters::db::JobExecutionRow> executions(const JobDefinition& d) {
        return JobStore(*db_).executions(instance(d).id);
    }
    long long count(const std::string& query) {
        soci::row r;
        db_->session() << query, soci::into(r);
        return adapters::db::int64_at(r, 0);
    }
    std::vector<int> scratch_steps() {
        std::vector<int> steps;
        soci::rowset<soci::row> rows = (db_->session().prepare << "SELECT step FROM scratch ORDER BY step");
        for (const auto& r : rows)
            steps.push_back(static_cast<int>(adapters::db::int64_at(r, 0)));
        return steps;
    }
};

TEST_P(Launcher, ANewInstanceRunsEveryStepAndCompletes) {
    const auto d = three_steps();
    const auto outcome = run(d);
    EXPECT_EQ(calls_, (std::vector<int>{1, 2, 3}));
    EXPECT_EQ(scratch_steps(), (std::vector<int>{1, 3}));
    EXPECT_EQ(outcome.first_step, 0);
    EXPECT_FALSE(outcome.abandoned);
    EXPECT_EQ(outcome.instance.status, "completed");
    EXPECT_EQ(outcome.instance.steps_done, 3);
    EXPECT_FALSE(outcome.instance.running_execution);
    EXPECT_EQ(outcome.result, "step 1 wrote a row\nstep 3 wrote a row");
    const auto runs = executions(d);
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].id, outcome.execution_id);
    EXPECT_EQ(runs[0].status, "completed");
    EXPECT_TRUE(runs[0].ended_at);
    EXPECT_EQ(runs[0].clock_at, "2026-06-10 02:00");
    EXPECT_EQ(runs[0].host, adapters::config::host_name());
    EXPECT_EQ(runs[0].pid, adapters::config::process_id());
    EXPECT_EQ(runs[0].read_count, 3);
    EXPECT_EQ(runs[0].write_count, 2);
}

TEST_P(Launcher, ACompletedInstanceRefusesLoudlyAndRunsNoStep) {
    const auto d = three_steps();
    run(d);
    calls_.clear();
    try {
        run(d);
        ADD_FAILURE() << "a completed instance ran again";
    } catch (const JobAlreadyCompleted& e) {
        EXPECT_THAT(e.what(), HasSubstr("test " + d.key + " has already completed"));
        EXPECT_THAT(e.what(), HasSubstr("never runs again"));
        EXPECT_EQ(e.instance().result.value_or(""), "step 1 wrote a row\nstep 3 wrote a row");
    }
    EXPECT_TRUE(calls_.empty());
    EXPECT_EQ(scratch_steps(), (std::vector<int>{1, 3}));
    EXPECT_EQ(executions(d).size(), 1u);
}

TEST_P(Launcher, AnInstanceHeldByALiveProcessRefusesASecondStart) {
    const auto d = three_steps();
    // The test's parent (ctest, or the shell) is alive on this machine.
    const long long held = hold(d, adapters::config::host_name(), static_cast<long>(::getppid()),
                                adapters::config::utc_timestamp(), 1);
    try {
        run(d);
        ADD_FAILURE() << "a second start was not refused";
    } catch (const JobRunning& e) {
        EXPECT_THAT(e.what(), HasSubstr("is running in another process"));
        EXPECT_THAT(e.what(), HasSubstr("govpub jobs recover " + std::to_string(held)));
    }
    EXPECT_TRUE(calls_.empty());
    EXPECT_EQ(instance(d).running_execution, held);
    EXPECT_EQ(instance(d).status, "running");
    ASSERT_EQ(executions(d).size(), 1u);
    EXPECT_EQ(executions(d)[0].status, "running");
}

TEST_P(Launcher, AnotherHostWithAFreshHeartbeatCountsAsAlive) {
    const auto d = three_steps();
    // On another machine the process id means nothing here (pid 999999 exists nowhere).
    hold(d, "another-host.example", 999999, adapters::config::utc_timestamp(), 0);
    EXPECT_THROW(run(d), JobRunning);
    EXPECT_TRUE(calls_.empty());
    EXPECT_EQ(instance(d).status, "running");
}

TEST_P(Launcher, ADeadProcessOnThisHostIsAbandonedAndTheRunResumesAfterItsCheckpoint) {
    const auto d = three_steps();
    const long long dead = hold(d, adapters::config::host_name(), dead_pid(),
                                adapters::config::utc_timestamp(), 1);
    const auto outcome = run(d);
    EXPECT_EQ(calls_, (std::vector<int>{2, 3})) << "step 1 was committed by the dead attempt";
    EXPECT_EQ(scratch_steps(), (std::vector<int>{3}));
    EXPECT_EQ(outcome.abandoned, dead);
    EXPECT_EQ(outcome.first_step, 1);
    EXPECT_EQ(outcome.instance.status, "completed");
    EXPECT_EQ(outcome.instance.steps_done, 3);
    const auto runs = executions(d);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].id, dead);
    EXPECT_EQ(runs[0].status, "abandoned");
    EXPECT_TRUE(runs[0].ended_at);
    EXPECT_THAT(runs[0].message.value_or(""), HasSubstr("its process died"));
    EXPECT_EQ(runs[1].status, "completed");
    EXPECT_EQ(runs[1].first_step, 1);
    EXPECT_THAT(runs[1].message.value_or(""), HasSubstr("steps 2–3 done"));
}

TEST_P(Launcher, AStaleHeartbeatOnAnotherHostIsAbandonedAndResumed) {
    settings_.stale_after_seconds = 5;
    const auto d = three_steps();
    // The pid is alive here, but on another host only the heartbeat counts.
    const long long stale = hold(d, "another-host.example", static_cast<long>(::getppid()),
                                 OLD_HEARTBEAT, 2);
    const auto outcome = run(d);
    EXPECT_EQ(calls_, (std::vector<int>{3}));
    EXPECT_EQ(outcome.abandoned, stale);
    EXPECT_EQ(outcome.first_step, 2);
    const auto runs = executions(d);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].status, "abandoned");
    EXPECT_EQ(runs[0].host, "another-host.example");
    EXPECT_EQ(runs[1].status, "completed");
    EXPECT_EQ(runs[1].first_step, 2);
    EXPECT_EQ(instance(d).status, "completed");
}

TEST_P(Launcher, AFailingStepFailsTheRunAndTheNextRunRestartsAtThatStep) {
    const auto d = three_steps();
    fail_step_two_ = true;
    auto failing = d;
    failing.steps[1] = writing(2); // step 2 now writes a row, then throws before committing
    EXPECT_THROW(run(failing), std::runtime_error);
    EXPECT_EQ(calls_, (std::vector<int>{1, 2}));
    EXPECT_EQ(scratch_steps(), (std::vector<int>{1})) << "step 2's work was rolled back";
    const auto failed = instance(d);
    EXPECT_EQ(failed.status, "failed");
    EXPECT_EQ(failed.steps_done, 1);
    EXPECT_FALSE(failed.running_execution);
    auto runs = executions(d);
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].status, "failed");
    EXPECT_TRUE(runs[0].ended_at);
    EXPECT_THAT(runs[0].message.value_or(""), HasSubstr("disk full while writing step 2"));

    fail_step_two_ = false;
    calls_.clear();
    const auto outcome = run(failing);
    EXPECT_EQ(calls_, (std::vector<int>{2, 3}));
    EXPECT_EQ(scratch_steps(), (std::vector<int>{1, 2, 3}));
    EXPECT_EQ(outcome.first_step, 1);
    EXPECT_FALSE(outcome.abandoned);
    EXPECT_EQ(outcome.instance.status, "completed");
    runs = executions(d);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].status, "failed");
    EXPECT_EQ(runs[1].status, "completed");
    EXPECT_EQ(runs[1].first_step, 1);
}

TEST_P(Launcher, ARequestRefusedByHandOnItsFirstAttemptLeavesNoRows) {
    refuse_step_ = true;
    const JobDefinition d{"test", "refused=1", std::nullopt, {refusing(1), writing(2)}};
    EXPECT_THROW(run(d), domain::Refused);
    EXPECT_EQ(calls_, (std::vector<int>{1}));
    EXPECT_EQ(count("SELECT COUNT(*) FROM job_instance"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM job_execution"), 0);
}

TEST_P(Launcher, AScheduledRequestRefusedStaysFailedToBeShownAndRetried) {
    refuse_step_ = true;
    const JobDefinition d{"test", "refused=1", "2026-06-10 02:00", {refusing(1), writing(2)}};
    EXPECT_THROW(run(d), domain::Refused);
    EXPECT_EQ(instance(d).status, "failed");
    ASSERT_EQ(executions(d).size(), 1u);
    EXPECT_THAT(executions(d)[0].message.value_or(""), HasSubstr("the period has not ended"));
}

TEST_P(Launcher, ARefusalAfterACommittedStepKeepsTheCheckpoint) {
    // Step 1's work is committed: forgetting the instance would lose where to restart.
    refuse_step_ = true;
    const JobDefinition d{"test", "refused=2", std::nullopt, {writing(1), refusing(2)}};
    EXPECT_THROW(run(d), domain::Refused);
    EXPECT_EQ(scratch_steps(), (std::vector<int>{1}));
    ASSERT_EQ(count("SELECT COUNT(*) FROM job_instance"), 1);
    EXPECT_EQ(instance(d).status, "failed");
    EXPECT_EQ(instance(d).steps_done, 1);
    refuse_step_ = false;
    calls_.clear();
    EXPECT_EQ(run(d).first_step, 1);
    EXPECT_EQ(calls_, (std::vector<int>{2}));
    EXPECT_EQ(scratch_steps(), (std::vector<int>{1}));
}

// The conditional UPDATE is the last guard behind the write lock: a claim on an instance
// someone holds fails and leaves no execution row. (Two processes racing for real:
// tests/scenario/test_concurrent_settle.cpp.)
TEST_P(Launcher, AClaimOnAHeldInstanceFailsAndLeavesNoExecution) {
    const auto d = three_steps();
    hold(d, adapters::config::host_name(), static_cast<long>(::getppid()),
         adapters::config::utc_timestamp(), 0);
    JobStore store(*db_);
    WriteTransaction tx(*db_);
    EXPECT_FALSE(store.start_execution(instance(d), {adapters::config::utc_timestamp(),
                                                     "2026-06-10 02:00", "elsewhere", 1, ""}));
    tx.commit();
    EXPECT_EQ(executions(d).size(), 1u) << "the losing claim leaves no execution row";
}

TEST_P(Launcher, RecoverRefusesALiveOrEndedExecutionAndAbandonsADeadOne) {
    JobLauncher launcher(*db_, settings_, "2026-06-10 02:00");
    auto live = three_steps();
    live.key += "-live";
    const long long live_id = hold(live, adapters::config::host_name(),
                                   static_cast<long>(::getppid()), adapters::config::utc_timestamp(), 0);
    try {
        launcher.recover(live_id);
        ADD_FAILURE() << "a live execution was recovered";
    } catch (const domain::Refused& e) {
        EXPECT_THAT(e.what(), HasSubstr("looks alive: process"));
        EXPECT_THAT(e.what(), HasSubstr("--force"));
    }
    EXPECT_EQ(JobStore(*db_).execution(live_id)->status, "running");
    // The operator knows better (the machine is down): --force ends it all the same.
    EXPECT_EQ(launcher.recover(live_id, true).status, "abandoned");

    const auto done = three_steps();
    const auto finished = run(done);
    try {
        launcher.recover(finished.execution_id);
        ADD_FAILURE() << "a completed execution was recovered";
    } catch (const domain::Refused& e) {
        EXPECT_THAT(e.what(), HasSubstr("is completed, not running"));
    }
    EXPECT_THROW(launcher.recover(987654), domain::Refused);

    auto dead = three_steps();
    dead.key += "-dead";
    const long long dead_id =
        hold(dead, adapters::config::host_name(), dead_pid(), adapters::config::utc_timestamp(), 2);
    const auto recovered = launcher.recover(dead_id);
    EXPECT_EQ(recovered.status, "abandoned");
    EXPECT_THAT(recovered.message.value_or(""), HasSubstr("recovered by hand"));
    EXPECT_EQ(instance(dead).status, "pending");
    EXPECT_FALSE(instance(dead).running_execution);
    EXPECT_EQ(instance(dead).steps_done, 2);
    calls_.clear();
    const auto resumed = run(dead);
    EXPECT_EQ(resumed.first_step, 2);
    EXPECT_FALSE(resumed.abandoned) << "already abandoned by hand";
    EXPECT_EQ(calls_, (std::vector<int>{3}));
}

// A run whose execution was taken over while it still ran (another host judged its heartbeat
// stale, or someone ran `jobs recover`) must not commit another step: its checkpoint fails,
// the step's work rolls back, and the execution stays abandoned for the run that took over.
TEST_P(Launcher, ARunTakenOverWhileAliveRollsBackItsNextStepAndStops) {
    JobDefinition d = three_steps();
    d.steps.insert(d.steps.begin() + 1,
                   {"taken over", [this](StepContext& step) {
                        {
                            Database other(DatabaseUrl::parse(url_));
                            JobStore store(other);
                            WriteTransaction tx(other);
                            auto holder =
                                store.instance("test", three_steps().key)->running_execution;
                            store.finish(*holder, "abandoned", "2026-06-10T00:00:00Z",
                                         "taken over", "pending", std::nullopt);
                            tx.commit();
                        }
                        // This process does not know yet: it writes, then checkpoints.
                        WriteTransaction tx(*db_);
                        db_->session() << "INSERT INTO scratch (step, note) VALUES (9, 'late')";
                        step.checkpoint();
                        tx.commit();
                    }});
    EXPECT_THROW(run(d), adapters::db::ClaimLost);
    // The step that learns of the takeover at its checkpoint rolls back; no later step runs.
    EXPECT_THAT(calls_, ::testing::ElementsAre(1));
    long long rows = 0;
    db_->session() << "SELECT COUNT(*) FROM scratch", soci::into(rows);
    EXPECT_EQ(rows, 1) << "only step 1's row: the step after the takeover rolled back";
    JobStore store(*db_);
    auto instance = store.instance("test", d.key);
    ASSERT_TRUE(instance);
    EXPECT_EQ(instance->steps_done, 1);
    EXPECT_EQ(instance->status, "pending");
    auto runs = store.executions(instance->id);
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].status, "abandoned");
    EXPECT_EQ(runs[0].message.value_or(""), "taken over");
}

// On MariaDB a running execution's heartbeat is kept fresh from a second connection while a
// long step works, so another machine does not take it for dead; on SQLite (one machine) the
// process id is what counts and no heartbeat is written during a step.
TEST_P(Launcher, AHeartbeatIsWrittenDuringALongStepOnMariaDb) {
    settings_.heartbeat_seconds = 1;
    std::string before, after;
    JobDefinition d{"test", "case=heartbeat", std::nullopt,
                    {{"wait", [&](StepContext&) {
                          const std::string q = "SELECT heartbeat_at FROM job_execution";
                          db_->session() << q, soci::into(before);
                          ::usleep(2'300'000);
                          db_->session() << q, soci::into(after);
                      }}}};
    run(d);
    if (GetParam() == "mariadb")
        EXPECT_GT(after, before);
    else
        EXPECT_EQ(after, before);
}

INSTANTIATE_TEST_SUITE_P(Backends, Launcher, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::jobs
