// The notices of a closed settlement (SPEC §4.6, §4.12; 要點11(3), 附件一 註三): to each
// agency its statement from each store, to each store what it must pay, each with the Excel
// statement attached.
#pragma once

#include "adapters/mail/outbox.hpp"
#include "jobs/job_services.hpp"
#include "jobs/notice_steps.hpp"
#include "jobs/settle_job.hpp"

namespace govpub::jobs {

//! Queues the notices of `outcome` (a closed period) inside the caller's write transaction:
//! settlement_statement "P/STORE/AGENCY" to the agency and "P/STORE" to the store, period P.
//! The attachments are written first into data/reports/notices/P/.
NoticeTally queue_settlement_notices(JobServices services, adapters::mail::Outbox& outbox,
                                     const SettlementOutcome& outcome);

} // namespace govpub::jobs
