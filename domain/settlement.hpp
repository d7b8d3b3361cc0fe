// The settlement statement of one (store, agency) pair for one period (要點11(3), 附件一 註三).
#pragma once

#include "domain/date.hpp"
#include "domain/holiday_calendar.hpp"
#include "domain/money.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace govpub::domain {

//! The period's sales lines of one GPN at one list price and rate, netted. Lines from an
//! earlier, already closed period arrive `late` and are kept apart (SPEC §4.6).
struct SaleGroup {
    std::string gpn;
    Ntd list_price = 0;
    BasisPoints rate_bp = MINIMUM_PAYOUT_RATE;
    bool late = false;
    bool procurement_exempt = false; //!< the contract behind the rate was exempt
    std::int64_t quantity = 0;
};

struct StatementLine {
    std::string gpn;
    Ntd list_price = 0;
    BasisPoints rate_bp = 0;
    std::int64_t quantity = 0;
    Ntd list_value = 0;
    bool late = false;
    //! This line's part of the statement's payable, spread by largest remainder so that the
    //! lines add up to the statement exactly.
    Ntd payable = 0;
};

struct Statement {
    std::string store;
    std::string agency;
    std::vector<StatementLine> lines; //!< sorted by GPN, list price, rate, late
    Ntd list_value = 0;
    Ntd payable = 0;
    Ntd commission = 0;
    Ntd carried_in = 0; //!< the previous statement's carried_out, never positive
    Ntd amount_due = 0;
    Ntd carried_out = 0;
    Date due_date{};
    bool procurement_exempt = false;
};

//! What a statement needs besides its sales.
struct StatementTerms {
    Date settled_on{};
    int payment_days = 30;
    Ntd carried_in = 0;
};

//! Builds the statement: groups that net to zero are left out; with no line left and
//! nothing carried in there is no statement. Payable is rounded up at statement level so
//! the agency never gets less than its rate of the list value; a negative amount is
//! carried to the next period, never paid back (SPEC §4.6). Checks the invariants.
std::optional<Statement> make_statement(const std::string& store, const std::string& agency,
                                        const std::vector<SaleGroup>& groups,
                                        const StatementTerms& terms,
                                        const HolidayCalendar& calendar);

//! The money invariants, run before commit and again before a report is written. Throws
//! InvariantBroken naming the statement and by how much it is off.
void check_invariants(const Statement& statement);

} // namespace govpub::domain
