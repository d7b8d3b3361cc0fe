// Reads the Ministry's 附件一 consignment form as a table with its header block as defaults.
#pragma once

#include "adapters/import/table_reader.hpp"
#include "adapters/import/xlsx_reader.hpp"

#include <map>
#include <string>

namespace govpub::adapters::import {

//! The 附件一 layout: label cells ending in "：" with their value to the right
//! (出版機關／單位, 聯絡人, 電話, 傳真, 地址, 展售門市, 供貨日期, optionally 清單編號), then a
//! table whose header row holds GPN, 出版品名稱, 定價, 數量 (and 樣品). Rows after the table
//! header are read until the footer (a row whose first cell is not a GPN-like value and
//! holds a label).
class ConsignmentFormReader final : public TableReader {
  public:
    ConsignmentFormReader(const std::filesystem::path& file, std::string display_name);

    //! True when the first worksheet looks like the form (a label block above the table).
    static bool looks_like_form(const std::filesystem::path& file);

    const std::vector<std::string>& header() const override { return header_; }
    std::size_t header_line() const override { return header_line_; }
    bool next(TableRow& row) override;
    std::uint64_t bytes_done() const override { return sheet_.bytes_done(); }
    std::uint64_t bytes_total() const override { return sheet_.bytes_total(); }
    std::string format() const override { return "xlsx/附件一"; }

    //! The header block's values by label without the colon, e.g. "展售門市".
    const std::map<std::string, std::string>& labels() const { return labels_; }

  private:
    XlsxSheetReader sheet_;
    std::vector<std::string> header_;
    std::size_t header_line_ = 0;
    std::map<std::string, std::string> labels_;
    bool ended_ = false;
};

} // namespace govpub::adapters::import
