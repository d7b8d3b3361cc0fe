// A strict reader for feed prices: it accepts the few shapes publishers print, nothing more.
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

//! "1,200", "350", "350.00": whole NT$. Commas must group by three, as printed prices do, so
//! "3,50" (a typo or a decimal comma) is not silently read as 350.
std::optional<Ntd> whole_amount(std::string_view s) {
    auto dot = s.find('.');
    if (dot != std::string_view::npos) {
        auto fraction = s.substr(dot + 1);
        if (fraction.empty() || fraction.find_first_not_of('0') != std::string_view::npos)
            return std::nullopt;
        s = s.substr(0, dot);
    }
    if (s.empty())
        return std::nullopt;
    std::string digits;
    std::size_t group = 0;
    bool grouped = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == ',') {
            if (group == 0 || group > 3 || (grouped && group != 3) || i + 1 == s.size())
                return std::nullopt;
            grouped = true;
            group = 0;
        } else if (c >= '0' && c <= '9') {
            digits += c;
            ++group;
        } else {
            return std::nullopt;
        }
    }
    if ((grouped && group != 3) || digits.size() > MAX_DIGITS)
        return std::nullopt;
    Ntd value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

} // namespace

PriceText parse_price_text(std::string_view text) {
    // NFKC turns "３５０", "：" and "ＮＴ＄" into ASCII; upper case makes "nt$" read as "NT$".
    std::string normal = nfkc(text);
    for (auto& c : normal)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
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

    // Longest first, so "NT$" is not read as "NT" followed by a stray "$".
    static constexpr std::array<std::string_view, 9> CURRENCIES{
        "新臺幣", "新台幣", "臺幣", "台幣", "NT$", "NTD", "TWD", "NT", "$"};
    strip_prefix(s, CURRENCIES);
    static constexpr std::array<std::string_view, 2> YUAN{"元整", "元"};
    strip_suffix(s, YUAN);
    if (auto amount = whole_amount(s))
        return {PriceTextKind::amount, amount};
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
