// Validation of a store's disposals: confirmations of replies, and movements of their own.
#include "adapters/import/disposal_import.hpp"

#include "adapters/import/cell_values.hpp"
#include "adapters/import/row_cells.hpp"
#include "domain/errors.hpp"

#include <algorithm>

namespace govpub::adapters::import {

namespace {

std::string copies(std::int64_t n) { return std::to_string(n) + (n == 1 ? " copy" : " copies"); }

} // namespace

std::vector<ColumnSpec> DisposalImport::columns() const {
    return {
        {"store", {"store", "門市代碼"}, true},   {"gpn", {"gpn", "GPN"}, true},
        {"action", {"action", "處理方式"}, true}, {"quantity", {"quantity", "數量"}, true},
        {"done_on", {"done_on", "日期"}, true},   {"recipient", {"recipient", "受贈單位"}, false},
        {"reason", {"reason", "淘汰原因"}, false}};
}

void DisposalImport::begin(const std::string& sha256) {
    sha256_ = sha256;
    stock_.emplace(db_.session());
    first_supplied_ = db::first_supply_dates(db_.session(), "9999-12-31");
}

std::vector<db::OpenInstruction>& DisposalImport::instructions(const std::string& store,
                                                               const std::string& gpn) {
    auto key = std::make_pair(store, gpn);
    auto found = open_.find(key);
    if (found == open_.end())
        found = open_.emplace(key, db::open_instructions(db_.session(), store, gpn)).first;
    return found->second;
}

void DisposalImport::row(const TableRow& row, const ColumnMap& columns,
                         std::vector<LineIssue>& issues, std::vector<LineIssue>& warnings) {
    const RowCells c{row, columns, issues};
    const std::size_t before = issues.size();
    auto add = [&](const char* id, const std::string& value, std::string rule) {
        issues.push_back(
            {row.line, columns.has(id) ? columns.header_name(id) : id, value, std::move(rule)});
    };
    const int current_year = rules_.current_roc_year ? rules_.current_roc_year + 1911 : 0;

    auto store = domain::parse_code("store", c.get("store"));
    if (!store)
        c.add("store", c.get("store"), store.error);
    else if (!catalogue_.has_store(*store))
        c.add("store", *store, "is not a known store: import stores first");
    auto gpn = domain::parse_gpn(c.get("gpn"), rules_);
    const db::CataloguePublication* publication = catalogued(c, gpn, catalogue_);
    auto action = disposal_action(c.get("action"));
    if (!action || *action == "keep")
        c.add("action", c.get("action"),
              action ? "keep (續售) is not a disposal: leave the copies out of this file"
                     : "must be return, donate or destroy (退還, 轉贈, 銷毀)");
    auto quantity = parse_whole_number(c.get("quantity"), "quantity");
    if (!quantity)
        c.add("quantity", c.get("quantity"), quantity.error);
    else if (*quantity <= 0)
        c.add("quantity", c.get("quantity"), "the quantity must be at least 1");
    auto done = parse_business_date(c.get("done_on"), current_year);
    if (!done)
        c.add("done_on", c.get("done_on"), done.error);
    else if (*done > today_)
        c.add("done_on", c.get("done_on"), "is after today, " + domain::to_iso(today_));
    std::string recipient = c.get("recipient");
    if (action && *action == "donate" && recipient.empty())
        add("recipient", recipient, "a donation names its recipient (受贈單位; SPEC §4.8)");
    std::optional<domain::WeedingReason> reason;
    if (const std::string cell = c.get("reason"); !cell.empty()) {
        auto parsed = domain::parse_weeding_reason(cell);
        if (!parsed)
            c.add("reason", cell, parsed.error);
        else
            reason = *parsed;
    }
    if (issues.size() != before)
        return;
    const std::string done_on = domain::to_iso(*done);
    if (!first_time(*store + " / GPN " + gpn->digits + " / " + *action + " / " + done_on + " / " +
                        recipient,
                    row, columns.header_name("gpn"), issues))
        return;
    if (*action != "donate" && !recipient.empty()) {
        warnings.push_back({row.line, columns.header_name("recipient"), recipient,
                            "only a donation has a recipient; ignored for " + *action});
        recipient.clear();
    }

    // Confirmation first: copies an applied reply moved already must not move again.
    db::StoreDisposalRecord record{*store,
                                   gpn->digits,
                                   *action,
                                   *quantity,
                                   done_on,
                                   recipient,
                                   reason ? std::string(domain::to_string(*reason)) : "",
                                   sha256_,
                                   row.line,
                                   {},
                                   0,
                                   {}};
    auto& open = instructions(*store, gpn->digits);
    auto fits = [&](const db::OpenInstruction& o) {
        return o.open > 0 && o.action == *action && o.notice_date <= done_on;
    };
    auto carried_out = std::find_if(open.begin(), open.end(), fits);
    if (carried_out != open.end()) {
        record.confirms_list = carried_out->list_id;
        record.confirmed = std::min(carried_out->open, *quantity);
        if (*action == "donate" && recipient != carried_out->recipient)
            warnings.push_back({row.line, columns.header_name("recipient"), recipient,
                                "the reply to " + carried_out->notice_no + " named " +
                                    carried_out->recipient + " as the recipient"});
        if (record.confirmed < *quantity) {
            auto second = std::find_if(std::next(carried_out), open.end(), fits);
            if (second != open.end()) {
                c.add("quantity", c.get("quantity"),
                      "carries out the replies to " + carried_out->notice_no + " and " +
                          second->notice_no + " at once: give one line per notice");
                return;
            }
        }
    }
    const std::int64_t own = *quantity - record.confirmed;
    if (own > 0) {
        const std::int64_t left = stock_->on_hand(*store, gpn->digits, done_on);
        if (own > left) {
            c.add("quantity", c.get("quantity"),
                  (record.confirmed ? std::to_string(record.confirmed) +
                                          " carry out the reply "
                                          "to " +
                                          carried_out->notice_no + "; the other " + copies(own)
                                    : copies(own)) +
                      " would leave store " + *store + " below 0 of GPN " + gpn->digits +
                      ": it is expected to have " + copies(std::max<std::int64_t>(0, left)) +
                      " (SPEC §4.7)");
            return;
        }
        if (*action != "return") {
            auto kind = domain::parse_publication_kind(publication->kind);
            auto first = first_supplied_.find({*store, gpn->digits});
            if (kind && first != first_supplied_.end()) {
                const auto verdict = domain::may_weed(
                    *kind, domain::parse_date_or_throw("supply_date", first->second), *done,
                    reason);
                if (!verdict.allowed) {
                    c.add("action", c.get("action"),
                          "GPN " + gpn->digits + " at " + *store + ": " + verdict.message());
                    return;
                }
            }
            std::optional<std::string> problem;
            try {
                problem = domain::last_copy_problem(publication->agency, gpn->digits,
                                                    stock_->holdings(gpn->digits), own);
            } catch (const domain::InvalidValue& e) {
                problem = e.rule();
            }
            if (problem) {
                c.add("action", c.get("action"), *problem + " (要點7)");
                return;
            }
            warnings.push_back({row.line, columns.header_name("action"), c.get("action"),
                                copies(own) + " of GPN " + gpn->digits +
                                    " were not instructed by a reply of agency " +
                                    publication->agency + " (要點11(4))"});
        }
        stock_->take(*store, gpn->digits, *action, own);
    }
    if (carried_out != open.end())
        carried_out->open -= record.confirmed;
    pending_.push_back({row.line, [this, record](soci::session& sql) mutable {
                            const std::int64_t own = record.quantity - record.confirmed;
                            if (own > 0)
                                record.movement_id = db::insert_stock_movement(
                                    sql, record.store, record.gpn, record.action, own,
                                    record.done_on, record.recipient, sha256_);
                            db::insert_store_disposal(sql, record);
                        }});
}

} // namespace govpub::adapters::import
