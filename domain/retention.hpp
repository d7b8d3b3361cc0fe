// Minimum retention by publication kind, the reasons to weed earlier, and the last copy an
// agency must keep (要點6(5), 6(6), 7; SPEC §4.1).
#pragma once

#include "domain/date.hpp"
#include "domain/parsed.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace govpub::domain {

//! The five kinds of 要點6(5), spelled as in SPEC §4.1 and the catalogue's `kind` column.
enum class PublicationKind { book, serial, non_book, electronic, pamphlet };

inline constexpr std::array<PublicationKind, 5> PUBLICATION_KINDS = {
    PublicationKind::book, PublicationKind::serial, PublicationKind::non_book,
    PublicationKind::electronic, PublicationKind::pamphlet};

//! "book", "serial", "non_book", "electronic", "pamphlet".
std::string_view to_string(PublicationKind kind);
//! The code exactly as to_string writes it; anything else fails naming the five codes.
Parsed<PublicationKind> parse_publication_kind(std::string_view code);
//! parse_publication_kind for a value whose failure ends the command: throws InvalidValue.
PublicationKind parse_publication_kind_or_throw(std::string_view code);

//! 要點6(5): book 5 years; serial, non-book and electronic 3; pamphlet 1 (得僅保存一年).
int minimum_retention_years(PublicationKind kind);

//! The first day the holder may weed without a reason: `received` (a library's receipt, a
//! store's first supply of the GPN) plus the kind's years, 02-29 clamped to 02-28. It is not
//! a deadline anyone must meet, so it is never rolled to a working day (SPEC §4.2).
Date retention_end(PublicationKind kind, Date received);

//! The eight grounds of 要點6(6) for weeding an item before its retention ends.
enum class WeedingReason {
    outdated,       //!< 1. 資料過時或內容錯誤
    damaged,        //!< 2. 破損至無法修補致影響閱讀
    superseded,     //!< 3. 舊版有新版可替代
    rare_language,  //!< 4. 罕見語文版本或讀者絕少使用之語文版本
    near_duplicate, //!< 5. 幾近相同之出版品中，內容較簡略
    unused_5y,      //!< 6. 五年內未曾借出或利用
    compiled,       //!< 7. 已有彙編本、合訂本或其他媒體儲存版本
    digitised,      //!< 8. 已有掃描或其他電子化方式保存
};

inline constexpr std::array<WeedingReason, 8> WEEDING_REASONS = {
    WeedingReason::outdated,      WeedingReason::damaged,        WeedingReason::superseded,
    WeedingReason::rare_language, WeedingReason::near_duplicate, WeedingReason::unused_5y,
    WeedingReason::compiled,      WeedingReason::digitised};

//! The id used in files and the database: "outdated" … "digitised".
std::string_view to_string(WeedingReason reason);
//! The reason as 要點6(6) words it, for notices and reports read by people.
std::string_view regulation_text(WeedingReason reason);
//! "要點6(6)2" for damaged: the item of 要點6(6) the reason comes from.
std::string regulation_point(WeedingReason reason);
//! The id exactly as to_string writes it; anything else fails naming the eight ids.
Parsed<WeedingReason> parse_weeding_reason(std::string_view id);
//! parse_weeding_reason for a value whose failure ends the command: throws InvalidValue
//! (field "weeding reason", the id, the rule with 要點6(6)).
WeedingReason parse_weeding_reason_or_throw(std::string_view id);

//! Whether an item may be weeded on a day, and why in words that name the dates.
struct WeedingVerdict {
    bool allowed = false;
    Date retention_end{};
    std::string rule;  //!< why it is allowed, or what is missing and how to proceed
    std::string point; //!< "要點6(5)", or the item of 要點6(6) the reason comes from
    //! The rule with its regulation point, as Refused words it.
    std::string message() const { return rule + " (" + point + ")"; }
};

//! 要點6(5)–(6): allowed on or after retention_end(kind, received), or earlier with a reason.
WeedingVerdict may_weed(PublicationKind kind, Date received, Date on,
                        std::optional<WeedingReason> reason);
//! may_weed for a command that ends on the first refusal: throws Refused (要點6(5)).
void check_may_weed(PublicationKind kind, Date received, Date on,
                    std::optional<WeedingReason> reason);

//! What an agency holds of one of its publications, wherever the system can see it: copies
//! (its own and those consigned to stores) and whether an e-file was delivered (附件三).
struct AgencyHoldings {
    std::int64_t copies = 0;
    bool has_e_file = false;
};

//! 要點7 (惟應至少保存一冊（部、件）或電子檔): the refusal message when removing `removed`
//! copies (donated or destroyed; a return goes back to the agency and removes nothing) would
//! leave the agency with no copy and no e-file, or nothing when the action may go ahead (an
//! action removing nothing, such as a keep reply, always may).
//! The message says what is held, what would be left and what to do instead. Counts are
//! checked first: negative counts or removing more than held throw InvalidValue, since the
//! stock figures are then wrong and no rule can be judged on them.
std::optional<std::string> last_copy_problem(std::string_view agency, std::string_view gpn,
                                             AgencyHoldings held, std::int64_t removed);
//! last_copy_problem for a command: throws Refused with the message and point 要點7.
void check_last_copy(std::string_view agency, std::string_view gpn, AgencyHoldings held,
                     std::int64_t removed);

} // namespace govpub::domain
