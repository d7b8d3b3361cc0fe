// The consignment reconciliation report officials read (SPEC §4.7, §5.4; 要點11(2), 11(5)).
#pragma once

#include "reports/report_models.hpp"

#include <filesystem>

namespace govpub::reports {

//! Writes `report` as an .xlsx in constant memory (it may hold 100 000+ rows): a cover
//! (「封面」) with counts per flag and their chart, then 「庫存核對」 with every (store, GPN),
//! 「樣品登記簿」 (要點11(2)) and 「寄送運費」 (要點11(5)), each in zh-Hant-TW order of store
//! and agency names. Nothing appears under `out` unless the whole file was written; throws
//! std::runtime_error naming the file otherwise.
void write_reconciliation_workbook(const ReconciliationReport& report,
                                   const std::filesystem::path& out);

} // namespace govpub::reports
