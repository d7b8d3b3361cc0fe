// The replies file (SPEC §4.8, §5.2): an agency's answer to each row of a disposal list.
#pragma once

#include "adapters/db/disposal_repository.hpp"
#include "adapters/import/master_import.hpp"
#include "domain/date.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace govpub::adapters::import {

//! "return", "donate", "destroy", "keep" from the English word in any case or the Chinese one
//! of 要點11(4) (退還, 轉贈, 銷毀, 續售); nothing for anything else.
std::optional<std::string> disposal_action(std::string_view text);

//! What one file may still take from the stock: expected on hand per store and the agency's
//! holdings, less what earlier lines of the same file moved, so that two lines can never both
//! spend the same copy (SPEC §4.7: expected on hand never below 0; 要點7: the last copy).
class DisposalStock {
  public:
    explicit DisposalStock(soci::session& sql) : sql_(sql) {}
    //! Copies of `gpn` the store still has, both counting everything stored and as of
    //! `as_of` (ISO, the day of the movement): the smaller, less what this file took already.
    std::int64_t on_hand(const std::string& store, const std::string& gpn,
                         const std::string& as_of);
    //! What the agency holds of `gpn` (db::agency_holdings) less what this file removed.
    domain::AgencyHoldings holdings(const std::string& gpn);
    //! Records a movement of this file: it leaves the store; a donation or destruction also
    //! leaves the agency, a return goes back to it.
    void take(const std::string& store, const std::string& gpn, const std::string& action,
              std::int64_t quantity);

  private:
    const std::map<std::string, domain::StockMovements>& stock(const std::string& gpn,
                                                               const std::string& as_of);
    soci::session& sql_;
    std::map<std::pair<std::string, std::string>, std::map<std::string, domain::StockMovements>>
        cache_;
    std::map<std::pair<std::string, std::string>, std::int64_t> taken_;
    std::map<std::string, std::int64_t> removed_;
};

//! Replies, one line per row of a disposal list (要點11(4)). Each row is answered once: a
//! return, donation or destruction moves the stock when the file is imported (a stock_movement
//! dated replied_on, the day of import when the column is left empty); keep moves nothing.
//! The whole file is refused when any line is wrong.
class ReplyImport : public MasterImport {
  public:
    //! `today` is the default reply date and the latest one accepted.
    ReplyImport(db::Database& db, const db::Catalogue& catalogue, domain::GpnRules rules,
                domain::Date today)
        : MasterImport(db, catalogue), rules_(std::move(rules)), today_(today) {}
    std::string kind() const override { return "replies"; }
    std::vector<ColumnSpec> columns() const override;
    std::string header_example() const override {
        return "notice,gpn,action,quantity,recipient,replied_on";
    }
    void begin(const std::string& sha256) override;
    void row(const TableRow&, const ColumnMap&, std::vector<LineIssue>&,
             std::vector<LineIssue>&) override;

  private:
    const db::DisposalListRecord* list(const std::string& notice_no);
    domain::GpnRules rules_;
    domain::Date today_;
    std::string sha256_;
    std::optional<DisposalStock> stock_;
    std::map<std::string, std::optional<db::DisposalListRecord>> lists_;
    std::map<long long, std::map<std::string, db::DisposalRowRecord>> rows_;
    std::map<long long, std::map<std::string, db::DisposalReplyRecord>> replies_;
};

} // namespace govpub::adapters::import
