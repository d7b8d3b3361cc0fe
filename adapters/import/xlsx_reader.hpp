// Streaming reader of the first worksheet of an XLSX workbook.
#pragma once

#include "adapters/import/table_reader.hpp"

#include <memory>
#include <optional>
#include <string_view>

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

namespace xlsx {

//! Whether number format `id` (with `code` when the workbook defines it) shows a date;
//! time-only formats do not, so their values stay numbers.
bool is_date_format(int id, std::string_view code);

//! A numeric cell as Excel shows it in General format: integers without ".0", others with
//! up to 15 significant digits (so 0.1+0.2 reads "0.3"). Unreadable text is returned as is.
std::string excel_number(std::string_view stored);

//! An Excel date serial as YYYY-MM-DD (time of day dropped), honouring the 1900 system's
//! fictitious 1900-02-29; nullopt when the serial is outside 1900 (or 1904) to 9999.
std::optional<std::string> excel_date(double serial, bool date1904);

} // namespace xlsx

} // namespace govpub::adapters::import
