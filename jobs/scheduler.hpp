// `govpub jobs run-due`: turn what the schedule says is due into job instances, then run every
// unfinished one, oldest first, each once.
#pragma once

#include "jobs/job_catalog.hpp"
#include "jobs/schedule.hpp"

#include <optional>
#include <string>
#include <vector>

namespace govpub::jobs {

//! What happened to one due instance in this run.
struct DueRun {
    std::string job;
    std::string key;
    std::string scheduled_for;
    enum class Result {
        completed,
        failed,
        running_elsewhere,
        already_completed,
        waiting //!< not started: an earlier settlement has not completed
    } result;
    std::string detail; //!< the failure, who holds it, or what it waits for
    int first_step = 0; //!< > 0: resumed after an earlier attempt (dead or failed)
    //! A failure that the person running govpub can fix (a domain::Refused or
    //! domain::InvalidValue: exit status 1), not a system failure (database, files: 3).
    bool refused = false;
};

class Scheduler {
  public:
    Scheduler(JobServices services, std::vector<ScheduleEntry> schedule, LocalMinute now)
        : services_(services), schedule_(std::move(schedule)), now_(now) {}

    //! Records every occurrence since the schedule was last looked at (only the latest one the
    //! first time) as a pending instance, then runs each unfinished scheduled instance of a
    //! job on the schedule due by now in the order of its occurrence. A failure is recorded
    //! and the run goes on; the failed instance is tried again by the next run. Once a
    //! `settle` instance has not completed (failed, or running elsewhere), the instances after
    //! it wait: they would work on data lacking that settlement and never be redone.
    //! Returns nothing, and does nothing, while another run-due on the database holds the
    //! scheduler's lock (it runs what is due, oldest first).
    std::optional<std::vector<DueRun>> run_due();

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
