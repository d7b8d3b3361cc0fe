// Validating consignment rows against the catalogue and the sample rule; storing the lists
// with their shipping payer and the store's sample register.
#include "adapters/import/consignment_import.hpp"

#include "adapters/db/bulk_insert.hpp"
#include "adapters/db/row_values.hpp"
#include "adapters/import/cell_values.hpp"
#include "adapters/import/consignment_form_reader.hpp"
#include "domain/date.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <algorithm>

namespace govpub::adapters::import {

namespace {

//! The column that holds the cell a consignment rule is about.
const char* column_of(domain::ConsignmentField field) {
    switch (field) {
    case domain::ConsignmentField::quantity:
        return "quantity";
    case domain::ConsignmentField::sample:
        return "sample";
    case domain::ConsignmentField::list_price:
        return "list_price";
    case domain::ConsignmentField::gpn:
        return "gpn";
    }
    return "gpn";
}

} // namespace

std::unique_ptr<TableReader> ConsignmentImport::open(const std::filesystem::path& file,
                                                     const std::string& display_name) {
    auto table = open_table(file, display_name, header_example());
    if (table->format() == "xlsx" && ConsignmentFormReader::looks_like_form(file)) {
        auto form = std::make_unique<ConsignmentFormReader>(file, display_name);
        form_ = form->labels();
        is_form_ = true;
        return form;
    }
    return table;
}

std::vector<ColumnSpec> ConsignmentImport::columns() const {
    const bool in_table = !is_form_; // the form gives these in its header block
    return {{"list_no", {"list_no", "清單編號"}, false},
            {"agency", {"agency", "機關代碼"}, in_table},
            {"store", {"store", "門市代碼"}, in_table},
            {"supply_date", {"supply_date", "供貨日期"}, in_table},
            {"gpn", {"gpn", "GPN"}, true},
            {"title", {"title", "出版品名稱"}, false},
            {"list_price", {"list_price", "定價"}, true},
            {"quantity", {"quantity", "數量"}, true},
            {"sample", {"sample", "樣品"}, false}};
}

const std::set<ConsignmentImport::StoreGpn>&
ConsignmentImport::stored_pairs(std::optional<std::set<StoreGpn>>& cache, const char* query) {
    if (!cache) {
        cache.emplace();
        soci::rowset<soci::row> rows = db_.session().prepare << query;
        for (const auto& r : rows)
            cache->emplace(db::text_at(r, 0), db::text_at(r, 1));
    }
    return *cache;
}

bool ConsignmentImport::consigned_before(const std::string& store, const std::string& gpn,
                                         const ListKey& list) {
    auto it = first_list_.find({store, gpn});
    if (it != first_list_.end())
        return !(it->second == list);
    const bool in_db = stored_pairs(consigned_in_db_,
                                    "SELECT DISTINCT c.store, l.gpn FROM consignment_line l JOIN "
                                    "consignment c ON c.id = l.consignment_id")
                           .count({store, gpn}) > 0;
    // Only a GPN new to this store makes the list being read its first consignment; once the
    // database has one, every row of every list in this file comes after it (要點11(2)).
    if (!in_db)
        first_list_.emplace(std::make_pair(store, gpn), list);
    return in_db;
}

bool ConsignmentImport::sample_registered(const std::string& store, const std::string& gpn) {
    if (samples_in_file_.count({store, gpn}))
        return true;
    return stored_pairs(samples_in_db_, "SELECT DISTINCT store, gpn FROM sample_register")
               .count({store, gpn}) > 0;
}

void ConsignmentImport::row(const TableRow& row, const ColumnMap& c,
                            std::vector<LineIssue>& issues, std::vector<LineIssue>& warnings) {
    const std::size_t before = issues.size();
    auto add = [&](const char* id, std::string_view value, std::string rule) {
        issues.push_back({row.line, c.has(id) ? c.header_name(id) : id, std::string(value),
                          std::move(rule)});
    };
    auto cell_or_form = [&](const char* id, const char* label) -> std::string {
        if (c.has(id) && !c.get(row, id).empty())
            return std::string(c.get(row, id));
        auto it = form_.find(label);
        return it == form_.end() ? "" : it->second;
    };

    ListKey list;
    std::string agency_text = cell_or_form("agency", "出版機關／單位");
    if (const auto* code = catalogue_.agency_code_by_name_or_code(agency_text))
        list.agency = *code;
    else
        add("agency", agency_text, "is not a known agency code or name: import agencies first");
    std::string store_text = cell_or_form("store", "展售門市");
    if (const auto* code = catalogue_.store_code_by_name_or_code(store_text))
        list.store = *code;
    else
        add("store", store_text, "is not a known store code or name: import stores first");
    std::string date_text = cell_or_form("supply_date", "供貨日期");
    auto supply = parse_business_date(date_text, rules_.current_roc_year
                                                     ? rules_.current_roc_year + 1911
                                                     : 0);
    if (!supply)
        add("supply_date", date_text, supply.error);
    else
        list.supply_date = domain::to_iso(*supply);
    list.list_no = cell_or_form("list_no", "清單編號"); // may be empty: see check()

    domain::ConsignmentRow r;
    auto gpn = domain::parse_gpn(c.get(row, "gpn"), rules_);
    const db::CataloguePublication* pub = nullptr;
    if (!gpn) {
        add("gpn", c.get(row, "gpn"), gpn.error);
    } else if (!(pub = catalogue_.publication(gpn->digits))) {
        add("gpn", c.get(row, "gpn"), "GPN " + gpn->digits + " is not in the catalogue");
    } else {
        r.gpn = gpn->digits;
        if (!list.agency.empty() && pub->agency != list.agency)
            add("gpn", c.get(row, "gpn"),
                "GPN " + r.gpn + " is published by " + pub->agency + ", not by " + list.agency);
    }
    r.title = c.has("title") ? std::string(c.get(row, "title")) : "";
    auto price = parse_price(c.get(row, "list_price"), "list price");
    if (!price)
        add("list_price", c.get(row, "list_price"), price.error);
    auto quantity = parse_whole_number(c.get(row, "quantity"), "quantity");
    if (!quantity)
        add("quantity", c.get(row, "quantity"), quantity.error);
    auto sample = parse_flag(c.has("sample") ? c.get(row, "sample") : "", "sample", false);
    if (!sample)
        add("sample", c.get(row, "sample"), sample.error);
    if (issues.size() != before)
        return;

    r.list_price = *price;
    r.quantity = *quantity;
    r.sample = *sample ? 1 : 0;
    domain::ConsignmentHistory history{consigned_before(list.store, r.gpn, list),
                                       sample_registered(list.store, r.gpn)};
    auto problem =
        domain::check_consignment_row(r, history, catalogue_.price_on(r.gpn, list.supply_date));
    if (problem) {
        const char* id = column_of(problem->field);
        add(id, c.has(id) ? c.get(row, id) : "", problem->message());
        return;
    }
    if (!r.title.empty() && r.title != pub->title)
        warnings.push_back({row.line, c.header_name("title"), r.title,
                            "differs from the catalogue's title 「" + pub->title + "」"});
    if (r.sample)
        samples_in_file_.insert({list.store, r.gpn});
    if (!lists_.count(list))
        list_order_.push_back(list);
    lists_[list].push_back({row.line, r});
}

void ConsignmentImport::check(std::vector<LineIssue>& issues) {
    for (const auto& list : list_order_) {
        std::string number = list.list_no;
        if (number.empty()) {
            // 附件一 has no list number. One made from what the list says (not from the
            // file's bytes) recognises the same list re-saved in another file.
            std::vector<std::string> rows;
            for (const auto& r : lists_[list])
                rows.push_back(r.row.gpn + "," + std::to_string(r.row.list_price) + "," +
                               std::to_string(r.row.quantity) + "," +
                               std::to_string(r.row.sample));
            std::sort(rows.begin(), rows.end());
            Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
            engine.update(list.agency + "|" + list.store + "|" + list.supply_date);
            for (const auto& r : rows)
                engine.update("|" + r);
            number = list.supply_date + "-" +
                     Poco::DigestEngine::digestToHex(engine.digest()).substr(0, 12);
        }
        list_numbers_[list] = number;
        soci::rowset<soci::row> earlier =
            (db_.session().prepare << "SELECT f.file_name, f.imported_at FROM consignment c "
                                      "JOIN import_file f ON f.sha256 = c.import_sha256 WHERE "
                                      "c.agency = :a AND c.store = :s AND c.list_no = :n",
             soci::use(list.agency), soci::use(list.store), soci::use(number));
        for (const auto& r : earlier)
            for (const auto& row : lists_[list])
                issues.push_back({row.line, "list_no", number,
                                  "consignment list " + number + " from " + list.agency +
                                      " to " + list.store + " was already imported from " +
                                      db::text_at(r, 0) + " on " + db::text_at(r, 1) +
                                      "; it would count its copies twice"});
    }
}

void ConsignmentImport::store(const std::set<std::size_t>& rejected_lines) {
    auto& sql = db_.session();
    // The lists' headers one by one (few, and each needs its id back); their lines and
    // samples in bulk afterwards: row by row, 62,500 lines took half a minute on MariaDB.
    std::vector<long long> line_list, line_price, line_quantity;
    std::vector<int> line_no, line_sample;
    std::vector<std::string> line_gpn;
    std::vector<std::string> sample_store, sample_gpn;
    std::vector<long long> sample_list;
    for (const auto& list : list_order_) {
        std::vector<const Row*> rows;
        for (const auto& r : lists_[list])
            if (!rejected_lines.count(r.line))
                rows.push_back(&r);
        if (rows.empty())
            continue;
        int earlier = 0;
        sql << "SELECT COUNT(*) FROM consignment WHERE agency = :a AND store = :s",
            soci::into(earlier), soci::use(list.agency), soci::use(list.store);
        auto terms = contracts_.in_force(list.agency, list.store,
                                         domain::parse_date_or_throw("supply_date",
                                                                     list.supply_date));
        std::string payer =
            domain::to_string(domain::shipping_payer(earlier == 0, terms.shipping_payer));
        sql << "INSERT INTO consignment (list_no, agency, store, supply_date, shipping_payer, "
               "import_sha256) VALUES (:n, :a, :s, :d, :p, :h)",
            soci::use(list_numbers_[list]), soci::use(list.agency), soci::use(list.store),
            soci::use(list.supply_date), soci::use(payer), soci::use(sha256_);
        long long id = 0;
        sql << "SELECT id FROM consignment WHERE agency = :a AND store = :s AND list_no = :n",
            soci::into(id), soci::use(list.agency), soci::use(list.store),
            soci::use(list_numbers_[list]);
        int n = 0;
        for (const Row* r : rows) {
            line_list.push_back(id);
            line_no.push_back(++n);
            line_gpn.push_back(r->row.gpn);
            line_price.push_back(r->row.list_price);
            line_quantity.push_back(r->row.quantity);
            line_sample.push_back(r->row.sample ? 1 : 0);
            if (r->row.sample) { // 要點11(2): the store keeps a register of its samples
                sample_store.push_back(list.store);
                sample_gpn.push_back(r->row.gpn);
                sample_list.push_back(id);
            }
        }
    }
    if (!line_list.empty())
        db::bulk_insert(db_, "consignment_line",
                        {{"consignment_id", line_list},
                         {"line_no", line_no},
                         {"gpn", line_gpn},
                         {"list_price", line_price},
                         {"quantity", line_quantity},
                         {"sample", line_sample}});
    if (!sample_list.empty())
        db::bulk_insert(db_, "sample_register",
                        {{"store", sample_store}, {"gpn", sample_gpn}, {"consignment_id", sample_list}});
}

} // namespace govpub::adapters::import
