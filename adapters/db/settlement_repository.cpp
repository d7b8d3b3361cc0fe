// SQL for settlement: streaming reads of sales, bulk writes of statements.
#include "adapters/db/settlement_repository.hpp"

#include "adapters/db/bulk_insert.hpp"
#include "adapters/db/row_values.hpp"

namespace govpub::adapters::db {

std::optional<ClosedSettlement> SettlementRepository::closed(const std::string& period) {
    soci::rowset<soci::row> rows =
        (db_.session().prepare << "SELECT period, period_from, period_to, settled_on, closed_at, "
                                  "result_json FROM settlement WHERE period = :p",
         soci::use(period));
    for (const auto& r : rows)
        return ClosedSettlement{text_at(r, 0), text_at(r, 1), text_at(r, 2),
                                text_at(r, 3), text_at(r, 4), text_at(r, 5)};
    return std::nullopt;
}

std::optional<std::string> SettlementRepository::latest_closed() {
    soci::indicator ind = soci::i_null;
    std::string latest;
    db_.session() << "SELECT MAX(period) FROM settlement", soci::into(latest, ind);
    if (ind != soci::i_ok)
        return std::nullopt;
    return latest;
}

std::optional<std::string>
SettlementRepository::earliest_unsettled_before(const std::string& iso_date) {
    soci::indicator ind = soci::i_null;
    std::string earliest;
    db_.session() << "SELECT MIN(sale_date) FROM sale WHERE settled_period IS NULL AND "
                     "sale_date < :d",
        soci::into(earliest, ind), soci::use(iso_date);
    if (ind != soci::i_ok)
        return std::nullopt;
    return earliest;
}

void SettlementRepository::for_each_unsettled(
    const std::string& iso_date, const std::function<void(const UnsettledSale&)>& visit) {
    // Bulk fetch into vectors: one round trip per 10 000 rows instead of one per row.
    constexpr std::size_t BATCH = 10'000;
    std::vector<std::string> store(BATCH), gpn(BATCH), day(BATCH);
    std::vector<long long> quantity(BATCH), price(BATCH);
    soci::statement st =
        (db_.session().prepare << "SELECT store, gpn, sale_date, quantity, catalogue_list_price "
                                  "FROM sale WHERE settled_period IS NULL AND sale_date <= :d",
         soci::into(store), soci::into(gpn), soci::into(day), soci::into(quantity),
         soci::into(price), soci::use(iso_date));
    st.execute();
    while (st.fetch()) {
        for (std::size_t i = 0; i < store.size(); ++i)
            visit(UnsettledSale{store[i], gpn[i], day[i], quantity[i], price[i]});
        for (auto* v : {&store, &gpn, &day})
            v->resize(BATCH);
        quantity.resize(BATCH);
        price.resize(BATCH);
    }
}

std::map<std::pair<std::string, std::string>, long long>
SettlementRepository::carried_balances(const std::string& period) {
    std::map<std::pair<std::string, std::string>, long long> balances;
    soci::rowset<soci::row> rows =
        (db_.session().prepare
             << "SELECT st.store, st.agency, st.carried_out FROM statement st JOIN (SELECT store, "
                "agency, MAX(period) AS last_period FROM statement WHERE period < :p GROUP BY "
                "store, agency) last ON last.store = st.store AND last.agency = st.agency AND "
                "last.last_period = st.period",
         soci::use(period));
    for (const auto& r : rows)
        balances[{text_at(r, 0), text_at(r, 1)}] = int64_at(r, 2);
    return balances;
}

void SettlementRepository::close(const ClosedSettlement& s,
                                 const std::vector<domain::Statement>& statements,
                                 const std::string& through) {
    auto& sql = db_.session();
    sql << "INSERT INTO settlement (period, period_from, period_to, settled_on, closed_at, "
           "result_json) VALUES (:p, :f, :t, :s, :c, :j)",
        soci::use(s.period), soci::use(s.from), soci::use(s.to), soci::use(s.settled_on),
        soci::use(s.closed_at), soci::use(s.result_json);
    // Column vectors written in bulk per table: a settlement has tens of thousands of lines,
    // and a statement prepared per row cost more than the arithmetic.
    std::vector<std::string> period, store, agency, due, line_period, line_store, line_agency, gpn;
    std::vector<long long> lv, pay, com, cin, amount_due, cout, price, quantity, value, payable;
    std::vector<int> exempt, line_no, rate, late;
    for (const auto& st : statements) {
        period.push_back(s.period);
        store.push_back(st.store);
        agency.push_back(st.agency);
        lv.push_back(st.list_value);
        pay.push_back(st.payable);
        com.push_back(st.commission);
        cin.push_back(st.carried_in);
        amount_due.push_back(st.amount_due);
        cout.push_back(st.carried_out);
        due.push_back(domain::to_iso(st.due_date));
        exempt.push_back(st.procurement_exempt ? 1 : 0);
        int n = 0;
        for (const auto& line : st.lines) {
            line_period.push_back(s.period);
            line_store.push_back(st.store);
            line_agency.push_back(st.agency);
            line_no.push_back(++n);
            gpn.push_back(line.gpn);
            price.push_back(line.list_price);
            rate.push_back(line.rate_bp);
            late.push_back(line.late ? 1 : 0);
            quantity.push_back(line.quantity);
            value.push_back(line.list_value);
            payable.push_back(line.payable);
        }
    }
    bulk_insert(db_, "statement",
                {{"period", period},
                 {"store", store},
                 {"agency", agency},
                 {"list_value", lv},
                 {"payable", pay},
                 {"commission", com},
                 {"carried_in", cin},
                 {"amount_due", amount_due},
                 {"carried_out", cout},
                 {"due_date", due},
                 {"procurement_exempt", exempt}});
    bulk_insert(db_, "statement_line",
                {{"period", line_period},
                 {"store", line_store},
                 {"agency", line_agency},
                 {"line_no", line_no},
                 {"gpn", gpn},
                 {"list_price", price},
                 {"rate_bp", rate},
                 {"late", late},
                 {"quantity", quantity},
                 {"list_value", value},
                 {"payable", payable}});
    sql << "UPDATE sale SET settled_period = :p WHERE settled_period IS NULL AND sale_date <= :d",
        soci::use(s.period), soci::use(through);
}

std::vector<domain::Statement> SettlementRepository::statements(const std::string& period) {
    std::vector<domain::Statement> out;
    soci::rowset<soci::row> rows =
        (db_.session().prepare << "SELECT store, agency, list_value, payable, commission, "
                                  "carried_in, amount_due, carried_out, due_date, "
                                  "procurement_exempt FROM statement WHERE period = :p ORDER BY "
                                  "store, agency",
         soci::use(period));
    for (const auto& r : rows) {
        domain::Statement s;
        s.store = text_at(r, 0);
        s.agency = text_at(r, 1);
        s.list_value = int64_at(r, 2);
        s.payable = int64_at(r, 3);
        s.commission = int64_at(r, 4);
        s.carried_in = int64_at(r, 5);
        s.amount_due = int64_at(r, 6);
        s.carried_out = int64_at(r, 7);
        s.due_date = domain::parse_date_or_throw("due_date", text_at(r, 8));
        s.procurement_exempt = int64_at(r, 9) != 0;
        out.push_back(std::move(s));
    }
    soci::rowset<soci::row> lines =
        (db_.session().prepare << "SELECT store, agency, gpn, list_price, rate_bp, late, "
                                  "quantity, list_value, payable FROM statement_line WHERE "
                                  "period = :p ORDER BY store, agency, line_no",
         soci::use(period));
    std::size_t k = 0;
    for (const auto& r : lines) {
        while (k < out.size() && (out[k].store != text_at(r, 0) || out[k].agency != text_at(r, 1)))
            ++k;
        if (k == out.size())
            break;
        domain::StatementLine line;
        line.gpn = text_at(r, 2);
        line.list_price = int64_at(r, 3);
        line.rate_bp = static_cast<int>(int64_at(r, 4));
        line.late = int64_at(r, 5) != 0;
        line.quantity = int64_at(r, 6);
        line.list_value = int64_at(r, 7);
        line.payable = int64_at(r, 8);
        out[k].lines.push_back(std::move(line));
    }
    return out;
}

std::vector<PaymentDue> SettlementRepository::payments_due(const std::string& iso_date) {
    std::vector<PaymentDue> due;
    soci::rowset<soci::row> rows =
        (db_.session().prepare
             << "SELECT st.period, st.store, st.agency, st.amount_due, st.due_date FROM "
                "statement st JOIN settlement se ON se.period = st.period "
                "WHERE st.amount_due > 0 AND se.settled_on <= :d "
                "ORDER BY st.due_date, st.store, st.agency, st.period",
         soci::use(iso_date));
    for (const auto& r : rows)
        due.push_back({text_at(r, 0), text_at(r, 1), text_at(r, 2), int64_at(r, 3), text_at(r, 4)});
    return due;
}

} // namespace govpub::adapters::db
