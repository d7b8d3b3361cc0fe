// The text of every notice govpub sends (SPEC §4.12): plain structs filled by jobs/, and one
// render function per notice type writing a formal 函 (主旨／說明) in Traditional Chinese.
#pragma once

#include "domain/date.hpp"
#include "domain/money.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govpub::reports {

//! What a notice says: the subject line and the plain-text body, both UTF-8.
struct NoticeText {
    std::string title;
    std::string body;
};

//! Who sends every notice: configured once (e.g. "國家書店 政府出版品結算作業"); the parts
//! other than the office are printed only when set.
struct NoticeSender {
    std::string office;
    std::string contact; //!< the person who answers questions
    std::string phone;
    std::string email;
    std::string portal_url; //!< where agencies and libraries answer on line
};

//! Who receives a notice: an agency, a store or a library, and its contact person if known.
struct NoticeRecipient {
    std::string name;
    std::string contact;
};

// ---- Settlement (要點11(3), 附件一 註三; SPEC §4.6) ----

//! One (store, agency) statement, sent to the agency with its Excel statement attached.
struct SettlementStatementNotice {
    NoticeRecipient agency;
    std::string store_name;
    std::string period; //!< "2026H1"
    domain::Date period_from{};
    domain::Date period_to{};
    domain::Date settled_on{}; //!< the notice's date
    //! The distinct payout rates of the statement's lines (one unless a contract changed).
    std::vector<domain::BasisPoints> rates_bp;
    domain::Ntd list_value = 0;
    domain::Ntd payable = 0;
    domain::Ntd commission = 0;
    domain::Ntd carried_in = 0; //!< ≤ 0
    domain::Ntd amount_due = 0;
    domain::Ntd carried_out = 0; //!< ≤ 0
    domain::Date due_date{};
    std::string attachment_name; //!< "結算單_2026H1_S01_A001.xlsx"
};

//! What a store owes one agency for a period.
struct StorePaymentRow {
    std::string agency_name;
    domain::Ntd amount_due = 0;
    domain::Ntd carried_out = 0; //!< ≤ 0: set off against the next period instead of paid
    domain::Date due_date{};
};

//! A store's settlement of a period: what it must pay, to whom, by when.
struct StoreSettlementNotice {
    NoticeRecipient store;
    std::string period; //!< "2026H1"
    domain::Date period_from{};
    domain::Date period_to{};
    domain::Date settled_on{};
    std::vector<StorePaymentRow> payments;
    std::string attachment_name; //!< empty when nothing is attached
};

//! One settled amount a store has not yet paid.
struct PaymentRow {
    std::string agency_name;
    std::string period; //!< "2026H1"
    domain::Ntd amount_due = 0;
    domain::Date due_date{};
};

//! A payment reminder (before the due date) or an overdue notice (after it) to a store.
struct PaymentNotice {
    NoticeRecipient store;
    domain::Date dated{}; //!< the day the reminder is sent (the job's as-of)
    std::vector<PaymentRow> payments;
};

NoticeText render_settlement_statement(const SettlementStatementNotice& notice,
                                       const NoticeSender& sender);
NoticeText render_store_settlement(const StoreSettlementNotice& notice, const NoticeSender& sender);
NoticeText render_payment_due(const PaymentNotice& notice, const NoticeSender& sender);
NoticeText render_payment_overdue(const PaymentNotice& notice, const NoticeSender& sender);

// ---- Disposal lists (要點11(4)–(5), 6(6), 7; SPEC §4.8) ----

//! A store's list of stock past retention, sent to the agency with the Excel list attached.
struct DisposalRequestNotice {
    NoticeRecipient agency;
    std::string store_name;
    std::string list_no; //!< the notice number the agency quotes in its reply
    std::string period;  //!< "2026H1": the settlement it goes with; empty if none
    domain::Date dated{};
    domain::Date reply_due{};
    std::int64_t rows = 0;
    std::int64_t copies = 0;
    std::string attachment_name;
};

//! The reminder for a disposal list not (fully) answered by its reply due date.
struct DisposalReminderNotice {
    NoticeRecipient agency;
    std::string store_name;
    std::string list_no;
    domain::Date original_notice{};
    domain::Date reply_due{};
    domain::Date dated{};
    std::int64_t rows_unanswered = 0;
    std::int64_t rows_total = 0;
    std::string attachment_name; //!< the list again, or empty
};

NoticeText render_disposal_request(const DisposalRequestNotice& notice, const NoticeSender& sender);
NoticeText render_disposal_reminder(const DisposalReminderNotice& notice,
                                    const NoticeSender& sender);

// ---- Depository libraries (要點6(2), 6(4); SPEC §4.9) ----

//! A publication a library should have received but has not.
struct ClaimRow {
    std::string gpn;
    std::string title;
    std::int64_t copies = 1;
    std::optional<domain::Date> published;
    bool optional = false; //!< more than a year past publication: 要點6(4) 後段
};

//! A claim to an agency for what a library is missing after the quarterly check.
struct ClaimNotice {
    NoticeRecipient agency;
    std::string library_name;
    std::string quarter; //!< "2026Q3": the check that found it; empty if none
    domain::Date dated{};
    domain::Date due{};
    std::vector<ClaimRow> rows;
};

//! A received publication not checked in by its due date.
struct CheckInReminderRow {
    std::string gpn;
    std::string title;
    domain::Date received{};
    domain::Date check_in_due{};
};

struct CheckInReminderNotice {
    NoticeRecipient library;
    domain::Date dated{};
    std::vector<CheckInReminderRow> rows;
};

//! A checked-in publication not yet in service by its due date.
struct ServiceReminderRow {
    std::string gpn;
    std::string title;
    domain::Date received{};
    domain::Date checked_in{};
    domain::Date service_due{};
};

struct ServiceReminderNotice {
    NoticeRecipient library;
    domain::Date dated{};
    std::vector<ServiceReminderRow> rows;
};

NoticeText render_claim(const ClaimNotice& notice, const NoticeSender& sender);
NoticeText render_check_in_reminder(const CheckInReminderNotice& notice,
                                    const NoticeSender& sender);
NoticeText render_service_reminder(const ServiceReminderNotice& notice, const NoticeSender& sender);

// ---- The letter every template writes, public so that later notices use the same form ----

//! One numbered item of 說明 (一、) and its sub-items (（一）).
struct LetterItem {
    std::string text;
    std::vector<std::string> sub_items;
};

//! A 函: the recipient, its date, 主旨, 說明 and what is attached.
struct Letter {
    NoticeRecipient recipient;
    domain::Date dated{};
    std::string subject;
    std::vector<LetterItem> items;
    std::string attachment; //!< shown as 附件：; empty for none
};

//! The body: the sender's heading, 受文者, 發文日期, 附件, 主旨, 說明 (一、二、… with （一）…),
//! 正本 and the contact line. Every piece of text passes through one_line() first.
std::string render_letter(const Letter& letter, const NoticeSender& sender);

//! `text` made safe for one line of a notice: line breaks, tabs and other control characters
//! become one space (a title from an uploaded file may hold a newline that would otherwise
//! start a line of its own, even a false 說明), bidirectional overrides are dropped, bad UTF-8
//! becomes U+FFFD, and spaces are collapsed and trimmed. "<" and "&" stay: the body is plain
//! text.
std::string one_line(std::string_view text);

//! "【政府出版品】" + `text`, made one line, for every title.
std::string notice_title(std::string_view text);

//! "新臺幣7,407元".
std::string ntd_text(domain::Ntd amount);

//! 1 → "一", 10 → "十", 11 → "十一", 21 → "二十一", 105 → "一百零五", up to 9999; larger
//! numbers are written in Arabic digits. Numbers the items of 說明.
std::string chinese_numeral(int n);

//! "2026H1" → "115年上半年", "2026h2" → "115年下半年"; throws InvalidValue otherwise.
std::string period_roc_name(std::string_view period);

//! "2026Q3" → "115年第3季"; throws InvalidValue for anything but YYYYQ1–Q4.
std::string quarter_roc_name(std::string_view quarter);

} // namespace govpub::reports
