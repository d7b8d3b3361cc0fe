// Streaming reader of the first worksheet of an XLSX workbook.
#pragma once

#include "adapters/import/table_reader.hpp"

#include <memory>

namespace govpub::adapters::import {

//! The rows of the first worksheet (in workbook order) as Excel shows them, with their
//! Excel row numbers and no header interpretation: for forms such as 附件一 whose header
//! block sits above the table. Values: shared and inline strings, numbers as in General
//! format, TRUE/FALSE, cached formula results, and dates as YYYY-MM-DD. A missing cell
//! reads ""; trailing empty cells are dropped. Rows stream; memory holds one row plus the
//! shared-string table.
class XlsxSheetReader {
  public:
    //! Throws InputError when the file is not a zip holding a workbook with a worksheet.
    explicit XlsxSheetReader(const std::filesystem::path& file, std::string display_name = "");
    ~XlsxSheetReader();
    XlsxSheetReader(const XlsxSheetReader&) = delete;
    XlsxSheetReader& operator=(const XlsxSheetReader&) = delete;

    //! The next row written in the sheet (possibly with only empty cells); false at the end.
    bool next(TableRow& row);
    const std::string& display_name() const;
    //! The worksheet's tab name, e.g. "工作表1".
    const std::string& sheet_name() const;
    //! Progress through the worksheet's uncompressed XML.
    std::uint64_t bytes_done() const;
    std::uint64_t bytes_total() const;

  private:
    struct Sheet;
    std::unique_ptr<Sheet> sheet_;
};

//! An XLSX table: the first non-blank row of the first worksheet is the header.
class XlsxTableReader final : public TableReader {
  public:
    explicit XlsxTableReader(const std::filesystem::path& file, std::string display_name = "",
                             const std::string& header_example = "");

    const std::vector<std::string>& header() const override { return header_; }
    std::size_t header_line() const override { return header_line_; }
    bool next(TableRow& row) override;
    std::uint64_t bytes_done() const override { return sheet_.bytes_done(); }
    std::uint64_t bytes_total() const override { return sheet_.bytes_total(); }
    std::string format() const override { return "xlsx"; }

  private:
    XlsxSheetReader sheet_;
    std::vector<std::string> header_;
    std::size_t header_line_ = 0;
};

} // namespace govpub::adapters::import
