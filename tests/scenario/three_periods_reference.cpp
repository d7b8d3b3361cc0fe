// The reference calculation of settlements and reconciliation (see three_periods_reference.hpp).
#include "tests/scenario/three_periods_reference.hpp"

#include <algorithm>
#include <sstream>
#include <tuple>

namespace govpub::test::three_periods {
namespace {

long long ceil_div(long long a, long long b) { // b > 0; toward +∞ also for a < 0
    long long q = a / b;
    return (a % b != 0 && a > 0) ? q + 1 : q;
}

} // namespace

std::vector<RefStatement> Reference::settle(const PeriodDef& p, const std::string& on, bool close) {
    using Key = std::tuple<std::string, long long, int, bool>;
    std::map<std::pair<std::string, std::string>, std::map<Key, long long>> groups;
    std::vector<const Sale*> taken;
    for (const Sale* s : imported_) {
        if (settled_.count(s) || s->date > p.to)
            continue;
        const Publication& pb = pub(s->pub);
        // 要點11(3)/SPEC §4.5: the catalogue price and the contract rate of the sale date.
        Key k{pb.gpn, price_on(pb, s->date), in_force(pb.agency, s->store, s->date).rate_bp,
              s->date < p.from};
        groups[{s->store, pb.agency}][k] += s->quantity;
        taken.push_back(s);
    }
    for (const auto& [pair, balance] : carried_)
        if (balance != 0)
            groups[pair];
    std::vector<RefStatement> out;
    for (const auto& [pair, by_key] : groups) {
        RefStatement st;
        st.store = pair.first;
        st.agency = pair.second;
        long long exact_bp = 0;
        for (const auto& [k, q] : by_key) {
            if (q == 0)
                continue; // a group that nets to zero is left out
            const auto& [gpn, price, rate, late] = k;
            st.lines.push_back({gpn, price, rate, late, q});
            st.list_value += q * price;
            exact_bp += q * price * rate;
        }
        auto c = carried_.find(pair);
        st.carried_in = c == carried_.end() ? 0 : c->second;
        if (st.lines.empty() && st.carried_in == 0)
            continue;
        st.payable = ceil_div(exact_bp, 10'000);
        st.commission = st.list_value - st.payable;
        long long amount = st.payable + st.carried_in;
        st.amount_due = std::max(0LL, amount);
        st.carried_out = std::min(0LL, amount);
        st.due_date = deadline(on, in_force(st.agency, st.store, on).payment_days);
        out.push_back(st);
    }
    if (close) {
        for (const Sale* s : taken)
            settled_.insert(s);
        for (const auto& st : out)
            carried_[{st.store, st.agency}] = st.carried_out;
    }
    return out;
}

std::string canonical(const PeriodDef& p, const std::string& on, const std::string& status,
                      const std::vector<RefStatement>& statements) {
    std::ostringstream out;
    out << p.name << " " << p.from << " " << p.to << " " << on << " " << status << "\n";
    long long total = 0;
    for (const auto& s : statements) {
        out << s.store << " " << s.agency << " " << s.list_value << " " << s.payable << " "
            << s.commission << " " << s.carried_in << " " << s.amount_due << " " << s.carried_out
            << " " << s.due_date << "\n";
        total += s.payable;
        for (const auto& l : s.lines) // std::map order: (gpn, price, rate, late)
            out << "  " << l.gpn << " " << l.list_price << " " << l.rate_bp << " " << l.quantity
                << " " << l.quantity * l.list_price << " " << (l.late ? "late" : "-") << "\n";
    }
    out << "total_payable " << total << "\n";
    return out.str();
}

std::string reference_reconciliation(const Reference& reference, const std::string& as_of) {
    struct Row {
        long long consigned = 0, samples = 0, sold = 0;
        bool price_mismatch = false, had_sales = false;
    };
    std::map<std::pair<std::string, std::string>, Row> rows;
    std::vector<ConsList> lists = first_consignments();
    lists.push_back(restock());
    for (const auto& list : lists) {
        if (list.supply_date > as_of)
            continue;
        for (const auto& l : list.lines) {
            auto& row = rows[{list.store, pub(l.pub).gpn}];
            row.consigned += l.quantity;
            row.samples += l.with_sample ? 1 : 0;
        }
    }
    for (const Sale* s : reference.all_imported()) {
        if (s->date > as_of)
            continue;
        auto& row = rows[{s->store, pub(s->pub).gpn}];
        row.sold += s->quantity;
        row.had_sales = true;
        row.price_mismatch =
            row.price_mismatch ||
            (s->stated_price && *s->stated_price != price_on(pub(s->pub), s->date));
    }
    std::ostringstream out;
    out << "as_of " << as_of << "\n";
    for (const auto& [key, r] : rows) {
        long long expected = r.consigned - r.sold; // SPEC §4.7 (no returns/disposals here)
        std::vector<std::string> flags;
        if (r.had_sales && r.consigned == 0 && r.samples == 0)
            flags.push_back("not_consigned");
        if (expected < 0)
            flags.push_back("oversold");
        if (r.price_mismatch)
            flags.push_back("price_mismatch");
        std::string joined;
        for (const auto& f : flags)
            joined += (joined.empty() ? "" : ",") + f;
        out << key.first << " " << key.second << " " << r.consigned << " " << r.samples << " "
            << r.sold << " " << expected << " null " << (joined.empty() ? "-" : joined) << "\n";
    }
    return out.str();
}

} // namespace govpub::test::three_periods
