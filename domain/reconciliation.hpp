// Consignment reconciliation (SPEC §4.7): what a store should have on hand of a GPN.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace govpub::domain {

//! Everything that moved a store's stock of one GPN up to the as-of date.
struct StockMovements {
    std::int64_t consigned = 0; //!< regular copies; samples are not stock (要點11(2))
    std::int64_t samples = 0;
    std::int64_t sold = 0; //!< net of customer returns
    std::int64_t returned = 0;
    std::int64_t donated = 0;
    std::int64_t destroyed = 0;
    std::optional<std::int64_t> reported; //!< the store's latest count, if one was uploaded
    bool had_sales = false;               //!< any sales line at all, even if they net to 0
    bool price_mismatch = false;          //!< a sales line stated another list price
};

struct StockPosition {
    StockMovements movements;
    std::int64_t expected_on_hand = 0;
    std::vector<std::string> flags; //!< oversold, count_mismatch, price_mismatch, not_consigned
};

//! expected on hand = consigned − sold − returned − donated − destroyed, and its flags.
StockPosition reconcile(const StockMovements& movements);

} // namespace govpub::domain
