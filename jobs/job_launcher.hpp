// The job engine (STYLE.md "Jobs", Spring Batch semantics): an instance runs once, an attempt
// is an execution, a dead attempt is restarted from the last committed step.
#pragma once

#include "adapters/config/settings.hpp"
#include "adapters/db/database.hpp"
#include "adapters/db/job_store.hpp"
#include "domain/errors.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace govpub::jobs {

class StepContext;

//! One unit of work that commits on its own. A step that writes to the database calls
//! `checkpoint()` inside its own transaction, just before committing, so that its work and
//! the record of it being done commit together; a step that only writes files is
//! checkpointed by the launcher after it returns (its files are renamed into place first).
struct JobStep {
    std::string name;
    std::function<void(StepContext&)> run;
};

struct JobDefinition {
    std::string job; //!< settle, reconcile, deadlines, depository
    std::string key; //!< the identifying parameters, e.g. "period=2026H1"
    std::optional<std::string> scheduled_for; //!< the occurrence, for a scheduled instance
    std::vector<JobStep> steps;
};

class StepContext {
  public:
    StepContext(adapters::db::JobStore& store, long long instance_id, long long execution_id,
                int step)
        : store_(store), instance_id_(instance_id), execution_id_(execution_id), step_(step) {}

    //! Adds to the execution's counts (lines read, rows or files written).
    void count(long long read, long long written) {
        read_ += read;
        written_ += written;
    }
    //! Marks this step done, in the caller's open write transaction.
    void checkpoint();
    bool checkpointed() const { return checkpointed_; }
    //! A line for the instance's result, shown when someone asks to run it again.
    void report(const std::string& line) { result_ += (result_.empty() ? "" : "\n") + line; }
    const std::string& result() const { return result_; }
    long long read() const { return read_; }
    long long written() const { return written_; }

  private:
    adapters::db::JobStore& store_;
    long long instance_id_;
    long long execution_id_;
    int step_;
    long long read_ = 0;
    long long written_ = 0;
    bool checkpointed_ = false;
    std::string result_;
};

//! The instance has completed: it never runs again (exit status 1 with its stored result).
class JobAlreadyCompleted : public domain::Refused {
  public:
    JobAlreadyCompleted(const adapters::db::JobInstanceRow& instance, std::string ended_at);
    const adapters::db::JobInstanceRow& instance() const { return instance_; }

  private:
    adapters::db::JobInstanceRow instance_;
};

//! Another process holds the instance and is alive.
class JobRunning : public domain::Refused {
  public:
    JobRunning(const adapters::db::JobInstanceRow& instance,
               const adapters::db::JobExecutionRow& execution);
};

struct JobOutcome {
    adapters::db::JobInstanceRow instance; //!< as it stands after the run
    long long execution_id = 0;
    int first_step = 0;           //!< > 0 when the run resumed after a dead attempt
    std::optional<long long> abandoned; //!< the dead execution this run took over from
    std::string result;
};

class JobLauncher {
  public:
    JobLauncher(adapters::db::Database& db, const adapters::config::JobSettings& settings,
                std::string clock_at)
        : db_(db), settings_(settings), clock_at_(std::move(clock_at)) {}

    //! Runs the instance of `definition` to completion: creates it when new, refuses it when
    //! completed or held by a live process, takes over from a dead execution, and runs the
    //! steps not yet checkpointed. A failing step marks the execution and instance failed
    //! and rethrows; a later launch restarts at that step.
    JobOutcome run(const JobDefinition& definition);

    //! Ends a stuck execution (its process is gone) as abandoned, so that the next run
    //! restarts it from its last checkpoint. Refuses one that looks alive (its process on
    //! this machine, or a fresh heartbeat from another) unless `force`.
    adapters::db::JobExecutionRow recover(long long execution_id, bool force = false);

    //! Whether the process of a running execution is still there: on this machine by its
    //! process id, on another one by its heartbeat.
    bool alive(const adapters::db::JobExecutionRow& execution) const;

  private:
    long long claim(const JobDefinition& definition, JobOutcome& outcome);
    //! Throws JobAlreadyCompleted or JobRunning when the instance cannot be started.
    void refuse_if_done_or_held(adapters::db::JobStore& store,
                                const adapters::db::JobInstanceRow& instance) const;

    adapters::db::Database& db_;
    const adapters::config::JobSettings& settings_;
    std::string clock_at_;
};

} // namespace govpub::jobs
