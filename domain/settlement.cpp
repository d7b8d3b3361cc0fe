// Statement arithmetic: list value, payable rounded up, commission, carry-forward, due date.
#include "domain/settlement.hpp"

#include "domain/errors.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace govpub::domain {

namespace {

std::string label(const Statement& s) { return "statement " + s.store + "/" + s.agency; }

void expect_equal(const Statement& s, const char* what, std::int64_t actual,
                  std::int64_t expected) {
    if (actual != expected)
        throw InvariantBroken(label(s) + ": " + what + " is " + std::to_string(actual) +
                              ", expected " + std::to_string(expected) + " (off by " +
                              std::to_string(actual - expected) + ")");
}

// Σ quantity × list price × rate, in basis-point NT$ (before the division by 10 000).
std::int64_t exact_payable_bp(const StatementLine& line) {
    return checked_mul(line.list_value, line.rate_bp);
}

} // namespace

std::optional<Statement> make_statement(const std::string& store, const std::string& agency,
                                        const std::vector<SaleGroup>& groups,
                                        const StatementTerms& terms,
                                        const HolidayCalendar& calendar) {
    if (terms.carried_in > 0)
        throw InvariantBroken("statement " + store + "/" + agency + ": carried in " +
                              std::to_string(terms.carried_in) +
                              " is positive; only negative balances are carried");
    // Net the groups by their key (callers may hand in several rows of the same key).
    using Key = std::tuple<std::string, Ntd, BasisPoints, bool>;
    std::map<Key, std::pair<std::int64_t, bool>> netted;
    for (const SaleGroup& g : groups) {
        auto& [quantity, exempt] = netted[{g.gpn, g.list_price, g.rate_bp, g.late}];
        quantity = checked_add(quantity, g.quantity);
        exempt = exempt || g.procurement_exempt;
    }

    Statement s;
    s.store = store;
    s.agency = agency;
    std::int64_t exact_bp = 0;
    for (const auto& [key, value] : netted) {
        if (value.first == 0)
            continue;
        StatementLine line;
        std::tie(line.gpn, line.list_price, line.rate_bp, line.late) = key;
        line.quantity = value.first;
        line.list_value = checked_mul(line.quantity, line.list_price);
        s.lines.push_back(line);
        s.list_value = checked_add(s.list_value, line.list_value);
        exact_bp = checked_add(exact_bp, exact_payable_bp(line));
        s.procurement_exempt = s.procurement_exempt || value.second;
    }
    if (s.lines.empty() && terms.carried_in == 0)
        return std::nullopt;

    s.payable = ceil_div(exact_bp, BASIS_POINTS_WHOLE);
    s.commission = checked_sub(s.list_value, s.payable);
    std::vector<std::int64_t> weights;
    weights.reserve(s.lines.size());
    for (const auto& line : s.lines)
        weights.push_back(exact_payable_bp(line));
    auto shares = largest_remainder(s.payable, weights);
    for (std::size_t i = 0; i < s.lines.size(); ++i)
        s.lines[i].payable = shares[i];

    s.carried_in = terms.carried_in;
    const Ntd amount = checked_add(s.payable, s.carried_in);
    s.amount_due = std::max<Ntd>(0, amount);
    s.carried_out = std::min<Ntd>(0, amount);
    s.due_date = calendar.deadline_days_after(terms.settled_on, terms.payment_days);
    check_invariants(s);
    return s;
}

void check_invariants(const Statement& s) {
    Ntd list_value = 0;
    Ntd line_payables = 0;
    std::int64_t exact_bp = 0;
    for (const auto& line : s.lines) {
        expect_equal(s, ("list value of line " + line.gpn).c_str(), line.list_value,
                     checked_mul(line.quantity, line.list_price));
        list_value = checked_add(list_value, line.list_value);
        line_payables = checked_add(line_payables, line.payable);
        exact_bp = checked_add(exact_bp, exact_payable_bp(line));
    }
    expect_equal(s, "list value", s.list_value, list_value);
    expect_equal(s, "the sum of the line payables", line_payables, s.payable);
    expect_equal(s, "payable (rounded up at statement level)", s.payable,
                 ceil_div(exact_bp, BASIS_POINTS_WHOLE));
    // 要點11(3): at least 60 % of list price. Each line of a non-exempt statement is paid at
    // 60 % or more; the statement as a whole is held to ⌈60 % × list value⌉ when it holds no
    // customer return. With returns it need not be: a copy returned after a rate rise is
    // credited at the rate in force on the day of the return (SPEC §4.6 pays on the sale
    // date's terms), so net payable can sit below 60 % of net list value without any sale
    // having been paid below the floor.
    bool has_return = false;
    for (const auto& line : s.lines)
        has_return = has_return || line.quantity < 0;
    if (!s.procurement_exempt && !has_return && s.list_value >= 0) {
        const Ntd floor = ceil_div(checked_mul(s.list_value, MINIMUM_PAYOUT_RATE),
                                   BASIS_POINTS_WHOLE);
        if (s.payable < floor)
            throw InvariantBroken(label(s) + ": payable " + std::to_string(s.payable) +
                                  " is below the 60 % floor " + std::to_string(floor) +
                                  " by " + std::to_string(floor - s.payable) + " (要點11(3))");
    }
    for (const auto& line : s.lines)
        if (!s.procurement_exempt && line.rate_bp < MINIMUM_PAYOUT_RATE)
            throw InvariantBroken(label(s) + ": line " + line.gpn + " is paid at " +
                                  format_rate_percent(line.rate_bp) +
                                  " %, below 60 %, without a procurement-exempt contract "
                                  "(要點11(3))");
    expect_equal(s, "commission", s.commission, checked_sub(s.list_value, s.payable));
    if (s.carried_in > 0)
        throw InvariantBroken(label(s) + ": carried in " + std::to_string(s.carried_in) +
                              " is positive");
    const Ntd amount = checked_add(s.payable, s.carried_in);
    expect_equal(s, "amount due", s.amount_due, std::max<Ntd>(0, amount));
    expect_equal(s, "carried out", s.carried_out, std::min<Ntd>(0, amount));
}

} // namespace govpub::domain
