#include "jobs/disposal_notices.hpp"

#include "adapters/config/clock.hpp"
#include "adapters/db/addressees.hpp"
#include "jobs/disposal_report.hpp"
#include "jobs/notice_maker.hpp"

namespace govpub::jobs {

namespace {

using adapters::mail::NoticeAttachment;
using adapters::mail::NoticeType;
using domain::parse_date_or_throw;

//! The list as the agency answers it: written as of `day`, so its rows show what is still open.
NoticeAttachment list_workbook(JobServices s, const std::string& period,
                               const std::string& notice_no, domain::Date day) {
    const auto report = disposal_report(s.db, s.settings.periods, domain::Period::parse(period),
                                        day, adapters::config::local_timestamp());
    const auto file = notice_attachments_dir(s.settings, period) / ("disposal_" + notice_no + ".xlsx");
    reports::write_disposal_list_workbook(report, notice_no, file);
    return {file, "處理清單_" + notice_no + ".xlsx"};
}

} // namespace

void queue_disposal_requests(JobServices s, adapters::mail::Outbox& outbox,
                             const std::vector<MadeDisposalList>& lists, NoticeTally& tally) {
    if (lists.empty())
        return;
    const auto to = adapters::db::load_addressees(s.db);
    const auto sender = notice_sender(s.settings);
    for (const auto& made : lists) {
        const auto& l = made.list;
        if (already_queued(s, NoticeType::disposal_request, l.notice_no, l.period, tally))
            continue;
        const auto dated = parse_date_or_throw("notice_date", l.notice_date);
        reports::DisposalRequestNotice n;
        n.agency = notice_recipient(to.agency(l.agency));
        n.store_name = to.store(l.store).name;
        n.list_no = l.notice_no;
        n.period = l.period;
        n.dated = dated;
        n.reply_due = parse_date_or_throw("reply_due", l.reply_due);
        n.rows = static_cast<std::int64_t>(made.rows);
        for (const auto& row : adapters::db::disposal_rows(s.db.session(), l.id))
            n.copies += row.on_hand;
        auto attachment = list_workbook(s, l.period, l.notice_no, dated);
        n.attachment_name = attachment.file_name;
        queue_counted(outbox,
                      make_notice(NoticeType::disposal_request, l.notice_no, l.period,
                                  to.agency(l.agency), reports::render_disposal_request(n, sender),
                                  attachment),
                      tally);
    }
}

void queue_disposal_reminder(JobServices s, adapters::mail::Outbox& outbox,
                             const adapters::db::Addressees& to,
                             const adapters::db::UnansweredList& l, domain::Date day,
                             NoticeTally& tally) {
    if (already_queued(s, NoticeType::disposal_reminder, l.notice_no, l.reply_due, tally))
        return;
    reports::DisposalReminderNotice n;
    n.agency = notice_recipient(to.agency(l.agency));
    n.store_name = to.store(l.store).name;
    n.list_no = l.notice_no;
    n.original_notice = parse_date_or_throw("notice_date", l.notice_date);
    n.reply_due = parse_date_or_throw("reply_due", l.reply_due);
    n.dated = day;
    n.rows_unanswered = static_cast<std::int64_t>(l.open_rows);
    if (auto list = adapters::db::find_disposal_list(s.db.session(), l.notice_no))
        n.rows_total = static_cast<std::int64_t>(adapters::db::disposal_rows(s.db.session(), list->id).size());
    auto attachment = list_workbook(s, l.period, l.notice_no, day);
    n.attachment_name = attachment.file_name;
    queue_counted(outbox,
                  make_notice(NoticeType::disposal_reminder, l.notice_no, l.reply_due,
                              to.agency(l.agency), reports::render_disposal_reminder(n, notice_sender(s.settings)),
                              attachment),
                  tally);
}

} // namespace govpub::jobs
