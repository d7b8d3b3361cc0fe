#include "jobs/settlement_notices.hpp"

#include "adapters/config/clock.hpp"
#include "adapters/db/addressees.hpp"
#include "jobs/notice_maker.hpp"
#include "jobs/settlement_report.hpp"
#include "reports/settlement_workbook.hpp"

#include <algorithm>
#include <map>

namespace govpub::jobs {

namespace {

using adapters::mail::NoticeAttachment;
using adapters::mail::NoticeType;

//! The statement workbook of the rows `keep` selects: the same layout officials read, so the
//! agency and the store see what the ministry sees.
NoticeAttachment write_part(const reports::SettlementReport& whole,
                            const std::function<bool(const reports::SettlementStatementRow&)>& keep,
                            const std::filesystem::path& file, std::string shown_as) {
    reports::SettlementReport part = whole;
    std::erase_if(part.statements, [&](const auto& st) { return !keep(st); });
    reports::write_settlement_workbook(part, file);
    return {file, std::move(shown_as)};
}

} // namespace

NoticeTally queue_settlement_notices(JobServices s, adapters::mail::Outbox& outbox,
                                     const SettlementOutcome& outcome) {
    NoticeTally tally;
    const auto report = settlement_report(s.db, outcome, adapters::config::local_timestamp());
    const auto to = adapters::db::load_addressees(s.db);
    const auto sender = notice_sender(s.settings);
    const auto dir = notice_attachments_dir(s.settings, outcome.period);
    const std::string& p = outcome.period;

    std::map<std::string, std::vector<const reports::SettlementStatementRow*>> by_store;
    for (const auto& st : report.statements) {
        by_store[st.store_code].push_back(&st);
        reports::SettlementStatementNotice n;
        n.agency = notice_recipient(to.agency(st.agency_code));
        n.store_name = st.store_name;
        n.period = p;
        n.period_from = outcome.from;
        n.period_to = outcome.to;
        n.settled_on = outcome.settled_on;
        for (const auto& line : st.lines)
            if (std::find(n.rates_bp.begin(), n.rates_bp.end(), line.rate_bp) == n.rates_bp.end())
                n.rates_bp.push_back(line.rate_bp);
        n.list_value = st.list_value;
        n.payable = st.payable;
        n.commission = st.commission;
        n.carried_in = st.carried_in;
        n.amount_due = st.amount_due;
        n.carried_out = st.carried_out;
        n.due_date = st.due_date;
        const std::string key = p + "/" + st.store_code + "/" + st.agency_code;
        if (already_queued(s, NoticeType::settlement_statement, key, p, tally))
            continue;
        n.attachment_name = "結算單_" + p + "_" + st.store_code + "_" + st.agency_code + ".xlsx";
        auto attachment = write_part(
            report,
            [&](const auto& row) {
                return row.store_code == st.store_code && row.agency_code == st.agency_code;
            },
            dir / ("statement_" + p + "_" + st.store_code + "_" + st.agency_code + ".xlsx"),
            n.attachment_name);
        queue_counted(outbox,
                      make_notice(NoticeType::settlement_statement, key, p,
                                  to.agency(st.agency_code),
                                  reports::render_settlement_statement(n, sender), attachment),
                      tally);
    }
    for (const auto& [store, statements] : by_store) {
        if (already_queued(s, NoticeType::settlement_statement, p + "/" + store, p, tally))
            continue;
        reports::StoreSettlementNotice n;
        n.store = notice_recipient(to.store(store));
        n.period = p;
        n.period_from = outcome.from;
        n.period_to = outcome.to;
        n.settled_on = outcome.settled_on;
        for (const auto* st : statements)
            n.payments.push_back(
                {st->agency_name, st->amount_due, st->carried_out, st->due_date});
        n.attachment_name = "結算單_" + p + "_" + store + ".xlsx";
        auto attachment = write_part(
            report, [&](const auto& row) { return row.store_code == store; },
            dir / ("statement_" + p + "_" + store + ".xlsx"), n.attachment_name);
        queue_counted(outbox,
                      make_notice(NoticeType::settlement_statement, p + "/" + store, p,
                                  to.store(store), reports::render_store_settlement(n, sender),
                                  attachment),
                      tally);
    }
    return tally;
}

} // namespace govpub::jobs
