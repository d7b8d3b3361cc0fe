// Depository, claim and disposal-reply deadlines (要點6(2), 6(4), 11(4); SPEC §4.2).
#include "domain/deadlines.hpp"

#include <cassert>

namespace govpub::domain {

namespace {

// Every deadline of these points is "within one month" or "within two months".
constexpr int CHECK_IN_MONTHS = 1;       // 要點6(2)
constexpr int SERVICE_MONTHS = 2;        // 要點6(2)
constexpr int CLAIM_MONTHS = 1;          // 要點6(4)
constexpr int CLAIM_OPTIONAL_YEARS = 1;  // 要點6(4) 後段
constexpr int DISPOSAL_REPLY_MONTHS = 1; // 要點11(4)

} // namespace

bool needs_check_in(PublicationKind kind, bool first_issue) {
    return kind != PublicationKind::serial || first_issue;
}

std::optional<Date> check_in_due(PublicationKind kind, bool first_issue, Date received,
                                 const HolidayCalendar& calendar) {
    if (!needs_check_in(kind, first_issue)) {
        return std::nullopt;
    }
    return calendar.deadline_months_after(received, CHECK_IN_MONTHS);
}

Date service_due(Date checked_in, const HolidayCalendar& calendar) {
    return calendar.deadline_months_after(checked_in, SERVICE_MONTHS);
}

bool claim_is_optional(Date published, Date claimed) {
    // Not rolled: this is the age of the publication, not a deadline.
    return add_years(published, CLAIM_OPTIONAL_YEARS) < claimed;
}

ClaimDue claim_due(Date notice, std::optional<Date> published, const HolidayCalendar& calendar) {
    return ClaimDue{calendar.deadline_months_after(notice, CLAIM_MONTHS),
                    published.has_value() && claim_is_optional(*published, notice)};
}

Date disposal_reply_due(Date notice, const HolidayCalendar& calendar) {
    return calendar.deadline_months_after(notice, DISPOSAL_REPLY_MONTHS);
}

std::string_view to_string(ObligationStatus status) {
    switch (status) {
    case ObligationStatus::open:
        return "open";
    case ObligationStatus::overdue:
        return "overdue";
    }
    assert(false && "unhandled ObligationStatus");
    return "";
}

ObligationStatus obligation_status(Date due, Date as_of) {
    return as_of > due ? ObligationStatus::overdue : ObligationStatus::open;
}

} // namespace govpub::domain
