// Validation and upsert of the master data files.
#include "adapters/import/master_import.hpp"

#include "adapters/import/cell_values.hpp"
#include "domain/date.hpp"

namespace govpub::adapters::import {

namespace {

// Master rows are few: an existence check then UPDATE or INSERT is portable across dialects
// and keeps the SQL readable.
bool exists(soci::session& sql, const std::string& query, const std::string& key) {
    int n = 0;
    sql << query, soci::into(n), soci::use(key);
    return n > 0;
}

soci::indicator ind(const std::string& s) { return s.empty() ? soci::i_null : soci::i_ok; }

struct Issues {
    const TableRow& row;
    const ColumnMap& columns;
    std::vector<LineIssue>& out;
    void add(const char* id, std::string_view value, std::string rule) const {
        out.push_back({row.line, columns.has(id) ? columns.header_name(id) : id,
                       std::string(value), std::move(rule)});
    }
};

std::optional<std::string> code_cell(const Issues& is, const char* id) {
    auto cell = is.columns.get(is.row, id);
    auto code = domain::parse_code(id, cell);
    if (!code) {
        is.add(id, cell, code.error);
        return std::nullopt;
    }
    return *code;
}

} // namespace

void MasterImport::store(const std::set<std::size_t>& rejected_lines) {
    for (const auto& p : pending_)
        if (!rejected_lines.count(p.line))
            p.write(db_.session());
}

bool MasterImport::first_time(const std::string& key, const TableRow& row,
                              const std::string& column, std::vector<LineIssue>& issues) {
    auto [it, inserted] = seen_.emplace(key, row.line);
    if (!inserted)
        issues.push_back({row.line, column, key,
                          "appears again; first on line " + std::to_string(it->second)});
    return inserted;
}

std::optional<std::string> publication_kind(std::string_view text) {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> kinds{
        {"book", {"book", "圖書"}},
        {"serial", {"serial", "連續性出版品", "期刊"}},
        {"non_book", {"non_book", "非書資料"}},
        {"electronic", {"electronic", "電子出版品"}},
        {"pamphlet", {"pamphlet", "文宣資料", "小冊子", "文宣資料、小冊子"}}};
    std::string t(text);
    for (auto& c : t)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& [code, names] : kinds)
        for (const auto& n : names)
            if (t == n)
                return code;
    return std::nullopt;
}

std::vector<ColumnSpec> AgencyImport::columns() const {
    return {{"code", {"code", "機關代碼"}, true},     {"name", {"name", "機關名稱"}, true},
            {"contact", {"contact", "聯絡人"}, false}, {"phone", {"phone", "電話"}, false},
            {"fax", {"fax", "傳真"}, false},           {"address", {"address", "地址"}, false},
            {"email", {"email", "電子郵件"}, false}};
}

void AgencyImport::row(const TableRow& row, const ColumnMap& c, std::vector<LineIssue>& issues,
                       std::vector<LineIssue>&) {
    Issues is{row, c, issues};
    auto code = code_cell(is, "code");
    std::string name(c.get(row, "name"));
    if (name.empty())
        is.add("name", "", "an agency needs its name");
    if (!code || name.empty() || !first_time(*code, row, c.header_name("code"), issues))
        return;
    auto get = [&](const char* id) { return std::string(c.has(id) ? c.get(row, id) : ""); };
    std::vector<std::string> v{*code, name, get("contact"), get("phone"), get("fax"),
                               get("address"), get("email")};
    pending_.push_back({row.line, [v](soci::session& sql) mutable {
        std::vector<soci::indicator> in;
        for (const auto& x : v)
            in.push_back(ind(x));
        std::string update = "UPDATE agency SET name = :n, contact = :c, phone = :p, fax = :f, "
                             "address = :a, email = :e WHERE code = :code";
        std::string insert = "INSERT INTO agency (name, contact, phone, fax, address, email, "
                             "code) VALUES (:n, :c, :p, :f, :a, :e, :code)";
        bool known = exists(sql, "SELECT COUNT(*) FROM agency WHERE code = :c", v[0]);
        sql << (known ? update : insert), soci::use(v[1]), soci::use(v[2], in[2]),
            soci::use(v[3], in[3]), soci::use(v[4], in[4]), soci::use(v[5], in[5]),
            soci::use(v[6], in[6]), soci::use(v[0]);
    }});
}

std::vector<ColumnSpec> StoreImport::columns() const {
    return {{"code", {"code", "門市代碼"}, true}, {"name", {"name", "門市名稱"}, true},
            {"address", {"address", "地址"}, false}, {"email", {"email", "電子郵件"}, false}};
}

void StoreImport::row(const TableRow& row, const ColumnMap& c, std::vector<LineIssue>& issues,
                      std::vector<LineIssue>&) {
    Issues is{row, c, issues};
    auto code = code_cell(is, "code");
    std::string name(c.get(row, "name"));
    if (name.empty())
        is.add("name", "", "a store needs its name");
    if (!code || name.empty() || !first_time(*code, row, c.header_name("code"), issues))
        return;
    auto get = [&](const char* id) { return std::string(c.has(id) ? c.get(row, id) : ""); };
    std::vector<std::string> v{*code, name, get("address"), get("email")};
    pending_.push_back({row.line, [v](soci::session& sql) mutable {
        soci::indicator address = ind(v[2]), email = ind(v[3]);
        bool known = exists(sql, "SELECT COUNT(*) FROM store WHERE code = :c", v[0]);
        sql << (known ? "UPDATE store SET name = :n, address = :a, email = :e WHERE code = :c"
                      : "INSERT INTO store (name, address, email, code) VALUES (:n, :a, :e, :c)"),
            soci::use(v[1]), soci::use(v[2], address), soci::use(v[3], email), soci::use(v[0]);
    }});
}

std::vector<ColumnSpec> ContractImport::columns() const {
    return {{"agency", {"agency", "機關代碼"}, true},
            {"store", {"store", "門市代碼"}, true},
            {"payout_rate", {"payout_rate", "結帳比率"}, true},
            {"procurement_exempt", {"procurement_exempt", "公開評選"}, false},
            {"payment_days", {"payment_days", "付款天數"}, false},
            {"valid_from", {"valid_from", "生效日"}, true},
            {"shipping_payer", {"shipping_payer", "運費負擔"}, false}};
}

void ContractImport::row(const TableRow& row, const ColumnMap& c, std::vector<LineIssue>& issues,
                         std::vector<LineIssue>&) {
    Issues is{row, c, issues};
    const std::size_t before = issues.size();
    domain::Contract k;
    if (auto a = code_cell(is, "agency")) {
        k.agency = *a;
        if (!catalogue_.has_agency(k.agency))
            is.add("agency", k.agency, "is not a known agency: import agencies first");
    }
    if (auto s = code_cell(is, "store")) {
        k.store = *s;
        if (!catalogue_.has_store(k.store))
            is.add("store", k.store, "is not a known store: import stores first");
    }
    auto rate = domain::parse_rate_percent(c.get(row, "payout_rate"));
    if (!rate)
        is.add("payout_rate", c.get(row, "payout_rate"), rate.error);
    auto exempt = parse_flag(c.has("procurement_exempt") ? c.get(row, "procurement_exempt") : "",
                             "procurement_exempt", false);
    if (!exempt)
        is.add("procurement_exempt", c.get(row, "procurement_exempt"), exempt.error);
    k.payment_days = default_payment_days_;
    if (c.has("payment_days") && !c.get(row, "payment_days").empty()) {
        auto days = parse_whole_number(c.get(row, "payment_days"), "payment_days");
        if (!days)
            is.add("payment_days", c.get(row, "payment_days"), days.error);
        else if (*days < 0 || *days > 366)
            is.add("payment_days", c.get(row, "payment_days"),
                   "a payment term is 0 to 366 days");
        else
            k.payment_days = static_cast<int>(*days);
    }
    auto from = domain::parse_date(c.get(row, "valid_from"));
    if (!from)
        is.add("valid_from", c.get(row, "valid_from"), from.error);
    std::string payer(c.has("shipping_payer") ? c.get(row, "shipping_payer") : "");
    if (payer == "agency" || payer == "機關")
        k.shipping_payer = domain::ShippingPayer::agency;
    else if (payer == "store" || payer == "門市")
        k.shipping_payer = domain::ShippingPayer::store;
    else if (!payer.empty())
        is.add("shipping_payer", payer, "must be agency (機關) or store (門市)");
    if (issues.size() != before)
        return;
    k.rate_bp = *rate;
    k.procurement_exempt = *exempt;
    k.valid_from = *from;
    // 要點11(3). payment_days was range-checked above, so a refusal here is normally the
    // rate's; the field says which column to name either way.
    if (auto problem = domain::contract_problem(k)) {
        const char* id =
            problem->field == domain::ContractField::payment_days ? "payment_days" : "payout_rate";
        // An empty or absent payment_days cell took the configured default: show that value.
        std::string value = c.has(id) && !c.get(row, id).empty() ? std::string(c.get(row, id))
                                                                 : std::to_string(k.payment_days);
        is.add(id, value, problem->message());
        return;
    }
    const std::string from_iso = domain::to_iso(k.valid_from);
    if (!first_time(k.agency + "/" + k.store + "/" + from_iso, row, c.header_name("valid_from"),
                    issues))
        return;
    pending_.push_back({row.line, [k, from_iso](soci::session& sql) mutable {
        int exempt_flag = k.procurement_exempt ? 1 : 0;
        int n = 0;
        sql << "SELECT COUNT(*) FROM contract WHERE agency = :a AND store = :s AND valid_from = :f",
            soci::into(n), soci::use(k.agency), soci::use(k.store), soci::use(from_iso);
        std::string payer = k.shipping_payer ? domain::to_string(*k.shipping_payer) : "";
        soci::indicator payer_ind = ind(payer);
        sql << (n ? "UPDATE contract SET rate_bp = :r, procurement_exempt = :e, payment_days = "
                    ":d, shipping_payer = :p WHERE agency = :a AND store = :s AND valid_from = :f"
                  : "INSERT INTO contract (rate_bp, procurement_exempt, payment_days, "
                    "shipping_payer, agency, store, valid_from) VALUES (:r, :e, :d, :p, :a, :s, "
                    ":f)"),
            soci::use(k.rate_bp), soci::use(exempt_flag), soci::use(k.payment_days),
            soci::use(payer, payer_ind), soci::use(k.agency), soci::use(k.store),
            soci::use(from_iso);
    }});
}

std::vector<ColumnSpec> PublicationImport::columns() const {
    return {{"gpn", {"gpn", "GPN"}, true},
            {"isbn", {"isbn", "ISBN"}, false},
            {"issn", {"issn", "ISSN"}, false},
            {"title", {"title", "書名"}, true},
            {"agency", {"agency", "機關代碼"}, true},
            {"kind", {"kind", "類型"}, true},
            {"list_price", {"list_price", "定價"}, true},
            {"pub_date", {"pub_date", "出版日期"}, false},
            {"price_valid_from", {"price_valid_from", "定價生效日"}, false}};
}

void PublicationImport::row(const TableRow& row, const ColumnMap& c,
                            std::vector<LineIssue>& issues, std::vector<LineIssue>& warnings) {
    Issues is{row, c, issues};
    const std::size_t before = issues.size();
    auto gpn = domain::parse_gpn(c.get(row, "gpn"), rules_);
    if (!gpn)
        is.add("gpn", c.get(row, "gpn"), gpn.error);
    for (const auto& w : gpn.warnings)
        warnings.push_back({row.line, c.header_name("gpn"), std::string(c.get(row, "gpn")), w});
    std::string isbn;
    if (c.has("isbn") && !c.get(row, "isbn").empty()) {
        auto parsed = domain::parse_isbn(c.get(row, "isbn"));
        if (!parsed)
            is.add("isbn", c.get(row, "isbn"), parsed.error);
        else
            isbn = *parsed;
    }
    std::string issn;
    if (c.has("issn") && !c.get(row, "issn").empty()) {
        auto parsed = domain::parse_issn(c.get(row, "issn"));
        if (!parsed)
            is.add("issn", c.get(row, "issn"), parsed.error);
        else
            issn = *parsed;
    }
    std::string title(c.get(row, "title"));
    if (title.empty())
        is.add("title", "", "a publication needs its title");
    auto agency = code_cell(is, "agency");
    if (agency && !catalogue_.has_agency(*agency))
        is.add("agency", *agency, "is not a known agency: import agencies first");
    auto kind = publication_kind(c.get(row, "kind"));
    if (!kind)
        is.add("kind", c.get(row, "kind"),
               "must be book, serial, non_book, electronic or pamphlet (要點6(5))");
    auto price = parse_price(c.get(row, "list_price"), "list price");
    if (!price)
        is.add("list_price", c.get(row, "list_price"), price.error);
    std::string pub_date;
    if (c.has("pub_date") && !c.get(row, "pub_date").empty()) {
        auto d = domain::parse_date(c.get(row, "pub_date"));
        if (!d)
            is.add("pub_date", c.get(row, "pub_date"), d.error);
        else
            pub_date = domain::to_iso(*d);
    }
    std::string price_from;
    if (c.has("price_valid_from") && !c.get(row, "price_valid_from").empty()) {
        auto d = domain::parse_date(c.get(row, "price_valid_from"));
        if (!d)
            is.add("price_valid_from", c.get(row, "price_valid_from"), d.error);
        else
            price_from = domain::to_iso(*d);
    }
    if (issues.size() != before)
        return;
    const std::string g = gpn->digits;
    if (!first_time(g, row, c.header_name("gpn"), issues))
        return;
    if (!isbn.empty()) {
        auto [it, fresh] = isbn_lines_.emplace(isbn, row.line);
        const std::string* owner = catalogue_.gpn_for_isbn(isbn);
        if (!fresh)
            is.add("isbn", c.get(row, "isbn"),
                   "ISBN " + isbn + " is already on line " + std::to_string(it->second));
        else if (owner && *owner != g)
            is.add("isbn", c.get(row, "isbn"),
                   "ISBN " + isbn + " already belongs to GPN " + *owner +
                       " (one GPN per publication and form, SPEC §3)");
        if (!fresh || (owner && *owner != g))
            return;
    }
    // A price change needs the day it takes effect, or earlier sales would be repriced.
    const auto* known = catalogue_.publication(g);
    if (known && !known->prices.empty() && price_from.empty() &&
        known->prices.back().second != *price) {
        is.add("list_price", c.get(row, "list_price"),
               "changes the list price of GPN " + g + " from " +
                   std::to_string(known->prices.back().second) +
                   ": give price_valid_from (定價生效日) so earlier sales keep their price");
        return;
    }
    if (price_from.empty())
        price_from = known && !known->prices.empty() ? known->prices.back().first : "0001-01-01";
    long long list_price = *price;
    std::string a = *agency, k = *kind;
    pending_.push_back({row.line, [=](soci::session& sql) mutable {
        soci::indicator isbn_ind = ind(isbn), issn_ind = ind(issn), date_ind = ind(pub_date);
        bool present = exists(sql, "SELECT COUNT(*) FROM publication WHERE gpn = :g", g);
        sql << (present ? "UPDATE publication SET isbn13 = :i, issn = :s, title = :t, agency = "
                          ":a, kind = :k, pub_date = :d WHERE gpn = :g"
                        : "INSERT INTO publication (isbn13, issn, title, agency, kind, pub_date, "
                          "gpn) VALUES (:i, :s, :t, :a, :k, :d, :g)"),
            soci::use(isbn, isbn_ind), soci::use(issn, issn_ind), soci::use(title), soci::use(a),
            soci::use(k), soci::use(pub_date, date_ind), soci::use(g);
        int n = 0;
        sql << "SELECT COUNT(*) FROM publication_price WHERE gpn = :g AND valid_from = :f",
            soci::into(n), soci::use(g), soci::use(price_from);
        sql << (n ? "UPDATE publication_price SET list_price = :p WHERE gpn = :g AND valid_from = :f"
                  : "INSERT INTO publication_price (list_price, gpn, valid_from) VALUES (:p, :g, :f)"),
            soci::use(list_price), soci::use(g), soci::use(price_from);
    }});
}

std::vector<ColumnSpec> StockCountImport::columns() const {
    return {{"store", {"store", "門市代碼"}, true},
            {"gpn", {"gpn", "GPN"}, true},
            {"counted_on", {"counted_on", "盤點日期"}, true},
            {"quantity", {"quantity", "數量"}, true}};
}

void StockCountImport::row(const TableRow& row, const ColumnMap& c,
                           std::vector<LineIssue>& issues, std::vector<LineIssue>&) {
    Issues is{row, c, issues};
    const std::size_t before = issues.size();
    auto store = code_cell(is, "store");
    if (store && !catalogue_.has_store(*store))
        is.add("store", *store, "is not a known store: import stores first");
    auto gpn = domain::parse_gpn(c.get(row, "gpn"), rules_);
    if (!gpn)
        is.add("gpn", c.get(row, "gpn"), gpn.error);
    else if (!catalogue_.publication(gpn->digits))
        is.add("gpn", c.get(row, "gpn"), "GPN " + gpn->digits + " is not in the catalogue");
    auto day = domain::parse_date(c.get(row, "counted_on"));
    if (!day)
        is.add("counted_on", c.get(row, "counted_on"), day.error);
    auto quantity = parse_whole_number(c.get(row, "quantity"), "quantity");
    if (!quantity)
        is.add("quantity", c.get(row, "quantity"), quantity.error);
    else if (*quantity < 0)
        is.add("quantity", c.get(row, "quantity"), "a stock count cannot be negative");
    if (issues.size() != before)
        return;
    std::string s = *store, g = gpn->digits, d = domain::to_iso(*day);
    if (!first_time(s + "/" + g + "/" + d, row, c.header_name("gpn"), issues))
        return;
    long long q = *quantity;
    pending_.push_back({row.line, [this, s, g, d, q](soci::session& sql) {
        int n = 0;
        sql << "SELECT COUNT(*) FROM stock_count WHERE store = :s AND gpn = :g AND counted_on = :d",
            soci::into(n), soci::use(s), soci::use(g), soci::use(d);
        sql << (n ? "UPDATE stock_count SET quantity = :q, import_sha256 = :h WHERE store = :s "
                    "AND gpn = :g AND counted_on = :d"
                  : "INSERT INTO stock_count (quantity, import_sha256, store, gpn, counted_on) "
                    "VALUES (:q, :h, :s, :g, :d)"),
            soci::use(q), soci::use(sha256_), soci::use(s), soci::use(g), soci::use(d);
    }});
}

} // namespace govpub::adapters::import
