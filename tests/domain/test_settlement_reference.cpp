// make_statement against a deliberately naive reference calculator on generated data
// (STYLE.md "Tests": a naive reference calculator compared with the real one).
#include "domain/errors.hpp"
#include "domain/settlement.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace govpub::domain {
namespace {

using namespace std::chrono;
__extension__ typedef __int128 i128; // wide enough that the reference never overflows

constexpr Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

std::string show(i128 v) {
    if (v == 0)
        return "0";
    bool negative = v < 0;
    std::string digits;
    for (i128 m = negative ? -v : v; m > 0; m /= 10)
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(m % 10)));
    return negative ? "-" + digits : digits;
}

// ---- The naive reference ---------------------------------------------------------------

//! The smallest whole P with P × den ≥ num: a long double guess, then walked into place.
i128 naive_ceiling(i128 num, i128 den) {
    i128 p = static_cast<i128>(std::ceil(static_cast<long double>(num) / static_cast<long double>(den)));
    while (p * den < num)
        ++p;
    while ((p - 1) * den >= num)
        --p;
    return p;
}

//! The largest whole F with F × den ≤ num, walked the same way.
i128 naive_floor(i128 num, i128 den) {
    i128 f = static_cast<i128>(std::floor(static_cast<long double>(num) / static_cast<long double>(den)));
    while (f * den > num)
        --f;
    while ((f + 1) * den <= num)
        ++f;
    return f;
}

struct NaiveLine {
    std::string gpn;
    Ntd price;
    BasisPoints rate;
    bool late;
    i128 quantity = 0;
};

struct NaiveStatement {
    bool exists = false;
    bool below_floor = false; //!< SPEC §4.6: the invariant must stop this one
    std::vector<NaiveLine> lines; //!< non-zero lines, in no particular order
    bool exempt = false;
    i128 list_value = 0;
    i128 exact_bp = 0;
    i128 payable = 0;
    i128 commission = 0;
    i128 amount_due = 0;
    i128 carried_out = 0;
    Date due{};
};

//! SPEC §4.6 read literally, by brute force: scan every key against every group.
NaiveStatement naive_statement(const std::vector<SaleGroup>& groups, Ntd carried_in,
                               Date settled_on, int payment_days,
                               const std::set<sys_days>& holidays) {
    NaiveStatement n;
    std::vector<NaiveLine> keys;
    for (const SaleGroup& g : groups) {
        bool seen = false;
        for (const NaiveLine& k : keys)
            seen = seen || (k.gpn == g.gpn && k.price == g.list_price && k.rate == g.rate_bp &&
                            k.late == g.late);
        if (!seen)
            keys.push_back(NaiveLine{g.gpn, g.list_price, g.rate_bp, g.late, 0});
    }
    for (NaiveLine& k : keys) {
        for (const SaleGroup& g : groups)
            if (k.gpn == g.gpn && k.price == g.list_price && k.rate == g.rate_bp &&
                k.late == g.late) {
                k.quantity += g.quantity;
            }
        if (k.quantity != 0)
            n.lines.push_back(k);
    }
    if (n.lines.empty() && carried_in == 0)
        return n;
    n.exists = true;
    for (const NaiveLine& l : n.lines) {
        n.list_value += l.quantity * l.price;
        n.exact_bp += l.quantity * l.price * l.rate;
        for (const SaleGroup& g : groups)
            if (g.gpn == l.gpn && g.list_price == l.price && g.rate_bp == l.rate &&
                g.late == l.late && g.procurement_exempt)
                n.exempt = true;
    }
    n.payable = naive_ceiling(n.exact_bp, 10'000);
    n.commission = n.list_value - n.payable;
    const i128 amount = n.payable + carried_in;
    n.amount_due = amount > 0 ? amount : 0;
    n.carried_out = amount < 0 ? amount : 0;
    // 要點11(3): payable ≥ ⌈0.6 × list value⌉ unless exempt, for a statement of sales only;
    // returns are credited at their own day's rate (see check_invariants).
    bool has_return = false;
    for (const NaiveLine& l : n.lines)
        has_return = has_return || l.quantity < 0;
    if (!n.exempt && !has_return && n.list_value >= 0)
        n.below_floor = n.payable < naive_ceiling(n.list_value * 6, 10);
    // 民法第122條: walk forward over weekends and listed holidays.
    sys_days due = sys_days{settled_on} + days{payment_days};
    while (weekday{due} == Saturday || weekday{due} == Sunday || holidays.count(due) != 0)
        due += days{1};
    n.due = Date{due};
    return n;
}

// ---- The comparison --------------------------------------------------------------------

TEST(SettlementReference, MatchesANaiveCalculatorOnGeneratedStatements) {
    std::mt19937 rng(20'260'610);
    auto uniform = [&](std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
    };
    const std::vector<std::string> gpns{"1011500001", "1011500002", "1011500003", "2011500004",
                                        "4711500005"};
    std::set<sys_days> holiday_days;
    HolidayCalendar calendar;
    for (Date h : {d(2026, 6, 19), d(2026, 9, 25), d(2026, 10, 9), d(2026, 10, 12),
                   d(2026, 12, 25), d(2027, 1, 1), d(2027, 2, 15), d(2027, 2, 16)}) {
        calendar.add_holiday(h, "test holiday");
        holiday_days.insert(sys_days{h});
    }

    int compared = 0, refused = 0, no_statement = 0, carried_only = 0, negative = 0, exempt = 0;
    constexpr int STATEMENTS = 4000;
    for (int round = 0; round < STATEMENTS; ++round) {
        // A statement's groups share a few prices and rates, so that keys collide and net.
        const std::vector<Ntd> prices{uniform(0, 2000), uniform(0, 2000), uniform(0, 2000)};
        const int rate_count = static_cast<int>(uniform(1, 2));
        std::vector<BasisPoints> rates;
        for (int i = 0; i < rate_count; ++i)
            rates.push_back(static_cast<BasisPoints>(uniform(5000, 10'000)));
        std::vector<SaleGroup> groups(static_cast<std::size_t>(uniform(0, 8)));
        for (SaleGroup& g : groups) {
            g.gpn = gpns[static_cast<std::size_t>(uniform(0, 4))];
            g.list_price = prices[static_cast<std::size_t>(uniform(0, 2))];
            g.rate_bp = rates[static_cast<std::size_t>(uniform(0, rate_count - 1))];
            g.procurement_exempt = g.rate_bp < 6000;
            g.late = uniform(0, 4) == 0;
            g.quantity = uniform(-20, 50);
        }
        StatementTerms terms;
        terms.carried_in = uniform(0, 1) == 0 ? 0 : uniform(-5000, 0);
        terms.settled_on = Date{sys_days{d(2026, 6, 10)} + days{uniform(0, 200)}};
        terms.payment_days = static_cast<int>(uniform(0, 90));

        const NaiveStatement want = naive_statement(groups, terms.carried_in, terms.settled_on,
                                                    terms.payment_days, holiday_days);
        SCOPED_TRACE("round " + std::to_string(round));

        if (want.exists && want.below_floor) {
            try {
                make_statement("S01", "A003", groups, terms, calendar);
                ADD_FAILURE() << "payable " << show(want.payable) << " on list value "
                              << show(want.list_value) << " passed the 60 % floor check";
            } catch (const InvariantBroken& e) {
                EXPECT_NE(std::string(e.what()).find("below the 60 % floor"), std::string::npos)
                    << e.what();
            }
            ++refused;
            continue;
        }

        const auto got = make_statement("S01", "A003", groups, terms, calendar);
        ASSERT_EQ(got.has_value(), want.exists);
        if (!got) {
            ++no_statement;
            continue;
        }
        ++compared;
        carried_only += got->lines.empty() ? 1 : 0;
        negative += want.payable < 0 ? 1 : 0;
        exempt += want.exempt ? 1 : 0;

        EXPECT_EQ(show(got->list_value), show(want.list_value));
        EXPECT_EQ(show(got->payable), show(want.payable));
        EXPECT_EQ(show(got->commission), show(want.commission));
        EXPECT_EQ(got->carried_in, terms.carried_in);
        EXPECT_EQ(show(got->amount_due), show(want.amount_due));
        EXPECT_EQ(show(got->carried_out), show(want.carried_out));
        EXPECT_EQ(got->procurement_exempt, want.exempt);
        EXPECT_EQ(got->due_date, want.due);
        EXPECT_GE(got->amount_due, 0);
        EXPECT_LE(got->carried_out, 0);

        // The same lines, each once, in key order.
        ASSERT_EQ(got->lines.size(), want.lines.size());
        std::int64_t line_payables = 0;
        for (std::size_t i = 0; i < got->lines.size(); ++i) {
            const StatementLine& line = got->lines[i];
            if (i > 0) {
                const StatementLine& before = got->lines[i - 1];
                EXPECT_LT(std::tie(before.gpn, before.list_price, before.rate_bp, before.late),
                          std::tie(line.gpn, line.list_price, line.rate_bp, line.late));
            }
            int matches = 0;
            for (const NaiveLine& w : want.lines)
                if (w.gpn == line.gpn && w.price == line.list_price && w.rate == line.rate_bp &&
                    w.late == line.late) {
                    ++matches;
                    EXPECT_EQ(show(line.quantity), show(w.quantity));
                    EXPECT_EQ(show(line.list_value), show(w.quantity * w.price));
                }
            EXPECT_EQ(matches, 1) << line.gpn;
            line_payables += line.payable;

            // Largest remainder: each line gets its exact share of the payable, floored,
            // or one dollar more.
            const i128 weight = static_cast<i128>(line.list_value) * line.rate_bp;
            if (want.exact_bp == 0) {
                EXPECT_EQ(line.payable, 0);
            } else {
                i128 num = want.payable * weight;
                i128 den = want.exact_bp;
                if (den < 0) {
                    num = -num;
                    den = -den;
                }
                const i128 share_floor = naive_floor(num, den);
                EXPECT_TRUE(line.payable == share_floor || line.payable == share_floor + 1)
                    << "line " << i << " payable " << line.payable << ", exact share floor "
                    << show(share_floor);
            }
        }
        EXPECT_EQ(show(line_payables), show(want.payable));
        if (::testing::Test::HasFailure())
            return; // one broken statement is enough to read
    }

    // The generator must really have reached every branch.
    EXPECT_EQ(compared + refused + no_statement, STATEMENTS);
    EXPECT_GT(compared, 2000);
    EXPECT_GT(no_statement, 50);
    EXPECT_GT(carried_only, 50);
    EXPECT_GT(negative, 20);
    EXPECT_GT(exempt, 200);
    // Every generated line is paid at 60 % or more unless exempt, so the floor invariant must
    // never stop one of these statements, returns after a rate rise included (要點11(3)).
    EXPECT_EQ(refused, 0);
    RecordProperty("compared", compared);
    RecordProperty("refused_below_floor", refused);
}

} // namespace
} // namespace govpub::domain
