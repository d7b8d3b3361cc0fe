// The deadlines depository libraries and agencies must meet, each moved off weekends and
// holidays (要點6(2), 6(4), 11(4); SPEC §4.2, §4.8, §4.9; 民法第122條).
#pragma once

#include "domain/date.hpp"
#include "domain/holiday_calendar.hpp"
#include "domain/retention.hpp"

#include <optional>
#include <string_view>

namespace govpub::domain {

//! 要點6(2): a serial is checked in when its first issue arrives only (僅於首次收到時辦理點收);
//! every other kind, each time it is received.
bool needs_check_in(PublicationKind kind, bool first_issue);

//! 要點6(2): check-in within one month of receipt (收到…一個月內…辦理點收), rolled to the next
//! working day. Nothing for a serial issue after the first, which is never checked in.
std::optional<Date> check_in_due(PublicationKind kind, bool first_issue, Date received,
                                 const HolidayCalendar& calendar);

//! 要點6(2): service within two months of the actual check-in (點收後二個月內提供服務), rolled.
//! Counted from the day checked in, not from the check-in deadline: a library that checks in
//! early must also serve early.
Date service_due(Date checked_in, const HolidayCalendar& calendar);

//! 要點6(4) 前項索取之出版品，逾出版日期一年者，出版機關得不予提供: a claim made after the
//! publication date + 1 year (02-29 clamped to 02-28) may be declined by the agency. On that
//! anniversary itself the year has not yet passed, so the claim is still owed.
bool claim_is_optional(Date published, Date claimed);

//! A claim's deadline and whether the agency must meet it.
struct ClaimDue {
    Date due{};
    bool optional = false; //!< the agency may decline (要點6(4) 後段)
    bool operator==(const ClaimDue&) const = default;
};

//! 要點6(4): the agency distributes a claimed publication within one month of the claim
//! notice (出版機關應於一個月內完成分送), rolled. Optional by claim_is_optional(published,
//! notice); with no known publication date it is owed (the exemption must be shown).
ClaimDue claim_due(Date notice, std::optional<Date> published, const HolidayCalendar& calendar);

//! 要點11(4): the agency answers a store's disposal list within one month of the notice
//! (各機關需於一個月內回覆), rolled.
Date disposal_reply_due(Date notice, const HolidayCalendar& calendar);

//! Where an obligation not yet met stands on a day.
enum class ObligationStatus { open, overdue };

//! "open", "overdue": for `govpub due --json` and reports.
std::string_view to_string(ObligationStatus status);

//! Overdue once `as_of` is after the due date; on the due date itself it is still open, since
//! the whole of that day is allowed.
ObligationStatus obligation_status(Date due, Date as_of);

} // namespace govpub::domain
