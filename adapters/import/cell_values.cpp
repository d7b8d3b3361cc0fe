// Cell value parsing shared by every importer.
#include "adapters/import/cell_values.hpp"

#include "domain/identifiers.hpp"
#include "domain/price_text.hpp"

#include <algorithm>
#include <cctype>

namespace govpub::adapters::import {

using domain::Parsed;

namespace {

std::string trimmed(std::string_view text) {
    std::string s = domain::nfkc(text);
    auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return "";
    auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

} // namespace

Parsed<std::int64_t> parse_whole_number(std::string_view text, std::string_view what) {
    const std::string shown(text);
    std::string s = trimmed(text);
    if (s.empty())
        return Parsed<std::int64_t>::fail(std::string(what) + " is empty");
    bool negative = false;
    std::size_t i = 0;
    if (s[0] == '-' || s[0] == '+') {
        negative = s[0] == '-';
        i = 1;
    }
    std::string digits;
    std::size_t group = 0;
    bool grouped = false;
    for (; i < s.size() && s[i] != '.'; ++i) {
        char c = s[i];
        if (c == ',') {
            if (digits.empty() || (grouped && group != 3))
                return Parsed<std::int64_t>::fail(std::string(what) + " \"" + shown +
                                                  "\" is not a number");
            grouped = true;
            group = 0;
            continue;
        }
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return Parsed<std::int64_t>::fail(std::string(what) + " \"" + shown +
                                              "\" is not a number");
        digits += c;
        ++group;
    }
    if (digits.empty() || (grouped && group != 3))
        return Parsed<std::int64_t>::fail(std::string(what) + " \"" + shown +
                                          "\" is not a number");
    if (i < s.size()) { // a decimal part: only zeros keep it whole
        std::string frac = s.substr(i + 1);
        bool all_digits = std::all_of(frac.begin(), frac.end(),
                                      [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        if (!all_digits)
            return Parsed<std::int64_t>::fail(std::string(what) + " \"" + shown +
                                              "\" is not a number");
        if (frac.find_first_not_of('0') != std::string::npos)
            return Parsed<std::int64_t>::fail(std::string(what) + " \"" + shown +
                                              "\" must be a whole number");
    }
    if (digits.size() > 15)
        return Parsed<std::int64_t>::fail(std::string(what) + " \"" + shown +
                                          "\" is too large");
    std::int64_t n = std::stoll(digits);
    return Parsed<std::int64_t>::ok(negative ? -n : n);
}

Parsed<std::int64_t> parse_price(std::string_view text, std::string_view what) {
    return domain::parse_ntd(text, what); // the one NT$ reader, shared with the feeds
}

Parsed<domain::Date> parse_business_date(std::string_view text, int current_year) {
    auto date = domain::parse_date(text);
    if (!date)
        return date;
    const int year = static_cast<int>(date->year());
    if (year < 2000 || (current_year > 0 && year > current_year + 1))
        return Parsed<domain::Date>::fail(
            "\"" + std::string(text) + "\" reads as " + domain::to_iso(*date) +
            ", which cannot be right here: write the year in full (2026-07-02) or as an ROC "
            "year of three digits (115/07/02)");
    return date;
}

Parsed<bool> parse_flag(std::string_view text, std::string_view what, bool empty_means) {
    std::string s = trimmed(text);
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (s.empty())
        return Parsed<bool>::ok(empty_means);
    if (s == "1" || s == "yes" || s == "y" || s == "true" || s == "是" || s == "v")
        return Parsed<bool>::ok(true);
    if (s == "0" || s == "no" || s == "n" || s == "false" || s == "否")
        return Parsed<bool>::ok(false);
    return Parsed<bool>::fail(std::string(what) + " \"" + std::string(text) +
                              "\" must be 0 or 1 (yes/no, 是/否)");
}

} // namespace govpub::adapters::import
