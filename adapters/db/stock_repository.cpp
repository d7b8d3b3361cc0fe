// Five grouped queries merged by (store, gpn).
#include "adapters/db/stock_repository.hpp"

#include "adapters/db/row_values.hpp"

namespace govpub::adapters::db {

std::map<std::pair<std::string, std::string>, domain::StockMovements>
stock_movements(Database& db, const std::string& as_of) {
    std::map<std::pair<std::string, std::string>, domain::StockMovements> m;
    auto& sql = db.session();
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT c.store, l.gpn, SUM(l.quantity - l.sample), SUM(l.sample) "
                            "FROM consignment_line l JOIN consignment c ON c.id = "
                            "l.consignment_id WHERE c.supply_date <= :d GROUP BY c.store, l.gpn",
             soci::use(as_of));
        for (const auto& r : rows) {
            auto& x = m[{text_at(r, 0), text_at(r, 1)}];
            x.consigned = int64_at(r, 2);
            x.samples = int64_at(r, 3);
        }
    }
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT store, gpn, SUM(quantity), SUM(CASE WHEN stated_list_price "
                            "IS NOT NULL AND stated_list_price <> catalogue_list_price THEN 1 "
                            "ELSE 0 END) FROM sale WHERE sale_date <= :d GROUP BY store, gpn",
             soci::use(as_of));
        for (const auto& r : rows) {
            auto& x = m[{text_at(r, 0), text_at(r, 1)}];
            x.sold = int64_at(r, 2);
            x.had_sales = true;
            x.price_mismatch = int64_at(r, 3) > 0;
        }
    }
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT store, gpn, action, SUM(quantity) FROM stock_movement WHERE "
                            "done_on <= :d GROUP BY store, gpn, action",
             soci::use(as_of));
        for (const auto& r : rows) {
            auto& x = m[{text_at(r, 0), text_at(r, 1)}];
            const std::string action = text_at(r, 2);
            long long q = int64_at(r, 3);
            (action == "return" ? x.returned : action == "donate" ? x.donated : x.destroyed) = q;
        }
    }
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT c.store, c.gpn, c.quantity FROM stock_count c JOIN (SELECT "
                            "store, gpn, MAX(counted_on) AS last_day FROM stock_count WHERE "
                            "counted_on <= :d GROUP BY store, gpn) l ON l.store = c.store AND "
                            "l.gpn = c.gpn AND l.last_day = c.counted_on",
             soci::use(as_of));
        for (const auto& r : rows)
            m[{text_at(r, 0), text_at(r, 1)}].reported = int64_at(r, 2);
    }
    return m;
}

std::vector<SampleEntry> sample_register(Database& db) {
    std::vector<SampleEntry> out;
    soci::rowset<soci::row> rows =
        (db.session().prepare << "SELECT r.store, r.gpn, c.list_no, c.supply_date, c.agency FROM "
                                 "sample_register r JOIN consignment c ON c.id = r.consignment_id "
                                 "ORDER BY r.store, r.gpn");
    for (const auto& r : rows)
        out.push_back({text_at(r, 0), text_at(r, 1), text_at(r, 2), text_at(r, 3), text_at(r, 4)});
    return out;
}

std::vector<Shipment> shipments(Database& db, const std::string& as_of) {
    std::vector<Shipment> out;
    soci::rowset<soci::row> rows =
        (db.session().prepare << "SELECT c.agency, c.store, c.list_no, c.supply_date, "
                                 "c.shipping_payer, SUM(l.quantity) FROM consignment c JOIN "
                                 "consignment_line l ON l.consignment_id = c.id WHERE "
                                 "c.supply_date <= :d GROUP BY c.id, c.agency, c.store, "
                                 "c.list_no, c.supply_date, c.shipping_payer ORDER BY "
                                 "c.supply_date, c.agency, c.store, c.list_no",
         soci::use(as_of));
    for (const auto& r : rows)
        out.push_back({text_at(r, 0), text_at(r, 1), text_at(r, 2), text_at(r, 3), text_at(r, 4),
                       int64_at(r, 5)});
    return out;
}

} // namespace govpub::adapters::db
