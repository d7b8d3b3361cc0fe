// The quarterly depository check (SPEC §4.9, 要點6(4)): each library's receipts against what
// it should have received; every gap becomes a claim to the publication's agency.
#pragma once

#include "adapters/db/claim_repository.hpp"
#include "adapters/db/database.hpp"
#include "domain/date.hpp"
#include "domain/holiday_calendar.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace govpub::jobs {

//! How far back the check looks: publications dated within this many years before the check
//! day. Past one year a claim is optional (要點6(4) 後段); past two the agency almost surely
//! declines, and a library joining late would otherwise claim the whole catalogue.
inline constexpr int CLAIM_LOOKBACK_YEARS = 2;

struct DepositoryCheckOutcome {
    std::vector<adapters::db::ClaimRecord> made; //!< by library, then agency, then GPN
    std::size_t libraries = 0;                   //!< libraries checked
    std::size_t still_open = 0; //!< gaps already claimed by an open claim: not claimed again
};

//! 要點6(4) 寄存圖書館應每三個月檢查政府出版品收受情形: for every library, the publications of the
//! agencies it receives (要點5, 7) dated from `check_day` − CLAIM_LOOKBACK_YEARS to `check_day`,
//! and those with no publication date (owed: the agency must show an exemption), against all
//! the copies it has received so far (domain::check_receipts). Each gap is a claim with notice
//! date `check_day`, due and optional by domain::claim_due. Serials are checked like any
//! publication by their GPN (any issue counts): their frequency is not in the catalogue.
//!
//! Idempotent: a gap the same quarter already claimed, or one an earlier claim still open
//! (not met by the library's receipts) covers, is not claimed again — the open claim stays on
//! the due list as overdue instead of a second notice for the same copies.
//!
//! Runs inside the caller's write transaction (a job step's): never begins or commits. Throws
//! domain::InvalidValue for a quarter not shaped like "2026Q3".
DepositoryCheckOutcome run_depository_check(adapters::db::Database& db,
                                            const domain::HolidayCalendar& calendar,
                                            const std::string& quarter, domain::Date check_day);

} // namespace govpub::jobs
