// Text as a workbook can carry it: clean XML, sheet names Excel accepts, widths, page headers.
#include "reports/cell_text.hpp"

#include <algorithm>
#include <cstdint>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace govpub::reports {

namespace {

constexpr std::size_t MAX_SHEET_NAME_UNITS = 31;

// Calls `each(code_point, utf8_bytes)` for every character; an invalid byte comes as -1.
template <typename Each> void for_each_code_point(std::string_view text, Each each) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    while (i < length) {
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        each(c, text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
}

bool xml_allowed(UChar32 c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    return out;
}

// The longest prefix of `text` of at most `units` UTF-16 units, cut between characters.
std::string utf16_prefix(std::string_view text, std::size_t units) {
    std::string out;
    std::size_t used = 0;
    bool full = false;
    for_each_code_point(text, [&](UChar32 c, std::string_view bytes) {
        const std::size_t need = c > 0xFFFF ? 2 : 1;
        if (full || used + need > units) {
            full = true;
            return;
        }
        used += need;
        out += bytes;
    });
    return out;
}

std::string trim_apostrophes(std::string text) {
    while (!text.empty() && text.back() == '\'') {
        text.pop_back();
    }
    const auto first = text.find_first_not_of('\'');
    return first == std::string::npos ? std::string() : text.substr(first);
}

} // namespace

std::string xml_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for_each_code_point(text, [&](UChar32 c, std::string_view bytes) {
        if (c < 0) {
            out += "\xEF\xBF\xBD";
        } else if (xml_allowed(c)) {
            out += bytes;
        }
    });
    return out;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for_each_code_point(text, [&](UChar32 c, std::string_view) {
        const auto east_asian =
            c < 0 ? U_EA_NEUTRAL : u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
        width += east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
    });
    return width;
}

std::string safe_sheet_name(std::string_view wanted, const std::vector<std::string>& taken) {
    std::string cleaned;
    for_each_code_point(wanted, [&](UChar32 c, std::string_view bytes) {
        const bool forbidden =
            c < 0x20 || std::u32string_view(U"[]:*?/\\").find(static_cast<char32_t>(c)) !=
                            std::u32string_view::npos;
        if (!forbidden && xml_allowed(c)) {
            cleaned += bytes;
        }
    });
    std::string base = trim_apostrophes(cleaned);
    if (base.find_first_not_of(' ') == std::string::npos) {
        base = "工作表";
    }
    const auto is_taken = [&](const std::string& name) {
        const std::string lower = ascii_lower(name);
        return lower == "history" ||
               std::any_of(taken.begin(), taken.end(),
                           [&](const std::string& other) { return ascii_lower(other) == lower; });
    };
    std::string name = trim_apostrophes(utf16_prefix(base, MAX_SHEET_NAME_UNITS));
    for (int n = 2; is_taken(name); ++n) {
        const std::string suffix = " (" + std::to_string(n) + ")";
        name = trim_apostrophes(utf16_prefix(base, MAX_SHEET_NAME_UNITS - suffix.size())) + suffix;
    }
    return name;
}

std::string header_footer_literal(std::string_view text) {
    std::string out;
    for (const char c : xml_safe(text)) {
        out += c;
        if (c == '&') {
            out += '&';
        }
    }
    return out;
}

} // namespace govpub::reports
