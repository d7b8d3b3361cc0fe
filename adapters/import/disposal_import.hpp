// The disposals file (SPEC §4.8, §5.2): what a store returned, donated or destroyed.
#pragma once

#include "adapters/import/master_import.hpp"
#include "adapters/import/reply_import.hpp"
#include "domain/date.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace govpub::adapters::import {

//! A store's disposals, one line per action it took. How a line relates to the agencies'
//! replies, so that no copy is counted twice:
//!  - An applied reply already moved its stock. A line of the same store, GPN and action, done
//!    on or after that list's notice date, carries the instruction out: up to the copies still
//!    unconfirmed it is recorded as a confirmation and moves nothing more.
//!  - What a line holds beyond that is a movement of its own: it must fit in the expected on
//!    hand (SPEC §4.7), and a donation or destruction must leave the agency a copy (要點7) and
//!    be past the store's minimum retention or give a reason of 要點6(6) in `reason`
//!    (要點6(5)–(6)); a return may always be made (the copies go back to their agency).
//!  - A line whose remainder would also fit a second open instruction is refused: one line per
//!    notice, so each confirmation names the reply it carries out.
//! The whole file is refused when any line is wrong.
class DisposalImport : public MasterImport {
  public:
    //! `today` is the latest done_on accepted.
    DisposalImport(db::Database& db, const db::Catalogue& catalogue, domain::GpnRules rules,
                   domain::Date today)
        : MasterImport(db, catalogue), rules_(std::move(rules)), today_(today) {}
    std::string kind() const override { return "disposals"; }
    std::vector<ColumnSpec> columns() const override;
    std::string header_example() const override {
        return "store,gpn,action,quantity,done_on,recipient,reason";
    }
    void begin(const std::string& sha256) override;
    void row(const TableRow&, const ColumnMap&, std::vector<LineIssue>&,
             std::vector<LineIssue>&) override;

  private:
    std::vector<db::OpenInstruction>& instructions(const std::string& store,
                                                   const std::string& gpn);
    domain::GpnRules rules_;
    domain::Date today_;
    std::string sha256_;
    std::optional<DisposalStock> stock_;
    std::map<std::pair<std::string, std::string>, std::string> first_supplied_;
    //! Open instructions by (store, GPN), less what earlier lines of this file confirmed.
    std::map<std::pair<std::string, std::string>, std::vector<db::OpenInstruction>> open_;
};

} // namespace govpub::adapters::import
