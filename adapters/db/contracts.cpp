// Contracts from the contract table, in force by valid_from.
#include "adapters/db/contracts.hpp"

#include "adapters/db/row_values.hpp"

namespace govpub::adapters::db {

domain::ContractBook load_contract_book(Database& db, int default_payment_days) {
    domain::ContractBook book(default_payment_days);
    soci::rowset<soci::row> rows =
        (db.session().prepare << "SELECT agency, store, valid_from, rate_bp, procurement_exempt, "
                                 "payment_days, shipping_payer FROM contract");
    for (const auto& r : rows) {
        domain::Contract c;
        c.agency = r.get<std::string>(0);
        c.store = r.get<std::string>(1);
        c.valid_from = domain::parse_date_or_throw("valid_from", r.get<std::string>(2));
        c.rate_bp = static_cast<int>(int64_at(r, 3));
        c.procurement_exempt = int64_at(r, 4) != 0;
        c.payment_days = static_cast<int>(int64_at(r, 5));
        if (r.get_indicator(6) == soci::i_ok)
            c.shipping_payer = r.get<std::string>(6) == "agency" ? domain::ShippingPayer::agency
                                                                 : domain::ShippingPayer::store;
        book.add(std::move(c));
    }
    return book;
}

} // namespace govpub::adapters::db
