// The reference calculation (SPEC §4.6, §4.7) from the scenario's own tables, never govpub's code.
#pragma once

#include "tests/scenario/three_periods_scenario.hpp"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace govpub::test::three_periods {

struct RefLine {
    std::string gpn;
    long long list_price;
    int rate_bp;
    bool late;
    long long quantity;
};

struct RefStatement {
    std::string store, agency;
    long long list_value = 0, payable = 0, commission = 0, carried_in = 0, amount_due = 0,
              carried_out = 0;
    std::string due_date;
    std::vector<RefLine> lines;
};

//! The settlements govpub should make from the sales lines imported so far.
class Reference {
  public:
    //! Takes the lines of `f` as imported.
    void imported(const SalesFile& f) {
        for (const auto& s : f.lines)
            imported_.push_back(&s);
    }

    //! Settles `p` on `on` as govpub should; with `close` the lines are marked settled and the
    //! balances carried. Returns the statements sorted by store, agency.
    std::vector<RefStatement> settle(const PeriodDef& p, const std::string& on, bool close);

    const std::vector<const Sale*>& all_imported() const { return imported_; }

  private:
    std::vector<const Sale*> imported_;
    std::set<const Sale*> settled_;
    std::map<std::pair<std::string, std::string>, long long> carried_;
};

//! The settle JSON's canonical text (as settle_summary.py prints it) for `statements`.
std::string canonical(const PeriodDef& p, const std::string& on, const std::string& status,
                      const std::vector<RefStatement>& statements);

//! What reconcile --as-of `as_of` should print (SPEC §4.7), as reconcile_summary.py prints it:
//! the consignment lists supplied and the sales imported into `reference` up to that day.
std::string reference_reconciliation(const Reference& reference, const std::string& as_of);

} // namespace govpub::test::three_periods
