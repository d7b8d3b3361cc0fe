// The half-yearly settlement (要點11(3), 附件一 註三; SPEC §4.6): from unsettled sales to
// closed statements, once per period.
#pragma once

#include "adapters/config/settings.hpp"
#include "adapters/db/database.hpp"
#include "domain/holiday_calendar.hpp"
#include "domain/period.hpp"
#include "domain/settlement.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace govpub::jobs {

struct SettleRequest {
    domain::Period period;
    domain::Date as_of;
    bool dry_run = false;
    //! Called with the statements inside the closing transaction just before it commits: the
    //! job engine records its checkpoint there, so that the close and the record of it commit
    //! together.
    std::function<void(std::size_t statements)> before_commit;
};

struct SettlementOutcome {
    std::string period;
    domain::Date from{};
    domain::Date to{};
    domain::Date settled_on{};
    std::string status;         //!< "closed" or "dry_run"
    bool already_closed = false; //!< a re-run: the stored result, nothing changed
    std::string closed_at;
    std::vector<domain::Statement> statements;
    std::string json; //!< SPEC §5.3, byte for byte what was stored when closed
};

class SettleJob {
  public:
    SettleJob(adapters::db::Database& db, const adapters::config::Settings& settings,
              const domain::HolidayCalendar& calendar)
        : db_(db), settings_(settings), calendar_(calendar) {}

    //! Settles and closes the period, or returns the stored result of a closed one. Refuses
    //! (domain::Refused) a period that has not ended by `as_of`, or one whose predecessor
    //! still has unsettled sales.
    SettlementOutcome run(const SettleRequest& request);
    //! The stored result of a closed period, read only; nothing when the period is open.
    std::optional<SettlementOutcome> stored(const domain::Period& period);
    //! The refusals of run() that need no lock (the period has not ended, an earlier period
    //! is open): checked before a job is started, so a refused request leaves no trace.
    void check(const SettleRequest& request);

  private:
    void check_order(const SettleRequest& request);

    adapters::db::Database& db_;
    const adapters::config::Settings& settings_;
    const domain::HolidayCalendar& calendar_;
};

//! The JSON of SPEC §5.3 for an outcome: statements by store then agency, lines by GPN.
std::string settlement_json(const SettlementOutcome& outcome);

} // namespace govpub::jobs
