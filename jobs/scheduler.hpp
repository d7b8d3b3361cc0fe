// `govpub jobs run-due`: turn what the schedule says is due into job instances, then run every
// unfinished one, oldest first, each once.
#pragma once

#include "jobs/job_catalog.hpp"
#include "jobs/schedule.hpp"

#include <string>
#include <vector>

namespace govpub::jobs {

//! What happened to one due instance in this run.
struct DueRun {
    std::string job;
    std::string key;
    std::string scheduled_for;
    enum class Result { completed, failed, running_elsewhere, already_completed } result;
    std::string detail; //!< the failure, or who holds it
    int first_step = 0; //!< > 0: resumed after a dead attempt
};

class Scheduler {
  public:
    Scheduler(JobServices services, std::vector<ScheduleEntry> schedule, LocalMinute now)
        : services_(services), schedule_(std::move(schedule)), now_(now) {}

    //! Records every occurrence since the schedule was last looked at (only the latest one the
    //! first time) as a pending instance, then runs each unfinished scheduled instance due by
    //! now in the order of its occurrence. A failure is recorded and the run goes on; the
    //! failed instance is tried again by the next run.
    std::vector<DueRun> run_due();

  private:
    void enqueue();

    JobServices services_;
    std::vector<ScheduleEntry> schedule_;
    LocalMinute now_;
};

//! The definition for an occurrence of a schedule entry: its business date is the day of
//! the occurrence (the settlement of the period that ended before it; the quarter it opens).
JobDefinition definition_for(JobServices services, const ScheduleEntry& entry,
                             const LocalMinute& occurrence);

} // namespace govpub::jobs
