#include "jobs/notice_maker.hpp"

namespace govpub::jobs {

reports::NoticeSender notice_sender(const adapters::config::Settings& settings) {
    reports::NoticeSender sender;
    sender.office = settings.notices.office;
    sender.contact = settings.notices.contact;
    sender.phone = settings.notices.phone;
    sender.email = settings.notices.email;
    return sender;
}

reports::NoticeRecipient notice_recipient(const adapters::db::Addressee& to) {
    return {to.name, to.contact};
}

adapters::mail::Notice make_notice(adapters::mail::NoticeType type, std::string subject_key,
                                   std::string period, const adapters::db::Addressee& to,
                                   reports::NoticeText text,
                                   std::optional<adapters::mail::NoticeAttachment> attachment) {
    adapters::mail::Notice notice;
    notice.type = type;
    notice.subject_key = std::move(subject_key);
    notice.period = std::move(period);
    notice.recipient = to.contact.empty() ? to.name : to.name + " " + to.contact;
    notice.email = to.email;
    notice.title = std::move(text.title);
    notice.body = std::move(text.body);
    notice.attachment = std::move(attachment);
    return notice;
}

std::filesystem::path notice_attachments_dir(const adapters::config::Settings& settings,
                                             const std::string& folder) {
    auto dir = settings.reports_dir() / "notices" / folder;
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace govpub::jobs
