// Identifiers of publications and parties: GPN, ISBN, ISSN, ISRC and opaque codes (SPEC §3).
#pragma once

#include "domain/parsed.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace govpub::domain {

//! Unicode NFKC of UTF-8 text: full-width digits, letters, colons and spaces become ASCII,
//! so `ＧＰＮ：１０１０９０１７８７` reads like `GPN:1010901787`. Ill-formed UTF-8 becomes U+FFFD.
std::string nfkc(std::string_view utf8);

//! 政府出版品統一編號: `C YYYY NNNNN`, a type digit, the ROC year padded to 4 digits and a
//! running number. No check digit. Kept as a string, never an integer (leading zeros).
struct Gpn {
    std::string digits; //!< exactly 10 ASCII digits once parsed

    char type_digit() const;
    int roc_year() const;
    int running_number() const;
    bool operator==(const Gpn&) const = default;
};

//! What a GPN is checked against; the caller passes today's ROC year (domain reads no clock).
struct GpnRules {
    std::string known_types = "12"; //!< 1 book, 2 serial; configurable (SPEC §3)
    int current_roc_year = 0;       //!< 0 leaves the future-year warning out
};

//! Accepts `1010901787`, `GPN：1010901787`, `GPN 1010-901787` and full-width digits. Fails
//! unless 10 digits remain; warns on an unknown type digit or a year after the current one.
Parsed<Gpn> parse_gpn(std::string_view raw, const GpnRules& rules);

//! The 13 ISBN-13 digits, no hyphens. Accepts ISBN-10 (mod 11, final X; converted to 978…)
//! and ISBN-13 (978/979, weights 1-3), with hyphens, spaces, full-width digits and an
//! optional `ISBN`, `ISBN-13:` or `urn:isbn:` label.
Parsed<std::string> parse_isbn(std::string_view raw);

//! The ISBN-10 of a 978 ISBN-13 (13 digits as parse_isbn gives them); none for 979.
std::optional<std::string> isbn13_to_isbn10(std::string_view isbn13);

//! Whether a parse_isbn result is in Taiwan's registration groups: 978-957, 978-986, 978-626.
bool is_taiwan_isbn(std::string_view isbn13);

//! `NNNN-NNNC` with the mod 11 check character (`X` for 10), uppercase.
Parsed<std::string> parse_issn(std::string_view raw);

//! The 12 characters of `CC-XXX-YY-NNNNN` without hyphens, uppercase: country, registrant
//! (letters or digits), year, designation.
Parsed<std::string> parse_isrc(std::string_view raw);

//! An agency, store or library code: opaque, trimmed, 1–32 characters, no whitespace.
//! `field` names it in the message ("store", "agency code").
Parsed<std::string> parse_code(std::string_view field, std::string_view raw);

} // namespace govpub::domain
