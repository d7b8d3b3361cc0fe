// One row's cells as an importer reads them, and where that row's problems go.
#pragma once

#include "adapters/db/catalogue.hpp"
#include "adapters/import/column_map.hpp"
#include "adapters/import/input_error.hpp"
#include "domain/identifiers.hpp"
#include "domain/parsed.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace govpub::adapters::import {

struct RowCells {
    const TableRow& row;
    const ColumnMap& columns;
    std::vector<LineIssue>& issues;

    //! The trimmed cell, or "" when the optional column is absent.
    std::string get(const char* id) const {
        return std::string(columns.has(id) ? columns.get(row, id) : "");
    }
    //! A problem with this row's cell in column `id`, named as the file's header writes it.
    void add(const char* id, std::string_view value, std::string rule) const {
        issues.push_back({row.line, columns.header_name(id), std::string(value), std::move(rule)});
    }
};

//! The publication `gpn` (the parse of column "gpn") names, or nullptr with the row's problem
//! added: a malformed GPN, or one not imported yet (the catalogue comes first, SPEC §5.2).
inline const db::CataloguePublication* catalogued(const RowCells& c,
                                                  const domain::Parsed<domain::Gpn>& gpn,
                                                  const db::Catalogue& catalogue) {
    if (!gpn) {
        c.add("gpn", c.get("gpn"), gpn.error);
        return nullptr;
    }
    const db::CataloguePublication* publication = catalogue.publication(gpn->digits);
    if (!publication)
        c.add("gpn", c.get("gpn"),
              "GPN " + gpn->digits + " is not in the catalogue: import publications first");
    return publication;
}

} // namespace govpub::adapters::import
