// The form every notice shares: the 函 layout, safe one-line text, amounts, numerals and
// ROC period names (SPEC §4.2, §4.12). The templates themselves are in notice_*.cpp.
#include "reports/notice_templates.hpp"

#include "domain/errors.hpp"
#include "domain/period.hpp"

#include <array>
#include <cctype>

namespace govpub::reports {

namespace {

constexpr char32_t REPLACEMENT = 0xFFFD;
// Full-width spaces indent sub-items as a printed 函 does; ASCII spaces would be collapsed
// by some mail readers' proportional fonts into nothing readable.
constexpr std::string_view SUB_ITEM_INDENT = "\u3000\u3000";

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// The code point at `text[i]`, advancing `i`; a malformed or overlong sequence, a surrogate or
// a value past U+10FFFF consumes one byte and gives U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, cp = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, cp = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, cp = lead & 0x07, minimum = 0x10000;
    } else {
        ++i;
        return REPLACEMENT;
    }
    if (i + length > text.size()) {
        ++i;
        return REPLACEMENT;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return REPLACEMENT;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return REPLACEMENT;
    }
    i += length;
    return cp;
}

// Breaks a line, or would in some reader: C0 and C1 controls, NEL, the Unicode line and
// paragraph separators. They become a space.
bool breaks_layout(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

// Reorders what follows it on screen, so a title could appear to say something it does not.
bool is_bidi_control(char32_t cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

std::string recipient_line(const NoticeRecipient& recipient) {
    std::string line = one_line(recipient.name);
    std::string contact = one_line(recipient.contact);
    if (!contact.empty())
        line += "（聯絡人：" + contact + "）";
    return line;
}

std::string contact_line(const NoticeSender& sender) {
    std::string line = "聯絡窗口：" + one_line(sender.office);
    auto add = [&](std::string_view label, const std::string& value) {
        std::string v = one_line(value);
        if (!v.empty())
            line += "；" + std::string(label) + v;
    };
    add("聯絡人：", sender.contact);
    add("電話：", sender.phone);
    add("電子郵件：", sender.email);
    return line;
}

bool all_digits(std::string_view text) {
    if (text.empty())
        return false;
    for (char c : text)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
    return true;
}

} // namespace

std::string one_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = next_code_point(text, i);
        if (is_bidi_control(cp))
            continue;
        if (cp == U' ' || breaks_layout(cp)) {
            pending_space = true;
            continue;
        }
        if (pending_space && !out.empty())
            out.push_back(' ');
        pending_space = false;
        append_utf8(out, cp);
    }
    return out;
}

std::string notice_title(std::string_view text) { return "【政府出版品】" + one_line(text); }

std::string ntd_text(domain::Ntd amount) { return "新臺幣" + domain::format_ntd(amount) + "元"; }

std::string chinese_numeral(int n) {
    static constexpr std::array<std::string_view, 10> DIGITS = {"零", "一", "二", "三", "四",
                                                                "五", "六", "七", "八", "九"};
    static constexpr std::array<std::string_view, 4> UNITS = {"", "十", "百", "千"};
    if (n <= 0 || n > 9999)
        return std::to_string(n);
    std::array<int, 4> digit = {n % 10, n / 10 % 10, n / 100 % 10, n / 1000};
    int top = 3;
    while (digit[static_cast<std::size_t>(top)] == 0)
        --top;
    std::string out;
    bool zero_pending = false;
    for (int k = top; k >= 0; --k) {
        int d = digit[static_cast<std::size_t>(k)];
        if (d == 0) {
            zero_pending = true;
            continue;
        }
        if (zero_pending)
            out += DIGITS[0];
        zero_pending = false;
        // 10–19 are written 十, 十一 … as people say them, not 一十一.
        if (!(k == 1 && d == 1 && top == 1))
            out += DIGITS[static_cast<std::size_t>(d)];
        out += UNITS[static_cast<std::size_t>(k)];
    }
    return out;
}

std::string period_roc_name(std::string_view period) {
    return domain::Period::parse(period).roc_name();
}

std::string quarter_roc_name(std::string_view quarter) {
    const std::string rule = "a quarter is written YYYYQ1 to YYYYQ4, e.g. 2026Q3";
    if (quarter.size() != 6 || (quarter[4] != 'Q' && quarter[4] != 'q') ||
        !all_digits(quarter.substr(0, 4)) || quarter[5] < '1' || quarter[5] > '4')
        throw domain::InvalidValue("quarter", std::string(quarter), rule);
    int year = std::stoi(std::string(quarter.substr(0, 4)));
    if (year <= domain::ROC_YEAR_OFFSET)
        throw domain::InvalidValue("quarter", std::string(quarter),
                                   "the year must be after 1911 (民國元年 is 1912)");
    return std::to_string(year - domain::ROC_YEAR_OFFSET) + "年第" + quarter[5] + "季";
}

std::string render_letter(const Letter& letter, const NoticeSender& sender) {
    std::string body;
    body += one_line(sender.office) + "　函\n\n";
    body += "受文者：" + recipient_line(letter.recipient) + "\n";
    body += "發文日期：中華民國" + domain::to_roc(letter.dated) + "\n";
    std::string attachment = one_line(letter.attachment);
    if (!attachment.empty())
        body += "附件：" + attachment + "\n";
    body += "\n主旨：" + one_line(letter.subject) + "\n\n";
    if (!letter.items.empty()) {
        body += "說明：\n";
        int number = 0;
        for (const auto& item : letter.items) {
            body += chinese_numeral(++number) + "、" + one_line(item.text) + "\n";
            int sub = 0;
            for (const auto& text : item.sub_items)
                body += std::string(SUB_ITEM_INDENT) + "（" + chinese_numeral(++sub) + "）" +
                        one_line(text) + "\n";
        }
        body += "\n";
    }
    body += "正本：" + one_line(letter.recipient.name) + "\n";
    body += contact_line(sender) + "\n";
    body += "（本通知由政府出版品管理系統寄發，如有疑義請洽聯絡窗口。）\n";
    return body;
}

} // namespace govpub::reports
