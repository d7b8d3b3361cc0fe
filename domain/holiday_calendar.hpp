// Which days are working days, and when a deadline really falls (SPEC §4.2, 民法第122條).
#pragma once

#include "domain/date.hpp"

#include <chrono>
#include <map>
#include <string>
#include <string_view>

namespace govpub::domain {

//! The days off and make-up working days the DGPA (行政院人事行政總處) publishes each year,
//! on top of the Monday–Friday week. Loaded from config/holidays.csv by an adapter.
class HolidayCalendar {
  public:
    //! A national holiday, adjusted day off (調整放假) or substitute day off (補假).
    //! Throws InvalidValue when the date is already listed.
    void add_holiday(Date date, std::string name);
    //! A weekend day made a working day (補行上班). Throws InvalidValue when already listed.
    void add_working_day(Date date, std::string name);

    //! Monday to Friday and not a listed holiday, or a listed make-up working day.
    bool is_working_day(Date date) const;
    //! The holiday's name, or nullptr when `date` is not a listed holiday.
    const std::string* holiday_name(Date date) const;
    //! Whether any holiday or working day is listed in `year`: a deadline in a year the
    //! calendar does not cover would silently ignore that year's holidays.
    bool covers(std::chrono::year year) const;

    //! `date` if it is a working day, else the next working day: a deadline falling on a
    //! Saturday, Sunday or holiday moves to the next working day (民法第122條).
    Date roll_forward(Date date) const;
    //! roll_forward(add_months(start, months)), e.g. a payment term "within 2 months".
    Date deadline_months_after(Date start, int months) const;
    //! roll_forward(add_days(start, days)).
    Date deadline_days_after(Date start, int days) const;

    //! Reads the calendar file's text: UTF-8 with an optional BOM; `#` comments and blank
    //! lines ignored; an optional header `date,name,kind`; then `YYYY-MM-DD,name[,kind]` with
    //! kind `holiday` (the default) or `workday`. A bad line throws InvalidValue naming
    //! "<source_name> line N" and the problem.
    static HolidayCalendar parse_csv(std::string_view text, std::string_view source_name);

  private:
    void check_not_listed(Date date) const;

    std::map<Date, std::string> holidays_;
    std::map<Date, std::string> working_days_;
};

} // namespace govpub::domain
