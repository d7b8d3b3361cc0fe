// Parsing [schedule] lines and walking the calendar for their occurrences.
#include "jobs/schedule.hpp"

#include "domain/errors.hpp"

#include <sstream>

namespace govpub::jobs {

namespace {

//! "06:00" → 360; anything else is nothing.
std::optional<int> parse_clock(std::string_view text) {
    if (text.size() != 5 || text[2] != ':')
        return std::nullopt;
    for (std::size_t i : {0u, 1u, 3u, 4u})
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
    int h = (text[0] - '0') * 10 + (text[1] - '0');
    int m = (text[3] - '0') * 10 + (text[4] - '0');
    if (h > 23 || m > 59)
        return std::nullopt;
    return h * 60 + m;
}

constexpr int DAYS_LOOKED_BACK = 400; // more than the longest interval, half a year

} // namespace

LocalMinute LocalMinute::parse(std::string_view field, std::string_view text) {
    std::string_view date = text.substr(0, std::min<std::size_t>(10, text.size()));
    LocalMinute t;
    auto day = domain::parse_date(date);
    if (!day)
        throw domain::InvalidValue(std::string(field), std::string(text),
                                   "expected a local date and time such as 2026-06-10 02:00");
    t.date = *day;
    if (text.size() > 10) {
        auto clock = (text[10] == ' ' || text[10] == 'T') ? parse_clock(text.substr(11))
                                                            : std::nullopt;
        if (!clock)
            throw domain::InvalidValue(std::string(field), std::string(text),
                                       "expected a local date and time such as 2026-06-10 02:00");
        t.minutes = *clock;
    }
    return t;
}

std::string LocalMinute::text() const {
    const int h = minutes / 60 % 24, m = minutes % 60;
    return domain::to_iso(date) + " " + static_cast<char>('0' + h / 10) +
           static_cast<char>('0' + h % 10) + ":" + static_cast<char>('0' + m / 10) +
           static_cast<char>('0' + m % 10);
}

ScheduleEntry ScheduleEntry::parse(const std::string& job, std::string_view text) {
    const std::string key = "schedule." + job;
    const std::string rule = "expected daily HH:MM, monthly DAY HH:MM, quarterly DAY HH:MM or "
                             "half-yearly HH:MM";
    std::istringstream in{std::string(text)};
    std::string word, a, b, extra;
    in >> word >> a >> b >> extra;
    ScheduleEntry e;
    e.job = job;
    std::string clock = a;
    if (word == "daily" || word == "half-yearly") {
        e.frequency = word == "daily" ? Frequency::daily : Frequency::half_yearly;
        if (!b.empty())
            throw domain::InvalidValue(key, std::string(text), rule);
    } else if (word == "monthly" || word == "quarterly") {
        e.frequency = word == "monthly" ? Frequency::monthly : Frequency::quarterly;
        // Days up to 28 fall in every month, so no occurrence is skipped or moved.
        if (a.empty() || a.size() > 2 || a.find_first_not_of("0123456789") != std::string::npos ||
            std::stoi(a) < 1 || std::stoi(a) > 28)
            throw domain::InvalidValue(key, std::string(text),
                                       "the day of the month must be 1 to 28");
        e.day = static_cast<unsigned>(std::stoi(a));
        clock = b;
        if (!extra.empty())
            throw domain::InvalidValue(key, std::string(text), rule);
    } else {
        throw domain::InvalidValue(key, std::string(text), rule);
    }
    auto minutes = parse_clock(clock);
    if (!minutes)
        throw domain::InvalidValue(key, std::string(text), rule + " (HH:MM in 24 hours)");
    e.minutes = *minutes;
    return e;
}

bool ScheduleEntry::falls_on(domain::Date d, const domain::PeriodScheme& scheme) const {
    const unsigned month = static_cast<unsigned>(d.month());
    const unsigned dom = static_cast<unsigned>(d.day());
    switch (frequency) {
    case Frequency::daily:
        return true;
    case Frequency::monthly:
        return dom == day;
    case Frequency::quarterly:
        return dom == day && month % 3 == 1;
    case Frequency::half_yearly:
        // The settlement of the period that ended last month runs on its run day.
        return dom == scheme.run_day &&
               (month == scheme.h1_end_month % 12 + 1 || month == scheme.h2_end_month % 12 + 1);
    }
    return false;
}

std::vector<ScheduleEntry> parse_schedule(const std::map<std::string, std::string>& schedule) {
    std::vector<ScheduleEntry> entries;
    for (const char* job : {"settle", "reconcile", "deadlines", "depository"})
        if (auto it = schedule.find(job); it != schedule.end())
            entries.push_back(ScheduleEntry::parse(job, it->second));
    return entries;
}

std::vector<LocalMinute> occurrences(const ScheduleEntry& entry,
                                     const domain::PeriodScheme& scheme,
                                     const std::optional<LocalMinute>& after, LocalMinute until) {
    std::vector<LocalMinute> found;
    if (!after) {
        for (int back = 0; back <= DAYS_LOOKED_BACK; ++back) {
            LocalMinute t{domain::add_days(until.date, -back), entry.minutes};
            if (t <= until && entry.falls_on(t.date, scheme))
                return {t};
        }
        return found;
    }
    if (until <= *after)
        return found;
    for (domain::Date d = after->date; std::chrono::sys_days{d} <= std::chrono::sys_days{until.date};
         d = domain::add_days(d, 1)) {
        LocalMinute t{d, entry.minutes};
        if (*after < t && t <= until && entry.falls_on(d, scheme))
            found.push_back(t);
    }
    return found;
}

} // namespace govpub::jobs
