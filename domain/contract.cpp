// Contract validation and lookup of the contract in force on a day.
#include "domain/contract.hpp"

#include "domain/errors.hpp"

#include <algorithm>
#include <cctype>

namespace govpub::domain {

std::string to_string(ShippingPayer payer) {
    return payer == ShippingPayer::agency ? "agency" : "store";
}

std::optional<ContractProblem> contract_problem(const Contract& c) {
    const std::string pair = "contract " + c.agency + "/" + c.store;
    if (c.rate_bp < 0 || c.rate_bp > BASIS_POINTS_WHOLE)
        return ContractProblem{ContractField::rate,
                               pair + ": payout rate " + format_rate_percent(c.rate_bp) +
                                   (c.rate_bp < 0 ? " % is negative" : " % is above 100 %"),
                               "要點11(3)"};
    if (c.rate_bp < MINIMUM_PAYOUT_RATE && !c.procurement_exempt)
        return ContractProblem{ContractField::rate,
                               pair + ": payout rate " + format_rate_percent(c.rate_bp) +
                                   " % is below 60 % of list price (commission above 40 %); "
                                   "only a contract awarded by 公開評選 or 最有利標 may pay less "
                                   "— set procurement_exempt to 1 if it was",
                               "要點11(3)"};
    if (c.payment_days < 0 || c.payment_days > 366)
        return ContractProblem{ContractField::payment_days,
                               pair + ": payment term " + std::to_string(c.payment_days) +
                                   " days must be between 0 and 366",
                               ""};
    return std::nullopt;
}

void check_contract(const Contract& c) {
    if (auto problem = contract_problem(c))
        throw Refused(problem->rule, problem->point);
}

Parsed<BasisPoints> parse_rate_percent(std::string_view text) {
    std::string s(text);
    if (!s.empty() && s.back() == '%')
        s.pop_back();
    const auto fail = [&] {
        return Parsed<BasisPoints>::fail("payout rate " + std::string(text) +
                                         ": expected a percentage with at most two decimals, "
                                         "e.g. 60 or 62.5");
    };
    auto dot = s.find('.');
    std::string whole = s.substr(0, dot);
    std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
    if (whole.empty() || whole.size() > 3 || frac.size() > 2)
        return fail();
    for (char ch : whole + frac)
        if (!std::isdigit(static_cast<unsigned char>(ch)))
            return fail();
    while (frac.size() < 2)
        frac.push_back('0');
    int bp = std::stoi(whole) * 100 + std::stoi(frac);
    if (bp > BASIS_POINTS_WHOLE)
        return Parsed<BasisPoints>::fail("payout rate " + std::string(text) +
                                         ": cannot be above 100 %");
    return Parsed<BasisPoints>::ok(bp);
}

void ContractBook::add(Contract contract) {
    auto& list = by_pair_[{contract.agency, contract.store}];
    list.push_back(std::move(contract));
    std::stable_sort(list.begin(), list.end(), [](const Contract& a, const Contract& b) {
        return std::chrono::sys_days{a.valid_from} < std::chrono::sys_days{b.valid_from};
    });
}

Terms ContractBook::in_force(const std::string& agency, const std::string& store,
                             Date day) const {
    Terms terms;
    terms.payment_days = default_payment_days_;
    auto it = by_pair_.find({agency, store});
    if (it == by_pair_.end())
        return terms;
    for (const Contract& c : it->second) {
        if (std::chrono::sys_days{c.valid_from} > std::chrono::sys_days{day})
            break;
        terms = Terms{c.rate_bp, c.procurement_exempt, c.payment_days, c.shipping_payer};
    }
    return terms;
}

} // namespace govpub::domain
