// What every notice-writing job step shares (SPEC §4.12): queueing with a tally a person can
// read in the job's result, and the step that hands the queue to the mail server.
#pragma once

#include "adapters/mail/outbox.hpp"
#include "jobs/job_launcher.hpp"
#include "jobs/job_services.hpp"

#include <string>
#include <vector>

namespace govpub::jobs {

//! What a step queued.
struct NoticeTally {
    int queued = 0;
    int already = 0; //!< logged before (queued at most once per type, subject and period)
    //! Notices that could not be queued for want of a usable e-mail address, one line each
    //! naming the recipient and what to fix in the master data.
    std::vector<std::string> not_queued;

    //! "3 notice(s) queued, 1 already queued, 1 not queued: …" — for StepContext::report.
    std::string summary() const;
};

//! Queues `notice` (inside the caller's write transaction) and counts it. A recipient without
//! an e-mail address, or with one the mail adapter refuses, is counted in `not_queued`: the rest
//! of the job goes on, and the next run queues the notice once the address is fixed.
void queue_counted(adapters::mail::Outbox& outbox, const adapters::mail::Notice& notice,
                   NoticeTally& tally);

//! Whether the log already holds (type, subject key, period): counted as `already`, so that a
//! daily job need not write an attachment again for a notice it will not send again.
bool already_queued(JobServices services, adapters::mail::NoticeType type,
                    const std::string& subject_key, const std::string& period, NoticeTally& tally);

//! The last step of a notice-writing job: sends every queued or failed notice through [smtp]
//! (Outbox::send_queued). A mail server that is down fails no job: the notices stay queued
//! and the next run of any notice-writing job sends them.
JobStep send_notices_step(JobServices services);

} // namespace govpub::jobs
