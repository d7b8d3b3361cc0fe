// Sales files from the stores (SPEC §4.5): one store's lines, validated whole, stored in bulk.
#pragma once

#include "adapters/db/catalogue.hpp"
#include "adapters/import/import_run.hpp"
#include "domain/identifiers.hpp"

#include <optional>
#include <string>
#include <vector>

namespace govpub::adapters::import {

class SalesImport : public RowSink {
  public:
    //! `store` is --store: the file must be that store's (a contradicting column is an error).
    SalesImport(db::Database& db, const db::Catalogue& catalogue, domain::GpnRules gpn_rules,
                std::optional<std::string> store);

    std::string kind() const override { return "sales"; }
    std::vector<ColumnSpec> columns() const override;
    std::string header_example() const override;
    void columns_found(const ColumnMap& columns, const std::string& file,
                       std::size_t header_line) override;
    void prepare() override;
    void begin(const std::string& sha256) override;
    void row(const TableRow& row, const ColumnMap& columns, std::vector<LineIssue>& issues,
             std::vector<LineIssue>& warnings) override;
    void check(std::vector<LineIssue>& issues) override;
    void store(const std::set<std::size_t>& rejected_lines) override;
    void finish() noexcept override;

  private:
    void flush();

    db::Database& db_;
    const db::Catalogue& catalogue_;
    domain::GpnRules gpn_rules_;
    std::optional<std::string> forced_store_;
    std::optional<std::string> file_store_;
    std::size_t file_store_line_ = 0;
    std::string sha256_;

    // Column buffers for one bulk statement; flushed every BATCH rows.
    std::vector<long long> line_no_;
    std::vector<std::string> store_, sale_date_, gpn_, txn_id_;
    std::vector<long long> quantity_, catalogue_price_, stated_price_, sale_price_;
    std::vector<soci::indicator> stated_ind_, sale_price_ind_, txn_ind_;
};

} // namespace govpub::adapters::import
