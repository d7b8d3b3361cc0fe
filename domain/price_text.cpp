// A strict reader for NT$ prices: it accepts the few shapes people write, nothing more.
#include "domain/price_text.hpp"

#include "domain/identifiers.hpp"

#include <array>
#include <string>

namespace govpub::domain {

namespace {

// Twelve digits is a trillion NT$: more than any book, and far from int64 overflow.
constexpr std::size_t MAX_DIGITS = 12;

std::string_view trim_spaces(std::string_view s) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    return s;
}

//! Removes the first of `prefixes` that `s` starts with; true when one did.
template <std::size_t N>
bool strip_prefix(std::string_view& s, const std::array<std::string_view, N>& prefixes) {
    for (auto p : prefixes)
        if (s.substr(0, p.size()) == p) {
            s = trim_spaces(s.substr(p.size()));
            return true;
        }
    return false;
}

template <std::size_t N>
bool strip_suffix(std::string_view& s, const std::array<std::string_view, N>& suffixes) {
    for (auto p : suffixes)
        if (s.size() >= p.size() && s.substr(s.size() - p.size()) == p) {
            s = trim_spaces(s.substr(0, s.size() - p.size()));
            return true;
        }
    return false;
}

//! Why a number is not a whole NT$ amount, or `none`.
enum class AmountFault { none, not_a_number, cents, too_large };

//! "1,200", "350", "350.00": whole NT$. Commas must group by three, as printed prices do, so
//! "3,50" (a typo or a decimal comma) is not silently read as 350.
AmountFault whole_amount(std::string_view s, Ntd& value) {
    bool cents = false;
    auto dot = s.find('.');
    if (dot != std::string_view::npos) {
        auto fraction = s.substr(dot + 1);
        if (fraction.empty() || fraction.find_first_not_of("0123456789") != std::string_view::npos)
            return AmountFault::not_a_number;
        cents = fraction.find_first_not_of('0') != std::string_view::npos;
        s = s.substr(0, dot);
    }
    if (s.empty())
        return AmountFault::not_a_number;
    std::string digits;
    std::size_t group = 0;
    bool grouped = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == ',') {
            if (group == 0 || group > 3 || (grouped && group != 3) || i + 1 == s.size())
                return AmountFault::not_a_number;
            grouped = true;
            group = 0;
        } else if (c >= '0' && c <= '9') {
            digits += c;
            ++group;
        } else {
            return AmountFault::not_a_number;
        }
    }
    if (grouped && group != 3)
        return AmountFault::not_a_number;
    if (cents)
        return AmountFault::cents;
    if (digits.size() > MAX_DIGITS)
        return AmountFault::too_large;
    value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return AmountFault::none;
}

//! NFKC turns "３５０", "：" and "ＮＴ＄" into ASCII; upper case makes "nt$" read as "NT$".
std::string normalised(std::string_view text) {
    std::string normal = nfkc(text);
    for (auto& c : normal)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return normal;
}

bool strip_minus(std::string_view& s) {
    if (s.empty() || s.front() != '-')
        return false;
    s = trim_spaces(s.substr(1));
    return true;
}

//! parse_ntd on text already normalised and trimmed, which must not be empty.
Parsed<Ntd> read_ntd(std::string_view s, std::string_view text, std::string_view what) {
    const auto fail = [&](std::string_view why) {
        return Parsed<Ntd>::fail(std::string(what) + " \"" + std::string(text) + "\" " +
                                 std::string(why));
    };
    // Longest first, so "NT$" is not read as "NT" followed by a stray "$".
    static constexpr std::array<std::string_view, 9> CURRENCIES{
        "新臺幣", "新台幣", "臺幣", "台幣", "NT$", "NTD", "TWD", "NT", "$"};
    static constexpr std::array<std::string_view, 2> YUAN{"元整", "元"};
    bool negative = strip_minus(s); // "-350", "-NT$350"
    strip_prefix(s, CURRENCIES);
    negative = strip_minus(s) || negative; // "NT$-350"
    strip_suffix(s, YUAN);
    Ntd value = 0;
    switch (whole_amount(s, value)) {
    case AmountFault::none:
        break;
    case AmountFault::cents:
        return fail("must be a whole number of NT$: a price has no cents");
    case AmountFault::too_large:
        return fail("is too large for a price: at most 12 digits");
    case AmountFault::not_a_number:
        return fail("is not an NT$ amount: write a whole number such as 350, 1,200, NT$350 "
                    "or 新臺幣350元");
    }
    if (negative)
        return fail("must not be negative");
    return Parsed<Ntd>::ok(value);
}

} // namespace

Parsed<Ntd> parse_ntd(std::string_view text, std::string_view what) {
    const std::string normal = normalised(text);
    std::string_view s = trim_spaces(normal);
    if (s.empty())
        return Parsed<Ntd>::fail(std::string(what) + " is empty");
    return read_ntd(s, text, what);
}

PriceText parse_price_text(std::string_view text) {
    const std::string normal = normalised(text);
    std::string_view s = trim_spaces(normal);
    if (s.empty())
        return {PriceTextKind::missing, std::nullopt};

    static constexpr std::array<std::string_view, 4> LABELS{"定價", "售價", "價格", "單價"};
    if (strip_prefix(s, LABELS))
        strip_prefix(s, std::array<std::string_view, 1>{":"});
    if (s.empty())
        return {PriceTextKind::missing, std::nullopt};
    if (s == "非賣品")
        return {PriceTextKind::not_for_sale, std::nullopt};
    if (s == "免費" || s == "免費贈閱" || s == "贈閱" || s == "免費索取")
        return {PriceTextKind::free, std::nullopt};
    if (auto amount = read_ntd(s, text, "price"))
        return {PriceTextKind::amount, *amount};
    return {PriceTextKind::unreadable, std::nullopt};
}

std::string_view to_string(PriceTextKind kind) {
    switch (kind) {
    case PriceTextKind::amount:
        return "amount";
    case PriceTextKind::not_for_sale:
        return "not for sale";
    case PriceTextKind::free:
        return "free";
    case PriceTextKind::missing:
        return "missing";
    case PriceTextKind::unreadable:
        return "unreadable";
    }
    return "unreadable";
}

} // namespace govpub::domain
