// Reconciliation: movements from the database, positions from the domain.
#include "jobs/reconcile_job.hpp"

#include "adapters/db/catalogue.hpp"
#include "adapters/db/stock_repository.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>


namespace govpub::jobs {

ReconciliationOutcome reconcile(adapters::db::Database& db, domain::Date as_of) {
    ReconciliationOutcome o;
    o.as_of = as_of;
    for (const auto& [key, movements] : adapters::db::stock_movements(db, domain::to_iso(as_of)))
        o.rows.push_back({key.first, key.second, domain::reconcile(movements)});
    return o;
}

void write_reconciliation_json(std::ostream& out, const ReconciliationOutcome& o) {
    using Poco::JSON::Array;
    using Poco::JSON::Object;
    out << "{\"as_of\":\"" << domain::to_iso(o.as_of) << "\",\"rows\":[";
    bool first = true;
    for (const auto& line : o.rows) {
        const auto& m = line.position.movements;
        Object::Ptr r = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        r->set("store", line.store);
        r->set("gpn", line.gpn);
        r->set("consigned", static_cast<Poco::Int64>(m.consigned));
        r->set("samples", static_cast<Poco::Int64>(m.samples));
        r->set("sold", static_cast<Poco::Int64>(m.sold));
        r->set("returned", static_cast<Poco::Int64>(m.returned));
        r->set("donated", static_cast<Poco::Int64>(m.donated));
        r->set("destroyed", static_cast<Poco::Int64>(m.destroyed));
        r->set("expected_on_hand", static_cast<Poco::Int64>(line.position.expected_on_hand));
        if (m.reported)
            r->set("reported", static_cast<Poco::Int64>(*m.reported));
        else
            r->set("reported", Poco::Dynamic::Var());
        Array::Ptr flags = new Array();
        for (const auto& f : line.position.flags)
            flags->add(f);
        r->set("flags", flags);
        if (!first)
            out << ",";
        first = false;
        Poco::JSON::Stringifier::condense(r, out);
    }
    out << "]}";
}

reports::ReconciliationReport reconciliation_report(adapters::db::Database& db,
                                                    const ReconciliationOutcome& o,
                                                    const std::string& generated_at) {
    auto catalogue = adapters::db::Catalogue::load(db);
    reports::ReconciliationReport r;
    r.as_of = o.as_of;
    r.generated_at = generated_at;
    for (const auto& line : o.rows) {
        const auto* pub = catalogue.publication(line.gpn);
        const auto& m = line.position.movements;
        reports::ReconciliationRow row;
        row.store_code = line.store;
        row.store_name = catalogue.store_name(line.store);
        row.agency_code = pub ? pub->agency : "";
        row.agency_name = pub ? catalogue.agency_name(pub->agency) : "";
        row.gpn = line.gpn;
        row.title = pub ? pub->title : "";
        row.consigned = m.consigned;
        row.samples = m.samples;
        row.sold = m.sold;
        row.returned = m.returned;
        row.donated = m.donated;
        row.destroyed = m.destroyed;
        row.expected_on_hand = line.position.expected_on_hand;
        row.reported = m.reported;
        row.flags = line.position.flags;
        r.rows.push_back(std::move(row));
    }
    for (const auto& s : adapters::db::sample_register(db)) {
        const auto* pub = catalogue.publication(s.gpn);
        r.samples.push_back({s.store, catalogue.store_name(s.store), s.agency,
                             catalogue.agency_name(s.agency), s.gpn, pub ? pub->title : "",
                             s.list_no, domain::parse_date_or_throw("supply_date", s.supply_date)});
    }
    for (const auto& s : adapters::db::shipments(db, domain::to_iso(o.as_of)))
        r.shipments.push_back({s.agency, catalogue.agency_name(s.agency), s.store,
                               catalogue.store_name(s.store), s.list_no,
                               domain::parse_date_or_throw("supply_date", s.supply_date), s.copies,
                               s.shipping_payer});
    return r;
}

} // namespace govpub::jobs
