// Which of a store's stock goes on the disposal list sent to its agency with each settlement
// (要點11(4), 6(5)–(6); SPEC §4.8).
#pragma once

#include "domain/date.hpp"
#include "domain/retention.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govpub::domain {

//! Why a row is on the list: its minimum retention has passed, or the store gave a reason of
//! 要點6(6) to weed it earlier.
enum class DisposalGround { retention_ended, weeding_reason };

//! "retention_ended", "weeding_reason".
std::string_view to_string(DisposalGround ground);

//! SPEC §4.8: listed when first supply + retention years ≤ the settlement date, or when the
//! store marked it with a weeding reason; nothing when it stays off the list. Retention wins
//! when both hold, since then the agency needs no reason to agree.
std::optional<DisposalGround> disposal_ground(PublicationKind kind, Date first_supplied,
                                              Date settlement_date,
                                              std::optional<WeedingReason> reason);

//! One store's stock of one GPN at a settlement.
struct StoreStock {
    std::string store;
    std::string agency;
    std::string gpn;
    PublicationKind kind = PublicationKind::book;
    //! The store's first supply of this GPN: a store's retention counts from it (SPEC §4.1).
    Date first_supplied{};
    //! Regular copies on hand; a sample is not stock (要點11(2)) and is never listed.
    std::int64_t on_hand = 0;
    std::optional<WeedingReason> reason; //!< marked by the store, if any
};

struct DisposalListRow {
    StoreStock stock;
    DisposalGround ground = DisposalGround::retention_ended;
    Date retention_end{}; //!< shown to the agency either way, so it sees how early a reason weeds
};

//! The rows of every (store, agency) disposal list for a settlement dated `settlement_date`,
//! sorted by store, agency and GPN. Stock with nothing on hand is left off: there is nothing to
//! return, donate or destroy, and the agency should not be asked about it.
std::vector<DisposalListRow> disposal_list(const std::vector<StoreStock>& stock,
                                           Date settlement_date);

} // namespace govpub::domain
