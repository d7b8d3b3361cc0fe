// Settlement periods (要點11(3), 附件一 註三): two half-years, settled in June and December.
#pragma once

#include "domain/date.hpp"

#include <string>
#include <string_view>

namespace govpub::domain {

//! Where the two half-years end. The default (5, 11) gives H1 = 1 Dec – 31 May and
//! H2 = 1 Jun – 30 Nov, so settlements run in June and December as 附件一 註三 says.
struct PeriodScheme {
    unsigned h1_end_month = 5;
    unsigned h2_end_month = 11;
    unsigned run_day = 10; //!< day of the month after the period ends when settlement runs
};

//! A half-year such as 2026H1. Its year is the year its last day falls in.
class Period {
  public:
    Period(int year, int half);

    //! "2026H1" or "2026h2"; anything else throws InvalidValue naming the rule.
    static Period parse(std::string_view text);
    //! The period whose dates include `day`.
    static Period containing(Date day, const PeriodScheme& scheme);

    int year() const { return year_; }
    int half() const { return half_; }
    std::string name() const; //!< "2026H1"

    Date first_day(const PeriodScheme& scheme) const;
    Date last_day(const PeriodScheme& scheme) const;
    //! The default day the settlement of this period runs (the run day of the next month).
    Date run_day(const PeriodScheme& scheme) const;
    //! "115年上半年" for people.
    std::string roc_name() const;

    Period previous() const;
    Period next() const;

    auto operator<=>(const Period&) const = default;

  private:
    int year_;
    int half_;
};

//! Checks that end months are 1–12, distinct, and in order; throws InvalidValue otherwise.
void validate(const PeriodScheme& scheme);

} // namespace govpub::domain
