// Lists, rows and replies joined with the catalogue's names into the report model.
#include "jobs/disposal_report.hpp"

#include "adapters/db/catalogue.hpp"
#include "adapters/db/disposal_repository.hpp"
#include "domain/deadlines.hpp"

#include <map>

namespace govpub::jobs {

namespace db = adapters::db;

reports::DisposalReport disposal_report(db::Database& db, const domain::PeriodScheme& scheme,
                                        const std::optional<domain::Period>& period,
                                        domain::Date as_of, const std::string& generated_at) {
    reports::DisposalReport report;
    report.as_of = as_of;
    report.generated_at = generated_at;
    if (period) {
        report.period = period->name();
        report.period_roc = period->roc_name();
        report.period_from = period->first_day(scheme);
        report.period_to = period->last_day(scheme);
    }
    const auto catalogue = db::Catalogue::load(db);
    const std::string day = domain::to_iso(as_of);
    auto lists = period ? db::disposal_lists_of_period(db.session(), period->name())
                        : db::all_disposal_lists(db.session());
    for (const auto& list : lists) {
        if (list.notice_date > day)
            continue; // not yet sent on the report's date
        std::map<std::string, db::DisposalReplyRecord> replies;
        for (auto& reply : db::disposal_replies(db.session(), list.id))
            if (reply.replied_on <= day)
                replies.emplace(reply.gpn, std::move(reply));
        const auto due = domain::parse_date_or_throw("reply_due", list.reply_due);
        for (const auto& row : db::disposal_rows(db.session(), list.id)) {
            reports::DisposalReportRow r;
            r.notice_no = list.notice_no;
            r.period = list.period;
            r.store_code = list.store;
            r.store_name = catalogue.store_name(list.store);
            r.agency_code = list.agency;
            r.agency_name = catalogue.agency_name(list.agency);
            r.gpn = row.gpn;
            const auto* publication = catalogue.publication(row.gpn);
            r.title = publication ? publication->title : "";
            r.on_hand = row.on_hand;
            r.ground = row.ground;
            r.reason = row.reason;
            r.first_supplied = domain::parse_date_or_throw("first_supplied", row.first_supplied);
            r.retention_end = domain::parse_date_or_throw("retention_end", row.retention_end);
            r.notice_date = domain::parse_date_or_throw("notice_date", list.notice_date);
            r.reply_due = due;
            if (auto reply = replies.find(row.gpn); reply != replies.end()) {
                r.reply_action = reply->second.action;
                r.reply_quantity = reply->second.quantity;
                r.recipient = reply->second.recipient;
                r.replied_on = domain::parse_date_or_throw("replied_on", reply->second.replied_on);
                r.status = reports::DisposalStatus::answered;
            } else {
                r.status =
                    domain::obligation_status(due, as_of) == domain::ObligationStatus::overdue
                        ? reports::DisposalStatus::overdue
                        : reports::DisposalStatus::open;
            }
            report.rows.push_back(std::move(r));
        }
    }
    return report;
}

} // namespace govpub::jobs
