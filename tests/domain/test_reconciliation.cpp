// Consignment reconciliation: expected stock on hand and its flags (SPEC §4.7).
#include "domain/errors.hpp"
#include "domain/reconciliation.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace govpub::domain {
namespace {

using Flags = std::vector<std::string>;

//! 20 consigned, 7 sold, 3 returned, 2 donated, 1 destroyed: 7 should be on hand.
StockMovements well_kept() {
    StockMovements m;
    m.consigned = 20;
    m.samples = 1;
    m.sold = 7;
    m.returned = 3;
    m.donated = 2;
    m.destroyed = 1;
    m.reported = 7;
    m.had_sales = true;
    return m;
}

// SPEC §4.7: expected on hand = consigned − net sold − returned − donated − destroyed.
TEST(Reconciliation, ExpectedOnHandSubtractsEveryMovement) {
    StockPosition p = reconcile(well_kept());
    EXPECT_EQ(p.expected_on_hand, 7);
    EXPECT_EQ(p.movements.consigned, 20);
    EXPECT_EQ(p.movements.sold, 7);
    EXPECT_EQ(p.movements.reported, std::optional<std::int64_t>(7));
}

TEST(Reconciliation, NoFlagsWhenAllIsWell) {
    EXPECT_EQ(reconcile(well_kept()).flags, Flags{});
}

// 要點11(2): a sample is not stock, so it does not add to what should be on hand.
TEST(Reconciliation, SamplesAreNotStock) {
    StockMovements m;
    m.consigned = 10;
    m.samples = 1;
    EXPECT_EQ(reconcile(m).expected_on_hand, 10);
}

// SPEC §4.7: oversold when the expected stock goes below zero.
TEST(Reconciliation, FlagsOversold) {
    StockMovements m = well_kept();
    m.sold = 15; // 20 − 15 − 3 − 2 − 1 = −1
    m.reported.reset();
    StockPosition p = reconcile(m);
    EXPECT_EQ(p.expected_on_hand, -1);
    EXPECT_EQ(p.flags, Flags{"oversold"});
}

TEST(Reconciliation, ZeroOnHandIsNotOversold) {
    StockMovements m = well_kept();
    m.sold = 14;
    m.reported = 0;
    StockPosition p = reconcile(m);
    EXPECT_EQ(p.expected_on_hand, 0);
    EXPECT_EQ(p.flags, Flags{});
}

// SPEC §4.7: count_mismatch when the store's reported count differs.
TEST(Reconciliation, FlagsACountMismatch) {
    StockMovements m = well_kept();
    m.reported = 6;
    EXPECT_EQ(reconcile(m).flags, Flags{"count_mismatch"});
    m.reported = 8;
    EXPECT_EQ(reconcile(m).flags, Flags{"count_mismatch"});
}

TEST(Reconciliation, NoCountMismatchWithoutAReportedCount) {
    StockMovements m = well_kept();
    m.reported.reset();
    EXPECT_EQ(reconcile(m).flags, Flags{});
}

// SPEC §4.5/§4.7: sales lines that stated another list price than the catalogue's.
TEST(Reconciliation, FlagsAPriceMismatch) {
    StockMovements m = well_kept();
    m.price_mismatch = true;
    EXPECT_EQ(reconcile(m).flags, Flags{"price_mismatch"});
}

// SPEC §4.7: sold at a store that never received the GPN.
TEST(Reconciliation, FlagsSalesOfAGpnNeverConsigned) {
    StockMovements m;
    m.had_sales = true;
    m.sold = 0; // a sale and a customer return: nets to zero, still a sale line
    StockPosition p = reconcile(m);
    EXPECT_EQ(p.expected_on_hand, 0);
    EXPECT_EQ(p.flags, Flags{"not_consigned"});
}

// 要點11(2): a store that got only the sample copy did receive the GPN; selling it is
// oversold (the sample is not stock), not "never consigned".
TEST(Reconciliation, AStoreWithOnlyTheSampleIsNotFlaggedNotConsigned) {
    StockMovements m;
    m.samples = 1;
    m.sold = 1;
    m.had_sales = true;
    StockPosition p = reconcile(m);
    EXPECT_EQ(p.expected_on_hand, -1);
    EXPECT_EQ(p.flags, Flags{"oversold"});
}

TEST(Reconciliation, ConsignedStockWithoutSalesIsNotFlagged) {
    StockMovements m;
    m.consigned = 5;
    EXPECT_EQ(reconcile(m).flags, Flags{});
}

TEST(Reconciliation, ListsEveryFlagThatApplyInOrder) {
    StockMovements m;
    m.had_sales = true;
    m.sold = 3;
    m.reported = 0;
    m.price_mismatch = true;
    StockPosition p = reconcile(m);
    EXPECT_EQ(p.expected_on_hand, -3);
    EXPECT_EQ(p.flags, (Flags{"oversold", "count_mismatch", "price_mismatch", "not_consigned"}));
}

// STYLE.md "Money and time": checked arithmetic, no wrap.
TEST(Reconciliation, OverflowIsAnErrorNotAWrap) {
    StockMovements m;
    m.consigned = std::numeric_limits<std::int64_t>::min();
    m.sold = 1;
    EXPECT_THROW(reconcile(m), InvariantBroken);
}

} // namespace
} // namespace govpub::domain
