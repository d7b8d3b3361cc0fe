// From a rendered text to a notice for the outbox (SPEC §4.12): who signs it, who receives it,
// and under which (type, subject, period) it is queued once.
#pragma once

#include "adapters/config/settings.hpp"
#include "adapters/db/addressees.hpp"
#include "adapters/mail/notice.hpp"
#include "reports/notice_templates.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace govpub::jobs {

//! The office of [notices] as the templates sign it.
reports::NoticeSender notice_sender(const adapters::config::Settings& settings);

//! The master data's name and contact person, as the templates address them.
reports::NoticeRecipient notice_recipient(const adapters::db::Addressee& to);

//! A notice to `to`; `attachment` is a file already written (the Excel list or statement) and
//! the name the recipient sees.
adapters::mail::Notice make_notice(adapters::mail::NoticeType type, std::string subject_key,
                                   std::string period, const adapters::db::Addressee& to,
                                   reports::NoticeText text,
                                   std::optional<adapters::mail::NoticeAttachment> attachment = {});

//! Where the files attached to notices are written: data/reports/notices/<folder>/.
std::filesystem::path notice_attachments_dir(const adapters::config::Settings& settings,
                                             const std::string& folder);

} // namespace govpub::jobs
