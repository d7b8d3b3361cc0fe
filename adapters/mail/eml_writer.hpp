// Notices as RFC 5322 messages (.eml): UTF-8 text, MIME-encoded headers, the Excel attachment.
#pragma once

#include "adapters/mail/notice.hpp"

#include <ctime>
#include <string>
#include <string_view>

namespace govpub::adapters::mail {

//! An address with an optional display name: "govpub@moc.gov.tw", "文化部 <govpub@moc.gov.tw>".
struct Mailbox {
    std::string name;
    std::string address;

    //! Throws domain::InvalidValue naming `field` when `text` holds no plain address (one '@',
    //! printable ASCII, no spaces, brackets or line breaks that could start another header).
    static Mailbox parse(std::string_view text, const std::string& field);
    //! `name` with `address`, checked as parse checks it.
    static Mailbox of(std::string_view name, std::string_view address, const std::string& field);
    //! As a header shows it: the name (encoded words when it is not plain ASCII), "<address>".
    std::string header() const;
    //! What follows the '@'.
    std::string domain() const;
};

//! `utf8` for a header: printable ASCII as it is; anything else as RFC 2047 encoded words
//! ("=?UTF-8?B?…?="), each at most 75 characters and cut only between characters, so that
//! every reader decodes the Chinese whole. Line breaks and tabs become spaces.
std::string encode_header_text(std::string_view utf8);

//! "govpub.settlement_statement.5f0c…": the notice's identity, (type, subject key, period), as
//! the part of its Message-ID before the '@'.
std::string notice_message_key(const Notice& notice);
//! "<govpub.settlement_statement.5f0c…@moc.gov.tw>": the same for the same (type, subject key,
//! period) wherever and whenever it is rendered, so a receiving system can tell a second
//! delivery of one notice (SMTP is at least once, outbox.hpp) from a new notice.
std::string notice_message_id(const Notice& notice, const Mailbox& from);

//! The whole message in CRLF lines of 7-bit text, rendered with Poco::Net::MailMessage: From,
//! To, Subject, Date, Message-ID, MIME-Version; the body as text/plain in UTF-8 (base64); the
//! attachment, if any, read from its file, with its media type (the .xlsx one for a workbook)
//! and its UTF-8 file name. Throws domain::InvalidValue for a bad address or an unreadable
//! attachment.
std::string render_eml(const Notice& notice, const Mailbox& from, std::time_t date);

} // namespace govpub::adapters::mail
