// Expected stock and the flags an official looks at first.
#include "domain/reconciliation.hpp"

#include "domain/money.hpp"

namespace govpub::domain {

StockPosition reconcile(const StockMovements& m) {
    StockPosition p;
    p.movements = m;
    p.expected_on_hand = checked_sub(
        checked_sub(checked_sub(checked_sub(m.consigned, m.sold), m.returned), m.donated),
        m.destroyed);
    if (p.expected_on_hand < 0)
        p.flags.emplace_back("oversold");
    if (m.reported && *m.reported != p.expected_on_hand)
        p.flags.emplace_back("count_mismatch");
    if (m.price_mismatch)
        p.flags.emplace_back("price_mismatch");
    if (m.had_sales && m.consigned == 0 && m.samples == 0)
        p.flags.emplace_back("not_consigned");
    return p;
}

} // namespace govpub::domain
