// The reminders the daily deadline job sends (SPEC §4.8, §4.9, §4.12): payments coming due and
// overdue to stores (要點11(3)), check-ins and services overdue to libraries (要點6(2)), and
// disposal lists unanswered past their reply date to agencies (要點11(4)).
#pragma once

#include "adapters/mail/outbox.hpp"
#include "domain/date.hpp"
#include "jobs/job_services.hpp"
#include "jobs/notice_steps.hpp"

namespace govpub::jobs {

//! Queues, inside the caller's write transaction, every reminder owed on `day`. Each is one
//! notice per recipient and due date — (payment_due|payment_overdue, STORE, due date),
//! (check_in_reminder|service_reminder, LIBRARY, due date), (disposal_reminder, notice number,
//! reply due) — so a reminder goes once however many days the obligation stays open, and the
//! things due on the same day arrive in one letter.
//!
//! A payment-due reminder goes from `notices.payment_reminder_days` before the due date up to
//! the due date itself; the overdue notice, from the day after. The others go from the day
//! after their due date (SPEC §4.2: the due date itself is still allowed).
NoticeTally queue_deadline_notices(JobServices services, adapters::mail::Outbox& outbox,
                                   domain::Date day);

} // namespace govpub::jobs
