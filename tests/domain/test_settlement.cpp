// Settlement statements: the 60 % floor, rounding up at statement level, carry-forward,
// due dates and the money invariants (要點11(3), 附件一 註三; SPEC §4.6).
#include "domain/errors.hpp"
#include "domain/settlement.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace govpub::domain {
namespace {

using namespace std::chrono;

constexpr Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

const std::string G1 = "1011500001";
const std::string G2 = "1011500002";

SaleGroup sale(const std::string& gpn, Ntd price, BasisPoints rate, std::int64_t quantity,
               bool late = false, bool exempt = false) {
    SaleGroup g;
    g.gpn = gpn;
    g.list_price = price;
    g.rate_bp = rate;
    g.quantity = quantity;
    g.late = late;
    g.procurement_exempt = exempt;
    return g;
}

//! Settled on Wednesday 2026-06-10 with 30 days: due Friday 2026-07-10, no rolling.
StatementTerms terms(Ntd carried_in = 0) {
    StatementTerms t;
    t.settled_on = d(2026, 6, 10);
    t.payment_days = 30;
    t.carried_in = carried_in;
    return t;
}

std::optional<Statement> settle(const std::vector<SaleGroup>& groups, Ntd carried_in = 0) {
    static const HolidayCalendar no_holidays;
    return make_statement("S01", "A003", groups, terms(carried_in), no_holidays);
}

std::string invariant_message(const Statement& s) {
    try {
        check_invariants(s);
    } catch (const InvariantBroken& e) {
        return e.what();
    }
    return "(no error)";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// 要點11(3): 不低於定價百分之六十 — 3 × 333 = 999 at 60 % is 599.4, so the agency gets 600.
TEST(Settlement, RoundsUpToKeepSixtyPercentFloor) {
    auto s = settle({sale(G1, 333, 6000, 3)});
    ASSERT_TRUE(s);
    EXPECT_EQ(s->store, "S01");
    EXPECT_EQ(s->agency, "A003");
    ASSERT_EQ(s->lines.size(), 1u);
    EXPECT_EQ(s->lines[0].list_value, 999);
    EXPECT_EQ(s->lines[0].payable, 600);
    EXPECT_EQ(s->list_value, 999);
    EXPECT_EQ(s->payable, 600);
    EXPECT_EQ(s->commission, 399);
    EXPECT_EQ(s->amount_due, 600);
    EXPECT_EQ(s->carried_out, 0);
    EXPECT_FALSE(s->procurement_exempt);
}

// SPEC §4.6: rounded up at statement level — two lines of 599.4 make 1198.8 → 1199, not
// 600 + 600 = 1200. The lines then share 1199 by largest remainder (tie → first line).
TEST(Settlement, CeilsAtStatementLevelNotPerLine) {
    auto s = settle({sale(G2, 333, 6000, 3), sale(G1, 333, 6000, 3)});
    ASSERT_TRUE(s);
    EXPECT_EQ(s->list_value, 1998);
    EXPECT_EQ(s->payable, 1199);
    EXPECT_EQ(s->commission, 799);
    ASSERT_EQ(s->lines.size(), 2u);
    EXPECT_EQ(s->lines[0].gpn, G1); // sorted by GPN
    EXPECT_EQ(s->lines[0].payable, 600);
    EXPECT_EQ(s->lines[1].gpn, G2);
    EXPECT_EQ(s->lines[1].payable, 599);
}

// SPEC §4.6: the ceiling is toward +∞ also when the sum is negative: −599.4 → −599.
TEST(Settlement, CeilsANegativeSumTowardPlusInfinity) {
    auto s = settle({sale(G1, 333, 6000, -3)});
    ASSERT_TRUE(s);
    EXPECT_EQ(s->list_value, -999);
    EXPECT_EQ(s->payable, -599);
    EXPECT_EQ(s->commission, -400);
    EXPECT_EQ(s->lines[0].payable, -599);
    // 附件一 註三: an agency never pays back; the negative amount is carried forward.
    EXPECT_EQ(s->amount_due, 0);
    EXPECT_EQ(s->carried_out, -599);
}

// SPEC §4.6: amount = payable + carried_in; amount_due = max(0, amount), carried_out =
// min(0, amount); a negative amount goes on to the next period, period after period.
TEST(Settlement, CarriesANegativeAmountForwardOverTwoPeriods) {
    // 2026H1: a net return of 3 × 333 → −599 carried out.
    auto h1 = settle({sale(G1, 333, 6000, -3)});
    ASSERT_TRUE(h1);
    EXPECT_EQ(h1->amount_due, 0);
    EXPECT_EQ(h1->carried_out, -599);

    // 2026H2: sells 5 × 100 at 60 % = 300, less 599 carried in = −299: still nothing due,
    // and −299 carried on.
    auto h2 = settle({sale(G1, 100, 6000, 5)}, h1->carried_out);
    ASSERT_TRUE(h2);
    EXPECT_EQ(h2->payable, 300);
    EXPECT_EQ(h2->carried_in, -599);
    EXPECT_EQ(h2->amount_due, 0);
    EXPECT_EQ(h2->carried_out, -299);

    // 2027H1: no sales at all, but the balance still gets its statement.
    auto h3 = settle({}, h2->carried_out);
    ASSERT_TRUE(h3);
    EXPECT_TRUE(h3->lines.empty());
    EXPECT_EQ(h3->list_value, 0);
    EXPECT_EQ(h3->payable, 0);
    EXPECT_EQ(h3->commission, 0);
    EXPECT_EQ(h3->carried_in, -299);
    EXPECT_EQ(h3->amount_due, 0);
    EXPECT_EQ(h3->carried_out, -299);

    // 2027H2: 10 × 100 at 60 % = 600, less 299 = 301 due, nothing carried.
    auto h4 = settle({sale(G1, 100, 6000, 10)}, h3->carried_out);
    ASSERT_TRUE(h4);
    EXPECT_EQ(h4->payable, 600);
    EXPECT_EQ(h4->amount_due, 301);
    EXPECT_EQ(h4->carried_out, 0);
}

TEST(Settlement, AnAmountExactlyZeroIsNeitherDueNorCarried) {
    auto s = settle({sale(G1, 100, 6000, 5)}, -300);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->amount_due, 0);
    EXPECT_EQ(s->carried_out, 0);
}

// SPEC §4.6: a pair with no line left and no balance carried in gets no statement.
TEST(Settlement, NoStatementWithoutLinesOrBalance) {
    EXPECT_FALSE(settle({}));
    EXPECT_FALSE(settle({sale(G1, 300, 6000, 4), sale(G1, 300, 6000, -4)}));
}

// SPEC §4.6: a group whose quantities net to zero is left out.
TEST(Settlement, LeavesOutGroupsThatNetToZero) {
    auto s = settle({sale(G1, 300, 6000, 2), sale(G2, 250, 6000, 1), sale(G1, 300, 6000, -2)});
    ASSERT_TRUE(s);
    ASSERT_EQ(s->lines.size(), 1u);
    EXPECT_EQ(s->lines[0].gpn, G2);
    EXPECT_EQ(s->lines[0].quantity, 1);
    EXPECT_EQ(s->list_value, 250);
    EXPECT_EQ(s->payable, 150);
}

TEST(Settlement, NetsRowsOfTheSameGroup) {
    auto s = settle({sale(G1, 300, 6000, 5), sale(G1, 300, 6000, -2)});
    ASSERT_TRUE(s);
    ASSERT_EQ(s->lines.size(), 1u);
    EXPECT_EQ(s->lines[0].quantity, 3);
    EXPECT_EQ(s->lines[0].list_value, 900);
    EXPECT_EQ(s->payable, 540);
}

// SPEC §4.6: late lines (imported after their period was settled) keep their own line.
TEST(Settlement, KeepsLateLinesApartFromOnTimeLinesOfTheSameGpn) {
    auto s = settle({sale(G1, 300, 6000, 1, /*late=*/true), sale(G1, 300, 6000, 2)});
    ASSERT_TRUE(s);
    ASSERT_EQ(s->lines.size(), 2u);
    EXPECT_FALSE(s->lines[0].late);
    EXPECT_EQ(s->lines[0].quantity, 2);
    EXPECT_EQ(s->lines[0].payable, 360);
    EXPECT_TRUE(s->lines[1].late);
    EXPECT_EQ(s->lines[1].quantity, 1);
    EXPECT_EQ(s->lines[1].payable, 180);
    EXPECT_EQ(s->list_value, 900);
    EXPECT_EQ(s->payable, 540);
}

// 要點11(3): a new contract mid-period gives the same GPN a second line at the new rate.
// 5 × 199 at 60 % = 597, 3 × 199 at 70.5 % = 420.885; 1017.885 → 1018.
TEST(Settlement, KeepsARateChangeInsideAPeriodOnTwoLines) {
    auto s = settle({sale(G1, 199, 7050, 3), sale(G1, 199, 6000, 5)});
    ASSERT_TRUE(s);
    ASSERT_EQ(s->lines.size(), 2u);
    EXPECT_EQ(s->lines[0].rate_bp, 6000);
    EXPECT_EQ(s->lines[0].quantity, 5);
    EXPECT_EQ(s->lines[0].list_value, 995);
    EXPECT_EQ(s->lines[1].rate_bp, 7050);
    EXPECT_EQ(s->lines[1].quantity, 3);
    EXPECT_EQ(s->lines[1].list_value, 597);
    EXPECT_EQ(s->list_value, 1592);
    EXPECT_EQ(s->payable, 1018);
    EXPECT_EQ(s->commission, 574);
    // Exact shares 597.07 and 420.93: the spare dollar goes to the larger remainder.
    EXPECT_EQ(s->lines[0].payable, 597);
    EXPECT_EQ(s->lines[1].payable, 421);
}

TEST(Settlement, SortsLinesByGpnPriceRateAndLateness) {
    auto s = settle({sale(G2, 100, 6000, 1), sale(G1, 200, 6000, 1), sale(G1, 100, 6500, 1),
                     sale(G1, 100, 6000, 1, true), sale(G1, 100, 6000, 1)});
    ASSERT_TRUE(s);
    ASSERT_EQ(s->lines.size(), 5u);
    EXPECT_EQ(s->lines[0].gpn, G1);
    EXPECT_EQ(s->lines[0].list_price, 100);
    EXPECT_EQ(s->lines[0].rate_bp, 6000);
    EXPECT_FALSE(s->lines[0].late);
    EXPECT_TRUE(s->lines[1].late);
    EXPECT_EQ(s->lines[2].rate_bp, 6500);
    EXPECT_EQ(s->lines[3].list_price, 200);
    EXPECT_EQ(s->lines[4].gpn, G2);
}

// 要點11(3): 以不低於定價百分之六十為原則 — a contract awarded by 公開評選/最有利標 may pay
// 55 %, and the floor is not checked for it.
TEST(Settlement, AllowsAnExemptContractBelowSixtyPercent) {
    auto s = settle({sale(G1, 100, 5500, 10, false, /*exempt=*/true)});
    ASSERT_TRUE(s);
    EXPECT_TRUE(s->procurement_exempt);
    EXPECT_EQ(s->list_value, 1000);
    EXPECT_EQ(s->payable, 550);
    EXPECT_EQ(s->commission, 450);
    EXPECT_EQ(s->amount_due, 550);
}

// 要點11(3): without the exemption, 55 % of 1000 = 550 is 50 below the 600 floor.
TEST(Settlement, RefusesANonExemptStatementBelowTheFloor) {
    try {
        settle({sale(G1, 100, 5500, 10)});
        FAIL() << "a 55 % statement without exemption was accepted";
    } catch (const InvariantBroken& e) {
        const std::string what = e.what();
        EXPECT_TRUE(contains(what, "S01/A003")) << what;
        EXPECT_TRUE(contains(what, "by 50")) << what;
        EXPECT_TRUE(contains(what, "要點11(3)")) << what;
    }
}

// SPEC §4.6: carried_in is the previous carried_out, never positive.
TEST(Settlement, RefusesAPositiveCarriedInBalance) {
    EXPECT_THROW(settle({sale(G1, 100, 6000, 1)}, 1), InvariantBroken);
}

// SPEC §4.6 and §4.2: due = settlement date + payment term, as a deadline.
TEST(Settlement, DueDateIsTheSettlementDatePlusThePaymentTerm) {
    auto s = settle({sale(G1, 100, 6000, 1)});
    ASSERT_TRUE(s);
    EXPECT_EQ(s->due_date, d(2026, 7, 10)); // Friday: no rolling
}

// 民法第122條: 2026-12-10 + 30 days = Saturday 2027-01-09; Sunday, then Monday 01-11 is
// a holiday, so the payment is due Tuesday 2027-01-12.
TEST(Settlement, DueDateRollsOverAWeekendAndAHoliday) {
    HolidayCalendar calendar;
    calendar.add_holiday(d(2027, 1, 11), "test holiday");
    StatementTerms t;
    t.settled_on = d(2026, 12, 10);
    t.payment_days = 30;
    auto s = make_statement("S01", "A003", {sale(G1, 100, 6000, 1)}, t, calendar);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->due_date, d(2027, 1, 12));
}

// 2026-10-01 + 30 days = Saturday 2026-10-31: due Monday 2026-11-02, across the month end.
TEST(Settlement, DueDateRollsAcrossAMonthEnd) {
    HolidayCalendar calendar;
    StatementTerms t;
    t.settled_on = d(2026, 10, 1);
    t.payment_days = 30;
    auto s = make_statement("S01", "A003", {sale(G1, 100, 6000, 1)}, t, calendar);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->due_date, d(2026, 11, 2));
}

TEST(Settlement, DueDateUsesTheContractsPaymentTerm) {
    HolidayCalendar calendar;
    StatementTerms t;
    t.settled_on = d(2026, 6, 10);
    t.payment_days = 60; // 2026-08-09 is a Sunday
    auto s = make_statement("S01", "A003", {sale(G1, 100, 6000, 1)}, t, calendar);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->due_date, d(2026, 8, 10));
}

// ---- check_invariants, each fed a bad statement (STYLE.md "Invariants") ----------------

//! 10 × 100 at 60 %: list value 1000, payable 600, commission 400, all of it due.
Statement good_statement() {
    Statement s;
    s.store = "S01";
    s.agency = "A003";
    StatementLine line;
    line.gpn = G1;
    line.list_price = 100;
    line.rate_bp = 6000;
    line.quantity = 10;
    line.list_value = 1000;
    line.payable = 600;
    s.lines.push_back(line);
    s.list_value = 1000;
    s.payable = 600;
    s.commission = 400;
    s.carried_in = 0;
    s.amount_due = 600;
    s.carried_out = 0;
    return s;
}

TEST(SettlementInvariants, AcceptAConsistentStatement) {
    EXPECT_EQ(invariant_message(good_statement()), "(no error)");
    Statement carried = good_statement();
    carried.carried_in = -700;
    carried.amount_due = 0;
    carried.carried_out = -100;
    EXPECT_EQ(invariant_message(carried), "(no error)");
}

// 要點11(3): 50 % of 1000 = 500 is below the floor of 600 by 100.
TEST(SettlementInvariants, PayableBelowTheFloorSaysByHowMuch) {
    Statement s = good_statement();
    s.lines[0].rate_bp = 5000;
    s.lines[0].payable = 500;
    s.payable = 500;
    s.commission = 500;
    s.amount_due = 500;
    const std::string what = invariant_message(s);
    EXPECT_TRUE(contains(what, "statement S01/A003")) << what;
    EXPECT_TRUE(contains(what, "payable 500 is below the 60 % floor 600 by 100")) << what;
    EXPECT_TRUE(contains(what, "要點11(3)")) << what;

    s.procurement_exempt = true; // 公開評選/最有利標: the floor does not apply
    EXPECT_EQ(invariant_message(s), "(no error)");
}

// 要點11(3): the floor speaks of what the agency is paid; a net return is not below it.
TEST(SettlementInvariants, FloorDoesNotApplyToANetReturn) {
    Statement s;
    s.store = "S01";
    s.agency = "A003";
    StatementLine line{G1, 333, 6000, -3, -999, false, -599};
    s.lines.push_back(line);
    s.list_value = -999;
    s.payable = -599;
    s.commission = -400;
    s.amount_due = 0;
    s.carried_out = -599;
    EXPECT_EQ(invariant_message(s), "(no error)");
}

TEST(SettlementInvariants, LinePayablesMustSumToTheStatement) {
    Statement s = good_statement();
    s.lines[0].payable = 599;
    const std::string what = invariant_message(s);
    EXPECT_TRUE(contains(what, "statement S01/A003")) << what;
    EXPECT_TRUE(contains(what, "the sum of the line payables is 599, expected 600 (off by -1)"))
        << what;
}

TEST(SettlementInvariants, LineListValueMustBeQuantityTimesPrice) {
    Statement s = good_statement();
    s.lines[0].list_value = 900;
    const std::string what = invariant_message(s);
    EXPECT_TRUE(contains(what, "list value of line " + G1 + " is 900, expected 1000")) << what;
}

TEST(SettlementInvariants, StatementListValueMustBeTheSumOfItsLines) {
    Statement s = good_statement();
    s.list_value = 1100;
    const std::string what = invariant_message(s);
    EXPECT_TRUE(contains(what, "list value is 1100, expected 1000 (off by 100)")) << what;
}

// SPEC §4.6: the payable is the ceiling of the exact sum, no more.
TEST(SettlementInvariants, PayableMustBeTheStatementLevelCeiling) {
    Statement s = good_statement();
    s.lines[0].payable = 601;
    s.payable = 601;
    s.commission = 399;
    s.amount_due = 601;
    const std::string what = invariant_message(s);
    EXPECT_TRUE(contains(what, "payable (rounded up at statement level) is 601, expected 600"))
        << what;
    EXPECT_TRUE(contains(what, "off by 1")) << what;
}

TEST(SettlementInvariants, CommissionMustBeListValueLessPayable) {
    Statement s = good_statement();
    s.commission = 399;
    const std::string what = invariant_message(s);
    EXPECT_TRUE(contains(what, "commission is 399, expected 400 (off by -1)")) << what;
}

TEST(SettlementInvariants, CarriedInMustNotBePositive) {
    Statement s = good_statement();
    s.carried_in = 5;
    s.amount_due = 605;
    const std::string what = invariant_message(s);
    EXPECT_TRUE(contains(what, "statement S01/A003")) << what;
    EXPECT_TRUE(contains(what, "carried in 5 is positive")) << what;
}

// 附件一 註三: amount_due = max(0, payable + carried_in).
TEST(SettlementInvariants, AmountDueMustAllowForTheBalanceCarriedIn) {
    Statement s = good_statement();
    s.carried_in = -100;
    const std::string what = invariant_message(s); // still says 600 due
    EXPECT_TRUE(contains(what, "amount due is 600, expected 500 (off by 100)")) << what;
}

// SPEC §4.6: carried_out = min(0, payable + carried_in); nothing is paid back.
TEST(SettlementInvariants, CarriedOutMustHoldTheNegativeAmount) {
    Statement s = good_statement();
    s.carried_in = -700;
    s.amount_due = 0;
    s.carried_out = 0; // should be −100
    const std::string what = invariant_message(s);
    EXPECT_TRUE(contains(what, "carried out is 0, expected -100 (off by 100)")) << what;

    Statement paid_back = good_statement();
    paid_back.carried_in = -700;
    paid_back.amount_due = -100; // an agency never pays back
    paid_back.carried_out = 0;
    EXPECT_TRUE(contains(invariant_message(paid_back), "amount due is -100, expected 0"));
}

// 要點11(3) with a rate rise inside the period: ten copies sold at 60 %, five returned after
// the contract moved to 80 %. Each line is paid at its own rate (10 × 100 × 60 % − 5 × 100 ×
// 80 % = 200), which is below 60 % of the net list value 500 — and still correct: no sale was
// paid below the floor, so the invariant must not stop the settlement.
TEST(Settlement, ReturnsAfterARateRiseAreCreditedAtTheirOwnRate) {
    auto s = settle({sale(G1, 100, 6000, 10), sale(G1, 100, 8000, -5)});
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->list_value, 500);
    EXPECT_EQ(s->payable, 200);
    EXPECT_EQ(s->commission, 300);
}

// 要點11(3): even with a return on the statement, a line paid below 60 % without an exempt
// contract is a broken invariant, named by its GPN.
TEST(SettlementInvariants, ALineBelowSixtyPercentIsRefusedEvenWithReturns) {
    Statement st;
    st.store = "S01";
    st.agency = "A003";
    st.lines = {StatementLine{G1, 100, 5500, 10, 1000, false, 550},
                StatementLine{G2, 100, 6000, -1, -100, false, -60}};
    st.list_value = 900;
    st.payable = 490;
    st.commission = 410;
    st.amount_due = 490;
    EXPECT_TRUE(contains(invariant_message(st), "line 1011500001 is paid at 55.00 %"))
        << invariant_message(st);
}

} // namespace
} // namespace govpub::domain
