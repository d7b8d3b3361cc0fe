// Selecting the stock a settlement's disposal lists name (SPEC §4.8).
#include "domain/disposal_list.hpp"

#include <algorithm>
#include <cassert>
#include <tuple>

namespace govpub::domain {

std::string_view to_string(DisposalGround ground) {
    switch (ground) {
    case DisposalGround::retention_ended:
        return "retention_ended";
    case DisposalGround::weeding_reason:
        return "weeding_reason";
    }
    assert(false && "unhandled DisposalGround");
    return "";
}

std::optional<DisposalGround> disposal_ground(PublicationKind kind, Date first_supplied,
                                              Date settlement_date,
                                              std::optional<WeedingReason> reason) {
    // The same test as may_weed, so a listed row is always one the agency may agree to weed.
    auto verdict = may_weed(kind, first_supplied, settlement_date, reason);
    if (!verdict.allowed) {
        return std::nullopt;
    }
    return verdict.retention_end <= settlement_date ? DisposalGround::retention_ended
                                                    : DisposalGround::weeding_reason;
}

std::vector<DisposalListRow> disposal_list(const std::vector<StoreStock>& stock,
                                           Date settlement_date) {
    std::vector<DisposalListRow> rows;
    for (const auto& item : stock) {
        if (item.on_hand <= 0) {
            continue;
        }
        auto ground = disposal_ground(item.kind, item.first_supplied, settlement_date, item.reason);
        if (ground) {
            rows.push_back({item, *ground, retention_end(item.kind, item.first_supplied)});
        }
    }
    std::sort(rows.begin(), rows.end(), [](const DisposalListRow& a, const DisposalListRow& b) {
        return std::tie(a.stock.store, a.stock.agency, a.stock.gpn) <
               std::tie(b.stock.store, b.stock.agency, b.stock.gpn);
    });
    return rows;
}

} // namespace govpub::domain
