// Where the job repository lives: job instances, their executions and the scheduler's marks.
#pragma once

#include "adapters/db/database.hpp"
#include "domain/errors.hpp"

#include <optional>
#include <string>
#include <vector>

namespace govpub::adapters::db {

struct JobInstanceRow {
    long long id = 0;
    std::string job;
    std::string key; //!< the identifying parameters, e.g. "period=2026H1"
    std::optional<std::string> scheduled_for;
    std::string created_at;
    std::string status; //!< pending, running, completed, failed
    std::optional<long long> running_execution;
    int steps_done = 0;
    std::optional<std::string> result;
};

struct JobExecutionRow {
    long long id = 0;
    long long instance_id = 0;
    std::string status; //!< running, completed, failed, abandoned
    std::string started_at;
    std::optional<std::string> ended_at;
    std::string heartbeat_at;
    std::string clock_at;
    std::string host;
    long pid = 0;
    std::string process_start; //!< adapters::config::process_start of that process
    int first_step = 0;
    long long read_count = 0;
    long long write_count = 0;
    std::optional<std::string> message;
};

//! What a new execution records about who runs it.
struct ExecutionStart {
    std::string started_at; //!< UTC
    std::string clock_at;   //!< the scheduler's local time (--now)
    std::string host;
    long pid = 0;
    std::string process_start;
};

//! This execution no longer holds its job instance: another process took it over (its
//! heartbeat went stale, or `govpub jobs recover` ended it). Thrown inside the step's
//! transaction, so the step's work rolls back instead of being done twice.
class ClaimLost : public domain::Refused {
  public:
    explicit ClaimLost(const std::string& message) : domain::Refused(message, "") {}
};

//! SQL of the job repository. Every writing call expects the caller's write transaction.
class JobStore {
  public:
    explicit JobStore(Database& db) : db_(db) {}

    std::optional<JobInstanceRow> instance(const std::string& job, const std::string& key);
    std::optional<JobInstanceRow> instance(long long id);
    //! The instance of (job, key), created as pending when it is not there yet.
    JobInstanceRow find_or_create(const std::string& job, const std::string& key,
                                  const std::optional<std::string>& scheduled_for,
                                  const std::string& created_at);
    //! Inserts a running execution and makes it the instance's holder, provided nobody holds
    //! the instance; returns the execution's id, or nothing when another one got there first.
    std::optional<long long> start_execution(const JobInstanceRow& instance,
                                             const ExecutionStart& start);
    //! Records that steps up to `steps_done` are committed, with the counts so far. Throws
    //! ClaimLost when the execution no longer holds the instance.
    void checkpoint(long long instance_id, long long execution_id, int steps_done,
                    long long read_count, long long write_count, const std::string& at);
    void heartbeat(long long execution_id, const std::string& at);
    //! The database's own clock in UTC, as "2026-06-10T01:30:00Z": heartbeats are written and
    //! judged by one clock, whatever the clocks of the machines running govpub say.
    std::string now();
    //! Ends a running execution (completed, failed or abandoned) and releases the instance if
    //! it still holds it; the instance becomes `instance_status` (completed, failed, or
    //! pending for a restart). An execution already ended (abandoned by a takeover) stays as
    //! it is.
    //! Returns whether the execution was still running.
    bool finish(long long execution_id, const std::string& status, const std::string& ended_at,
                const std::string& message, const std::string& instance_status,
                const std::optional<std::string>& result);

    //! Deletes an instance and its executions: for a request refused on its first attempt.
    void forget(long long instance_id);

    std::optional<JobExecutionRow> execution(long long id);
    std::vector<JobExecutionRow> executions(long long instance_id);
    //! The latest executions of every instance, newest first.
    std::vector<JobExecutionRow> recent_executions(int limit);
    //! Instances, newest first; `job` empty for all.
    std::vector<JobInstanceRow> instances(const std::string& job, int limit);
    //! Scheduled instances not completed yet, oldest occurrence first.
    std::vector<JobInstanceRow> unfinished_scheduled();

    std::optional<std::string> checked_until(const std::string& job);
    void set_checked_until(const std::string& job, const std::string& until);

  private:
    Database& db_;
};

} // namespace govpub::adapters::db
