// A notice to one person (SPEC §4.12): what it is about, who receives it, and its text.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace govpub::adapters::mail {

//! The kinds of notice SPEC §4.12 names; each has its template (reports/) and its own key space.
enum class NoticeType {
    settlement_statement,
    disposal_request,
    disposal_reminder,
    claim,
    check_in_reminder,
    service_reminder,
    payment_due,
    payment_overdue,
    licence_expiry,
    thank_you_letter,
};

//! The identifier stored in the notice log, e.g. "settlement_statement".
std::string_view notice_type_name(NoticeType type);
//! The type of a stored identifier; throws domain::InvalidValue for an unknown one.
NoticeType parse_notice_type(std::string_view name);

//! A file sent with the notice, read when the notice is queued (the .eml carries its bytes).
struct NoticeAttachment {
    std::filesystem::path file;
    std::string file_name; //!< as the recipient sees it, UTF-8: "結算單_2026H1_S01_A001.xlsx"
};

struct Notice {
    NoticeType type = NoticeType::settlement_statement;
    //! What the notice is about, e.g. "2026H1/S01/A001" for a statement: with the type and the
    //! period it identifies the notice, which is queued at most once (SPEC §4.12).
    std::string subject_key;
    std::string period;    //!< "2026H1", "2026Q3", "2026-07-05": as the job names it
    std::string recipient; //!< the person or office, as the To header shows it
    std::string email;
    std::string title; //!< the subject line, UTF-8 Traditional Chinese
    std::string body;  //!< plain text, UTF-8
    std::optional<NoticeAttachment> attachment;
};

} // namespace govpub::adapters::mail
