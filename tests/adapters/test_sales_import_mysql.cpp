// Sales imports and settlement writes behave the same on SQLite and on MariaDB: a file is one
// transaction, and every row arrives exactly once (SPEC §4.5, FACTS.md on SOCI's MySQL backend).
#include "adapters/config/settings.hpp"
#include "adapters/db/bulk_insert.hpp"
#include "adapters/db/database.hpp"
#include "adapters/db/row_values.hpp"
#include "adapters/db/settlement_repository.hpp"
#include "adapters/import/master_import.hpp"
#include "adapters/import/sales_import.hpp"
#include "tests/support/test_support.hpp"

#include <cctype>
#include <cstdlib>
#include <gtest/gtest.h>
#include <optional>
#include <unistd.h>

namespace govpub::adapters::import {
namespace {

namespace fs = std::filesystem;
using govpub::test::source_dir;
using govpub::test::TempDir;
using govpub::test::write_file;

const domain::GpnRules RULES{"12", 115};

// The MariaDB server to test against: GOVPUB_TEST_MYSQL_URL, else the socket of the server
// ctest starts (GOVPUB_TEST_MYSQL_SOCKET). Neither set: the MySQL half is skipped.
std::optional<std::string> mysql_server_url() {
    if (const char* url = std::getenv("GOVPUB_TEST_MYSQL_URL"); url && *url)
        return std::string(url);
    if (const char* socket = std::getenv("GOVPUB_TEST_MYSQL_SOCKET");
        socket && *socket && fs::exists(socket))
        return "mysql://root@localhost/mysql?socket=" + std::string(socket);
    return std::nullopt;
}

// `url` naming the database `name` instead of its own.
std::string with_database(const std::string& url, const std::string& name) {
    const auto query = url.find('?');
    const auto slash = url.rfind('/', query);
    return url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

// A database of its own for each test: ctest runs tests side by side.
std::string test_database_name() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "govpub_test_" + std::to_string(getpid()) + "_";
    for (char c : std::string(info->name()))
        name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return name.substr(0, 64);
}

long long scalar(db::Database& db, const std::string& query) {
    soci::row r;
    db.session() << query, soci::into(r);
    return db::int64_at(r, 0);
}

// `count` lines of store S01, numbered from `first_txn`: three titles whose catalogue price
// holds on 2026-03-02, every 7th line without a transaction id, every 5th without a sale
// price, every 50th a customer's return.
std::string sales_csv(std::size_t count, std::size_t first_txn = 1) {
    const char* gpns[] = {"1011402815", "1011402812", "1011300243"};
    const char* prices[] = {"450", "600", "980"};
    std::string csv = "store,sale_date,gpn,isbn,title,quantity,list_price,sale_price,txn_id\n";
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t t = i % 3;
        csv += std::string("S01,2026-03-02,") + gpns[t] + ",,,";
        csv += i % 50 == 49 ? "-1" : std::to_string(i % 4 + 1);
        csv += std::string(",") + prices[t] + "," + (i % 5 == 4 ? "" : prices[t]) + ",";
        if (i % 7 != 6)
            csv += "S01-T" + std::to_string(first_txn + i);
        csv += "\n";
    }
    return csv;
}

// How many of lines 0 … count-1 have `i % every == every - 1`.
long long every_nth(std::size_t count, std::size_t every) {
    return static_cast<long long>(count / every);
}

long long quantity_sum(std::size_t count) {
    long long sum = 0;
    for (std::size_t i = 0; i < count; ++i)
        sum += i % 50 == 49 ? -1 : static_cast<long long>(i % 4 + 1);
    return sum;
}

class SalesImportBackends : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        std::string url = "sqlite:" + (dir_ / "govpub.db").string();
        if (GetParam() == "mariadb") {
            auto server = mysql_server_url();
            if (!server)
                GTEST_SKIP() << "no MariaDB: set GOVPUB_TEST_MYSQL_URL or GOVPUB_TEST_MYSQL_SOCKET";
            admin_.emplace(db::DatabaseUrl::parse(*server));
            mysql_name_ = test_database_name();
            admin_->session() << "DROP DATABASE IF EXISTS " + mysql_name_;
            admin_->session() << "CREATE DATABASE " + mysql_name_ +
                                     " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
            url = with_database(*server, mysql_name_);
        }
        db_.emplace(db::DatabaseUrl::parse(url));
        db_->migrate();
        settings_.data_dir = dir_ / "data";
        const fs::path demo = source_dir() / "config" / "demo";
        AgencyImport agencies(*db_, catalogue());
        run(demo / "agencies.csv", agencies);
        StoreImport stores(*db_, catalogue());
        run(demo / "stores.csv", stores);
        ContractImport contracts(*db_, catalogue(), 30);
        run(demo / "contracts.csv", contracts);
        PublicationImport publications(*db_, catalogue(), RULES);
        run(demo / "publications.csv", publications);
    }

    void TearDown() override {
        db_.reset();
        if (admin_)
            admin_->session() << "DROP DATABASE IF EXISTS " + mysql_name_;
    }

    const db::Catalogue& catalogue() {
        catalogue_ = db::Catalogue::load(*db_);
        return catalogue_;
    }

    ImportSummary run(const fs::path& file, RowSink& sink, bool skip_invalid = false) {
        ImportOptions options;
        options.user = "test";
        options.skip_invalid = skip_invalid;
        return run_import(*db_, settings_, file, sink, options);
    }

    //! Imports `csv` as a sales file named `name` through the same path as the CLI.
    ImportSummary import_sales(const std::string& name, const std::string& csv,
                               bool skip_invalid = false) {
        write_file(dir_ / name, csv);
        SalesImport sales(*db_, catalogue(), RULES, std::nullopt);
        return run(dir_ / name, sales, skip_invalid);
    }

    long long count(const std::string& table) {
        return scalar(*db_, "SELECT COUNT(*) FROM " + table);
    }
    long long sales_files() {
        return scalar(*db_, "SELECT COUNT(*) FROM import_file WHERE kind = 'sales'");
    }

    //! The staging table is gone once an import has ended, whichever way.
    void expect_no_stage() {
        EXPECT_THROW(scalar(*db_, "SELECT COUNT(*) FROM sale_stage"), soci::soci_error);
    }

    TempDir dir_;
    std::optional<db::Database> admin_;
    std::string mysql_name_;
    std::optional<db::Database> db_;
    db::Catalogue catalogue_;
    config::Settings settings_;
};

// SPEC §4.5: a refused file stores nothing, not even its import_file row. On MySQL the stage's
// index used to be made inside the transaction, and CREATE INDEX commits implicitly.
TEST_P(SalesImportBackends, RefusedSalesFileLeavesNothingThenAGoodFileArrivesWhole) {
    const std::string bad = sales_csv(3) + "S01,2026-03-02,1011402815,,,0,450,450,S01-X1\n";
    EXPECT_THROW(import_sales("bad.csv", bad), ImportRejected);
    EXPECT_EQ(sales_files(), 0);
    EXPECT_EQ(count("sale"), 0);
    expect_no_stage();

    // Three bulk batches of 10,000, each sent as many multi-row statements on MySQL.
    const std::size_t lines = 25'000;
    auto summary = import_sales("good.csv", sales_csv(lines));
    EXPECT_EQ(summary.accepted, lines);
    EXPECT_EQ(sales_files(), 1);
    EXPECT_EQ(count("sale"), static_cast<long long>(lines));
    EXPECT_EQ(scalar(*db_, "SELECT COUNT(DISTINCT line_no) FROM sale"),
              static_cast<long long>(lines));
    EXPECT_EQ(scalar(*db_, "SELECT SUM(quantity) FROM sale"), quantity_sum(lines));
    EXPECT_EQ(scalar(*db_, "SELECT COUNT(txn_id) FROM sale"),
              static_cast<long long>(lines) - every_nth(lines, 7));
    EXPECT_EQ(scalar(*db_, "SELECT COUNT(sale_price) FROM sale"),
              static_cast<long long>(lines) - every_nth(lines, 5));
    EXPECT_EQ(scalar(*db_, "SELECT SUM(catalogue_list_price) FROM sale WHERE line_no = 4"), 980);
    expect_no_stage();
}

// A duplicate is found only once the lines are staged, after the point of the old commit.
TEST_P(SalesImportBackends, DuplicateFoundInTheStageLeavesNothing) {
    const std::string csv = sales_csv(20) + "S01,2026-03-02,1011402815,,,1,450,450,S01-T3\n";
    EXPECT_THROW(import_sales("dup.csv", csv), ImportRejected);
    EXPECT_EQ(sales_files(), 0);
    EXPECT_EQ(count("sale"), 0);
    expect_no_stage();
}

// SPEC §4.5: every repeat of a transaction id in one file names the line that had it first.
TEST_P(SalesImportBackends, RepeatedTransactionIdNamesItsFirstLine) {
    const std::string csv = sales_csv(3) + "S01,2026-03-02,1011402815,,,1,450,450,S01-T2\n" +
                            "S01,2026-03-02,1011402815,,,1,450,450,S01-T2\n";
    try {
        import_sales("repeat.csv", csv);
        ADD_FAILURE() << "a file repeating a transaction id was accepted";
    } catch (const ImportRejected& e) {
        const auto& issues = e.summary().issues;
        ASSERT_EQ(issues.size(), 2u);
        for (std::size_t i = 0; i < 2; ++i) {
            EXPECT_EQ(issues[i].line, 5 + i);
            EXPECT_EQ(issues[i].column, "txn_id");
            EXPECT_EQ(issues[i].rule, "duplicate transaction id: already on line 3 of this file");
        }
    }
    EXPECT_EQ(count("sale"), 0);
}

TEST_P(SalesImportBackends, SkipInvalidStoresAllButTheDuplicatesAndLaterRefusesThemAgain) {
    // 2,400 lines where every odd line repeats the transaction id before it: 1,200 rejected
    // lines leave the stage in two chunks.
    std::string csv = "store,sale_date,gpn,isbn,title,quantity,list_price,sale_price,txn_id\n";
    for (int i = 0; i < 2'400; ++i)
        csv += "S01,2026-03-02,1011402815,,,1,450,450,S01-D" + std::to_string(i / 2) + "\n";
    auto summary = import_sales("dups.csv", csv, true);
    EXPECT_EQ(summary.rejected, 1'200u);
    EXPECT_EQ(count("sale"), 1'200);
    EXPECT_EQ(scalar(*db_, "SELECT COUNT(*) FROM sale WHERE line_no % 2 = 1"), 0); // header 1

    // The same transaction ids in another file were imported already: refused whole.
    EXPECT_THROW(import_sales("again.csv", sales_csv(5) + "S01,2026-03-02,1011402815,,,1,450,"
                                                          "450,S01-D7\n"),
                 ImportRejected);
    EXPECT_EQ(sales_files(), 1);
    EXPECT_EQ(count("sale"), 1'200);
    expect_no_stage();
}

// Values that a hand-made SQL text would get wrong arrive as they were sent, and two calls
// in a row store two different batches (SOCI's MySQL re-insert bug, FACTS.md).
TEST_P(SalesImportBackends, BulkInsertStoresEveryRowOnceWithItsValues) {
    db_->session() << "CREATE TABLE bulk_probe (id BIGINT NOT NULL PRIMARY KEY, n INTEGER, "
                      "t VARCHAR(200) NOT NULL, maybe VARCHAR(200))";
    const std::vector<std::string> awkward = {"O'Brien",
                                              "back\\slash\\",
                                              ":p0_0 and :name",
                                              "\"quoted\"",
                                              "臺灣文化政策白皮書（2025）",
                                              "semi; -- comment",
                                              "100% _like_",
                                              "",
                                              "\\'; DROP TABLE sale; --",
                                              "tab\there\nnewline"};
    const std::size_t rows = 2 * db::MYSQL_ROWS_PER_STATEMENT + 345;
    for (long long batch = 0; batch < 2; ++batch) {
        std::vector<long long> id;
        std::vector<int> n;
        std::vector<std::string> text, maybe;
        std::vector<soci::indicator> maybe_ind;
        for (std::size_t i = 0; i < rows; ++i) {
            id.push_back(batch * 100'000 + static_cast<long long>(i));
            n.push_back(static_cast<int>(i) - 1'000);
            text.push_back(awkward[i % awkward.size()]);
            maybe.push_back(i % 3 ? awkward[(i + 1) % awkward.size()] : "");
            maybe_ind.push_back(i % 3 ? soci::i_ok : soci::i_null);
        }
        db::WriteTransaction tx(*db_);
        EXPECT_EQ(db::bulk_insert(*db_, "bulk_probe",
                                  {{"id", id}, {"n", n}, {"t", text}, {"maybe", maybe, maybe_ind}}),
                  rows);
        tx.commit();
    }
    EXPECT_EQ(count("bulk_probe"), static_cast<long long>(2 * rows));
    soci::rowset<soci::row> stored =
        (db_->session().prepare << "SELECT id, n, t, maybe FROM bulk_probe ORDER BY id");
    std::size_t seen = 0;
    for (const auto& r : stored) {
        const auto i = static_cast<std::size_t>(db::int64_at(r, 0) % 100'000);
        ASSERT_EQ(db::int64_at(r, 1), static_cast<long long>(i) - 1'000) << "row " << i;
        ASSERT_EQ(db::text_at(r, 2), awkward[i % awkward.size()]) << "row " << i;
        ASSERT_EQ(db::optional_text_at(r, 3),
                  i % 3 ? std::optional(awkward[(i + 1) % awkward.size()]) : std::nullopt);
        ++seen;
    }
    EXPECT_EQ(seen, 2 * rows);
}

TEST_P(SalesImportBackends, SettlementCloseStoresEveryStatementLineOnce) {
    std::vector<domain::Statement> statements;
    const char* agencies[] = {"A001", "A002"};
    for (const char* agency : agencies) {
        domain::Statement st;
        st.store = "S01";
        st.agency = agency;
        for (int i = 0; i < 1'234; ++i) {
            domain::StatementLine line{"1011402815", 450, 6'000, 2, 900, i % 2 == 1, 540};
            st.lines.push_back(line);
            st.list_value += 900;
            st.payable += 540;
        }
        st.commission = st.list_value - st.payable;
        st.amount_due = st.payable;
        st.due_date = domain::parse_date_or_throw("due", "2026-07-31");
        statements.push_back(std::move(st));
    }
    db::SettlementRepository repository(*db_);
    db::WriteTransaction tx(*db_);
    repository.close(
        {"2026H1", "2026-01-01", "2026-06-30", "2026-07-01", "2026-07-01T00:00:00Z", "{}"},
        statements, "2026-06-30");
    tx.commit();
    EXPECT_EQ(count("statement"), 2);
    EXPECT_EQ(count("statement_line"), 2 * 1'234);
    EXPECT_EQ(scalar(*db_, "SELECT SUM(payable) FROM statement_line"), 2 * 1'234 * 540);
    EXPECT_EQ(scalar(*db_, "SELECT SUM(late) FROM statement_line"), 2 * 617);
    auto back = repository.statements("2026H1");
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[1].lines.size(), 1'234u);
    EXPECT_EQ(back[1].payable, 1'234 * 540);
}

INSTANTIATE_TEST_SUITE_P(Backends, SalesImportBackends, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::adapters::import
