// When is the process of a running execution alive (STYLE.md "Jobs": a stale one is recovered,
// a live one refuses a second start)? A process id alone is not enough: after a reboot, or
// once ids wrap around, another process may carry it.
#include "adapters/config/clock.hpp"
#include "adapters/config/process.hpp"
#include "jobs/job_launcher.hpp"
#include "tests/support/test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <unistd.h>

namespace govpub::jobs {
namespace {

using adapters::db::Database;
using adapters::db::DatabaseUrl;
using adapters::db::JobExecutionRow;

class Liveness : public ::testing::Test {
  protected:
    void SetUp() override {
        db_.emplace(DatabaseUrl::parse("sqlite:" + (dir_ / "jobs.db").string()));
        ASSERT_GT(db_->migrate(), 0);
    }
    //! An execution recorded on this machine by process `pid`, with `start` as its identity.
    JobExecutionRow here(long pid, std::string start) {
        JobExecutionRow e;
        e.status = "running";
        e.host = adapters::config::host_name();
        e.pid = pid;
        e.process_start = std::move(start);
        e.heartbeat_at = adapters::config::utc_timestamp();
        return e;
    }
    bool alive(const JobExecutionRow& e) { return JobLauncher(*db_, settings_, "").alive(e); }

    test::TempDir dir_;
    std::optional<Database> db_;
    adapters::config::JobSettings settings_;
};

TEST_F(Liveness, TheProcessThatRecordedItIsAlive) {
    const long parent = static_cast<long>(::getppid());
    const std::string start = adapters::config::process_start(parent);
    ASSERT_FALSE(start.empty()) << "/proc gives the boot id and start time";
    EXPECT_TRUE(alive(here(parent, start)));
}

// After a reboot (another boot id) or with the id given to a new process (another start
// time), the live process holding the id is not the one that recorded the execution.
TEST_F(Liveness, AnotherProcessCarryingTheSameIdIsNotIt) {
    const long parent = static_cast<long>(::getppid());
    const std::string start = adapters::config::process_start(parent);
    const std::string boot = start.substr(0, start.find('/'));
    EXPECT_FALSE(alive(here(parent, boot + "/1")));
    EXPECT_FALSE(alive(here(parent, "00000000-0000-0000-0000-000000000000" +
                                        start.substr(start.find('/')))));
}

// This process holds no earlier execution: its own id on a record is a previous life's (a
// container whose govpub is always process 1, for one).
TEST_F(Liveness, ThisProcessOwnIdOnARecordIsAnEarlierLife) {
    const long self = adapters::config::process_id();
    EXPECT_FALSE(alive(here(self, adapters::config::process_start(self))));
}

// Another machine's process is judged by its heartbeat, against the database's clock.
TEST_F(Liveness, AnotherMachineIsAliveWhileItsHeartbeatIsFresh) {
    settings_.stale_after_seconds = 300;
    JobExecutionRow e = here(1, "");
    e.host = "another-host";
    e.heartbeat_at = adapters::db::JobStore(*db_).now();
    EXPECT_TRUE(alive(e));
    e.heartbeat_at = "2020-01-01T00:00:00Z";
    EXPECT_FALSE(alive(e));
}

// A heartbeat missed now and then must not make a live job look dead on another machine.
TEST(JobSettings, StaleAfterMustBeAtLeastThreeHeartbeats) {
    ::setenv("GOVPUB_JOBS_HEARTBEAT_SECONDS", "200", 1);
    try {
        adapters::config::load_settings(std::nullopt);
        ADD_FAILURE() << "a stale limit of 300 s with a 200 s heartbeat was accepted";
    } catch (const domain::InvalidValue& e) {
        EXPECT_EQ(e.field(), "jobs.stale_after_seconds");
        EXPECT_NE(std::string(e.what()).find("three times jobs.heartbeat_seconds (200)"),
                  std::string::npos)
            << e.what();
    }
    ::setenv("GOVPUB_JOBS_HEARTBEAT_SECONDS", "100", 1);
    EXPECT_EQ(adapters::config::load_settings(std::nullopt).jobs.heartbeat_seconds, 100);
    ::unsetenv("GOVPUB_JOBS_HEARTBEAT_SECONDS");
}

} // namespace
} // namespace govpub::jobs
