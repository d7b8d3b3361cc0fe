// Settlement: gather, compute with the domain, check, store and close in one transaction.
#include "jobs/settle_job.hpp"

#include "adapters/config/clock.hpp"
#include "adapters/config/crash_point.hpp"
#include "adapters/db/catalogue.hpp"
#include "adapters/db/contracts.hpp"
#include "adapters/db/settlement_repository.hpp"
#include "domain/errors.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <map>
#include <sstream>
#include <tuple>

namespace govpub::jobs {

using adapters::db::SettlementRepository;
using domain::to_iso;

namespace {

using PairKey = std::pair<std::string, std::string>; // (store, agency)

SettlementOutcome outcome_from_stored(const adapters::db::ClosedSettlement& closed,
                                      SettlementRepository& repo) {
    SettlementOutcome o;
    o.period = closed.period;
    o.from = domain::parse_date_or_throw("period_from", closed.from);
    o.to = domain::parse_date_or_throw("period_to", closed.to);
    o.settled_on = domain::parse_date_or_throw("settled_on", closed.settled_on);
    o.status = "closed";
    o.already_closed = true;
    o.closed_at = closed.closed_at;
    o.statements = repo.statements(closed.period);
    o.json = closed.result_json;
    return o;
}

void check_ended(const SettleRequest& request, const domain::PeriodScheme& scheme) {
    const std::string period = request.period.name();
    const domain::Date to = request.period.last_day(scheme);
    if (std::chrono::sys_days{request.as_of} < std::chrono::sys_days{to})
        throw domain::Refused("period " + period + " ends on " + to_iso(to) +
                                  "; it cannot be settled as of " + to_iso(request.as_of) +
                                  " (give --as-of " + to_iso(to) + " or later)",
                              "SPEC §4.6");
}

} // namespace

std::optional<SettlementOutcome> SettleJob::stored(const domain::Period& period) {
    SettlementRepository repo(db_);
    if (auto closed = repo.closed(period.name()))
        return outcome_from_stored(*closed, repo);
    return std::nullopt;
}

void SettleJob::check(const SettleRequest& request) {
    check_ended(request, settings_.periods);
    if (SettlementRepository(db_).closed(request.period.name()))
        return; // a closed period gives its stored result; nothing to refuse
    check_order(request);
}

void SettleJob::check_order(const SettleRequest& request) {
    const auto& scheme = settings_.periods;
    const std::string period = request.period.name();
    const domain::Date from = request.period.first_day(scheme);
    SettlementRepository repo(db_);
    // Periods close in order: a later closed period, or an open one before this, would pay
    // lines in the wrong period and use a carried balance twice.
    if (auto latest = repo.latest_closed()) {
        if (*latest > period)
            throw domain::Refused("period " + *latest + " is already closed and " + period +
                                      " comes before it; a closed period never changes, so "
                                      "late lines go into the next open period",
                                  "SPEC §4.6");
        const std::string previous = request.period.previous().name();
        if (*latest != previous)
            throw domain::Refused("settle " + previous + " before " + period +
                                      ": the last closed period is " + *latest,
                                  "SPEC §4.6");
    }
    // Lines of an earlier period go in late only if that period is closed; otherwise it
    // must be settled first, or its lines would be paid in the wrong period.
    if (auto earliest = repo.earliest_unsettled_before(to_iso(from))) {
        auto their = domain::Period::containing(
            domain::parse_date_or_throw("sale_date", *earliest), scheme);
        if (!repo.closed(their.name()))
            throw domain::Refused("period " + their.name() + " has unsettled sales from " +
                                      *earliest + ": settle " + their.name() + " before " +
                                      period,
                                  "SPEC §4.6");
    }
}

SettlementOutcome SettleJob::run(const SettleRequest& request) {
    const auto& scheme = settings_.periods;
    const std::string period = request.period.name();
    const domain::Date from = request.period.first_day(scheme);
    const domain::Date to = request.period.last_day(scheme);
    SettlementRepository repo(db_);

    if (auto closed = repo.closed(period))
        return outcome_from_stored(*closed, repo);
    check_ended(request, scheme);
    // A real run takes the write lock before reading, so that no import or second run can
    // slip in between what it reads and what it closes. (SQLite: BEGIN IMMEDIATE. MariaDB
    // needs a claim-then-read order or a lock; see adapters/db/database.cpp.)
    std::optional<adapters::db::WriteTransaction> tx;
    if (!request.dry_run) {
        tx.emplace(db_);
        if (auto closed = repo.closed(period)) // another process closed it while we waited
            return outcome_from_stored(*closed, repo);
    }
    check_order(request);

    auto catalogue = adapters::db::Catalogue::load(db_);
    auto contracts = adapters::db::load_contract_book(db_, settings_.default_payment_days);
    // (store, agency) → (gpn, list price, rate, late, exempt) → quantity.
    using GroupKey = std::tuple<std::string, long long, int, bool, bool>;
    std::map<PairKey, std::map<GroupKey, long long>> groups;
    const std::string from_iso = to_iso(from);
    repo.for_each_unsettled(to_iso(to), [&](const adapters::db::UnsettledSale& sale) {
        const auto* pub = catalogue.publication(sale.gpn);
        if (!pub)
            throw domain::InvariantBroken("sale of GPN " + sale.gpn + " has no publication");
        auto day = domain::parse_date_or_throw("sale_date", sale.sale_date);
        auto terms = contracts.in_force(pub->agency, sale.store, day);
        bool late = sale.sale_date < from_iso;
        auto& q = groups[{sale.store, pub->agency}][{sale.gpn, sale.list_price, terms.rate_bp,
                                                      late, terms.procurement_exempt}];
        q = domain::checked_add(q, sale.quantity);
    });
    auto balances = repo.carried_balances(period);
    for (const auto& [pair, balance] : balances)
        if (balance != 0)
            groups[pair]; // a pair with only a balance carried in still gets a statement

    SettlementOutcome o;
    o.period = period;
    o.from = from;
    o.to = to;
    o.settled_on = request.as_of;
    o.status = request.dry_run ? "dry_run" : "closed";
    for (const auto& [pair, by_key] : groups) {
        std::vector<domain::SaleGroup> sale_groups;
        for (const auto& [key, quantity] : by_key) {
            const auto& [gpn, price, rate, late, exempt] = key;
            sale_groups.push_back({gpn, price, rate, late, exempt, quantity});
        }
        domain::StatementTerms terms;
        terms.settled_on = request.as_of;
        terms.payment_days = contracts.in_force(pair.second, pair.first, request.as_of).payment_days;
        auto carried = balances.find(pair);
        terms.carried_in = carried == balances.end() ? 0 : carried->second;
        if (auto statement = domain::make_statement(pair.first, pair.second, sale_groups, terms,
                                                    calendar_))
            o.statements.push_back(std::move(*statement));
    }
    for (const auto& s : o.statements) {
        domain::check_invariants(s); // again, on what is about to be stored
        // The holiday roll needs the calendar of the due date's year (民法122); without it a
        // due date would silently roll over weekends only.
        if (!calendar_.covers(s.due_date.year()))
            throw domain::Refused("the holiday calendar has no entries for " +
                                      std::to_string(static_cast<int>(s.due_date.year())) +
                                      ", the year statement " + s.store + "/" + s.agency +
                                      " falls due: add that year's holidays and make-up days "
                                      "from the DGPA calendar to config/holidays.csv",
                                  "民法第122條");
    }
    o.json = settlement_json(o);
    if (!request.dry_run) {
        o.closed_at = adapters::config::utc_timestamp();
        repo.close({period, from_iso, to_iso(to), to_iso(request.as_of), o.closed_at, o.json},
                   o.statements, to_iso(to));
        if (request.before_commit)
            request.before_commit(o.statements.size());
        adapters::config::crash_point("settle.before_commit");
        tx->commit();
        adapters::config::crash_point("settle.committed");
    }
    return o;
}

std::string settlement_json(const SettlementOutcome& o) {
    using Poco::JSON::Array;
    using Poco::JSON::Object;
    Object::Ptr root = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    root->set("period", o.period);
    root->set("from", to_iso(o.from));
    root->set("to", to_iso(o.to));
    root->set("settled_on", to_iso(o.settled_on));
    root->set("status", o.status);
    Array::Ptr statements = new Array();
    for (const auto& s : o.statements) {
        Object::Ptr st = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        st->set("store", s.store);
        st->set("agency", s.agency);
        st->set("list_value", static_cast<Poco::Int64>(s.list_value));
        st->set("payable", static_cast<Poco::Int64>(s.payable));
        st->set("commission", static_cast<Poco::Int64>(s.commission));
        st->set("carried_in", static_cast<Poco::Int64>(s.carried_in));
        st->set("amount_due", static_cast<Poco::Int64>(s.amount_due));
        st->set("carried_out", static_cast<Poco::Int64>(s.carried_out));
        st->set("due_date", to_iso(s.due_date));
        Array::Ptr lines = new Array();
        for (const auto& l : s.lines) {
            Object::Ptr line = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
            line->set("gpn", l.gpn);
            line->set("list_price", static_cast<Poco::Int64>(l.list_price));
            line->set("rate_bp", l.rate_bp);
            line->set("quantity", static_cast<Poco::Int64>(l.quantity));
            line->set("list_value", static_cast<Poco::Int64>(l.list_value));
            line->set("late", l.late);
            lines->add(line);
        }
        st->set("lines", lines);
        statements->add(st);
    }
    root->set("statements", statements);
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(root, out);
    return out.str();
}

} // namespace govpub::jobs
