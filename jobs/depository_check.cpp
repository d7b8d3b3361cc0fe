// Comparing each library's receipts with the catalogue and recording the claims.
#include "jobs/depository_check.hpp"

#include "adapters/db/library_repository.hpp"
#include "adapters/db/master_repository.hpp"
#include "domain/deadlines.hpp"
#include "domain/errors.hpp"
#include "domain/receipt_check.hpp"

#include <map>
#include <optional>
#include <set>
#include <utility>

namespace govpub::jobs {

namespace {

void require_quarter(const std::string& quarter) {
    const bool shaped = quarter.size() == 6 && quarter[4] == 'Q' && quarter[5] >= '1' &&
                        quarter[5] <= '4' && quarter.find_first_not_of("0123456789") == 4;
    if (!shaped)
        throw domain::InvalidValue("depository quarter", quarter,
                                   "expected a year and a quarter such as 2026Q3");
}

} // namespace

DepositoryCheckOutcome run_depository_check(adapters::db::Database& db,
                                            const domain::HolidayCalendar& calendar,
                                            const std::string& quarter, domain::Date check_day) {
    require_quarter(quarter);
    auto& sql = db.session();
    const std::string day = domain::to_iso(check_day);
    const auto issued = adapters::db::publications_issued(
        sql, domain::to_iso(domain::add_years(check_day, -CLAIM_LOOKBACK_YEARS)), day);
    std::map<std::string, std::optional<domain::Date>> published;
    for (const auto& p : issued)
        published.emplace(p.gpn, p.published);
    const auto received = adapters::db::copies_received(sql);

    // A (library, GPN) already claimed this quarter, or still owed under an earlier claim.
    std::set<std::pair<std::string, std::string>> claimed;
    for (const auto& c : adapters::db::claims_of_quarter(sql, quarter))
        claimed.insert({c.library, c.gpn});
    for (const auto& standing : adapters::db::claims_as_of(sql, day)) {
        const auto& c = standing.claim;
        auto got = received.find({c.library, c.gpn});
        // Judged on every receipt recorded so far, as the gaps below are.
        if ((got == received.end() ? 0 : got->second) < c.expected)
            claimed.insert({c.library, c.gpn});
    }

    DepositoryCheckOutcome outcome;
    for (const auto& [code, record] : adapters::db::load_libraries(sql)) {
        ++outcome.libraries;
        const domain::Library library{code, record.kind, record.agencies};
        std::map<std::string, std::int64_t> held;
        for (auto it = received.lower_bound({code, ""});
             it != received.end() && it->first.first == code; ++it)
            held.emplace(it->first.second, it->second);
        for (const auto& gap : domain::check_receipts(library, issued, held, check_day)) {
            if (claimed.count({code, gap.gpn})) {
                ++outcome.still_open;
                continue;
            }
            const auto due = domain::claim_due(check_day, published.at(gap.gpn), calendar);
            adapters::db::ClaimRecord claim{code,
                                            gap.agency,
                                            gap.gpn,
                                            gap.copies_missing,
                                            domain::copies_due(record.kind),
                                            quarter,
                                            day,
                                            domain::to_iso(due.due),
                                            due.optional};
            adapters::db::insert_claim(sql, claim);
            outcome.made.push_back(std::move(claim));
        }
    }
    return outcome;
}

} // namespace govpub::jobs
