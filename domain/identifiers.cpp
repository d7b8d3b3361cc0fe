// Checking and normalising GPN, ISBN, ISSN, ISRC and party codes (SPEC §3).
#include "domain/identifiers.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <stdexcept>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <utility>
#include <vector>

namespace govpub::domain {

namespace {

constexpr std::string_view GPN_SHAPE = "must have 10 digits (type, ROC year, running number)";
constexpr std::size_t CODE_MAX_CHARACTERS = 32;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
char to_upper(char c) { return (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c; }

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) {
        return false;
    }
    return std::equal(prefix.begin(), prefix.end(), text.begin(),
                      [](char a, char b) { return to_upper(a) == to_upper(b); });
}

//! Hyphens people paste from word processors; NFKC keeps them as they are.
constexpr std::array<std::string_view, 6> UNICODE_DASHES = {"\u2010", "\u2012", "\u2013",
                                                            "\u2014", "\u2015", "\u2212"};

//! NFKC, then one leading label (the first of `labels` that matches, ignoring case), then
//! every colon, space and hyphen: what is left should be the identifier itself.
std::string strip_printed_form(std::string_view raw,
                               std::initializer_list<std::string_view> labels) {
    std::string text = nfkc(raw);
    std::string_view view = text;
    while (!view.empty() && (view.front() == ' ' || view.front() == '\t')) {
        view.remove_prefix(1);
    }
    for (std::string_view label : labels) {
        if (starts_with_ignoring_case(view, label)) {
            view.remove_prefix(label.size());
            break;
        }
    }
    std::string kept;
    kept.reserve(view.size());
    for (std::size_t i = 0; i < view.size();) {
        bool dash = false;
        for (std::string_view candidate : UNICODE_DASHES) {
            if (view.substr(i, candidate.size()) == candidate) {
                i += candidate.size();
                dash = true;
                break;
            }
        }
        if (dash) {
            continue;
        }
        char c = view[i++];
        if (c != ':' && c != ' ' && c != '\t' && c != '-' && c != '\r' && c != '\n') {
            kept += c;
        }
    }
    return kept;
}

//! The whole UTF-8 character starting at byte `at`, for quoting it in a message.
std::string character_at(std::string_view text, std::size_t at) {
    std::size_t end = at + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
        ++end;
    }
    return std::string(text.substr(at, end - at));
}

std::string shown(std::string_view value) { return value.empty() ? "(empty)" : std::string(value); }

std::string message(std::string_view field, std::string_view value, std::string_view rule) {
    return std::string(field) + " " + shown(value) + ": " + std::string(rule);
}

//! The first character that is neither a digit nor (when allowed) X, or npos.
std::size_t first_unexpected(std::string_view text, bool allow_x) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_digit(text[i]) && !(allow_x && text[i] == 'X')) {
            return i;
        }
    }
    return std::string_view::npos;
}

int digit_value(char c) { return c == 'X' ? 10 : c - '0'; }

//! ISBN-10 and ISSN share the mod 11 check: weights count down to 2, 10 is written X.
char mod11_check(std::string_view body) {
    int sum = 0;
    int weight = int(body.size()) + 1;
    for (char c : body) {
        sum += digit_value(c) * weight--;
    }
    int check = (11 - sum % 11) % 11;
    return check == 10 ? 'X' : char('0' + check);
}

char isbn13_check(std::string_view twelve) {
    int sum = 0;
    for (std::size_t i = 0; i < twelve.size(); ++i) {
        sum += (twelve[i] - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return char('0' + (10 - sum % 10) % 10);
}

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), to_upper);
    return text;
}

} // namespace

std::string nfkc(std::string_view utf8) {
    // ASCII is already in NFKC; skipping ICU keeps large imports fast.
    if (std::all_of(utf8.begin(), utf8.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        return std::string(utf8);
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normaliser = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU NFKC data unavailable: ") + u_errorName(status));
    }
    icu::UnicodeString source =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), int32_t(utf8.size())));
    icu::UnicodeString normalised = normaliser->normalize(source, status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU NFKC failed: ") + u_errorName(status));
    }
    std::string result;
    normalised.toUTF8String(result);
    return result;
}

char Gpn::type_digit() const { return digits.at(0); }

int Gpn::roc_year() const { return std::stoi(digits.substr(1, 4)); }

int Gpn::running_number() const { return std::stoi(digits.substr(5, 5)); }

Parsed<Gpn> parse_gpn(std::string_view raw, const GpnRules& rules) {
    std::string digits = strip_printed_form(raw, {"GPN"});
    if (auto bad = first_unexpected(digits, false); bad != std::string::npos) {
        return Parsed<Gpn>::fail(message(
            "GPN", digits, std::string(GPN_SHAPE) + ", found '" + character_at(digits, bad) + "'"));
    }
    if (digits.size() != 10) {
        return Parsed<Gpn>::fail(message(
            "GPN", digits, std::string(GPN_SHAPE) + ", found " + std::to_string(digits.size())));
    }
    auto result = Parsed<Gpn>::ok(Gpn{digits});
    const Gpn& gpn = *result;
    if (rules.known_types.find(gpn.type_digit()) == std::string::npos) {
        std::string known;
        for (char type : rules.known_types) {
            known += (known.empty() ? "" : ", ") + std::string(1, type);
        }
        result.warnings.push_back(message("GPN", digits,
                                          std::string("type digit ") + gpn.type_digit() +
                                              " is not a known type (known: " + known + ")"));
    }
    if (rules.current_roc_year > 0 && gpn.roc_year() > rules.current_roc_year) {
        result.warnings.push_back(message("GPN", digits,
                                          "ROC year " + std::to_string(gpn.roc_year()) +
                                              " is after the current year " +
                                              std::to_string(rules.current_roc_year)));
    }
    return result;
}

Parsed<std::string> parse_isbn(std::string_view raw) {
    // Longest labels first, so "ISBN-13:" does not leave "13" in front of the digits.
    std::string isbn = upper(
        strip_printed_form(raw, {"urn:isbn:", "ISBN-13", "ISBN-10", "ISBN13", "ISBN10", "ISBN"}));
    if (auto bad = first_unexpected(isbn, true); bad != std::string::npos) {
        return Parsed<std::string>::fail(
            message("ISBN", isbn, "'" + character_at(isbn, bad) + "' is not a digit"));
    }
    if (isbn.size() == 10) {
        if (isbn.find('X') < 9) {
            return Parsed<std::string>::fail(
                message("ISBN", isbn, "only the last character of an ISBN-10 may be X"));
        }
        char expected = mod11_check(std::string_view(isbn).substr(0, 9));
        if (isbn[9] != expected) {
            return Parsed<std::string>::fail(
                message("ISBN", isbn, std::string("check digit should be ") + expected));
        }
        std::string twelve = "978" + isbn.substr(0, 9);
        return Parsed<std::string>::ok(twelve + isbn13_check(twelve));
    }
    if (isbn.size() == 13) {
        if (isbn.find('X') != std::string::npos) {
            return Parsed<std::string>::fail(message("ISBN", isbn, "an ISBN-13 has no X"));
        }
        if (isbn.compare(0, 3, "978") != 0 && isbn.compare(0, 3, "979") != 0) {
            return Parsed<std::string>::fail(
                message("ISBN", isbn, "an ISBN-13 must start with 978 or 979"));
        }
        char expected = isbn13_check(std::string_view(isbn).substr(0, 12));
        if (isbn[12] != expected) {
            return Parsed<std::string>::fail(
                message("ISBN", isbn, std::string("check digit should be ") + expected));
        }
        return Parsed<std::string>::ok(isbn);
    }
    return Parsed<std::string>::fail(
        message("ISBN", isbn, "must have 10 or 13 digits, found " + std::to_string(isbn.size())));
}

std::optional<std::string> isbn13_to_isbn10(std::string_view isbn13) {
    if (isbn13.size() != 13 || isbn13.substr(0, 3) != "978" ||
        first_unexpected(isbn13, false) != std::string_view::npos) {
        return std::nullopt;
    }
    std::string nine(isbn13.substr(3, 9));
    return nine + mod11_check(nine);
}

bool is_taiwan_isbn(std::string_view isbn13) {
    if (isbn13.size() != 13) {
        return false;
    }
    std::string_view group = isbn13.substr(0, 6);
    return group == "978957" || group == "978986" || group == "978626";
}

Parsed<std::string> parse_issn(std::string_view raw) {
    std::string issn = upper(strip_printed_form(raw, {"ISSN"}));
    if (auto bad = first_unexpected(issn, true); bad != std::string::npos) {
        return Parsed<std::string>::fail(
            message("ISSN", issn, "'" + character_at(issn, bad) + "' is not a digit"));
    }
    if (issn.size() != 8) {
        return Parsed<std::string>::fail(
            message("ISSN", issn,
                    "must have 8 characters (NNNN-NNNC), found " + std::to_string(issn.size())));
    }
    if (issn.find('X') < 7) {
        return Parsed<std::string>::fail(
            message("ISSN", issn, "only the check character (the last) may be X"));
    }
    char expected = mod11_check(std::string_view(issn).substr(0, 7));
    if (issn[7] != expected) {
        return Parsed<std::string>::fail(
            message("ISSN", issn, std::string("check character should be ") + expected));
    }
    return Parsed<std::string>::ok(issn.substr(0, 4) + "-" + issn.substr(4, 4));
}

Parsed<std::string> parse_isrc(std::string_view raw) {
    std::string isrc = upper(strip_printed_form(raw, {"ISRC"}));
    for (std::size_t i = 0; i < isrc.size(); ++i) {
        if (!is_digit(isrc[i]) && !is_upper(isrc[i])) {
            return Parsed<std::string>::fail(
                message("ISRC", isrc, "'" + character_at(isrc, i) + "' is not a letter or digit"));
        }
    }
    if (isrc.size() != 12) {
        return Parsed<std::string>::fail(message(
            "ISRC", isrc,
            "must have 12 characters (CC-XXX-YY-NNNNN), found " + std::to_string(isrc.size())));
    }
    auto all = [&](std::size_t from, std::size_t count, auto predicate) {
        return std::all_of(isrc.begin() + from, isrc.begin() + from + count, predicate);
    };
    if (!all(0, 2, is_upper)) {
        return Parsed<std::string>::fail(
            message("ISRC", isrc, "the country code (first 2 characters) must be letters"));
    }
    if (!all(5, 2, is_digit)) {
        return Parsed<std::string>::fail(
            message("ISRC", isrc, "the year (characters 6-7) must be digits"));
    }
    if (!all(7, 5, is_digit)) {
        return Parsed<std::string>::fail(
            message("ISRC", isrc, "the designation code (last 5 characters) must be digits"));
    }
    return Parsed<std::string>::ok(isrc);
}

Parsed<std::string> parse_code(std::string_view field, std::string_view raw) {
    // Codes are opaque: only surrounding white space goes; nothing inside is rewritten.
    auto is_white = [](UChar32 c) { return u_isUWhiteSpace(c) || u_iscntrl(c); };
    std::vector<std::pair<std::size_t, UChar32>> characters; // byte offset, code point
    for (int32_t i = 0; i < int32_t(raw.size());) {
        int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(raw.data(), i, int32_t(raw.size()), c);
        if (c < 0) {
            return Parsed<std::string>::fail(std::string(field) + " is not valid UTF-8");
        }
        characters.emplace_back(std::size_t(start), c);
    }
    auto first = std::find_if_not(characters.begin(), characters.end(),
                                  [&](const auto& ch) { return is_white(ch.second); });
    auto last = std::find_if_not(characters.rbegin(), characters.rend(),
                                 [&](const auto& ch) { return is_white(ch.second); });
    if (first == characters.end()) {
        return Parsed<std::string>::fail(message(field, "", "must have 1 to 32 characters"));
    }
    auto end = last.base(); // one past the last character that is not white space
    std::size_t end_byte = end == characters.end() ? raw.size() : end->first;
    std::string code(raw.substr(first->first, end_byte - first->first));
    auto count = std::size_t(end - first);
    if (std::any_of(first, end, [&](const auto& ch) { return is_white(ch.second); })) {
        return Parsed<std::string>::fail(message(field, code, "must not contain spaces"));
    }
    if (count > CODE_MAX_CHARACTERS) {
        return Parsed<std::string>::fail(
            message(field, code, "must have 1 to 32 characters, found " + std::to_string(count)));
    }
    return Parsed<std::string>::ok(code);
}

} // namespace govpub::domain
