// Validation of an agency's replies to its disposal lists, and the stock they move.
#include "adapters/import/reply_import.hpp"

#include "adapters/import/cell_values.hpp"
#include "adapters/import/row_cells.hpp"
#include "domain/errors.hpp"

#include <algorithm>

namespace govpub::adapters::import {

namespace {

// Movements counted whatever their date: a reply may not spend a copy a later file moved.
constexpr const char* EVERYTHING = "9999-12-31";

std::string copies(std::int64_t n) { return std::to_string(n) + (n == 1 ? " copy" : " copies"); }

} // namespace

std::optional<std::string> disposal_action(std::string_view text) {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> actions{
        {"return", {"return", "退還"}},
        {"donate", {"donate", "轉贈"}},
        {"destroy", {"destroy", "銷毀"}},
        {"keep", {"keep", "續售"}}};
    std::string t(text);
    for (auto& c : t)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& [action, words] : actions)
        if (std::find(words.begin(), words.end(), t) != words.end())
            return action;
    return std::nullopt;
}

const std::map<std::string, domain::StockMovements>&
DisposalStock::stock(const std::string& gpn, const std::string& as_of) {
    auto key = std::make_pair(gpn, as_of);
    auto found = cache_.find(key);
    if (found == cache_.end())
        found = cache_.emplace(key, db::gpn_movements(sql_, gpn, as_of)).first;
    return found->second;
}

std::int64_t DisposalStock::on_hand(const std::string& store, const std::string& gpn,
                                    const std::string& as_of) {
    auto expected = [&](const std::string& day) -> std::int64_t {
        const auto& by_store = stock(gpn, day);
        auto it = by_store.find(store);
        return it == by_store.end() ? 0 : domain::reconcile(it->second).expected_on_hand;
    };
    auto taken = taken_.find({store, gpn});
    return std::min(expected(EVERYTHING), expected(as_of)) -
           (taken == taken_.end() ? 0 : taken->second);
}

domain::AgencyHoldings DisposalStock::holdings(const std::string& gpn) {
    auto held = db::agency_holdings(stock(gpn, EVERYTHING));
    auto removed = removed_.find(gpn);
    if (removed != removed_.end())
        held.copies = std::max<std::int64_t>(0, held.copies - removed->second);
    return held;
}

void DisposalStock::take(const std::string& store, const std::string& gpn,
                         const std::string& action, std::int64_t quantity) {
    taken_[{store, gpn}] += quantity;
    if (action == "donate" || action == "destroy")
        removed_[gpn] += quantity;
}

std::vector<ColumnSpec> ReplyImport::columns() const {
    return {{"notice", {"notice", "通知編號"}, true},
            {"gpn", {"gpn", "GPN"}, true},
            {"action", {"action", "處理方式"}, true},
            {"quantity", {"quantity", "數量"}, false},
            {"recipient", {"recipient", "受贈單位"}, false},
            {"replied_on", {"replied_on", "回覆日期"}, false}};
}

void ReplyImport::begin(const std::string& sha256) {
    sha256_ = sha256;
    stock_.emplace(db_.session());
}

const db::DisposalListRecord* ReplyImport::list(const std::string& notice_no) {
    auto found = lists_.find(notice_no);
    if (found == lists_.end()) {
        found = lists_.emplace(notice_no, db::find_disposal_list(db_.session(), notice_no)).first;
        if (found->second) {
            const long long id = found->second->id;
            for (auto& r : db::disposal_rows(db_.session(), id))
                rows_[id].emplace(r.gpn, r);
            for (auto& r : db::disposal_replies(db_.session(), id))
                replies_[id].emplace(r.gpn, r);
        }
    }
    return found->second ? &*found->second : nullptr;
}

void ReplyImport::row(const TableRow& row, const ColumnMap& columns, std::vector<LineIssue>& issues,
                      std::vector<LineIssue>& warnings) {
    const RowCells c{row, columns, issues};
    const std::size_t before = issues.size();
    auto add = [&](const char* id, const std::string& value, std::string rule) {
        issues.push_back(
            {row.line, columns.has(id) ? columns.header_name(id) : id, value, std::move(rule)});
    };
    const int current_year = rules_.current_roc_year ? rules_.current_roc_year + 1911 : 0;

    const std::string notice = c.get("notice");
    const db::DisposalListRecord* l = notice.empty() ? nullptr : list(notice);
    if (notice.empty())
        c.add("notice", notice, "give the notice number of the disposal list (通知編號)");
    else if (!l)
        c.add("notice", notice,
              "is not the number of any disposal list: copy 通知編號 from the request as sent");
    auto gpn = domain::parse_gpn(c.get("gpn"), rules_);
    const db::DisposalRowRecord* listed = nullptr;
    if (!gpn)
        c.add("gpn", c.get("gpn"), gpn.error);
    else if (l) {
        auto& of_list = rows_[l->id];
        auto it = of_list.find(gpn->digits);
        if (it == of_list.end())
            c.add("gpn", c.get("gpn"),
                  "GPN " + gpn->digits + " is not on disposal list " + l->notice_no +
                      " (要點11(4)): answer only the rows the list names");
        else
            listed = &it->second;
    }
    auto action = disposal_action(c.get("action"));
    if (!action)
        c.add("action", c.get("action"),
              "must be return, donate, destroy or keep (退還, 轉贈, 銷毀, 續售; 要點11(4))");
    std::optional<std::int64_t> quantity;
    const std::string quantity_cell = c.get("quantity");
    if (quantity_cell.empty()) {
        if (action && *action != "keep")
            add("quantity", quantity_cell, "give how many copies to " + *action);
        else if (listed)
            quantity = listed->on_hand; // keep with no count: every copy on the list stays
    } else if (auto q = parse_whole_number(quantity_cell, "quantity"); !q)
        c.add("quantity", quantity_cell, q.error);
    else if (*q <= 0)
        c.add("quantity", quantity_cell, "the quantity must be at least 1");
    else if (listed && *q > listed->on_hand)
        c.add("quantity", quantity_cell,
              "is more than the " + copies(listed->on_hand) + " of GPN " + listed->gpn +
                  " on disposal list " + l->notice_no);
    else
        quantity = *q;
    std::string recipient = c.get("recipient");
    if (action && *action == "donate" && recipient.empty())
        add("recipient", recipient, "a donation names its recipient (受贈單位; SPEC §4.8)");
    std::string replied_on = domain::to_iso(today_);
    if (const std::string cell = c.get("replied_on"); !cell.empty()) {
        auto day = parse_business_date(cell, current_year);
        if (!day)
            c.add("replied_on", cell, day.error);
        else if (*day > today_)
            c.add("replied_on", cell, "is after today, " + domain::to_iso(today_));
        else
            replied_on = domain::to_iso(*day);
    }
    if (issues.size() != before)
        return;
    if (replied_on < l->notice_date) {
        add("replied_on", replied_on,
            "is before the notice of " + l->notice_no + " on " + l->notice_date);
        return;
    }
    if (!first_time(l->notice_no + " / GPN " + listed->gpn, row, columns.header_name("gpn"),
                    issues))
        return;
    if (auto answered = replies_[l->id].find(listed->gpn); answered != replies_[l->id].end()) {
        const auto& a = answered->second;
        c.add("gpn", c.get("gpn"),
              "GPN " + a.gpn + " on " + l->notice_no + " was answered already (" + a.action + ", " +
                  copies(a.quantity) + ", on " + a.replied_on +
                  "): each row is answered once (要點11(4))");
        return;
    }
    if (*action != "donate" && !recipient.empty()) {
        warnings.push_back({row.line, columns.header_name("recipient"), recipient,
                            "only a donation has a recipient; ignored for " + *action});
        recipient.clear();
    }
    if (replied_on > l->reply_due)
        warnings.push_back({row.line, columns.header_name("notice"), notice,
                            "answered on " + replied_on + ", after the reply was due on " +
                                l->reply_due + " (要點11(4))"});

    const std::int64_t n = *quantity;
    if (*action != "keep") {
        const std::int64_t left = stock_->on_hand(l->store, listed->gpn, replied_on);
        if (n > left) {
            c.add(
                "quantity", quantity_cell,
                "store " + l->store + " is expected to have " +
                    copies(std::max<std::int64_t>(0, left)) + " of GPN " + listed->gpn +
                    " left (after sales, other disposals and the "
                    "earlier lines of this file); expected on hand cannot go below 0 (SPEC §4.7)");
            return;
        }
        if (*action != "return") {
            const auto held = stock_->holdings(listed->gpn);
            std::optional<std::string> problem;
            try {
                problem = domain::last_copy_problem(l->agency, listed->gpn, held, n);
            } catch (const domain::InvalidValue& e) {
                problem = e.rule();
            }
            if (problem) {
                c.add("action", c.get("action"), *problem + " (要點7)");
                return;
            }
        }
        stock_->take(l->store, listed->gpn, *action, n);
    }
    db::DisposalReplyRecord reply{l->id,     listed->gpn, *action, n,
                                  recipient, replied_on,  sha256_, {}};
    replies_[l->id].emplace(listed->gpn, reply);
    const std::string store = l->store;
    pending_.push_back({row.line, [this, reply, store](soci::session& sql) mutable {
                            if (reply.action != "keep")
                                reply.movement_id = db::insert_stock_movement(
                                    sql, store, reply.gpn, reply.action, reply.quantity,
                                    reply.replied_on, reply.recipient, sha256_);
                            db::insert_disposal_reply(sql, reply);
                        }});
}

} // namespace govpub::adapters::import
