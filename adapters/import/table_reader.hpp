// The one shape every importer reads: a header row, then data rows with their line numbers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace govpub::adapters::import {

//! One row of an uploaded table. `line` is what the person sees: the CSV line where the
//! record starts, or the Excel row number.
struct TableRow {
    std::size_t line = 0;
    std::vector<std::string> cells; //!< UTF-8, untrimmed; may be shorter or longer than the header
};

//! A streaming reader of an uploaded table. The header is the first row that is not blank;
//! rows whose cells are all empty are skipped. Memory does not grow with the file.
class TableReader {
  public:
    virtual ~TableReader();
    virtual const std::vector<std::string>& header() const = 0;
    virtual std::size_t header_line() const = 0;
    //! Fills `row` with the next non-blank row; false at the end of the table. Reuses the
    //! row's storage, so one TableRow per loop keeps allocations flat.
    virtual bool next(TableRow& row) = 0;
    //! Progress: input bytes consumed so far, out of bytes_total().
    virtual std::uint64_t bytes_done() const = 0;
    virtual std::uint64_t bytes_total() const = 0;
    //! "csv/utf-8", "csv/utf-8-bom", "csv/big5" or "xlsx", for logs and the portal.
    virtual std::string format() const = 0;
};

//! True when every cell is empty: such rows are spacing, not data.
bool is_blank(const std::vector<std::string>& cells);

//! Opens a CSV or XLSX file for reading. XLSX is recognised by its zip signature
//! (`PK\x03\x04`) or the `.xlsx` extension; anything else is read as CSV. `display_name`
//! names the file in errors (the uploaded name, not a temporary path); `header_example`
//! (e.g. "store,sale_date,gpn,quantity") tells the person what an empty file should have held.
//! Throws InputError when the file is empty, binary, or not what its signature claims.
std::unique_ptr<TableReader> open_table(const std::filesystem::path& file,
                                        std::string display_name = "",
                                        const std::string& header_example = "");

//! The rule for a file with no header row, shared by the CSV and XLSX readers; `where`
//! narrows it down (e.g. the worksheet).
std::string empty_file_rule(const std::string& header_example, const std::string& where = "");

} // namespace govpub::adapters::import
