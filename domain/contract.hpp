// Consignment contracts between an agency and a store (要點9, 11(3), 11(5)).
#pragma once

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/parsed.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace govpub::domain {

enum class ShippingPayer { agency, store };
std::string to_string(ShippingPayer payer);

//! The terms an (agency, store) pair agreed, in force from `valid_from` until the next one.
struct Contract {
    std::string agency;
    std::string store;
    BasisPoints rate_bp = MINIMUM_PAYOUT_RATE;
    //! Chosen by 公開評選 or 最有利標: may pay less than 60 % (要點11(3)).
    bool procurement_exempt = false;
    int payment_days = 30;
    Date valid_from{};
    //! Who pays later shipments and returns when the contract says otherwise (要點11(5)).
    std::optional<ShippingPayer> shipping_payer;
};

//! The term of a contract a refusal is about, so an import can name its column.
enum class ContractField { rate, payment_days };

//! Why a contract cannot be accepted: the field at fault, the rule in words (naming the pair
//! and the value), and the regulation point, or empty when it has none.
struct ContractProblem {
    ContractField field = ContractField::rate;
    std::string rule;
    std::string point;
    //! The rule with its regulation point, as Refused words it.
    std::string message() const { return point.empty() ? rule : rule + " (" + point + ")"; }
};

//! Why `contract` cannot be accepted, or nothing: a rate below 60 % without a procurement
//! exemption (要點11(3)), a rate outside 0–100 %, or a payment term outside 0–366 days.
//! A value, for importers that collect every bad row.
std::optional<ContractProblem> contract_problem(const Contract& contract);

//! The same rules for a command that ends on the first: throws Refused with the problem's
//! rule and regulation point.
void check_contract(const Contract& contract);

//! "62.5" or "62.50" percent → 6250 basis points; at most two decimals, 0–100.
Parsed<BasisPoints> parse_rate_percent(std::string_view text);

//! What applies to a sale or a statement: the contract in force, or the defaults.
struct Terms {
    BasisPoints rate_bp = MINIMUM_PAYOUT_RATE;
    bool procurement_exempt = false;
    int payment_days = 30;
    std::optional<ShippingPayer> shipping_payer;
};

//! Every contract, looked up by pair and date. Without a contract the rate is 60 % and the
//! payment term the configured default (SPEC §4.4).
class ContractBook {
  public:
    explicit ContractBook(int default_payment_days) : default_payment_days_(default_payment_days) {}
    void add(Contract contract);
    Terms in_force(const std::string& agency, const std::string& store, Date day) const;

  private:
    int default_payment_days_;
    // (agency, store) → contracts sorted by valid_from.
    std::map<std::pair<std::string, std::string>, std::vector<Contract>> by_pair_;
};

} // namespace govpub::domain
