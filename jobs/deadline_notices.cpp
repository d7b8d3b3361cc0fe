#include "jobs/deadline_notices.hpp"

#include "adapters/db/addressees.hpp"
#include "adapters/db/catalogue.hpp"
#include "adapters/db/disposal_repository.hpp"
#include "adapters/db/settlement_repository.hpp"
#include "jobs/disposal_notices.hpp"
#include "jobs/due_list.hpp"
#include "jobs/notice_maker.hpp"

#include <chrono>
#include <map>
#include <tuple>

namespace govpub::jobs {

namespace {

using adapters::mail::NoticeType;
using domain::parse_date_or_throw;
using domain::to_iso;

std::string title_of(const adapters::db::Catalogue& catalogue, const std::string& gpn) {
    const auto* p = catalogue.publication(gpn);
    return p ? p->title : gpn;
}

struct Context {
    JobServices s;
    adapters::mail::Outbox& outbox;
    domain::Date day;
    adapters::db::Addressees to;
    adapters::db::Catalogue catalogue;
    reports::NoticeSender sender;
    NoticeTally tally;
};

void payments(Context& c) {
    const auto days_before = std::chrono::days{c.s.settings.notices.payment_reminder_days};
    const std::chrono::sys_days today{c.day};
    // (store, due date, overdue) → the store's payments falling due that day.
    std::map<std::tuple<std::string, std::string, bool>, std::vector<reports::PaymentRow>> owed;
    for (const auto& p : adapters::db::SettlementRepository(c.s.db).payments_due(to_iso(c.day))) {
        const auto due = parse_date_or_throw("due_date", p.due_date);
        const bool overdue = domain::obligation_status(due, c.day) ==
                             domain::ObligationStatus::overdue;
        if (!overdue && (days_before.count() == 0 || std::chrono::sys_days{due} - today > days_before))
            continue;
        owed[{p.store, p.due_date, overdue}].push_back(
            {c.catalogue.agency_name(p.agency), p.period, p.amount_due, due});
    }
    for (auto& [key, rows] : owed) {
        const auto& [store, due, overdue] = key;
        reports::PaymentNotice n{notice_recipient(c.to.store(store)), c.day, std::move(rows)};
        queue_counted(c.outbox,
                      make_notice(overdue ? NoticeType::payment_overdue : NoticeType::payment_due,
                                  store, due, c.to.store(store),
                                  overdue ? reports::render_payment_overdue(n, c.sender)
                                          : reports::render_payment_due(n, c.sender)),
                      c.tally);
    }
}

void receipts(Context& c) {
    std::map<std::pair<std::string, std::string>, reports::CheckInReminderNotice> check_in;
    std::map<std::pair<std::string, std::string>, reports::ServiceReminderNotice> service;
    for (const auto& r : receipt_deadlines(c.s.db, c.s.calendar, c.day)) {
        if (domain::obligation_status(r.due, c.day) != domain::ObligationStatus::overdue)
            continue;
        const std::pair key{r.library, to_iso(r.due)};
        if (r.kind == "check_in")
            check_in[key].rows.push_back({r.gpn, title_of(c.catalogue, r.gpn), r.received, r.due});
        else
            service[key].rows.push_back(
                {r.gpn, title_of(c.catalogue, r.gpn), r.received, *r.checked_in, r.due});
    }
    for (auto& [key, n] : check_in) {
        n.library = notice_recipient(c.to.library(key.first));
        n.dated = c.day;
        queue_counted(c.outbox,
                      make_notice(NoticeType::check_in_reminder, key.first, key.second,
                                  c.to.library(key.first),
                                  reports::render_check_in_reminder(n, c.sender)),
                      c.tally);
    }
    for (auto& [key, n] : service) {
        n.library = notice_recipient(c.to.library(key.first));
        n.dated = c.day;
        queue_counted(c.outbox,
                      make_notice(NoticeType::service_reminder, key.first, key.second,
                                  c.to.library(key.first),
                                  reports::render_service_reminder(n, c.sender)),
                      c.tally);
    }
}

void disposal_replies(Context& c) {
    for (const auto& d : adapters::db::unanswered_disposal_lists(c.s.db.session(), to_iso(c.day))) {
        const auto due = parse_date_or_throw("reply_due", d.reply_due);
        if (domain::obligation_status(due, c.day) != domain::ObligationStatus::overdue)
            continue;
        queue_disposal_reminder(c.s, c.outbox, c.to, d, c.day, c.tally);
    }
}

} // namespace

NoticeTally queue_deadline_notices(JobServices s, adapters::mail::Outbox& outbox,
                                   domain::Date day) {
    Context c{s, outbox, day, adapters::db::load_addressees(s.db),
              adapters::db::Catalogue::load(s.db), notice_sender(s.settings), {}};
    payments(c);
    receipts(c);
    disposal_replies(c);
    return c.tally;
}

} // namespace govpub::jobs
