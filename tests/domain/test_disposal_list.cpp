// The stock a settlement's disposal lists name (要點11(4), 6(5)–(6); SPEC §4.8).
#include "domain/disposal_list.hpp"

#include <gtest/gtest.h>

namespace govpub::domain {
namespace {

using namespace std::chrono;

constexpr Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

const Date SETTLEMENT = d(2026, 6, 30);

StoreStock stock(std::string store, std::string agency, std::string gpn, PublicationKind kind,
                 Date first_supplied, std::int64_t on_hand = 3,
                 std::optional<WeedingReason> reason = std::nullopt) {
    return StoreStock{std::move(store), std::move(agency), std::move(gpn), kind,
                      first_supplied,   on_hand,           reason};
}

// SPEC §4.8: first supply + retention years ≤ settlement date — the boundary day is listed.
TEST(DisposalList, ListsStockWhoseRetentionEndsOnTheSettlementDate) {
    EXPECT_EQ(disposal_ground(PublicationKind::book, d(2021, 6, 30), SETTLEMENT, std::nullopt),
              DisposalGround::retention_ended);
    EXPECT_EQ(disposal_ground(PublicationKind::book, d(2021, 7, 1), SETTLEMENT, std::nullopt),
              std::nullopt);
}

// 要點6(6) via 11(4): a weeding reason lists stock still within its retention.
TEST(DisposalList, ListsStockMarkedWithAWeedingReason) {
    EXPECT_EQ(
        disposal_ground(PublicationKind::book, d(2025, 1, 1), SETTLEMENT, WeedingReason::outdated),
        DisposalGround::weeding_reason);
    // Past retention the reason adds nothing the agency must weigh.
    EXPECT_EQ(
        disposal_ground(PublicationKind::book, d(2020, 1, 1), SETTLEMENT, WeedingReason::outdated),
        DisposalGround::retention_ended);
}

// 要點6(5) + SPEC §4.2: a pamphlet first supplied on 2024-02-29 is past retention on 2025-02-28.
TEST(DisposalList, ALeapDaySupplyIsListedOnFebruaryTwentyEighth) {
    EXPECT_EQ(disposal_ground(PublicationKind::pamphlet, d(2024, 2, 29), d(2025, 2, 28), {}),
              DisposalGround::retention_ended);
    EXPECT_EQ(disposal_ground(PublicationKind::pamphlet, d(2024, 2, 29), d(2025, 2, 27), {}),
              std::nullopt);
}

// SPEC §4.8: each (store, agency) list, in a stable order, with nothing that is not stock.
TEST(DisposalList, NamesOnlyEligibleStockOnHandSortedByStoreAgencyAndGpn) {
    std::vector<StoreStock> all = {
        stock("T02", "A001", "1011000002", PublicationKind::book, d(2020, 5, 1)),
        stock("T01", "A002", "1011000003", PublicationKind::serial, d(2023, 6, 30)),
        stock("T01", "A001", "1011000009", PublicationKind::pamphlet, d(2025, 6, 30)),
        stock("T01", "A001", "1011000001", PublicationKind::book, d(2025, 1, 1), 2,
              WeedingReason::damaged),
        // within retention, no reason: stays on the shelf
        stock("T01", "A001", "1011000004", PublicationKind::book, d(2022, 1, 1)),
        // past retention but nothing on hand (all sold): nothing to ask the agency about
        stock("T02", "A001", "1011000005", PublicationKind::book, d(2019, 1, 1), 0),
    };
    auto rows = disposal_list(all, SETTLEMENT);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0].stock.gpn, "1011000001");
    EXPECT_EQ(rows[0].ground, DisposalGround::weeding_reason);
    EXPECT_EQ(rows[0].retention_end, d(2030, 1, 1));
    EXPECT_EQ(rows[1].stock.gpn, "1011000009");
    EXPECT_EQ(rows[1].ground, DisposalGround::retention_ended); // 要點6(5) 3.: one year
    EXPECT_EQ(rows[2].stock.gpn, "1011000003");
    EXPECT_EQ(rows[2].stock.agency, "A002");
    EXPECT_EQ(rows[2].retention_end, d(2026, 6, 30));
    EXPECT_EQ(rows[3].stock.store, "T02");
    EXPECT_EQ(rows[3].stock.gpn, "1011000002");
}

TEST(DisposalList, GroundsHaveStableIds) {
    EXPECT_EQ(to_string(DisposalGround::retention_ended), "retention_ended");
    EXPECT_EQ(to_string(DisposalGround::weeding_reason), "weeding_reason");
}

} // namespace
} // namespace govpub::domain
