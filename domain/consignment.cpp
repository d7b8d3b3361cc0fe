// Consignment row rules and the shipping payer.
#include "domain/consignment.hpp"

namespace govpub::domain {

std::optional<ConsignmentProblem> check_consignment_row(const ConsignmentRow& row,
                                                        const ConsignmentHistory& history,
                                                        std::optional<Ntd> catalogue_price) {
    using F = ConsignmentField;
    if (row.quantity <= 0)
        return ConsignmentProblem{F::quantity, "quantity must be a positive whole number of copies",
                                  ""};
    if (row.sample != 0 && row.sample != 1)
        return ConsignmentProblem{
            F::sample, "sample must be 0 or 1: at most one copy may be a sample", "要點11(2)"};
    if (row.sample == 1 && history.sample_registered)
        return ConsignmentProblem{F::sample,
                                  "GPN " + row.gpn +
                                      " already has a sample copy at this store; a second "
                                      "sample is not allowed",
                                  "要點11(2)"};
    if (row.sample == 1 && history.consigned_before)
        return ConsignmentProblem{F::sample,
                                  "a sample copy is allowed only on the first consignment of GPN " +
                                      row.gpn + " to this store",
                                  "要點11(2)"};
    if (!catalogue_price)
        return ConsignmentProblem{F::gpn,
                                  "GPN " + row.gpn +
                                      " has no list price in the catalogue on the supply date; "
                                      "import the publication first",
                                  "SPEC §4.3"};
    if (row.list_price != *catalogue_price)
        return ConsignmentProblem{
            F::list_price,
            "list price " + std::to_string(row.list_price) + " differs from the catalogue's " +
                std::to_string(*catalogue_price) + " for GPN " + row.gpn + " on the supply date",
            "SPEC §4.3"};
    return std::nullopt;
}

ShippingPayer shipping_payer(bool first_shipment_to_store,
                             std::optional<ShippingPayer> contract_says) {
    if (first_shipment_to_store)
        return ShippingPayer::agency;
    return contract_says.value_or(ShippingPayer::store);
}

} // namespace govpub::domain
