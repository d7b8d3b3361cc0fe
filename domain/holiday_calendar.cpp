// The working-day calendar and deadline rolling (SPEC §4.2, 民法第122條).
#include "domain/holiday_calendar.hpp"

#include "domain/errors.hpp"

#include <unicode/utf8.h>
#include <vector>

namespace govpub::domain {

namespace {

constexpr std::string_view UTF8_BOM = "\xEF\xBB\xBF";

std::string_view trim(std::string_view text) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!text.empty() && is_space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

std::vector<std::string_view> split_fields(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (true) {
        auto comma = line.find(',', start);
        fields.push_back(trim(line.substr(start, comma - start)));
        if (comma == std::string_view::npos) {
            return fields;
        }
        start = comma + 1;
    }
}

bool is_valid_utf8(std::string_view text) {
    for (int32_t i = 0; i < int32_t(text.size());) {
        UChar32 c = 0;
        U8_NEXT(text.data(), i, int32_t(text.size()), c);
        if (c < 0) {
            return false;
        }
    }
    return true;
}

bool is_iso_shape(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
    }
    return true;
}

bool is_header(const std::vector<std::string_view>& fields) {
    return fields.size() >= 2 && fields[0] == "date" && fields[1] == "name" &&
           (fields.size() == 2 || (fields.size() == 3 && fields[2] == "kind"));
}

} // namespace

void HolidayCalendar::check_not_listed(Date date) const {
    if (auto it = holidays_.find(date); it != holidays_.end()) {
        throw InvalidValue("holiday calendar", to_iso(date),
                           "already listed as a holiday (" + it->second + ")");
    }
    if (auto it = working_days_.find(date); it != working_days_.end()) {
        throw InvalidValue("holiday calendar", to_iso(date),
                           "already listed as a working day (" + it->second + ")");
    }
}

void HolidayCalendar::add_holiday(Date date, std::string name) {
    check_not_listed(date);
    holidays_.emplace(date, std::move(name));
}

void HolidayCalendar::add_working_day(Date date, std::string name) {
    check_not_listed(date);
    working_days_.emplace(date, std::move(name));
}

bool HolidayCalendar::is_working_day(Date date) const {
    if (working_days_.count(date) != 0) {
        return true;
    }
    return !is_weekend(date) && holidays_.count(date) == 0;
}

const std::string* HolidayCalendar::holiday_name(Date date) const {
    auto it = holidays_.find(date);
    return it == holidays_.end() ? nullptr : &it->second;
}

bool HolidayCalendar::covers(std::chrono::year year) const {
    auto listed_in = [&](const std::map<Date, std::string>& days) {
        auto it = days.lower_bound(Date{year, std::chrono::January, std::chrono::day{1}});
        return it != days.end() && it->first.year() == year;
    };
    return listed_in(holidays_) || listed_in(working_days_);
}

Date HolidayCalendar::roll_forward(Date date) const {
    // Ends: only finitely many days are listed, and every week has weekdays.
    while (!is_working_day(date)) {
        date = add_days(date, 1);
    }
    return date;
}

Date HolidayCalendar::deadline_months_after(Date start, int months) const {
    return roll_forward(add_months(start, months));
}

Date HolidayCalendar::deadline_days_after(Date start, int days) const {
    return roll_forward(add_days(start, days));
}

HolidayCalendar HolidayCalendar::parse_csv(std::string_view text, std::string_view source_name) {
    if (text.substr(0, UTF8_BOM.size()) == UTF8_BOM) {
        text.remove_prefix(UTF8_BOM.size());
    }
    HolidayCalendar calendar;
    bool before_first_entry = true;
    int line_number = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        std::string_view line =
            trim(text.substr(start, end == std::string_view::npos ? end : end - start));
        start = end == std::string_view::npos ? text.size() + 1 : end + 1;
        ++line_number;
        if (line.empty() || line.front() == '#') {
            continue;
        }
        std::string where = std::string(source_name) + " line " + std::to_string(line_number);
        if (!is_valid_utf8(line)) {
            throw InvalidValue(where, "(bytes)", "is not UTF-8; save the file as UTF-8");
        }
        auto fields = split_fields(line);
        if (before_first_entry && is_header(fields)) {
            before_first_entry = false;
            continue;
        }
        before_first_entry = false;
        if (fields.size() < 2 || fields.size() > 3) {
            throw InvalidValue(where, std::string(line),
                               "expected date,name[,kind], found " + std::to_string(fields.size()) +
                                   " field(s)");
        }
        if (!is_iso_shape(fields[0])) {
            throw InvalidValue(where, std::string(fields[0]), "expected a date as YYYY-MM-DD");
        }
        Date date;
        try {
            date = parse_date_or_throw("date", fields[0]);
        } catch (const InvalidValue& bad) {
            throw InvalidValue(where, bad.value(), bad.rule());
        }
        if (fields[1].empty()) {
            throw InvalidValue(where, std::string(line), "the name is empty");
        }
        std::string_view kind = fields.size() == 3 && !fields[2].empty() ? fields[2] : "holiday";
        if (kind != "holiday" && kind != "workday") {
            throw InvalidValue(where, std::string(kind), "kind must be holiday or workday");
        }
        try {
            if (kind == "holiday") {
                calendar.add_holiday(date, std::string(fields[1]));
            } else {
                calendar.add_working_day(date, std::string(fields[1]));
            }
        } catch (const InvalidValue& twice) {
            throw InvalidValue(where, twice.value(), twice.rule());
        }
    }
    return calendar;
}

} // namespace govpub::domain
