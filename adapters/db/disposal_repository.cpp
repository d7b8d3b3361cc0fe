// Reading and writing sql/*/005: lists, rows, replies, stores' disposals; stock of one GPN.
#include "adapters/db/disposal_repository.hpp"

#include "adapters/db/row_values.hpp"

namespace govpub::adapters::db {

namespace {

soci::indicator null_if_empty(const std::string& s) {
    return s.empty() ? soci::i_null : soci::i_ok;
}

constexpr const char* LIST_COLUMNS =
    "SELECT id, notice_no, period, store, agency, notice_date, reply_due FROM disposal_list ";

DisposalListRecord list_at(const soci::row& r) {
    return {int64_at(r, 0), text_at(r, 1), text_at(r, 2), text_at(r, 3),
            text_at(r, 4),  text_at(r, 5), text_at(r, 6)};
}

std::vector<DisposalListRecord> lists(soci::rowset<soci::row>& rows) {
    std::vector<DisposalListRecord> out;
    for (const auto& r : rows)
        out.push_back(list_at(r));
    return out;
}

long long last_id(soci::session& sql, const char* table) {
    long long id = 0;
    if (!sql.get_last_insert_id(table, id))
        throw DatabaseError(std::string("the database did not report the new ") + table +
                            " row's id");
    return id;
}

} // namespace

std::string disposal_notice_no(const std::string& period, const std::string& store,
                               const std::string& agency) {
    return "D" + period + "-" + store + "-" + agency;
}

long long save_disposal_list(soci::session& sql, const DisposalListRecord& list,
                             const std::vector<DisposalRowRecord>& rows) {
    sql << "INSERT INTO disposal_list (notice_no, period, store, agency, notice_date, reply_due) "
           "VALUES (:n, :p, :s, :a, :d, :r)",
        soci::use(list.notice_no), soci::use(list.period), soci::use(list.store),
        soci::use(list.agency), soci::use(list.notice_date), soci::use(list.reply_due);
    // By its unique notice number rather than the last insert id: the same on both backends.
    long long id = 0;
    sql << "SELECT id FROM disposal_list WHERE notice_no = :n", soci::into(id),
        soci::use(list.notice_no);
    for (const auto& row : rows) {
        long long on_hand = row.on_hand;
        soci::indicator reason = null_if_empty(row.reason);
        sql << "INSERT INTO disposal_row (list_id, gpn, on_hand, ground, reason, first_supplied, "
               "retention_end) VALUES (:l, :g, :o, :k, :r, :f, :e)",
            soci::use(id), soci::use(row.gpn), soci::use(on_hand), soci::use(row.ground),
            soci::use(row.reason, reason), soci::use(row.first_supplied),
            soci::use(row.retention_end);
    }
    return id;
}

std::optional<DisposalListRecord> find_disposal_list(soci::session& sql,
                                                     const std::string& notice_no) {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(LIST_COLUMNS) + "WHERE notice_no = :n", soci::use(notice_no));
    for (const auto& r : rows)
        return list_at(r);
    return std::nullopt;
}

std::optional<DisposalListRecord> find_disposal_list(soci::session& sql, const std::string& period,
                                                     const std::string& store,
                                                     const std::string& agency) {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(LIST_COLUMNS) +
                            "WHERE period = :p AND store = :s AND agency = :a",
         soci::use(period), soci::use(store), soci::use(agency));
    for (const auto& r : rows)
        return list_at(r);
    return std::nullopt;
}

std::vector<DisposalListRecord> disposal_lists_of_period(soci::session& sql,
                                                         const std::string& period) {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(LIST_COLUMNS) + "WHERE period = :p ORDER BY store, agency",
         soci::use(period));
    return lists(rows);
}

std::vector<DisposalListRecord> all_disposal_lists(soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(LIST_COLUMNS) + "ORDER BY period, store, agency");
    return lists(rows);
}

std::vector<DisposalRowRecord> disposal_rows(soci::session& sql, long long list_id) {
    std::vector<DisposalRowRecord> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT gpn, on_hand, ground, reason, first_supplied, retention_end FROM "
                        "disposal_row WHERE list_id = :l ORDER BY gpn",
         soci::use(list_id));
    for (const auto& r : rows)
        out.push_back({text_at(r, 0), int64_at(r, 1), text_at(r, 2),
                       optional_text_at(r, 3).value_or(""), text_at(r, 4), text_at(r, 5)});
    return out;
}

std::vector<DisposalReplyRecord> disposal_replies(soci::session& sql, long long list_id) {
    std::vector<DisposalReplyRecord> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT list_id, gpn, action, quantity, recipient, replied_on, "
                        "import_sha256, movement_id FROM disposal_reply WHERE list_id = :l "
                        "ORDER BY gpn",
         soci::use(list_id));
    for (const auto& r : rows)
        out.push_back({int64_at(r, 0), text_at(r, 1), text_at(r, 2), int64_at(r, 3),
                       optional_text_at(r, 4).value_or(""), text_at(r, 5), text_at(r, 6),
                       optional_int64_at(r, 7)});
    return out;
}

std::vector<UnansweredList> unanswered_disposal_lists(soci::session& sql,
                                                      const std::string& as_of) {
    std::vector<UnansweredList> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT l.notice_no, l.store, l.agency, l.period, l.notice_date, "
                        "l.reply_due, COUNT(*) FROM disposal_list l JOIN disposal_row r ON "
                        "r.list_id = l.id LEFT JOIN disposal_reply p ON p.list_id = r.list_id "
                        "AND p.gpn = r.gpn AND p.replied_on <= :d WHERE l.notice_date <= :d2 "
                        "AND p.gpn IS NULL GROUP BY l.id, l.notice_no, l.store, l.agency, "
                        "l.period, l.notice_date, l.reply_due ORDER BY l.reply_due, l.notice_no",
         soci::use(as_of), soci::use(as_of));
    for (const auto& r : rows)
        out.push_back({text_at(r, 0), text_at(r, 1), text_at(r, 2), text_at(r, 3), text_at(r, 4),
                       text_at(r, 5), static_cast<std::size_t>(int64_at(r, 6))});
    return out;
}

std::map<std::string, domain::StockMovements>
gpn_movements(soci::session& sql, const std::string& gpn, const std::string& as_of) {
    std::map<std::string, domain::StockMovements> m;
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT c.store, SUM(l.quantity - l.sample), SUM(l.sample) FROM "
                            "consignment_line l JOIN consignment c ON c.id = l.consignment_id "
                            "WHERE l.gpn = :g AND c.supply_date <= :d GROUP BY c.store",
             soci::use(gpn), soci::use(as_of));
        for (const auto& r : rows) {
            auto& x = m[text_at(r, 0)];
            x.consigned = int64_at(r, 1);
            x.samples = int64_at(r, 2);
        }
    }
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT store, SUM(quantity) FROM sale WHERE gpn = :g AND sale_date "
                            "<= :d GROUP BY store",
             soci::use(gpn), soci::use(as_of));
        for (const auto& r : rows) {
            auto& x = m[text_at(r, 0)];
            x.sold = int64_at(r, 1);
            x.had_sales = true;
        }
    }
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT store, action, SUM(quantity) FROM stock_movement WHERE gpn = "
                            ":g AND done_on <= :d GROUP BY store, action",
             soci::use(gpn), soci::use(as_of));
        for (const auto& r : rows) {
            auto& x = m[text_at(r, 0)];
            const std::string action = text_at(r, 1);
            (action == "return"   ? x.returned
             : action == "donate" ? x.donated
                                  : x.destroyed) = int64_at(r, 2);
        }
    }
    return m;
}

domain::AgencyHoldings agency_holdings(const std::map<std::string, domain::StockMovements>& stock) {
    domain::AgencyHoldings held;
    for (const auto& [store, movements] : stock) {
        const auto on_hand = domain::reconcile(movements).expected_on_hand;
        held.copies += (on_hand > 0 ? on_hand : 0) + movements.returned;
    }
    return held;
}

domain::AgencyHoldings agency_holdings(soci::session& sql, const std::string& gpn,
                                       const std::string& as_of) {
    return agency_holdings(gpn_movements(sql, gpn, as_of));
}

long long insert_stock_movement(soci::session& sql, const std::string& store,
                                const std::string& gpn, const std::string& action,
                                std::int64_t quantity, const std::string& done_on,
                                const std::string& recipient, const std::string& import_sha256) {
    long long q = quantity;
    soci::indicator to = null_if_empty(recipient);
    sql << "INSERT INTO stock_movement (store, gpn, action, quantity, done_on, recipient, "
           "import_sha256) VALUES (:s, :g, :a, :q, :d, :r, :h)",
        soci::use(store), soci::use(gpn), soci::use(action), soci::use(q), soci::use(done_on),
        soci::use(recipient, to), soci::use(import_sha256);
    return last_id(sql, "stock_movement");
}

void insert_disposal_reply(soci::session& sql, const DisposalReplyRecord& reply) {
    long long q = reply.quantity;
    long long movement = reply.movement_id.value_or(0);
    soci::indicator to = null_if_empty(reply.recipient);
    soci::indicator moved = reply.movement_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO disposal_reply (list_id, gpn, action, quantity, recipient, replied_on, "
           "import_sha256, movement_id) VALUES (:l, :g, :a, :q, :r, :d, :h, :m)",
        soci::use(reply.list_id), soci::use(reply.gpn), soci::use(reply.action), soci::use(q),
        soci::use(reply.recipient, to), soci::use(reply.replied_on), soci::use(reply.import_sha256),
        soci::use(movement, moved);
}

std::vector<OpenInstruction> open_instructions(soci::session& sql, const std::string& store,
                                               const std::string& gpn) {
    std::vector<OpenInstruction> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT l.id, l.notice_no, l.notice_date, p.action, p.recipient, "
                        "p.quantity, p.quantity - COALESCE((SELECT SUM(d.confirmed) FROM "
                        "store_disposal d WHERE d.confirms_list = p.list_id AND d.gpn = p.gpn), "
                        "0) FROM disposal_reply p JOIN disposal_list l ON l.id = p.list_id WHERE "
                        "l.store = :s AND p.gpn = :g AND p.action <> 'keep' ORDER BY "
                        "l.notice_date, l.id",
         soci::use(store), soci::use(gpn));
    for (const auto& r : rows) {
        OpenInstruction o{int64_at(r, 0),
                          text_at(r, 1),
                          text_at(r, 2),
                          text_at(r, 3),
                          optional_text_at(r, 4).value_or(""),
                          int64_at(r, 5),
                          int64_at(r, 6)};
        if (o.open > 0)
            out.push_back(std::move(o));
    }
    return out;
}

void insert_store_disposal(soci::session& sql, const StoreDisposalRecord& d) {
    long long q = d.quantity, confirmed = d.confirmed;
    long long line = static_cast<long long>(d.line_no);
    long long list = d.confirms_list.value_or(0), movement = d.movement_id.value_or(0);
    soci::indicator to = null_if_empty(d.recipient), why = null_if_empty(d.reason);
    soci::indicator listed = d.confirms_list ? soci::i_ok : soci::i_null;
    soci::indicator moved = d.movement_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO store_disposal (store, gpn, action, quantity, done_on, recipient, reason, "
           "import_sha256, line_no, confirms_list, confirmed, movement_id) VALUES (:s, :g, :a, "
           ":q, :d, :r, :w, :h, :n, :l, :c, :m)",
        soci::use(d.store), soci::use(d.gpn), soci::use(d.action), soci::use(q),
        soci::use(d.done_on), soci::use(d.recipient, to), soci::use(d.reason, why),
        soci::use(d.import_sha256), soci::use(line), soci::use(list, listed), soci::use(confirmed),
        soci::use(movement, moved);
}

std::map<std::pair<std::string, std::string>, std::string>
first_supply_dates(soci::session& sql, const std::string& as_of) {
    std::map<std::pair<std::string, std::string>, std::string> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT c.store, l.gpn, MIN(c.supply_date) FROM consignment_line l JOIN "
                        "consignment c ON c.id = l.consignment_id WHERE c.supply_date <= :d "
                        "GROUP BY c.store, l.gpn",
         soci::use(as_of));
    for (const auto& r : rows)
        out[{text_at(r, 0), text_at(r, 1)}] = text_at(r, 2);
    return out;
}

} // namespace govpub::adapters::db
