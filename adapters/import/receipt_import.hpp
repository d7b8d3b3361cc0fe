// The receipts file (SPEC §4.9, §5.2): what a library received, checked in and put in service.
#pragma once

#include "adapters/db/library_repository.hpp"
#include "adapters/import/master_import.hpp"

#include <map>
#include <string>
#include <vector>

namespace govpub::adapters::import {

//! Receipts, one line per delivery: the library, the GPN and the day received say which
//! receipt it is (sql/*/003). A line for a stored receipt may fill in the check-in and
//! service dates; it is refused if it would change the copies or a date already recorded.
class ReceiptImport : public MasterImport {
  public:
    ReceiptImport(db::Database& db, const db::Catalogue& catalogue, domain::GpnRules rules)
        : MasterImport(db, catalogue), rules_(std::move(rules)) {}
    std::string kind() const override { return "receipts"; }
    std::vector<ColumnSpec> columns() const override;
    std::string header_example() const override {
        return "library,gpn,copies,received_on,checked_in_on,in_service_on";
    }
    void begin(const std::string& sha256) override;
    void row(const TableRow&, const ColumnMap&, std::vector<LineIssue>&,
             std::vector<LineIssue>&) override;

  private:
    domain::GpnRules rules_;
    std::string sha256_;
    std::map<std::string, db::LibraryRecord> libraries_;
};

} // namespace govpub::adapters::import
