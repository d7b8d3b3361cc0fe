// The settlement report officials read after a run (SPEC §4.6, §5.4).
#pragma once

#include "reports/report_models.hpp"

#include <filesystem>

namespace govpub::reports {

//! Writes `report` as an .xlsx: a cover (「封面」) with totals and payable-by-store and
//! payable-by-agency charts, the summaries 「機關彙總」 and 「門市彙總」, then one sheet per
//! store with its statement lines and a subtotal per statement. Agencies and stores are in
//! zh-Hant-TW order. Nothing appears under `out` unless the whole file was written; throws
//! std::runtime_error naming the file otherwise.
void write_settlement_workbook(const SettlementReport& report, const std::filesystem::path& out);

} // namespace govpub::reports
