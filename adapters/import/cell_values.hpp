// Reading typed values out of uploaded cells: whole numbers, NT$ amounts, flags.
#pragma once

#include "domain/date.hpp"
#include "domain/parsed.hpp"

#include <cstdint>
#include <string_view>

namespace govpub::adapters::import {

//! A whole number as people type it: "12", "-3", "1,200", full-width digits, and the
//! "12.0" an Excel cell may come out as. "2.5" and "abc" fail with a reason naming `what`.
domain::Parsed<std::int64_t> parse_whole_number(std::string_view text, std::string_view what);

//! A list or sale price cell: domain::parse_ntd, the reader the feeds use too. Whole NT$, not
//! negative, as a person writes it: "350", "1,200", "NT$1,200", "新臺幣350元", "350.00".
domain::Parsed<std::int64_t> parse_price(std::string_view text, std::string_view what);

//! A date of business (a sale, a supply) in any accepted form, refused when it lies before
//! 2000 or after next year: a two-digit year such as "26/07/02" reads as ROC 26 (1937), so an
//! implausible year is far more likely a typing slip than history. `current_year` is
//! Gregorian; 0 leaves the upper bound open.
domain::Parsed<domain::Date> parse_business_date(std::string_view text, int current_year);

//! 0/1, yes/no, y/n, true/false, 是/否; empty is `empty_means`.
domain::Parsed<bool> parse_flag(std::string_view text, std::string_view what, bool empty_means);

} // namespace govpub::adapters::import
