// Consignment to the stores (要點11(1),(2),(5), 附件一): sample copies and who pays shipping.
#pragma once

#include "domain/contract.hpp"
#include "domain/money.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace govpub::domain {

//! One row of a consignment list (附件一). `sample` says how many of the `quantity` copies
//! carry the 「樣品」 stamp: 0 or 1. A row "quantity 1, sample 1" is the sample alone; a row
//! "quantity 10, sample 1" is nine copies for sale and one sample.
struct ConsignmentRow {
    std::string gpn;
    std::string title;
    Ntd list_price = 0;
    std::int64_t quantity = 0;
    int sample = 0;
    std::int64_t regular_copies() const { return quantity - sample; }
};

//! What the store already holds of this GPN before this row.
struct ConsignmentHistory {
    bool consigned_before = false;  //!< an earlier list brought this GPN to this store
    bool sample_registered = false; //!< the store's sample register has this GPN
};

//! The cell of a consignment row that breaks a rule, so an import can name its column.
enum class ConsignmentField { quantity, sample, list_price, gpn };

//! Why a row cannot be accepted: the field at fault, the rule in words (naming the values
//! involved), and the regulation point it comes from, or empty when it has none.
struct ConsignmentProblem {
    ConsignmentField field = ConsignmentField::quantity;
    std::string rule;
    std::string point;
    //! The rule with its regulation point: "… is not allowed (要點11(2))".
    std::string message() const { return point.empty() ? rule : rule + " (" + point + ")"; }
    bool operator==(const ConsignmentProblem&) const = default;
};

//! Why a row cannot be accepted, or nothing. Rules: quantity positive; sample 0 or 1; a
//! sample only on the first consignment of the GPN to the store, one copy at most, and never
//! a second one (要點11(2)); the GPN has a catalogue price on the supply date, and the list
//! price equals it (SPEC §4.3).
std::optional<ConsignmentProblem> check_consignment_row(const ConsignmentRow& row,
                                                        const ConsignmentHistory& history,
                                                        std::optional<Ntd> catalogue_price);

//! 要點11(5): the agency pays the first shipment to a store (首次由機關負擔); the store pays
//! every later shipment and every return, unless the contract says otherwise (但得視情況由
//! 展售門市與機關議定 — the proviso qualifies the later shipments, not the first).
ShippingPayer shipping_payer(bool first_shipment_to_store,
                             std::optional<ShippingPayer> contract_says);

} // namespace govpub::domain
