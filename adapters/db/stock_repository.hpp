// What moved each store's stock of each GPN: consignments, sales, returns, disposals, counts.
#pragma once

#include "adapters/db/database.hpp"
#include "domain/reconciliation.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace govpub::adapters::db {

//! (store, gpn) → movements up to and including `as_of` (ISO).
std::map<std::pair<std::string, std::string>, domain::StockMovements>
stock_movements(Database& db, const std::string& as_of);

struct SampleEntry {
    std::string store, gpn, list_no, supply_date, agency;
};
std::vector<SampleEntry> sample_register(Database& db);

struct Shipment {
    std::string agency, store, list_no, supply_date, shipping_payer;
    long long copies;
};
std::vector<Shipment> shipments(Database& db, const std::string& as_of);

} // namespace govpub::adapters::db
