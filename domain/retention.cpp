// Retention periods, weeding reasons and the last-copy rule (要點6(5), 6(6), 7).
#include "domain/retention.hpp"

#include "domain/errors.hpp"

#include <cassert>

namespace govpub::domain {

namespace {

constexpr std::string_view KIND_RULE =
    "must be book, serial, non_book, electronic or pamphlet (要點6(5))";

constexpr std::string_view REASON_RULE =
    "must be outdated, damaged, superseded, rare_language, near_duplicate, unused_5y, compiled "
    "or digitised (要點6(6))";

//! The ids joined for a message telling someone what they may give instead.
std::string reason_ids() {
    std::string ids;
    for (auto reason : WEEDING_REASONS) {
        ids += ids.empty() ? "" : ", ";
        ids += to_string(reason);
    }
    return ids;
}

std::string copies(std::int64_t n) { return std::to_string(n) + (n == 1 ? " copy" : " copies"); }

} // namespace

std::string_view to_string(PublicationKind kind) {
    switch (kind) {
    case PublicationKind::book:
        return "book";
    case PublicationKind::serial:
        return "serial";
    case PublicationKind::non_book:
        return "non_book";
    case PublicationKind::electronic:
        return "electronic";
    case PublicationKind::pamphlet:
        return "pamphlet";
    }
    assert(false && "unhandled PublicationKind");
    return "";
}

Parsed<PublicationKind> parse_publication_kind(std::string_view code) {
    for (auto kind : PUBLICATION_KINDS) {
        if (to_string(kind) == code) {
            return Parsed<PublicationKind>::ok(kind);
        }
    }
    return Parsed<PublicationKind>::fail("publication kind " + std::string(code) + ": " +
                                         std::string(KIND_RULE));
}

PublicationKind parse_publication_kind_or_throw(std::string_view code) {
    auto parsed = parse_publication_kind(code);
    if (!parsed) {
        throw InvalidValue("publication kind", std::string(code), std::string(KIND_RULE));
    }
    return *parsed;
}

int minimum_retention_years(PublicationKind kind) {
    switch (kind) {
    case PublicationKind::book:
        return 5;
    case PublicationKind::serial:
    case PublicationKind::non_book:
    case PublicationKind::electronic:
        return 3;
    case PublicationKind::pamphlet:
        return 1;
    }
    assert(false && "unhandled PublicationKind");
    return 5; // the longest, should an unlisted kind ever reach here
}

Date retention_end(PublicationKind kind, Date received) {
    return add_years(received, minimum_retention_years(kind));
}

std::string_view to_string(WeedingReason reason) {
    switch (reason) {
    case WeedingReason::outdated:
        return "outdated";
    case WeedingReason::damaged:
        return "damaged";
    case WeedingReason::superseded:
        return "superseded";
    case WeedingReason::rare_language:
        return "rare_language";
    case WeedingReason::near_duplicate:
        return "near_duplicate";
    case WeedingReason::unused_5y:
        return "unused_5y";
    case WeedingReason::compiled:
        return "compiled";
    case WeedingReason::digitised:
        return "digitised";
    }
    assert(false && "unhandled WeedingReason");
    return "";
}

std::string_view regulation_text(WeedingReason reason) {
    switch (reason) {
    case WeedingReason::outdated:
        return "資料過時或內容錯誤";
    case WeedingReason::damaged:
        return "破損至無法修補致影響閱讀";
    case WeedingReason::superseded:
        return "舊版有新版可替代，且不影響使用需求";
    case WeedingReason::rare_language:
        return "已有中英文版本之其他罕見語文版本或讀者絕少使用之語文版本";
    case WeedingReason::near_duplicate:
        return "幾近相同之出版品中，內容較簡略";
    case WeedingReason::unused_5y:
        return "五年內未曾借出或利用";
    case WeedingReason::compiled:
        return "已有彙編本、合訂本或其他媒體儲存版本";
    case WeedingReason::digitised:
        return "已有掃描或其他電子化方式保存";
    }
    assert(false && "unhandled WeedingReason");
    return "";
}

std::string regulation_point(WeedingReason reason) {
    // The enum follows the order of 要點6(6)'s items, so the item number is its position.
    return "要點6(6)" + std::to_string(static_cast<int>(reason) + 1);
}

Parsed<WeedingReason> parse_weeding_reason(std::string_view id) {
    for (auto reason : WEEDING_REASONS) {
        if (to_string(reason) == id) {
            return Parsed<WeedingReason>::ok(reason);
        }
    }
    return Parsed<WeedingReason>::fail("weeding reason " + std::string(id) + ": " +
                                       std::string(REASON_RULE));
}

WeedingReason parse_weeding_reason_or_throw(std::string_view id) {
    auto parsed = parse_weeding_reason(id);
    if (!parsed) {
        throw InvalidValue("weeding reason", std::string(id), std::string(REASON_RULE));
    }
    return *parsed;
}

WeedingVerdict may_weed(PublicationKind kind, Date received, Date on,
                        std::optional<WeedingReason> reason) {
    WeedingVerdict verdict;
    verdict.retention_end = retention_end(kind, received);
    const int years = minimum_retention_years(kind);
    const std::string item = std::string(to_string(kind)) + " received " + to_iso(received);
    if (verdict.retention_end <= on) {
        // Past retention no reason is needed, even when one was given (要點6(7)).
        verdict.allowed = true;
        verdict.rule = item + ": its minimum retention of " + std::to_string(years) +
                       (years == 1 ? " year" : " years") + " ended " +
                       to_iso(verdict.retention_end);
        verdict.point = "要點6(5)";
        return verdict;
    }
    const std::string within = item + " is within its " + std::to_string(years) +
                               "-year minimum retention until " + to_iso(verdict.retention_end);
    if (reason) {
        verdict.allowed = true;
        verdict.rule = within + "; weeded early as " + std::string(to_string(*reason)) + ": " +
                       std::string(regulation_text(*reason));
        verdict.point = regulation_point(*reason);
        return verdict;
    }
    verdict.rule = within + " on " + to_iso(on) +
                   "; to weed it earlier give one of the reasons of 要點6(6): " + reason_ids();
    verdict.point = "要點6(5)";
    return verdict;
}

void check_may_weed(PublicationKind kind, Date received, Date on,
                    std::optional<WeedingReason> reason) {
    auto verdict = may_weed(kind, received, on, reason);
    if (!verdict.allowed) {
        throw Refused(verdict.rule, verdict.point);
    }
}

std::optional<std::string> last_copy_problem(std::string_view agency, std::string_view gpn,
                                             AgencyHoldings held, std::int64_t removed) {
    const std::string what = "agency " + std::string(agency) + ", GPN " + std::string(gpn);
    if (held.copies < 0) {
        throw InvalidValue("copies held", std::to_string(held.copies),
                           what + ": a count of copies cannot be negative");
    }
    if (removed < 0) {
        throw InvalidValue("copies removed", std::to_string(removed),
                           what + ": a count of copies cannot be negative");
    }
    if (removed > held.copies) {
        throw InvalidValue("copies removed", std::to_string(removed),
                           what + ": only " + copies(held.copies) + " held");
    }
    const std::int64_t left = held.copies - removed;
    // An action that removes nothing cannot be what leaves the agency without a copy.
    if (removed == 0 || left > 0 || held.has_e_file) {
        return std::nullopt;
    }
    return what + ": donating or destroying " + copies(removed) + " would leave none of the " +
           copies(held.copies) + " held and no e-file; reply keep or return for at least one " +
           "copy, or have the agency deliver an e-file (附件三) first";
}

void check_last_copy(std::string_view agency, std::string_view gpn, AgencyHoldings held,
                     std::int64_t removed) {
    if (auto problem = last_copy_problem(agency, gpn, held, removed)) {
        throw Refused(*problem, "要點7");
    }
}

} // namespace govpub::domain
