// Master data files (SPEC §5.2): agencies, stores, contracts, publications, stock counts.
#pragma once

#include "adapters/db/catalogue.hpp"
#include "adapters/import/import_run.hpp"
#include "domain/contract.hpp"
#include "domain/identifiers.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace govpub::adapters::import {

//! Rows kept until store(): master files are small, and validation looks across rows.
class MasterImport : public RowSink {
  public:
    MasterImport(db::Database& db, const db::Catalogue& catalogue)
        : db_(db), catalogue_(catalogue) {}
    void store(const std::set<std::size_t>& rejected_lines) override;

  protected:
    struct Pending {
        std::size_t line;
        std::function<void(soci::session&)> write;
    };
    //! Refuses a key seen earlier in the same file, naming that line.
    bool first_time(const std::string& key, const TableRow& row, const std::string& column,
                    std::vector<LineIssue>& issues);
    db::Database& db_;
    const db::Catalogue& catalogue_;
    std::vector<Pending> pending_;

  private:
    std::map<std::string, std::size_t> seen_;
};

class AgencyImport : public MasterImport {
  public:
    using MasterImport::MasterImport;
    std::string kind() const override { return "agencies"; }
    std::vector<ColumnSpec> columns() const override;
    std::string header_example() const override { return "code,name,contact,phone,fax,address,email"; }
    void row(const TableRow&, const ColumnMap&, std::vector<LineIssue>&,
             std::vector<LineIssue>&) override;
};

class StoreImport : public MasterImport {
  public:
    using MasterImport::MasterImport;
    std::string kind() const override { return "stores"; }
    std::vector<ColumnSpec> columns() const override;
    std::string header_example() const override { return "code,name,address,email"; }
    void row(const TableRow&, const ColumnMap&, std::vector<LineIssue>&,
             std::vector<LineIssue>&) override;
};

class ContractImport : public MasterImport {
  public:
    //! `default_payment_days` fills an empty payment_days cell (settlement.payment_days).
    ContractImport(db::Database& db, const db::Catalogue& catalogue, int default_payment_days)
        : MasterImport(db, catalogue), default_payment_days_(default_payment_days) {}
    std::string kind() const override { return "contracts"; }
    std::vector<ColumnSpec> columns() const override;
    std::string header_example() const override {
        return "agency,store,payout_rate,procurement_exempt,payment_days,valid_from";
    }
    void row(const TableRow&, const ColumnMap&, std::vector<LineIssue>&,
             std::vector<LineIssue>&) override;

  private:
    int default_payment_days_;
};

class PublicationImport : public MasterImport {
  public:
    PublicationImport(db::Database& db, const db::Catalogue& catalogue, domain::GpnRules rules)
        : MasterImport(db, catalogue), rules_(std::move(rules)) {}
    std::string kind() const override { return "publications"; }
    std::vector<ColumnSpec> columns() const override;
    std::string header_example() const override {
        return "gpn,isbn,issn,title,agency,kind,list_price,pub_date";
    }
    void row(const TableRow&, const ColumnMap&, std::vector<LineIssue>&,
             std::vector<LineIssue>&) override;

  private:
    domain::GpnRules rules_;
    std::map<std::string, std::size_t> isbn_lines_;
};

class StockCountImport : public MasterImport {
  public:
    StockCountImport(db::Database& db, const db::Catalogue& catalogue, domain::GpnRules rules)
        : MasterImport(db, catalogue), rules_(std::move(rules)) {}
    std::string kind() const override { return "stock-counts"; }
    std::vector<ColumnSpec> columns() const override;
    std::string header_example() const override { return "store,gpn,counted_on,quantity"; }
    void begin(const std::string& sha256) override { sha256_ = sha256; }
    void row(const TableRow&, const ColumnMap&, std::vector<LineIssue>&,
             std::vector<LineIssue>&) override;

  private:
    domain::GpnRules rules_;
    std::string sha256_;
};

//! The publication kinds of 要點6(5), by code or Chinese name: "book" or "圖書" → "book".
std::optional<std::string> publication_kind(std::string_view text);

} // namespace govpub::adapters::import
