// Disposal lists as notices to the agencies (SPEC §4.8, §4.12; 要點11(4)–(5)): the request made
// with each settlement and the reminder once its reply date has passed, each with the list as
// an Excel file the agency can fill in and send back through `govpub import replies`.
#pragma once

#include "adapters/db/addressees.hpp"
#include "adapters/db/disposal_repository.hpp"
#include "adapters/mail/outbox.hpp"
#include "domain/date.hpp"
#include "jobs/disposal_lists.hpp"
#include "jobs/job_services.hpp"
#include "jobs/notice_steps.hpp"

#include <vector>

namespace govpub::jobs {

//! Queues (disposal_request, notice number, period) for each list, inside the caller's write
//! transaction.
void queue_disposal_requests(JobServices services, adapters::mail::Outbox& outbox,
                             const std::vector<MadeDisposalList>& lists, NoticeTally& tally);

//! Queues (disposal_reminder, notice number, reply due) for a list still unanswered after its
//! reply due date, inside the caller's write transaction.
void queue_disposal_reminder(JobServices services, adapters::mail::Outbox& outbox,
                             const adapters::db::Addressees& to,
                             const adapters::db::UnansweredList& list, domain::Date day,
                             NoticeTally& tally);

} // namespace govpub::jobs
