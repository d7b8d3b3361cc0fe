// Text as a workbook can carry it: clean XML, sheet names Excel accepts, widths, page headers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace govpub::reports {

//! `text` as XML can carry it: Excel refuses a file with invalid UTF-8 or control characters
//! (a repair prompt), so bad bytes become U+FFFD and control characters other than tab and
//! line breaks are dropped.
std::string xml_safe(std::string_view text);

//! Columns Excel needs to show `text`: East Asian wide and fullwidth characters count 2.
std::size_t display_width(std::string_view text);

//! `wanted` made into a sheet name Excel accepts: none of []:*?/\ or control characters, no
//! apostrophe at either end, at most 31 UTF-16 units, not blank, not "History", and unlike
//! every name in `taken` ignoring ASCII case, as Excel compares — a clash gets " (2)", ….
std::string safe_sheet_name(std::string_view wanted, const std::vector<std::string>& taken);

//! `text` shown as is in a printed page header or footer: XML-safe, and every '&' doubled,
//! since a single '&' starts a control code there ("&P" is the page number, "&12" a size).
std::string header_footer_literal(std::string_view text);

} // namespace govpub::reports
