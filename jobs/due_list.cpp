// Gathering obligations from the stores of record and dating them with the domain's rules.
#include "jobs/due_list.hpp"

#include "adapters/db/claim_repository.hpp"
#include "adapters/db/disposal_repository.hpp"
#include "adapters/db/library_repository.hpp"
#include "adapters/db/settlement_repository.hpp"
#include "domain/retention.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <sstream>
#include <tuple>

namespace govpub::jobs {

using domain::parse_date_or_throw;

std::vector<ReceiptDeadline> receipt_deadlines(adapters::db::Database& db,
                                               const domain::HolidayCalendar& calendar,
                                               domain::Date as_of) {
    std::vector<ReceiptDeadline> out;
    for (const auto& r : adapters::db::receipts_not_in_service(db.session(), domain::to_iso(as_of))) {
        const auto kind = domain::parse_publication_kind_or_throw(r.kind);
        const auto received = parse_date_or_throw("received_on", r.received_on);
        if (r.checked_in_on.empty()) {
            // A serial's later issues need no check-in (SPEC §4.9), nor a service date.
            if (auto due = domain::check_in_due(kind, r.first_of_gpn, received, calendar))
                out.push_back({"check_in", r.library, r.gpn, received, std::nullopt, *due});
        } else {
            const auto checked_in = parse_date_or_throw("checked_in_on", r.checked_in_on);
            out.push_back({"service", r.library, r.gpn, received, checked_in,
                           domain::service_due(checked_in, calendar)});
        }
    }
    return out;
}

DueList due_list(adapters::db::Database& db, const domain::HolidayCalendar& calendar,
                 domain::Date as_of) {
    DueList list;
    list.as_of = as_of;
    const std::string as_of_iso = domain::to_iso(as_of);
    auto add = [&](std::string kind, std::string who, std::string subject, domain::Date due,
                   bool optional = false) {
        list.obligations.push_back({std::move(kind), std::move(who), std::move(subject), due,
                                    domain::obligation_status(due, as_of), optional});
    };
    for (auto& r : receipt_deadlines(db, calendar, as_of))
        add(std::move(r.kind), std::move(r.library), std::move(r.gpn), r.due);
    for (const auto& c : adapters::db::open_claims(db.session(), as_of_iso))
        add("claim", c.agency, c.library + "/" + c.gpn, parse_date_or_throw("due", c.due),
            c.optional);
    for (const auto& d : adapters::db::unanswered_disposal_lists(db.session(), as_of_iso))
        add("disposal_reply", d.agency, d.notice_no, parse_date_or_throw("reply_due", d.reply_due));
    for (const auto& p : adapters::db::SettlementRepository(db).payments_due(as_of_iso))
        add("payment", p.store, p.period + "/" + p.store + "/" + p.agency,
            parse_date_or_throw("due_date", p.due_date));
    std::stable_sort(list.obligations.begin(), list.obligations.end(),
                     [](const Obligation& a, const Obligation& b) {
                         return std::tie(a.due, a.kind, a.who, a.subject) <
                                std::tie(b.due, b.kind, b.who, b.subject);
                     });
    return list;
}

std::string due_json(const DueList& list) {
    using Poco::JSON::Array;
    using Poco::JSON::Object;
    Object::Ptr root = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    root->set("as_of", domain::to_iso(list.as_of));
    Array::Ptr all = new Array();
    for (const auto& o : list.obligations) {
        Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("kind", o.kind);
        item->set("who", o.who);
        item->set("subject", o.subject);
        item->set("due", domain::to_iso(o.due));
        item->set("status", std::string(domain::to_string(o.status)));
        item->set("optional", o.optional);
        all->add(item);
    }
    root->set("obligations", all);
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(root, out);
    return out.str();
}

} // namespace govpub::jobs
