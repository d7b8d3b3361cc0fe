// Consignment lists (要點11(1),(2),(5); 附件一) as CSV/XLSX tables or the 附件一 form itself.
#pragma once

#include "adapters/db/catalogue.hpp"
#include "adapters/import/import_run.hpp"
#include "domain/consignment.hpp"
#include "domain/identifiers.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace govpub::adapters::import {

class ConsignmentImport : public RowSink {
  public:
    ConsignmentImport(db::Database& db, const db::Catalogue& catalogue,
                      const domain::ContractBook& contracts, domain::GpnRules rules)
        : db_(db), catalogue_(catalogue), contracts_(contracts), rules_(std::move(rules)) {}

    std::string kind() const override { return "consignment"; }
    std::unique_ptr<TableReader> open(const std::filesystem::path& file,
                                      const std::string& display_name) override;
    std::vector<ColumnSpec> columns() const override;
    std::string header_example() const override {
        return "list_no,agency,store,supply_date,gpn,title,list_price,quantity,sample";
    }
    void begin(const std::string& sha256) override { sha256_ = sha256; }
    void row(const TableRow& row, const ColumnMap& columns, std::vector<LineIssue>& issues,
             std::vector<LineIssue>& warnings) override;
    void check(std::vector<LineIssue>& issues) override;
    void store(const std::set<std::size_t>& rejected_lines) override;

  private:
    struct ListKey {
        std::string agency, store, list_no, supply_date;
        auto operator<=>(const ListKey&) const = default;
    };
    struct Row {
        std::size_t line;
        domain::ConsignmentRow row;
    };
    bool consigned_before(const std::string& store, const std::string& gpn, const ListKey& list);
    bool sample_registered(const std::string& store, const std::string& gpn);
    //! The (store, GPN) pairs the database already holds, read once per import: a query per
    //! row cost a round trip each, half the time of a large list on MariaDB.
    using StoreGpn = std::pair<std::string, std::string>;
    const std::set<StoreGpn>& stored_pairs(std::optional<std::set<StoreGpn>>& cache,
                                           const char* query);

    db::Database& db_;
    const db::Catalogue& catalogue_;
    const domain::ContractBook& contracts_;
    domain::GpnRules rules_;
    std::string sha256_;
    std::map<std::string, std::string> form_; // 附件一 header block, when read as the form
    bool is_form_ = false;
    std::vector<ListKey> list_order_;
    std::map<ListKey, std::string> list_numbers_; // as stored: given, or made from the content
    std::map<ListKey, std::vector<Row>> lists_;
    std::map<std::pair<std::string, std::string>, ListKey> first_list_; // (store, gpn)
    std::set<std::pair<std::string, std::string>> samples_in_file_;
    std::optional<std::set<StoreGpn>> consigned_in_db_;
    std::optional<std::set<StoreGpn>> samples_in_db_;
};

} // namespace govpub::adapters::import
