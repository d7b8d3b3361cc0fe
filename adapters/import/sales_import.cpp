// Validating sales lines against the catalogue, staging them, and storing them in bulk.
#include "adapters/import/sales_import.hpp"

#include "adapters/config/crash_point.hpp"
#include "adapters/db/bulk_insert.hpp"
#include "adapters/db/row_values.hpp"
#include "adapters/import/cell_values.hpp"
#include "domain/date.hpp"

namespace govpub::adapters::import {

namespace {

constexpr std::size_t BATCH = 10'000;

// Line numbers the deletion of rejected lines names per statement.
constexpr std::size_t DELETE_CHUNK = 1'000;

// The stage lives only in this connection. It is made before the import's transaction and
// dropped after it: MySQL commits implicitly on CREATE INDEX and on DROP TABLE without
// TEMPORARY, so neither may run inside. The primary key is the line number, which keeps
// rows in file order and makes the deletion of rejected lines a lookup.
const char* STAGE_COLUMNS =
    "store VARCHAR(32) NOT NULL, sale_date CHAR(10) NOT NULL, gpn CHAR(10) NOT NULL, "
    "quantity BIGINT NOT NULL, catalogue_list_price BIGINT NOT NULL, stated_list_price BIGINT, "
    "sale_price BIGINT, txn_id VARCHAR(64)";

std::string stage_table(db::Dialect dialect) {
    if (dialect == db::Dialect::mysql) // an inline index: CREATE INDEX would commit
        return std::string("CREATE TEMPORARY TABLE sale_stage (line_no BIGINT NOT NULL PRIMARY "
                           "KEY, ") +
               STAGE_COLUMNS +
               ", INDEX (txn_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_bin";
    return std::string("CREATE TEMPORARY TABLE sale_stage (line_no INTEGER PRIMARY KEY, ") +
           STAGE_COLUMNS + ")";
}

const char* drop_stage(db::Dialect dialect) {
    return dialect == db::Dialect::mysql ? "DROP TEMPORARY TABLE IF EXISTS sale_stage"
                                         : "DROP TABLE IF EXISTS temp.sale_stage";
}

} // namespace

SalesImport::SalesImport(db::Database& db, const db::Catalogue& catalogue,
                         domain::GpnRules gpn_rules, std::optional<std::string> store)
    : db_(db), catalogue_(catalogue), gpn_rules_(std::move(gpn_rules)),
      forced_store_(std::move(store)) {}

std::vector<ColumnSpec> SalesImport::columns() const {
    return {{"store", {"store", "門市代碼"}, false},
            {"sale_date", {"sale_date", "銷售日期"}, true},
            {"gpn", {"gpn", "GPN"}, false},
            {"isbn", {"isbn", "ISBN"}, false},
            {"title", {"title", "書名"}, false},
            {"quantity", {"quantity", "數量"}, true},
            {"list_price", {"list_price", "定價"}, false},
            {"sale_price", {"sale_price", "售價"}, false},
            {"txn_id", {"txn_id", "交易序號"}, false}};
}

std::string SalesImport::header_example() const {
    return "store,sale_date,gpn,isbn,title,quantity,list_price,sale_price,txn_id";
}

void SalesImport::columns_found(const ColumnMap& columns, const std::string& file,
                                std::size_t header_line) {
    if (!columns.has("gpn") && !columns.has("isbn"))
        throw InputError(file, header_line, "", "",
                         "needs a gpn (GPN) or an isbn (ISBN) column to know what was sold");
    if (!columns.has("store") && !forced_store_)
        throw InputError(file, header_line, "", "",
                         "has no store (門市代碼) column: add one or give --store CODE");
    if (forced_store_ && !catalogue_.has_store(*forced_store_))
        throw InputError(file, 0, "--store", *forced_store_,
                         "is not a known store: import stores first");
}

void SalesImport::prepare() {
    db_.session() << drop_stage(db_.dialect()); // left by an import that died midway
    db_.session() << stage_table(db_.dialect());
}

void SalesImport::begin(const std::string& sha256) { sha256_ = sha256; }

void SalesImport::finish() noexcept {
    try {
        db_.session() << drop_stage(db_.dialect());
    } catch (...) {
        // The connection is broken; a temporary table goes with it.
    }
}

void SalesImport::row(const TableRow& row, const ColumnMap& columns, std::vector<LineIssue>& issues,
                      std::vector<LineIssue>& warnings) {
    const std::size_t before = issues.size();
    auto issue = [&](const char* id, std::string_view value, std::string rule) {
        issues.push_back({row.line, columns.has(id) ? columns.header_name(id) : id,
                          std::string(value), std::move(rule)});
    };

    // Store: one store per file, and it must agree with --store.
    std::string store_code = forced_store_.value_or("");
    if (columns.has("store")) {
        std::string cell(columns.get(row, "store"));
        if (!cell.empty()) {
            if (forced_store_ && cell != *forced_store_)
                issue("store", cell, "contradicts --store " + *forced_store_);
            store_code = cell;
        }
    }
    if (store_code.empty()) {
        issue("store", "", "is empty: every line needs its store (or give --store)");
    } else if (!catalogue_.has_store(store_code)) {
        issue("store", store_code, "is not a known store code: import stores first");
    } else if (!file_store_) {
        file_store_ = store_code;
        file_store_line_ = row.line;
    } else if (*file_store_ != store_code) {
        issue("store", store_code,
              "a sales file holds one store's lines; line " + std::to_string(file_store_line_) +
                  " says " + *file_store_);
    }

    auto date_cell = columns.get(row, "sale_date");
    auto date = parse_business_date(
        date_cell, gpn_rules_.current_roc_year ? gpn_rules_.current_roc_year + 1911 : 0);
    if (!date)
        issue("sale_date", date_cell, date.error);

    // What was sold: a GPN, or an ISBN the catalogue knows; both must agree.
    std::string gpn;
    std::string_view gpn_cell = columns.has("gpn") ? columns.get(row, "gpn") : "";
    std::string_view isbn_cell = columns.has("isbn") ? columns.get(row, "isbn") : "";
    if (!gpn_cell.empty()) {
        auto parsed = domain::parse_gpn(gpn_cell, gpn_rules_);
        if (!parsed)
            issue("gpn", gpn_cell, parsed.error);
        else if (!catalogue_.publication(parsed->digits))
            issue("gpn", gpn_cell, "GPN " + parsed->digits + " is not in the catalogue");
        else
            gpn = parsed->digits;
    }
    if (!isbn_cell.empty()) {
        auto isbn = domain::parse_isbn(isbn_cell);
        if (!isbn) {
            issue("isbn", isbn_cell, isbn.error);
        } else if (const std::string* found = catalogue_.gpn_for_isbn(*isbn)) {
            if (!gpn.empty() && *found != gpn)
                issue("isbn", isbn_cell,
                      "ISBN " + *isbn + " belongs to GPN " + *found + ", not to " + gpn);
            else if (gpn_cell.empty())
                gpn = *found;
        } else if (gpn_cell.empty()) {
            issue("isbn", isbn_cell, "ISBN " + *isbn + " is not in the catalogue");
        }
    }
    if (gpn_cell.empty() && isbn_cell.empty())
        issue("gpn", "", "is empty, and so is isbn: each line needs one of them");

    auto quantity = parse_whole_number(columns.get(row, "quantity"), "quantity");
    if (!quantity)
        issue("quantity", columns.get(row, "quantity"), quantity.error);
    else if (*quantity == 0)
        issue("quantity", columns.get(row, "quantity"),
              "quantity must not be 0 (negative for a customer's return)");

    std::optional<long long> stated;
    if (columns.has("list_price") && !columns.get(row, "list_price").empty()) {
        auto p = parse_price(columns.get(row, "list_price"), "list price");
        if (!p)
            issue("list_price", columns.get(row, "list_price"), p.error);
        else
            stated = *p;
    }
    std::optional<long long> sale_price;
    if (columns.has("sale_price") && !columns.get(row, "sale_price").empty()) {
        auto p = parse_price(columns.get(row, "sale_price"), "sale price");
        if (!p)
            issue("sale_price", columns.get(row, "sale_price"), p.error);
        else
            sale_price = *p;
    }
    std::string txn(columns.has("txn_id") ? columns.get(row, "txn_id") : "");
    if (txn.size() > 64)
        issue("txn_id", txn, "a transaction id has at most 64 characters");

    std::optional<domain::Ntd> catalogue_price;
    if (!gpn.empty() && date) {
        catalogue_price = catalogue_.price_on(gpn, domain::to_iso(*date));
        if (!catalogue_price)
            issue("sale_date", date_cell,
                  "GPN " + gpn + " has no list price in the catalogue on " + domain::to_iso(*date));
    }
    if (issues.size() != before)
        return;

    // SPEC §4.5: the payout uses the catalogue price; a different stated price is a warning.
    if (stated && *stated != *catalogue_price)
        warnings.push_back({row.line, columns.header_name("list_price"), std::to_string(*stated),
                            "differs from the catalogue's list price " +
                                std::to_string(*catalogue_price) + " for GPN " + gpn +
                                "; the catalogue price is used"});

    line_no_.push_back(static_cast<long long>(row.line));
    store_.push_back(store_code);
    sale_date_.push_back(domain::to_iso(*date));
    gpn_.push_back(gpn);
    quantity_.push_back(*quantity);
    catalogue_price_.push_back(*catalogue_price);
    stated_price_.push_back(stated.value_or(0));
    stated_ind_.push_back(stated ? soci::i_ok : soci::i_null);
    sale_price_.push_back(sale_price.value_or(0));
    sale_price_ind_.push_back(sale_price ? soci::i_ok : soci::i_null);
    txn_id_.push_back(txn);
    txn_ind_.push_back(txn.empty() ? soci::i_null : soci::i_ok);
    if (line_no_.size() >= BATCH)
        flush();
}

void SalesImport::flush() {
    if (line_no_.empty())
        return;
    config::crash_point("sales.batch");
    db::bulk_insert(db_, "sale_stage",
                    {{"line_no", line_no_},
                     {"store", store_},
                     {"sale_date", sale_date_},
                     {"gpn", gpn_},
                     {"quantity", quantity_},
                     {"catalogue_list_price", catalogue_price_},
                     {"stated_list_price", stated_price_, stated_ind_},
                     {"sale_price", sale_price_, sale_price_ind_},
                     {"txn_id", txn_id_, txn_ind_}});
    for (auto* v : {&line_no_, &quantity_, &catalogue_price_, &stated_price_, &sale_price_})
        v->clear();
    for (auto* v : {&store_, &sale_date_, &gpn_, &txn_id_})
        v->clear();
    for (auto* v : {&stated_ind_, &sale_price_ind_, &txn_ind_})
        v->clear();
}

void SalesImport::check(std::vector<LineIssue>& issues) {
    flush();
    auto& sql = db_.session();
    if (db_.dialect() == db::Dialect::sqlite) // transactional here, and faster once loaded
        sql << "CREATE INDEX temp.sale_stage_txn ON sale_stage (txn_id)";
    // SPEC §4.5: a transaction id seen before in the file is a duplicate line. One ordered
    // scan, fetched in batches: MySQL cannot open a temporary table twice in one statement.
    constexpr std::size_t BATCH_ROWS = 10'000;
    std::vector<std::string> txn(BATCH_ROWS);
    std::vector<long long> line(BATCH_ROWS);
    soci::statement in_file =
        (sql.prepare << "SELECT txn_id, line_no FROM sale_stage WHERE txn_id IS NOT NULL ORDER "
                        "BY txn_id, line_no",
         soci::into(txn), soci::into(line));
    in_file.execute();
    std::string previous;
    long long first_line = 0;
    while (in_file.fetch()) {
        for (std::size_t i = 0; i < txn.size(); ++i) {
            if (txn[i] == previous && first_line > 0) {
                issues.push_back({static_cast<std::size_t>(line[i]), "txn_id", txn[i],
                                  "duplicate transaction id: already on line " +
                                      std::to_string(first_line) + " of this file"});
            } else {
                previous = txn[i];
                first_line = line[i];
            }
        }
        txn.resize(BATCH_ROWS);
        line.resize(BATCH_ROWS);
    }
    // From the stage into sale's (store, txn_id) key. MariaDB, misled by the fresh stage's
    // statistics, otherwise walks every stored sale (3 s at a million).
    const std::string in_order = db_.dialect() == db::Dialect::mysql ? "STRAIGHT_JOIN " : "";
    soci::rowset<soci::row> stored =
        (sql.prepare << "SELECT " + in_order +
                            "s.line_no, s.txn_id, f.file_name, e.line_no FROM sale_stage s "
                            "JOIN sale e ON e.store = s.store AND e.txn_id = s.txn_id "
                            "JOIN import_file f ON f.sha256 = e.import_sha256");
    for (const auto& r : stored)
        issues.push_back(
            {static_cast<std::size_t>(db::int64_at(r, 0)), "txn_id", r.get<std::string>(1),
             "duplicate transaction id: already imported from " + r.get<std::string>(2) + " line " +
                 std::to_string(db::int64_at(r, 3))});
}

void SalesImport::store(const std::set<std::size_t>& rejected_lines) {
    auto& sql = db_.session();
    // Whole numbers only in the text; one statement per chunk rather than one per line,
    // which is what a vector-bound DELETE costs on SOCI's MySQL backend.
    for (auto it = rejected_lines.begin(); it != rejected_lines.end();) {
        std::string in;
        for (std::size_t n = 0; n < DELETE_CHUNK && it != rejected_lines.end(); ++n, ++it) {
            if (n > 0)
                in += ',';
            in += std::to_string(*it);
        }
        sql << "DELETE FROM sale_stage WHERE line_no IN (" + in + ")";
    }
    sql << "INSERT INTO sale (store, sale_date, gpn, quantity, catalogue_list_price, "
           "stated_list_price, sale_price, txn_id, import_sha256, line_no) SELECT store, "
           "sale_date, gpn, quantity, catalogue_list_price, stated_list_price, sale_price, "
           "txn_id, :h, line_no FROM sale_stage ORDER BY line_no",
        soci::use(sha256_);
}

} // namespace govpub::adapters::import
