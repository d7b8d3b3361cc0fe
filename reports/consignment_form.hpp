// The pre-filled 附件一 「政府出版品委託統籌展售清單」 an agency sends with its copies (要點11(1)).
#pragma once

#include "reports/report_models.hpp"

#include <filesystem>

namespace govpub::reports {

//! Writes `form` as an .xlsx laid out like 附件一 (layout in consignment_form.cpp): every
//! label in its own cell ending in "：" with its value in the cell to its right, then a table
//! whose header row is GPN, 出版品名稱, 定價, 數量, 樣品. Nothing appears under `out` unless
//! the whole file was written; throws std::runtime_error naming the file otherwise.
void write_consignment_form(const ConsignmentForm& form, const std::filesystem::path& out);

} // namespace govpub::reports
