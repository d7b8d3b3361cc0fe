// Master data imports (agencies, stores, contracts, publications, consignment lists, stock
// counts; SPEC §5.2) store the same rows on SQLite and on MariaDB, and refuse a bad file the
// same way on both: whole, with the file, line and column named, and nothing stored (§4.5).
#include "adapters/db/contracts.hpp"
#include "adapters/db/row_values.hpp"
#include "adapters/import/consignment_import.hpp"
#include "adapters/import/master_import.hpp"
#include "tests/support/import_fixture.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace govpub::adapters::import {
namespace {

namespace fs = std::filesystem;

// Every table a master import writes, with import_file: equal counts before and after a
// refused file mean it stored nothing.
const std::vector<std::string> TABLES = {"agency",
                                         "store",
                                         "contract",
                                         "publication",
                                         "publication_price",
                                         "consignment",
                                         "consignment_line",
                                         "sample_register",
                                         "stock_count",
                                         "import_file"};

class MasterImportBackends : public test::ImportFixture {
  protected:
    //! The demo's agencies, stores, contracts (Chinese headers) and publications, in the order
    //! `govpub demo` loads them.
    void import_master_data() {
        AgencyImport agencies(*db_, catalogue());
        EXPECT_EQ(run(demo("agencies.csv"), agencies).accepted, 8u);
        StoreImport stores(*db_, catalogue());
        EXPECT_EQ(run(demo("stores.csv"), stores).accepted, 2u);
        ContractImport contracts(*db_, catalogue(), PAYMENT_DAYS);
        EXPECT_EQ(run(demo("contracts.csv"), contracts).accepted, 8u);
        PublicationImport publications(*db_, catalogue(), RULES);
        EXPECT_EQ(run(demo("publications.csv"), publications).accepted, 41u);
    }

    //! The first row of `query` as "a|b|c", NULL as "NULL".
    std::string first_row(const std::string& query) {
        soci::row r;
        db_->session() << query, soci::into(r);
        if (!db_->session().got_data())
            return "no row";
        std::string text;
        for (std::size_t i = 0; i < r.size(); ++i)
            text += (i ? "|" : "") + db::optional_text_at(r, i).value_or("NULL");
        return text;
    }

    std::map<std::string, long long> counts() {
        std::map<std::string, long long> n;
        for (const auto& table : TABLES)
            n[table] = scalar("SELECT COUNT(*) FROM " + table);
        return n;
    }

    std::vector<std::string> data_files() {
        std::vector<std::string> files;
        if (fs::exists(settings_.data_dir))
            for (const auto& e : fs::recursive_directory_iterator(settings_.data_dir))
                files.push_back(fs::relative(e.path(), settings_.data_dir).string());
        std::sort(files.begin(), files.end());
        return files;
    }

    //! `file` is refused whole, with one issue: at `line`, in `column` (as the file's header
    //! writes it), saying `rule`; its message names the file, line and column. No row of any
    //! table and no file under the data folder is added.
    void expect_refused(RowSink& sink, const fs::path& file, std::size_t line,
                        const std::string& column, const std::string& rule) {
        const auto rows_before = counts();
        const auto files_before = data_files();
        std::optional<ImportSummary> refused;
        try {
            run(file, sink);
        } catch (const ImportRejected& e) {
            refused = e.summary();
        }
        ASSERT_TRUE(refused) << file.filename() << " was not refused";
        EXPECT_EQ(refused->rejected, 1u);
        ASSERT_EQ(refused->issues.size(), 1u);
        const auto& issue = refused->issues.front();
        EXPECT_EQ(issue.line, line);
        EXPECT_EQ(issue.column, column);
        const std::string message = describe(refused->file, issue);
        const std::string where =
            file.filename().string() + " line " + std::to_string(line) + ", column " + column + ":";
        EXPECT_EQ(message.rfind(where, 0), 0u) << message;
        EXPECT_NE(message.find(rule), std::string::npos) << message;
        EXPECT_EQ(counts(), rows_before) << "a refused file stored rows";
        EXPECT_EQ(data_files(), files_before) << "a refused file left files behind";
    }
};

TEST_P(MasterImportBackends, MasterFilesStoreTheirRows) {
    EXPECT_NO_FATAL_FAILURE(import_master_data());
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM agency"), 8);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM store"), 2);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM contract"), 8);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM publication"), 41);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM publication_price"), 41);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM import_file WHERE kind IN ('agencies', 'stores', "
                     "'contracts', 'publications')"),
              4);

    EXPECT_EQ(first_row("SELECT name, contact, email FROM agency WHERE code = 'A001'"),
              "文化部|林怡君|moc.pub@example.gov.tw");
    EXPECT_EQ(first_row("SELECT name, address FROM store WHERE code = 'S02'"),
              "五南文化廣場台中總店|400臺中市中區中山路6號");
    // 62.5 % as basis points; 55 % is allowed only with the procurement exemption (要點11(3)).
    EXPECT_EQ(first_row("SELECT rate_bp, procurement_exempt, payment_days FROM contract "
                        "WHERE agency = 'A002' AND store = 'S01' AND valid_from = '2025-01-01'"),
              "6250|0|45");
    EXPECT_EQ(first_row("SELECT rate_bp, procurement_exempt, payment_days FROM contract "
                        "WHERE agency = 'A005' AND store = 'S02'"),
              "5500|1|30");
    // The ISBN without its hyphens; a serial with its ISSN and no ISBN.
    EXPECT_EQ(first_row("SELECT isbn13, issn, agency, kind, pub_date FROM publication "
                        "WHERE gpn = '1011300243'"),
              "9789865326821|NULL|A001|book|2024-11-15");
    EXPECT_EQ(first_row("SELECT isbn13, issn, kind FROM publication WHERE gpn = '2009500013'"),
              "NULL|1683-0695|serial");
    EXPECT_EQ(first_row("SELECT valid_from, list_price FROM publication_price "
                        "WHERE gpn = '1011300243'"),
              "0001-01-01|980");
    EXPECT_EQ(scalar("SELECT SUM(list_price) FROM publication_price WHERE gpn IN "
                     "('1011402815', '1011402812', '2007200282')"),
              450 + 600 + 150);
}

TEST_P(MasterImportBackends, AgenciesAreUpdatedInPlaceByTheirCode) {
    EXPECT_NO_FATAL_FAILURE(import_master_data());
    AgencyImport agencies(*db_, catalogue());
    auto summary = run(put("agencies_2026.csv", "機關代碼,機關名稱,聯絡人\n"
                                                "A001,文化部（出版組）,王小明\n"
                                                "A009,國家科學及技術委員會,\n"),
                       agencies);
    EXPECT_EQ(summary.accepted, 2u);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM agency"), 9);
    EXPECT_EQ(first_row("SELECT name, contact FROM agency WHERE code = 'A001'"),
              "文化部（出版組）|王小明");
    EXPECT_EQ(first_row("SELECT name, contact FROM agency WHERE code = 'A009'"),
              "國家科學及技術委員會|NULL");
}

TEST_P(MasterImportBackends, ConsignmentListsStoreTheirLinesAndSamples) {
    EXPECT_NO_FATAL_FAILURE(import_master_data());
    const auto contracts = db::load_contract_book(*db_, PAYMENT_DAYS);
    ConsignmentImport english(*db_, catalogue(), contracts, RULES);
    EXPECT_EQ(run(demo("consignment_2025-10_A001_S01.csv"), english).accepted, 9u);
    // Chinese headers and ROC dates (114/10/20).
    ConsignmentImport chinese(*db_, catalogue(), contracts, RULES);
    EXPECT_EQ(run(demo("consignment_2025-10_A004_S01.csv"), chinese).accepted, 8u);

    EXPECT_EQ(scalar("SELECT COUNT(*) FROM consignment"), 2);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM consignment_line"), 9 + 8);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM sample_register"), 4 + 4);
    EXPECT_EQ(first_row("SELECT list_no, store, supply_date FROM consignment "
                        "WHERE agency = 'A004'"),
              "A004-S01-20251020|S01|2025-10-20");
    EXPECT_EQ(scalar("SELECT SUM(l.quantity) FROM consignment_line l JOIN consignment c "
                     "ON c.id = l.consignment_id WHERE c.agency = 'A001'"),
              60 + 1 + 20 + 1 + 30 + 1 + 30 + 100 + 1);
    EXPECT_EQ(first_row("SELECT l.line_no, l.list_price, l.quantity, l.sample "
                        "FROM consignment_line l JOIN consignment c ON c.id = l.consignment_id "
                        "WHERE c.agency = 'A004' AND l.gpn = '1011401207' ORDER BY l.line_no"),
              "3|1200|20|0");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM sample_register s JOIN consignment c "
                     "ON c.id = s.consignment_id WHERE s.store = 'S01' AND c.agency = 'A004'"),
              4);
}

TEST_P(MasterImportBackends, StockCountsStoreEveryCount) {
    EXPECT_NO_FATAL_FAILURE(import_master_data());
    StockCountImport counts(*db_, catalogue(), RULES);
    auto summary = run(demo("stock-counts.csv"), counts);
    EXPECT_EQ(summary.accepted, 6u);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM stock_count"), 6);
    EXPECT_EQ(scalar("SELECT SUM(quantity) FROM stock_count"), 64 + 59 + 4 + 0 + 16 + 10);
    EXPECT_EQ(first_row("SELECT counted_on, quantity FROM stock_count "
                        "WHERE store = 'S01' AND gpn = '1011402815'"),
              "2026-11-30|64");
    EXPECT_EQ(first_row("SELECT quantity FROM stock_count "
                        "WHERE store = 'S02' AND gpn = '1011402636'"),
              "0");
    EXPECT_EQ(
        scalar("SELECT COUNT(*) FROM stock_count WHERE import_sha256 = '" + summary.sha256 + "'"),
        6);
}

// Each bad file below has a good line before the bad one: a refused file stores neither.
TEST_P(MasterImportBackends, BadAgencyOrStoreFileIsRefusedAndStoresNothing) {
    AgencyImport agencies(*db_, catalogue());
    EXPECT_NO_FATAL_FAILURE(
        expect_refused(agencies, put("agencies.csv", "code,name\nA010,海洋委員會\nA011,\n"), 3,
                       "name", "an agency needs its name"));
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM agency"), 0);

    StoreImport stores(*db_, catalogue());
    EXPECT_NO_FATAL_FAILURE(
        expect_refused(stores, put("stores.csv", "門市代碼,門市名稱\nS03,國家書店\nS03,五南\n"), 3,
                       "門市代碼", "appears again; first on line 2"));
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM store"), 0);
}

TEST_P(MasterImportBackends, BadContractOrPublicationFileIsRefusedAndStoresNothing) {
    EXPECT_NO_FATAL_FAILURE(import_master_data());
    ContractImport contracts(*db_, catalogue(), PAYMENT_DAYS);
    EXPECT_NO_FATAL_FAILURE(
        expect_refused(contracts,
                       put("contracts_2026.csv", "agency,store,payout_rate,valid_from\n"
                                                 "A003,S02,60,2026-01-01\n"
                                                 "A003,S02,55,2026-02-01\n"),
                       3, "payout_rate", "is below 60 % of list price"));
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM contract WHERE agency = 'A003'"), 0);

    PublicationImport publications(*db_, catalogue(), RULES);
    EXPECT_NO_FATAL_FAILURE(
        expect_refused(publications,
                       put("publications_2026.csv", "gpn,isbn,title,agency,kind,list_price\n"
                                                    "1011500901,,新書一,A001,book,300\n"
                                                    "1011500902,9789865326822,新書二,A001,book,"
                                                    "300\n"),
                       3, "isbn", "check digit"));
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM publication WHERE gpn LIKE '10115009%'"), 0);
}

TEST_P(MasterImportBackends, BadConsignmentOrStockCountFileIsRefusedAndStoresNothing) {
    EXPECT_NO_FATAL_FAILURE(import_master_data());
    const auto contracts = db::load_contract_book(*db_, PAYMENT_DAYS);
    ConsignmentImport consignment(*db_, catalogue(), contracts, RULES);
    EXPECT_NO_FATAL_FAILURE(
        expect_refused(consignment,
                       put("consignment_2026-01_A001_S01.csv",
                           "list_no,agency,store,supply_date,gpn,title,list_price,quantity,sample\n"
                           "A001-S01-20260105,A001,S01,2026-01-05,1011402815,,450,10,0\n"
                           "A001-S01-20260105,A001,S01,2026-01-05,1011402812,,600,2.5,0\n"),
                       3, "quantity", "\"2.5\" — "));
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM consignment"), 0);

    StockCountImport counts(*db_, catalogue(), RULES);
    EXPECT_NO_FATAL_FAILURE(
        expect_refused(counts,
                       put("stock-counts.csv", "門市代碼,GPN,盤點日期,數量\n"
                                               "S01,1011402815,2026-12-31,5\n"
                                               "S01,1011402812,2026-12-31,-3\n"),
                       3, "數量", "a stock count cannot be negative"));
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM stock_count"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, MasterImportBackends, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::adapters::import
