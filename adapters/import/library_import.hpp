// The libraries file (SPEC §4.9, §5.2): the NCL, the LY and the depository libraries.
#pragma once

#include "adapters/db/library_repository.hpp"
#include "adapters/import/master_import.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govpub::adapters::import {

//! Libraries, updated in place by their code as agencies are. The file as a whole, with what
//! is stored, may leave at most one library of kind ncl and one of kind ly.
class LibraryImport : public MasterImport {
  public:
    using MasterImport::MasterImport;
    std::string kind() const override { return "libraries"; }
    std::vector<ColumnSpec> columns() const override;
    std::string header_example() const override { return "code,name,kind,email,agencies"; }
    void begin(const std::string& sha256) override;
    void row(const TableRow&, const ColumnMap&, std::vector<LineIssue>&,
             std::vector<LineIssue>&) override;
    //! A second NCL or LY, counting the stored libraries the file does not change.
    void check(std::vector<LineIssue>& issues) override;
    void store(const std::set<std::size_t>& rejected_lines) override;

  private:
    struct Entry {
        std::size_t line;
        db::LibraryRecord record;
        bool agencies_given; //!< the file has the agencies column: its cell replaces the list
        std::string kind_cell;
        std::string kind_column;
    };
    std::map<std::string, db::LibraryRecord> stored_;
    std::vector<Entry> entries_;
};

//! A library kind as a code or its Chinese name: "ncl" or "國家圖書館", "ly" or "立法院國會圖書館"
//! (or "國會圖書館"), "depository" or "寄存圖書館"; codes in any case.
std::optional<domain::LibraryKind> library_kind(std::string_view text);

//! The agency codes of an agencies cell, separated by ";", "；", "、", ",", "，" or spaces
//! (ASCII or ideographic); empty for an empty cell. Codes are not checked here.
std::vector<std::string> agency_list(std::string_view text);

} // namespace govpub::adapters::import
