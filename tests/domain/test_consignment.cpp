// Consignment rows (要點11(1),(2), 附件一; SPEC §4.3) and who pays shipping (要點11(5)).
#include "domain/consignment.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace govpub::domain {
namespace {

const std::string GPN = "1011500001";

ConsignmentRow row(std::int64_t quantity, int sample, Ntd price = 350) {
    ConsignmentRow r;
    r.gpn = GPN;
    r.title = "臺灣的政府出版品";
    r.list_price = price;
    r.quantity = quantity;
    r.sample = sample;
    return r;
}

constexpr ConsignmentHistory FIRST{false, false};
constexpr ConsignmentHistory LATER{true, false};
constexpr ConsignmentHistory LATER_WITH_SAMPLE{true, true};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// 要點11(2): 首次送展售門市之政府出版品，其中一份得標示「樣品」戳記.
TEST(Consignment, AllowsOneSampleOnTheFirstConsignment) {
    EXPECT_EQ(check_consignment_row(row(10, 1), FIRST, 350), std::nullopt);
    EXPECT_EQ(check_consignment_row(row(1, 1), FIRST, 350), std::nullopt); // the sample alone
}

// 要點11(2): the sample is counted neither in settlement nor in stock.
TEST(Consignment, ASampleIsNotARegularCopy) {
    EXPECT_EQ(row(10, 1).regular_copies(), 9);
    EXPECT_EQ(row(1, 1).regular_copies(), 0);
    EXPECT_EQ(row(10, 0).regular_copies(), 10);
}

TEST(Consignment, AllowsALaterConsignmentWithoutASample) {
    EXPECT_EQ(check_consignment_row(row(5, 0), LATER, 350), std::nullopt);
    EXPECT_EQ(check_consignment_row(row(5, 0), LATER_WITH_SAMPLE, 350), std::nullopt);
}

// 要點11(2) and SPEC §4.3: a second sample for the same GPN and store is an error.
TEST(Consignment, RefusesASecondSample) {
    auto why = check_consignment_row(row(5, 1), LATER_WITH_SAMPLE, 350);
    ASSERT_TRUE(why);
    EXPECT_EQ(why->field, ConsignmentField::sample);
    EXPECT_EQ(why->point, "要點11(2)");
    EXPECT_TRUE(contains(why->rule, GPN)) << why->rule;
    EXPECT_TRUE(contains(why->rule, "second sample")) << why->rule;
    EXPECT_TRUE(contains(why->message(), "要點11(2)")) << why->message();
}

// 要點11(2): 首次 — a sample only with the first consignment of the GPN to the store.
TEST(Consignment, RefusesASampleOnALaterConsignment) {
    auto why = check_consignment_row(row(5, 1), LATER, 350);
    ASSERT_TRUE(why);
    EXPECT_EQ(why->field, ConsignmentField::sample);
    EXPECT_EQ(why->point, "要點11(2)");
    EXPECT_TRUE(contains(why->rule, "only on the first consignment")) << why->rule;
    EXPECT_TRUE(contains(why->rule, GPN)) << why->rule;
    EXPECT_TRUE(contains(why->message(), "要點11(2)")) << why->message();
}

// 要點11(2): 其中一份 — one copy at most.
TEST(Consignment, RefusesTwoSampleCopies) {
    auto why = check_consignment_row(row(5, 2), FIRST, 350);
    ASSERT_TRUE(why);
    EXPECT_EQ(why->field, ConsignmentField::sample);
    EXPECT_EQ(why->point, "要點11(2)");
    EXPECT_TRUE(contains(why->rule, "sample must be 0 or 1")) << why->rule;
    auto negative = check_consignment_row(row(5, -1), FIRST, 350);
    ASSERT_TRUE(negative);
    EXPECT_EQ(negative->field, ConsignmentField::sample);
}

TEST(Consignment, RefusesAQuantityThatIsNotPositive) {
    auto why = check_consignment_row(row(0, 0), FIRST, 350);
    ASSERT_TRUE(why);
    EXPECT_EQ(why->field, ConsignmentField::quantity);
    EXPECT_TRUE(contains(why->rule, "quantity must be a positive")) << why->rule;
    // Even with a sample and a wrong price, a quantity that is not positive is the fault.
    auto negative = check_consignment_row(row(-3, 1, 999), FIRST, 350);
    ASSERT_TRUE(negative);
    EXPECT_EQ(negative->field, ConsignmentField::quantity);
}

// SPEC §4.3: the list price must equal the catalogue's on the supply date; the message
// names both prices so the agency can see which one is wrong.
TEST(Consignment, RefusesAPriceThatDiffersFromTheCatalogue) {
    auto why = check_consignment_row(row(5, 0, 350), LATER, 380);
    ASSERT_TRUE(why);
    EXPECT_EQ(why->field, ConsignmentField::list_price);
    EXPECT_EQ(why->point, "SPEC §4.3");
    EXPECT_TRUE(contains(why->rule, "list price 350")) << why->rule;
    EXPECT_TRUE(contains(why->rule, "catalogue's 380")) << why->rule;
    EXPECT_TRUE(contains(why->rule, GPN)) << why->rule;
}

// SPEC §4.3: a sample on the first list is fine, so a wrong price on that row is the price's
// fault, not the sample's.
TEST(Consignment, NamesThePriceWhenASampleRowHasTheWrongPrice) {
    auto why = check_consignment_row(row(1, 1, 600), FIRST, 500);
    ASSERT_TRUE(why);
    EXPECT_EQ(why->field, ConsignmentField::list_price);
    EXPECT_TRUE(contains(why->message(), "(SPEC §4.3)")) << why->message();
}

TEST(Consignment, RefusesAGpnWithNoCataloguePrice) {
    auto why = check_consignment_row(row(5, 0), FIRST, std::nullopt);
    ASSERT_TRUE(why);
    EXPECT_EQ(why->field, ConsignmentField::gpn);
    EXPECT_TRUE(contains(why->rule, GPN)) << why->rule;
    EXPECT_TRUE(contains(why->rule, "no list price in the catalogue")) << why->rule;
}

// 要點11(5): 運費首次由機關負擔.
TEST(Consignment, AgencyPaysTheFirstShipment) {
    EXPECT_EQ(shipping_payer(true, std::nullopt), ShippingPayer::agency);
}

// 要點11(5): 其餘寄送及退還之運費，應由展售門市負擔.
TEST(Consignment, StorePaysLaterShipmentsAndReturns) {
    EXPECT_EQ(shipping_payer(false, std::nullopt), ShippingPayer::store);
}

// 要點11(5): 但得視情況由展售門市與機關議定 — the contract decides who pays later shipments;
// the first is the agency's (首次由機關負擔) whatever the contract says.
TEST(Consignment, ContractDecidesTheLaterShipmentsOnly) {
    EXPECT_EQ(shipping_payer(false, ShippingPayer::agency), ShippingPayer::agency);
    EXPECT_EQ(shipping_payer(true, ShippingPayer::store), ShippingPayer::agency);
}

} // namespace
} // namespace govpub::domain
