// Finding an importer's columns in a header row written in English or Chinese.
#pragma once

#include "adapters/import/input_error.hpp"
#include "adapters/import/table_reader.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govpub::adapters::import {

//! One column an importer reads, under every header it accepts.
struct ColumnSpec {
    std::string id;                 //!< what the importer asks for, e.g. "sale_date"
    std::vector<std::string> names; //!< accepted headers, English first: {"sale_date", "銷售日期"}
    bool required = true;
};

//! Where each wanted column is in a file's header. Headers match after trimming, Unicode
//! NFKC and case folding, so "GPN", "gpn" and full-width "ＧＰＮ" are the same column.
//! Columns the importer does not ask for are ignored.
class ColumnMap {
  public:
    //! Throws InputError (at `header_line` of `file`) naming every missing required column
    //! with its accepted names, or a wanted column that appears twice.
    ColumnMap(const std::vector<std::string>& header, const std::vector<ColumnSpec>& specs,
              const std::string& file, std::size_t header_line);

    //! Whether the column is in the file (always true for a required one).
    bool has(std::string_view id) const;
    //! The trimmed cell of `row` in column `id`, or "" when the row is short or the optional
    //! column is absent. Valid while `row` is. `id` must be one of the specs' ids.
    std::string_view get(const TableRow& row, std::string_view id) const;
    //! The header as the file writes it (for messages), or the spec's first name if absent.
    const std::string& header_name(std::string_view id) const;
    //! A problem when the row has non-empty cells beyond the header's last column, which
    //! usually means an unquoted comma shifted the values.
    std::optional<LineIssue> extra_cells(const TableRow& row) const;

  private:
    struct Column {
        std::string id;
        std::size_t index;
        std::string name;
    };
    const Column& column(std::string_view id) const;

    std::vector<Column> columns_;
    std::size_t width_;
};

//! A header line for messages about empty files: "store,sale_date,gpn,quantity (門市代碼,
//! 銷售日期,GPN,數量)", from the required columns.
std::string header_example(const std::vector<ColumnSpec>& specs);

//! `text` without leading and trailing white space, including the ideographic space U+3000
//! and no-break space that Chinese input methods and Excel leave behind.
std::string_view trim(std::string_view text);

} // namespace govpub::adapters::import
