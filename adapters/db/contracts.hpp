// Loading every contract into the domain's ContractBook.
#pragma once

#include "adapters/db/database.hpp"
#include "domain/contract.hpp"

namespace govpub::adapters::db {

domain::ContractBook load_contract_book(Database& db, int default_payment_days);

} // namespace govpub::adapters::db
