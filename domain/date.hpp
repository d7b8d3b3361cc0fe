// Calendar dates as the regulation and the people using govpub write them (SPEC §4.2).
#pragma once

#include "domain/parsed.hpp"

#include <chrono>
#include <string>
#include <string_view>

namespace govpub::domain {

//! A civil date with no time and no zone: deadlines and periods are counted in whole days.
using Date = std::chrono::year_month_day;

//! Gregorian year minus this is the ROC (民國) year: 2026 is 115.
inline constexpr int ROC_YEAR_OFFSET = 1911;

//! Reads a date in any form people send: `2026-06-30`, `2026/06/30`, ROC `115/06/30`,
//! `115.06.30`, `115-06-30`, `民國115年6月30日`, `115年6月30日`. Month and day may have one
//! or two digits; a 4-digit year is Gregorian, a 2- or 3-digit one is ROC. Full-width
//! digits and punctuation are accepted (NFKC), surrounding spaces are ignored. Fails on a
//! date that does not exist ("2026-02-30 is not a real date (February 2026 has 28 days)").
Parsed<Date> parse_date(std::string_view text);

//! parse_date for a value whose failure ends the command; throws InvalidValue naming `field`.
Date parse_date_or_throw(std::string_view field, std::string_view text);

//! "2026-06-30", for files read by machines.
std::string to_iso(Date date);
//! "115年6月30日", for notices and report headers read by people (no zero padding).
std::string to_roc(Date date);
//! "115/06/30": month and day padded to two digits, the year as is.
std::string to_roc_numeric(Date date);
//! 115 for any date in 2026.
int roc_year(Date date);

Date add_days(Date date, int days);
//! The same day `months` later (or earlier when negative), clamped to the last day of the
//! target month: 2026-01-31 + 1 month = 2026-02-28 (SPEC §4.2).
Date add_months(Date date, int months);
//! The same day `years` later, clamped likewise: 2024-02-29 + 1 year = 2025-02-28.
Date add_years(Date date, int years);
bool is_weekend(Date date);
Date last_day_of_month(std::chrono::year year, std::chrono::month month);
//! Whole days from `from` to `to`: positive when `to` is later, 0 for the same day.
int days_between(Date from, Date to);

} // namespace govpub::domain
