// The claims of a quarterly depository check as notices to the agencies (SPEC §4.9, §4.12;
// 要點6(4)): one letter per agency and library, naming each missing publication and which the
// agency may decline.
#pragma once

#include "adapters/mail/outbox.hpp"
#include "jobs/job_services.hpp"
#include "jobs/notice_steps.hpp"

#include <string>

namespace govpub::jobs {

//! Queues a claim notice (claim, "LIBRARY/AGENCY", quarter) for every agency and library the
//! check of `quarter` claimed from, inside the caller's write transaction. All the quarter's
//! claims are read back, so a resumed step queues what an interrupted one did not, and nothing
//! twice.
NoticeTally queue_claim_notices(JobServices services, adapters::mail::Outbox& outbox,
                                const std::string& quarter);

} // namespace govpub::jobs
