// When scheduled jobs fall due (SPEC §5.6, config [schedule]), in the office's local time.
#pragma once

#include "domain/date.hpp"
#include "domain/period.hpp"

#include <compare>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govpub::jobs {

//! A local date and time to the minute: "2026-06-10 02:00".
struct LocalMinute {
    domain::Date date{};
    int minutes = 0; //!< since midnight

    //! "2026-06-10 02:00", "2026-06-10T02:00" or a date alone (midnight); throws
    //! domain::InvalidValue naming `field`.
    static LocalMinute parse(std::string_view field, std::string_view text);
    std::string text() const; //!< "2026-06-10 02:00"
    auto operator<=>(const LocalMinute&) const = default;
};

enum class Frequency { daily, monthly, quarterly, half_yearly };

//! One line of [schedule]: "daily 06:00", "monthly 1 03:00", "quarterly 1 04:00" (January,
//! April, July, October) or "half-yearly 02:00" (the settlement run day of the months after
//! each period end, 附件一 註三).
struct ScheduleEntry {
    std::string job;
    Frequency frequency = Frequency::daily;
    unsigned day = 1; //!< of the month, for monthly and quarterly
    int minutes = 0;

    static ScheduleEntry parse(const std::string& job, std::string_view text);
    bool falls_on(domain::Date day, const domain::PeriodScheme& scheme) const;
};

//! Every entry of the settings' schedule, in a fixed order (settle first).
std::vector<ScheduleEntry> parse_schedule(const std::map<std::string, std::string>& schedule);

//! The occurrences of `entry` after `after` and up to `until`, oldest first. Without `after`
//! (a schedule never looked at before) only the latest occurrence up to `until`: the
//! scheduler catches up what it missed, not what happened before it was installed.
std::vector<LocalMinute> occurrences(const ScheduleEntry& entry,
                                     const domain::PeriodScheme& scheme,
                                     const std::optional<LocalMinute>& after, LocalMinute until);

} // namespace govpub::jobs
