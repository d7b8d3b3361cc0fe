// Reading, writing and counting calendar dates (SPEC §4.2).
#include "domain/date.hpp"

#include "domain/errors.hpp"
#include "domain/identifiers.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <optional>
#include <variant>

namespace govpub::domain {

namespace {

using namespace std::chrono;

constexpr std::string_view EXPECTED_FORM = "expected a date such as 2026-06-30 or 115/06/30";
constexpr std::string_view ROC_ERA = "民國";
constexpr std::string_view YEAR_MARK = "年";
constexpr std::string_view MONTH_MARK = "月";
constexpr std::string_view DAY_MARK = "日";

constexpr std::array<std::string_view, 12> MONTH_NAMES = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string_view trim(std::string_view text) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && is_space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

//! The number in `text` when it is 1..max_digits ASCII digits and nothing else.
std::optional<int> small_number(std::string_view text, std::size_t min_digits,
                                std::size_t max_digits) {
    text = trim(text);
    if (text.size() < min_digits || text.size() > max_digits) {
        return std::nullopt;
    }
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

struct DateParts {
    std::string_view year;
    std::string_view month;
    std::string_view day;
};

//! Splits `115年6月30日`; nothing may follow 日.
std::optional<DateParts> split_marked(std::string_view text) {
    auto year_end = text.find(YEAR_MARK);
    if (year_end == std::string_view::npos) {
        return std::nullopt;
    }
    auto month_start = year_end + YEAR_MARK.size();
    auto month_end = text.find(MONTH_MARK, month_start);
    if (month_end == std::string_view::npos) {
        return std::nullopt;
    }
    auto day_start = month_end + MONTH_MARK.size();
    auto day_end = text.find(DAY_MARK, day_start);
    if (day_end == std::string_view::npos || day_end + DAY_MARK.size() != text.size()) {
        return std::nullopt;
    }
    return DateParts{text.substr(0, year_end), text.substr(month_start, month_end - month_start),
                     text.substr(day_start, day_end - day_start)};
}

//! Splits `2026-06-30`, `115/06/30`, `115.06.30`: one separator, used twice.
std::optional<DateParts> split_separated(std::string_view text) {
    auto first = text.find_first_of("-/.");
    if (first == std::string_view::npos) {
        return std::nullopt;
    }
    char separator = text[first];
    auto second = text.find(separator, first + 1);
    if (second == std::string_view::npos ||
        text.find_first_of("-/.", second + 1) != std::string_view::npos) {
        return std::nullopt;
    }
    return DateParts{text.substr(0, first), text.substr(first + 1, second - first - 1),
                     text.substr(second + 1)};
}

//! A date, or the rule it breaks (without the value, which the caller places).
struct Rejection {
    std::string rule;
    bool not_real; //!< well-formed but impossible, as opposed to unreadable
};

std::variant<Date, Rejection> read_date(std::string_view text) {
    bool roc_era = text.substr(0, ROC_ERA.size()) == ROC_ERA;
    if (roc_era) {
        text = trim(text.substr(ROC_ERA.size()));
    }
    auto parts = split_marked(text);
    if (!parts) {
        parts = split_separated(text);
    }
    if (!parts) {
        return Rejection{std::string(EXPECTED_FORM), false};
    }
    // Four digits can only be Gregorian; two or three are the ROC years people write.
    auto gregorian = roc_era ? std::nullopt : small_number(parts->year, 4, 4);
    auto roc = small_number(parts->year, 2, 3);
    auto month_number = small_number(parts->month, 1, 2);
    auto day_number = small_number(parts->day, 1, 2);
    if ((!gregorian && !roc) || !month_number || !day_number) {
        return Rejection{std::string(EXPECTED_FORM), false};
    }
    int year_number = gregorian ? *gregorian : *roc + ROC_YEAR_OFFSET;
    if (*month_number < 1 || *month_number > 12) {
        return Rejection{"there is no month " + std::to_string(*month_number), true};
    }
    Date last = last_day_of_month(year{year_number}, month{unsigned(*month_number)});
    int days_in_month = int(unsigned(last.day()));
    if (*day_number < 1 || *day_number > days_in_month) {
        return Rejection{std::string(MONTH_NAMES[*month_number - 1]) + " " +
                             std::to_string(year_number) + " has " + std::to_string(days_in_month) +
                             " days",
                         true};
    }
    return Date{year{year_number}, month{unsigned(*month_number)}, day{unsigned(*day_number)}};
}

std::string padded(int value, int width) {
    std::string digits = std::to_string(value);
    if (int(digits.size()) < width) {
        digits.insert(0, std::size_t(width) - digits.size(), '0');
    }
    return digits;
}

} // namespace

Parsed<Date> parse_date(std::string_view text) {
    std::string normalised = nfkc(text);
    std::string_view shown = trim(normalised);
    auto result = read_date(shown);
    if (auto* date = std::get_if<Date>(&result)) {
        return Parsed<Date>::ok(*date);
    }
    const auto& rejection = std::get<Rejection>(result);
    if (rejection.not_real) {
        return Parsed<Date>::fail(std::string(shown) + " is not a real date (" + rejection.rule +
                                  ")");
    }
    return Parsed<Date>::fail("\"" + std::string(shown) + "\" is not a date: " + rejection.rule);
}

Date parse_date_or_throw(std::string_view field, std::string_view text) {
    std::string normalised = nfkc(text);
    std::string_view shown = trim(normalised);
    auto result = read_date(shown);
    if (auto* date = std::get_if<Date>(&result)) {
        return *date;
    }
    const auto& rejection = std::get<Rejection>(result);
    std::string rule =
        rejection.not_real ? "not a real date (" + rejection.rule + ")" : rejection.rule;
    throw InvalidValue(std::string(field), shown.empty() ? "(empty)" : std::string(shown), rule);
}

std::string to_iso(Date date) {
    assert(date.ok());
    return padded(int(date.year()), 4) + "-" + padded(int(unsigned(date.month())), 2) + "-" +
           padded(int(unsigned(date.day())), 2);
}

std::string to_roc(Date date) {
    assert(date.ok());
    return std::to_string(roc_year(date)) + std::string(YEAR_MARK) +
           std::to_string(unsigned(date.month())) + std::string(MONTH_MARK) +
           std::to_string(unsigned(date.day())) + std::string(DAY_MARK);
}

std::string to_roc_numeric(Date date) {
    assert(date.ok());
    return std::to_string(roc_year(date)) + "/" + padded(int(unsigned(date.month())), 2) + "/" +
           padded(int(unsigned(date.day())), 2);
}

int roc_year(Date date) { return int(date.year()) - ROC_YEAR_OFFSET; }

Date add_days(Date date, int days) {
    assert(date.ok());
    return Date{sys_days{date} + std::chrono::days{days}};
}

Date add_months(Date date, int months) {
    assert(date.ok());
    year_month target = year_month{date.year(), date.month()} + std::chrono::months{months};
    Date last = last_day_of_month(target.year(), target.month());
    return Date{target.year(), target.month(), std::min(date.day(), last.day())};
}

Date add_years(Date date, int years) {
    assert(date.ok());
    std::chrono::year target = date.year() + std::chrono::years{years};
    Date last = last_day_of_month(target, date.month());
    return Date{target, date.month(), std::min(date.day(), last.day())};
}

bool is_weekend(Date date) {
    assert(date.ok());
    weekday day_of_week{sys_days{date}};
    return day_of_week == Saturday || day_of_week == Sunday;
}

Date last_day_of_month(std::chrono::year year, std::chrono::month month) {
    return Date{year_month_day_last{year, month_day_last{month}}};
}

int days_between(Date from, Date to) {
    assert(from.ok() && to.ok());
    return int((sys_days{to} - sys_days{from}).count());
}

} // namespace govpub::domain
