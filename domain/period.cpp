// Period arithmetic on the configured half-year boundaries.
#include "domain/period.hpp"

#include "domain/errors.hpp"

#include <cctype>

namespace govpub::domain {

namespace chrono = std::chrono;

Period::Period(int year, int half) : year_(year), half_(half) {
    if (half != 1 && half != 2)
        throw InvalidValue("period", std::to_string(year) + "H" + std::to_string(half),
                           "the half must be 1 or 2");
    if (year < 1912 || year > 9999)
        throw InvalidValue("period", std::to_string(year) + "H" + std::to_string(half),
                           "the year must have four digits (Gregorian)");
}

Period Period::parse(std::string_view text) {
    const std::string shown(text);
    if (text.size() != 6 || !std::isdigit(static_cast<unsigned char>(text[0])) ||
        !std::isdigit(static_cast<unsigned char>(text[1])) ||
        !std::isdigit(static_cast<unsigned char>(text[2])) ||
        !std::isdigit(static_cast<unsigned char>(text[3])) || (text[4] != 'H' && text[4] != 'h') ||
        (text[5] != '1' && text[5] != '2'))
        throw InvalidValue("period", shown, "expected YYYYH1 or YYYYH2, e.g. 2026H1");
    return Period(std::stoi(shown.substr(0, 4)), text[5] - '0');
}

Date Period::last_day(const PeriodScheme& scheme) const {
    unsigned m = half_ == 1 ? scheme.h1_end_month : scheme.h2_end_month;
    return last_day_of_month(chrono::year{year_}, chrono::month{m});
}

Date Period::first_day(const PeriodScheme& scheme) const {
    return add_days(previous().last_day(scheme), 1);
}

Date Period::run_day(const PeriodScheme& scheme) const {
    Date next_month = add_months(Date{chrono::year{year_}, last_day(scheme).month(), chrono::day{1}}, 1);
    return Date{next_month.year(), next_month.month(), chrono::day{scheme.run_day}};
}

Period Period::containing(Date d, const PeriodScheme& scheme) {
    int y = static_cast<int>(d.year());
    for (Period p : {Period(y, 1), Period(y, 2), Period(y + 1, 1)}) {
        if (chrono::sys_days{d} >= chrono::sys_days{p.first_day(scheme)} &&
            chrono::sys_days{d} <= chrono::sys_days{p.last_day(scheme)})
            return p;
    }
    return Period(y - 1, 2); // unreachable with a valid scheme; kept total for safety
}

std::string Period::name() const { return std::to_string(year_) + "H" + std::to_string(half_); }

std::string Period::roc_name() const {
    return std::to_string(year_ - 1911) + "年" + (half_ == 1 ? "上半年" : "下半年");
}

Period Period::previous() const { return half_ == 2 ? Period(year_, 1) : Period(year_ - 1, 2); }
Period Period::next() const { return half_ == 1 ? Period(year_, 2) : Period(year_ + 1, 1); }

void validate(const PeriodScheme& scheme) {
    auto shown = std::to_string(scheme.h1_end_month) + "," + std::to_string(scheme.h2_end_month);
    if (scheme.h1_end_month < 1 || scheme.h2_end_month > 12 ||
        scheme.h1_end_month >= scheme.h2_end_month)
        throw InvalidValue("settlement.period_end_months", shown,
                           "two months from 1 to 12, the first before the second");
    if (scheme.run_day < 1 || scheme.run_day > 28)
        throw InvalidValue("settlement.run_day", std::to_string(scheme.run_day),
                           "a day from 1 to 28, so it exists in every month");
}

} // namespace govpub::domain
