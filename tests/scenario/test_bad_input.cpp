// Bad input through the govpub binary: every class of broken file a bookstore or an agency
// is likely to send, each refused with exit status 1, a message that names the file, the
// line, the column and the rule in words, and nothing changed — neither a row of the
// database (compared as a full `sqlite3 .dump`) nor a file under the data folder (archive,
// rejects). Also --skip-invalid and its rejects file, re-importing the same bytes, settling
// too early, and bad usage (exit 2).
//
// Each test starts from a fresh database loaded with the demo's agencies, stores, contracts,
// publications and one consignment list (A001 → S01 on 2025-10-06: GPNs 1011402815 at 450,
// 1011402812 at 600, 1011300243 at 980, each with a sample; 1011402616 at 500 without one),
// so that the sales lines the tests start from are valid.
#include "tests/support/test_support.hpp"

#include <algorithm>
#include <filesystem>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <initializer_list>
#include <random>
#include <regex>
#include <string>
#include <vector>

namespace govpub::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

std::string quoted(const fs::path& p) { return sh_quote(p.string()); }

const std::string kSalesHeader =
    "store,sale_date,gpn,isbn,title,quantity,list_price,sale_price,txn_id\n";
const std::string kLine1 =
    "S01,2025-12-01,1011402815,,臺灣文化政策白皮書（2025）,2,450,450,S01-T-0001\n";
const std::string kLine2 = "S01,2025-12-02,1011402812,,文化統計（113年版）,1,600,540,S01-T-0002\n";
const std::string kConsignmentHeader =
    "list_no,agency,store,supply_date,gpn,title,list_price,quantity,sample\n";
const std::string kContractHeader =
    "agency,store,payout_rate,procurement_exempt,payment_days,valid_from\n";

//! Every test runs on the embedded SQLite file and on the throwaway MariaDB server (SPEC
//! §5.1: the same rules, the same refusals, on both).
class BadInput : public ::testing::TestWithParam<std::string> {
  protected:
    TempDir dir_;
    fs::path db_ = dir_ / "govpub.db";
    fs::path data_ = dir_ / "data";
    std::string url_; //!< the database URL govpub is given

    //! What the database and the data folder hold; equal snapshots = nothing changed.
    struct Snapshot {
        std::string dump;
        std::vector<std::string> files;
    };

    void SetUp() override {
        if (GetParam() == "mariadb") {
            auto url = fresh_mysql_database();
            if (!url)
                GTEST_SKIP() << "no MariaDB test server (run through ctest)";
            url_ = *url;
        } else {
            url_ = "sqlite:" + db_.string();
        }
        const fs::path demo = source_dir() / "config/demo";
        for (const char* name : {"agencies.csv", "stores.csv", "contracts.csv", "publications.csv",
                                 "consignment_2025-10_A001_S01.csv"})
            fs::copy_file(demo / name, dir_ / name);
        ASSERT_EQ(govpub("init").status, 0);
        for (const char* kind : {"agencies", "stores", "contracts", "publications"}) {
            auto r = govpub(std::string("import ") + kind + " " + kind + ".csv");
            ASSERT_EQ(r.status, 0) << kind << ": " << r.err;
        }
        auto r = govpub("import consignment consignment_2025-10_A001_S01.csv");
        ASSERT_EQ(r.status, 0) << r.err;
    }

    //! govpub in the test's folder, its database and data folder pinned there.
    RunResult govpub(const std::string& args) {
        return run_command(govpub_command_line(url_, data_, args), dir_.path());
    }

    std::string put(const std::string& name, const std::string& bytes) {
        write_file(dir_ / name, bytes);
        return name;
    }

    RunResult import(const std::string& kind, const std::string& file,
                     const std::string& options = "") {
        return govpub("import " + kind + " " + (options.empty() ? "" : options + " ") +
                      quoted(dir_ / file));
    }

    std::string sql(const std::string& query) { return database_query(url_, query); }

    //! Every row of every table. On MariaDB the data alone: InnoDB never gives back an
    //! AUTO_INCREMENT value a rolled-back insert took, so the table definitions may differ
    //! while no row does.
    std::string dump() {
        if (GetParam() == "sqlite")
            return sql(".dump");
        auto r = run_command("mariadb-dump --no-defaults -S " + sh_quote(*mysql_socket()) +
                                 " -uroot --no-create-info --skip-extended-insert "
                                 "--skip-dump-date --skip-comments --order-by-primary " +
                                 mysql_database_of(url_),
                             dir_.path());
        EXPECT_EQ(r.status, 0) << r.err;
        return r.out;
    }

    Snapshot snapshot() {
        Snapshot s;
        s.dump = dump();
        if (fs::exists(data_))
            for (const auto& e : fs::recursive_directory_iterator(data_))
                s.files.push_back(fs::relative(e.path(), data_).string());
        std::sort(s.files.begin(), s.files.end());
        return s;
    }

    void expect_unchanged(const Snapshot& before) {
        auto after = snapshot();
        EXPECT_TRUE(after.dump == before.dump) << "the database changed";
        EXPECT_EQ(after.files, before.files) << "files were added under the data folder";
    }

    //! Exit 1, every `expected` phrase on stderr, and nothing changed since `before`.
    void expect_refused(const RunResult& r, const Snapshot& before,
                        std::initializer_list<std::string> expected) {
        EXPECT_EQ(r.status, 1) << "stdout: " << r.out << "\nstderr: " << r.err.substr(0, 2000);
        for (const auto& phrase : expected)
            EXPECT_THAT(r.err, HasSubstr(phrase));
        expect_unchanged(before);
    }

    //! Imports `bytes` as the sales file `name` and expects it refused.
    void expect_sales_refused(const std::string& name, const std::string& bytes,
                              std::initializer_list<std::string> expected,
                              const std::string& options = "") {
        auto before = snapshot();
        auto r = import("sales", put(name, bytes), options);
        expect_refused(r, before, expected);
    }
};

// ---------------------------------------------------------------------------------------
// Identifiers (SPEC §3)
// ---------------------------------------------------------------------------------------

// SPEC §3: a bad identifier is an error naming the field, the value and the rule;
// SPEC §4.5: one bad line refuses the whole file and nothing is stored.
TEST_P(BadInput, IsbnWithAWrongCheckDigitIsRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_sales_refused(
        "isbn.csv",
        kSalesHeader + kLine1 + "S01,2025-12-02,,9789571154490,x,1,600,600,S01-T-0002\n",
        {"isbn.csv line 3, column isbn", "9789571154490", "check digit should be 7",
         "Nothing was stored"}));
}

// SPEC §3: a GPN is an error unless it has 10 digits.
TEST_P(BadInput, GpnOfNineDigitsIsRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_sales_refused(
        "gpn9.csv", kSalesHeader + kLine1 + "S01,2025-12-02,101140281,,x,1,600,600,S01-T-0002\n",
        {"gpn9.csv line 3, column gpn", "101140281", "10 digits"}));
}

// SPEC §4.5: every bad line is named (a GPN and a valid ISBN-13 the catalogue lacks).
TEST_P(BadInput, UnknownGpnAndIsbnAreBothNamed) {
    EXPECT_NO_FATAL_FAILURE(expect_sales_refused(
        "unknown.csv",
        kSalesHeader + kLine1 +
            "S01,2025-12-02,1011499999,,x,1,600,600,S01-T-0002\n"
            "S01,2025-12-02,,9789865327095,x,1,600,600,S01-T-0003\n",
        {"unknown.csv line 3, column gpn", "GPN 1011499999 is not in the catalogue",
         "unknown.csv line 4, column isbn", "ISBN 9789865327095 is not in the catalogue"}));
}

// ---------------------------------------------------------------------------------------
// Cells (SPEC §4.5, §4.2, §5.2)
// ---------------------------------------------------------------------------------------

// SPEC §4.5: quantity is a whole number of copies (negative = a return).
TEST_P(BadInput, FractionalAndNonNumericQuantitiesAreRefused) {
    EXPECT_NO_FATAL_FAILURE(
        expect_sales_refused("quantity.csv",
                             kSalesHeader + kLine1 +
                                 "S01,2025-12-02,1011402812,,x,2.5,600,600,S01-T-0002\n"
                                 "S01,2025-12-02,1011402812,,x,abc,600,600,S01-T-0003\n",
                             {"quantity.csv line 3, column quantity", "\"2.5\"", "whole number",
                              "quantity.csv line 4, column quantity", "\"abc\"", "not a number"}));
}

// SPEC §4.2/§5.2: dates ISO or ROC; a date that does not exist is an error, never rolled over.
TEST_P(BadInput, ImpossibleIsoAndRocDatesAreRefused) {
    EXPECT_NO_FATAL_FAILURE(
        expect_sales_refused("dates.csv",
                             kSalesHeader + kLine1 +
                                 "S01,2026-02-30,1011402812,,x,1,600,600,S01-T-0002\n"
                                 "S01,115/13/01,1011402812,,x,1,600,600,S01-T-0003\n",
                             {"dates.csv line 3, column sale_date", "2026-02-30", "not a real date",
                              "February 2026 has 28 days", "dates.csv line 4, column sale_date",
                              "115/13/01", "no month 13"}));
}

// SPEC §5.2: the header must hold every required column (English headers).
TEST_P(BadInput, MissingQuantityColumnIsRefused) {
    EXPECT_NO_FATAL_FAILURE(
        expect_sales_refused("noqty.csv",
                             "store,sale_date,gpn,isbn,title,list_price,sale_price,txn_id\n"
                             "S01,2025-12-01,1011402815,,x,450,450,S01-T-0001\n",
                             {"noqty.csv line 1", "missing column quantity"}));
}

// SPEC §5.2: the same with Chinese headers; the message gives the Chinese name too.
TEST_P(BadInput, MissingChineseQuantityColumnIsRefused) {
    EXPECT_NO_FATAL_FAILURE(
        expect_sales_refused("無數量.csv",
                             "門市代碼,銷售日期,GPN,ISBN,書名,定價,售價,交易序號\n"
                             "S01,2025-12-01,1011402815,,x,450,450,S01-T-0001\n",
                             {"無數量.csv line 1", "missing column", "數量"}));
}

// SPEC §4.5: a list price on a line may differ (a warning) but can never be negative.
TEST_P(BadInput, NegativeListPriceInSalesIsRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_sales_refused(
        "negprice.csv",
        kSalesHeader + kLine1 + "S01,2025-12-02,1011402812,,x,1,-600,600,S01-T-0002\n",
        {"negprice.csv line 3, column list_price", "-600", "must not be negative"}));
}

// SPEC §4.5: one file = one store's lines; the store column must agree with --store.
TEST_P(BadInput, StoreColumnContradictingStoreOptionIsRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_sales_refused(
        "store.csv", kSalesHeader + kLine1 + "S02,2025-12-02,1011402812,,x,1,600,600,S01-T-0002\n",
        {"store.csv line 3, column store", "\"S02\"", "contradicts --store S01"}, "--store S01"));
    EXPECT_NO_FATAL_FAILURE(expect_sales_refused(
        "store2.csv", kSalesHeader + kLine1,
        {"store2.csv line 2, column store", "contradicts --store S02"}, "--store S02"));
}

// ---------------------------------------------------------------------------------------
// Files that are not what they claim (SPEC §5.2)
// ---------------------------------------------------------------------------------------

// SPEC §5.2: first row a header; a 0-byte file is refused saying what was expected.
TEST_P(BadInput, EmptyFileIsRefused) {
    EXPECT_NO_FATAL_FAILURE(
        expect_sales_refused("empty.csv", "", {"empty.csv", "is empty", "header row"}));
}

// SPEC §4.5: a header without lines is refused (nothing to import), not a silent success.
TEST_P(BadInput, HeaderOnlyFileIsRefused) {
    EXPECT_NO_FATAL_FAILURE(
        expect_sales_refused("header.csv", kSalesHeader, {"header.csv", "no data lines"}));
}

// SPEC §5.2: CSV or XLSX only; random bytes with NULs are refused as not text.
TEST_P(BadInput, BinaryGarbageIsRefused) {
    std::mt19937 random(20260610);
    std::string bytes(4096, '\0');
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = i % 97 == 5 ? '\0' : static_cast<char>(random() & 0xff);
    EXPECT_NO_FATAL_FAILURE(
        expect_sales_refused("garbage.csv", bytes, {"garbage.csv", "not a text file"}));
}

// SPEC §5.2: a text file named .xlsx is refused with advice, not read as a broken zip.
TEST_P(BadInput, TextFileNamedXlsxIsRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_sales_refused(
        "x.xlsx", kSalesHeader + kLine1, {"x.xlsx", "is not an XLSX workbook", "plain text"}));
}

// SPEC §5.2: a zip without a workbook inside is refused.
TEST_P(BadInput, ZipThatIsNotAWorkbookIsRefused) {
    put("make_zip.py", "import zipfile\n"
                       "with zipfile.ZipFile('notbook.xlsx', 'w') as z:\n"
                       "    z.writestr('readme.txt', 'not a workbook')\n"
                       "    z.writestr('[Content_Types].xml', '<Types/>')\n");
    auto made = run_command(sh_quote(GOVPUB_PYTHON3) + " make_zip.py", dir_.path());
    ASSERT_EQ(made.status, 0) << made.err;
    auto before = snapshot();
    auto r = import("sales", "notbook.xlsx");
    expect_refused(r, before, {"notbook.xlsx", "is not an XLSX workbook", "xl/workbook.xml"});
}

// SPEC §4.5: an unterminated quote names the line and column where it was opened.
TEST_P(BadInput, UnterminatedQuoteIsRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_sales_refused(
        "quote.csv", kSalesHeader + kLine1 + "S01,2025-12-02,1011402812,\"x,1,600,600,S01-T-0002\n",
        {"quote.csv line 3, column isbn", "quote", "never closed"}));
}

// SPEC §4.5: a line of megabytes (a 2 MiB title) is refused naming the line and the column,
// without echoing the value back, and without reading the rest into memory.
TEST_P(BadInput, LineOfMegabytesIsRefusedNamingItsColumn) {
    const std::string huge(2 * 1024 * 1024, 'a');
    auto before = snapshot();
    auto r = import("sales", put("long.csv", kSalesHeader + kLine1 + "S01,2025-12-02,1011402812,," +
                                                 huge + ",1,600,600,S01-T-0002\n"));
    expect_refused(r, before, {"long.csv line 3", "column title", "longer than"});
    EXPECT_LT(r.err.size(), 10000u) << "the value must not be echoed";
}

// ---------------------------------------------------------------------------------------
// Transaction ids (SPEC §4.5)
// ---------------------------------------------------------------------------------------

// SPEC §4.5: a transaction id seen before for the same store is a duplicate line.
TEST_P(BadInput, DuplicateTransactionIdInOneFileIsRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_sales_refused(
        "dup.csv", kSalesHeader + kLine1 + "S01,2025-12-02,1011402812,,x,1,600,600,S01-T-0001\n",
        {"dup.csv line 3, column txn_id", "S01-T-0001", "duplicate transaction id", "line 2"}));
}

// SPEC §4.5: ... also across files: the second file is refused whole, the first stays.
TEST_P(BadInput, DuplicateTransactionIdFromAnEarlierFileIsRefused) {
    auto first = import("sales", put("first.csv", kSalesHeader + kLine1));
    ASSERT_EQ(first.status, 0) << first.err;
    auto before = snapshot();
    auto r =
        import("sales", put("second.csv",
                            kSalesHeader + "S01,2025-12-03,1011300243,,x,1,980,980,S01-T-0009\n"
                                           "S01,2025-12-04,1011402812,,x,1,600,600,S01-T-0001\n"));
    expect_refused(
        r, before,
        {"second.csv line 3, column txn_id", "duplicate transaction id", "first.csv line 2"});
    EXPECT_EQ(sql("SELECT txn_id, quantity FROM sale ORDER BY txn_id;"), "S01-T-0001|2\n");
}

// ---------------------------------------------------------------------------------------
// --skip-invalid and re-imports (SPEC §4.5)
// ---------------------------------------------------------------------------------------

// SPEC §4.5: --skip-invalid stores the valid lines and writes the rejected ones, with the
// reason, to a file that can be fixed and re-uploaded; the accepted file is archived.
TEST_P(BadInput, SkipInvalidStoresValidLinesAndWritesAFixableRejectsFile) {
    auto r = import("sales",
                    put("mixed.csv", kSalesHeader + kLine1 +
                                         "S01,2025-12-02,1011402812,,x,2.5,600,600,S01-T-0002\n"
                                         "S01,2025-12-03,1011300243,,x,1,980,980,S01-T-0003\n"),
                    "--skip-invalid");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("2 stored, 1 rejected"));
    EXPECT_EQ(sql("SELECT txn_id FROM sale ORDER BY txn_id;"), "S01-T-0001\nS01-T-0003\n");
    EXPECT_EQ(sql("SELECT line_count || ' ' || accepted || ' ' || rejected FROM import_file "
                  "WHERE file_name = 'mixed.csv';"),
              "3 2 1\n");
    const std::string sha = sql("SELECT sha256 FROM import_file WHERE file_name = 'mixed.csv';");
    ASSERT_GE(sha.size(), 64u);
    const auto files = snapshot().files;
    EXPECT_TRUE(std::any_of(files.begin(), files.end(), [&](const std::string& f) {
        return f.rfind("archive/", 0) == 0 && f.find(sha.substr(0, 64)) != std::string::npos;
    })) << "the accepted file is archived under its SHA-256";

    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"((\S*rejects\S*\.csv))"))) << r.out;
    fs::path rejects = m[1].str();
    if (rejects.is_relative())
        rejects = dir_.path() / rejects;
    ASSERT_TRUE(fs::exists(rejects)) << rejects;
    std::string text = read_file(rejects);
    EXPECT_THAT(text, HasSubstr("S01-T-0002"));
    EXPECT_THAT(text, HasSubstr("whole number")) << "each rejected line carries its reason";
    EXPECT_THAT(text, Not(HasSubstr("S01-T-0001")));
    EXPECT_THAT(text, Not(HasSubstr("S01-T-0003")));

    // Fix the bad cell in place and import the rejects file itself.
    auto at = text.find(",2.5,");
    ASSERT_NE(at, std::string::npos) << text;
    text.replace(at, 5, ",2,");
    write_file(rejects, text);
    auto fixed = govpub("import sales " + quoted(rejects));
    ASSERT_EQ(fixed.status, 0) << fixed.err;
    EXPECT_EQ(sql("SELECT txn_id, quantity FROM sale ORDER BY txn_id;"),
              "S01-T-0001|2\nS01-T-0002|2\nS01-T-0003|1\n");
}

// SPEC §4.5: the same bytes twice (same SHA-256, whatever the name) change nothing.
TEST_P(BadInput, SameBytesImportedTwiceChangeNothing) {
    auto first = import("sales", put("once.csv", kSalesHeader + kLine1 + kLine2));
    ASSERT_EQ(first.status, 0) << first.err;
    auto before = snapshot();
    for (const char* name : {"once.csv", "renamed.csv"}) {
        auto r = import("sales", put(name, kSalesHeader + kLine1 + kLine2));
        EXPECT_EQ(r.status, 0) << r.err;
        EXPECT_THAT(r.out + r.err, HasSubstr("already imported"));
        expect_unchanged(before);
    }
}

// ---------------------------------------------------------------------------------------
// Settlement and usage (SPEC §4.6, §5.1)
// ---------------------------------------------------------------------------------------

// SPEC §4.6: a settlement cannot be run before its period has ended (--as-of ≥ period end).
TEST_P(BadInput, SettlingBeforeThePeriodEndsIsRefused) {
    ASSERT_EQ(import("sales", put("h1.csv", kSalesHeader + kLine1 + kLine2)).status, 0);
    auto before = snapshot();
    auto r = govpub("settle --period 2026H1 --as-of 2026-05-20");
    expect_refused(r, before, {"2026H1", "2026-05-31", "2026-05-20"});
    EXPECT_EQ(sql("SELECT COUNT(*) FROM settlement;"), "0\n");
    EXPECT_EQ(sql("SELECT COUNT(*) FROM statement;"), "0\n");
}

// SPEC §5.1: bad usage exits 2 and changes nothing.
TEST_P(BadInput, BadUsageExitsTwo) {
    auto before = snapshot();
    auto r = govpub("import");
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_THAT(r.err, HasSubstr("usage: govpub import"));
    r = govpub("settle");
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_THAT(r.err, HasSubstr("--period"));
    r = govpub("frobnicate");
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_THAT(r.err, HasSubstr("unknown command 'frobnicate'"));
    expect_unchanged(before);
}

// ---------------------------------------------------------------------------------------
// Master data: publications, contracts, consignment (SPEC §4.3, §4.4)
// ---------------------------------------------------------------------------------------

// SPEC §4.5/§5.2: a catalogue price can never be negative; the whole file is refused.
TEST_P(BadInput, NegativeListPriceInPublicationsIsRefused) {
    auto before = snapshot();
    auto r = import("publications",
                    put("pubs.csv", "gpn,isbn,issn,title,agency,kind,list_price,pub_date\n"
                                    "1011509998,,,新書甲,A001,book,250,2026-01-01\n"
                                    "1011509999,,,新書乙,A001,book,-100,2026-01-01\n"));
    EXPECT_NO_FATAL_FAILURE(expect_refused(
        r, before, {"pubs.csv line 3, column list_price", "-100", "must not be negative"}));
}

// SPEC §4.5, §5.2: a price cell reads what a person writes, as the feeds do (one NT$ reader):
// the currency, 元 and thousands commas are fine; cents are refused with the reason.
TEST_P(BadInput, PricesAreReadAsPeopleWriteThem) {
    auto pubs = import("publications",
                       put("ntd.csv", "gpn,isbn,issn,title,agency,kind,list_price,pub_date\n"
                                      "1011509998,,,新書甲,A001,book,新臺幣350元,2026-01-01\n"
                                      "1011509999,,,新書乙,A001,book,\"NT$1,200\",2026-01-01\n"));
    ASSERT_EQ(pubs.status, 0) << pubs.err;
    EXPECT_EQ(sql("SELECT gpn, list_price FROM publication_price WHERE gpn LIKE '1011509%' "
                  "ORDER BY gpn;"),
              "1011509998|350\n1011509999|1200\n");
    auto sales = import(
        "sales", put("ntd_sales.csv", kSalesHeader + "S01,2025-12-02,1011402812,,x,1,\"NT$600\","
                                                     "新臺幣540元,S01-T-0002\n"));
    ASSERT_EQ(sales.status, 0) << sales.err;
    EXPECT_EQ(sql("SELECT stated_list_price, sale_price FROM sale WHERE txn_id = 'S01-T-0002';"),
              "600|540\n");
    EXPECT_NO_FATAL_FAILURE(expect_sales_refused(
        "cents.csv", kSalesHeader + "S01,2025-12-03,1011402812,,x,1,600,350.5,S01-T-0003\n",
        {"cents.csv line 2, column sale_price: \"350.5\"",
         "must be a whole number of NT$: a price has no cents"}));
}

// SPEC §4.4: a rate below 60 % is refused unless procurement_exempt (要點11(3)).
TEST_P(BadInput, ContractBelowSixtyPercentWithoutExemptionIsRefused) {
    auto before = snapshot();
    auto r = import("contracts", put("c55.csv", kContractHeader + "A003,S01,55,0,30,2026-01-01\n"));
    EXPECT_NO_FATAL_FAILURE(expect_refused(r, before,
                                           {"c55.csv line 2, column payout_rate", "\"55\"",
                                            "below 60 %", "procurement_exempt", "要點11(3)"}));
    r = import("contracts", put("c5999.csv", "機關代碼,門市代碼,結帳比率,公開評選,付款天數,生效日\n"
                                             "A003,S01,59.99,0,30,2026-01-01\n"));
    EXPECT_NO_FATAL_FAILURE(
        expect_refused(r, before, {"c5999.csv line 2, column 結帳比率", "59.99", "要點11(3)"}));
}

// SPEC §4.4: a payment term out of range is named under its own column, not the rate's.
TEST_P(BadInput, ContractPaymentTermOutOfRangeNamesItsColumn) {
    auto before = snapshot();
    auto r =
        import("contracts", put("c400.csv", kContractHeader + "A003,S01,60,0,400,2026-01-01\n"));
    EXPECT_NO_FATAL_FAILURE(expect_refused(
        r, before, {"c400.csv line 2, column payment_days: \"400\"", "0 to 366 days"}));
    EXPECT_THAT(r.err, Not(HasSubstr("column payout_rate")));
}

// SPEC §4.4: ... while the same rate with the exemption is accepted.
TEST_P(BadInput, ContractBelowSixtyPercentWithExemptionIsAccepted) {
    const std::string count = "SELECT COUNT(*) FROM contract WHERE agency = 'A003';";
    EXPECT_EQ(sql(count), "0\n");
    auto r =
        import("contracts", put("c55x.csv", kContractHeader + "A003,S01,55,1,30,2026-01-01\n"));
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(sql(count), "1\n");
}

// SPEC §4.3: a second sample for the same GPN and store is an error (the demo list already
// gave S01 a sample of 1011402815).
TEST_P(BadInput, SecondSampleForTheSameStoreIsRefused) {
    auto before = snapshot();
    auto r =
        import("consignment",
               put("again.csv",
                   kConsignmentHeader +
                       "L2,A001,S01,2025-11-06,1011402815,臺灣文化政策白皮書（2025）,450,10,0\n"
                       "L2,A001,S01,2025-11-06,1011402815,臺灣文化政策白皮書（2025）,450,1,1\n"));
    EXPECT_NO_FATAL_FAILURE(expect_refused(
        r, before, {"again.csv line 3, column sample", "already has a sample copy", "要點11(2)"}));
}

// SPEC §4.3: ... also when both samples are on the same (first) list to a new store.
TEST_P(BadInput, TwoSamplesOnOneListAreRefused) {
    auto before = snapshot();
    auto r = import(
        "consignment",
        put("twice.csv",
            kConsignmentHeader +
                "L3,A001,S02,2025-11-06,1011402616,臺灣文化內容產業調查報告（2025）,500,10,0\n"
                "L3,A001,S02,2025-11-06,1011402616,臺灣文化內容產業調查報告（2025）,500,1,1\n"
                "L3,A001,S02,2025-11-06,1011402616,臺灣文化內容產業調查報告（2025）,500,1,1\n"));
    EXPECT_NO_FATAL_FAILURE(expect_refused(
        r, before, {"twice.csv line 4, column sample", "already has a sample copy"}));
}

// SPEC §4.3: a sample only on the FIRST consignment of the GPN to the store. 1011402616 went
// to S01 on 2025-10-06 without a sample; a later list may not add one, whether the sample
// row stands alone or follows a regular row of the same GPN.
TEST_P(BadInput, SampleOnALaterConsignmentIsRefused) {
    auto before = snapshot();
    auto alone = import(
        "consignment",
        put("late_sample.csv",
            kConsignmentHeader +
                "L4,A001,S01,2025-11-06,1011402616,臺灣文化內容產業調查報告（2025）,500,1,1\n"));
    EXPECT_NO_FATAL_FAILURE(expect_refused(
        alone, before, {"late_sample.csv line 2, column sample", "only on the first consignment"}));
    auto after_row = import(
        "consignment",
        put("late_sample2.csv",
            kConsignmentHeader +
                "L4,A001,S01,2025-11-06,1011402616,臺灣文化內容產業調查報告（2025）,500,10,0\n"
                "L4,A001,S01,2025-11-06,1011402616,臺灣文化內容產業調查報告（2025）,500,1,1\n"));
    EXPECT_NO_FATAL_FAILURE(expect_refused(
        after_row, before,
        {"late_sample2.csv line 3, column sample", "only on the first consignment"}));
}

// SPEC §4.3: the list price must equal the catalogue's on the supply date, naming the row.
TEST_P(BadInput, ConsignmentPriceDifferentFromCatalogueIsRefused) {
    auto before = snapshot();
    auto r = import(
        "consignment",
        put("price.csv",
            kConsignmentHeader +
                "L5,A001,S01,2025-11-06,1011402616,臺灣文化內容產業調查報告（2025）,450,10,0\n"));
    EXPECT_NO_FATAL_FAILURE(expect_refused(r, before,
                                           {"price.csv line 2, column list_price: \"450\"",
                                            "differs from the catalogue's 500", "(SPEC §4.3)"}));
}

// SPEC §4.3, §5.2: each refusal names the column and the cell it is about, not a guess. A
// quantity of 0 is the quantity's fault; a wrong price on a (valid) first sample row is the
// price's, shown with the price cell rather than the sample flag.
TEST_P(BadInput, ConsignmentProblemsNameTheirOwnColumnAndCell) {
    auto before = snapshot();
    auto zero =
        import("consignment", put("zero.csv", kConsignmentHeader +
                                                  "L6,A001,S01,2025-11-06,1011402616,,500,0,0\n"));
    EXPECT_NO_FATAL_FAILURE(expect_refused(
        zero, before,
        {"zero.csv line 2, column quantity: \"0\" — quantity must be a positive whole number"}));
    auto sample = import("consignment",
                         put("sample_price.csv",
                             kConsignmentHeader + "L7,A001,S02,2025-11-06,1011402616,,450,1,1\n"));
    EXPECT_NO_FATAL_FAILURE(expect_refused(
        sample, before,
        {"sample_price.csv line 2, column list_price: \"450\" — list price 450 differs from the "
         "catalogue's 500"}));
}

// SPEC §4.6: periods close in order. A period before one already closed would pay lines in
// the wrong period; a period after an open one would use a carried balance twice.
TEST_P(BadInput, PeriodsAreSettledInOrder) {
    ASSERT_EQ(import("sales", put("h1.csv", kSalesHeader + kLine1)).status, 0);
    ASSERT_EQ(govpub("settle --period 2026H1 --as-of 2026-06-10").status, 0);
    auto before = snapshot();
    expect_refused(govpub("settle --period 2025H2 --as-of 2026-06-10"), before,
                   {"2026H1 is already closed", "2025H2 comes before it"});
    expect_refused(govpub("settle --period 2027H1 --as-of 2027-06-10"), before,
                   {"settle 2026H2 before 2027H1"});
}

// 要點11(1) and SPEC §4.3: the same list re-saved (here with CRLF line ends) is still the same
// list; its copies must not be counted twice, with or without a list number.
TEST_P(BadInput, TheSameConsignmentListInAnotherFileIsRefused) {
    std::string numbered = read_file(dir_ / "consignment_2025-10_A001_S01.csv");
    std::string crlf;
    for (char c : numbered)
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    auto before = snapshot();
    expect_refused(import("consignment", put("resaved.csv", crlf)), before,
                   {"resaved.csv line 2", "was already imported from"});

    const std::string unnumbered =
        kConsignmentHeader + ",A001,S01,2026-01-05,1011402616,,500,4,0\n";
    ASSERT_EQ(import("consignment", put("form1.csv", unnumbered)).status, 0);
    before = snapshot();
    expect_refused(import("consignment", put("form2.csv", unnumbered + "\n")), before,
                   {"form2.csv line 2", "would count its copies twice"});
}

// SPEC §4.2: "26/07/02" would read as ROC year 26 (1937); a sales line that old is a slip.
TEST_P(BadInput, TwoDigitYearIsRefusedAsImplausible) {
    EXPECT_NO_FATAL_FAILURE(expect_sales_refused(
        "twodigit.csv", kSalesHeader + "S01,26/07/02,1011402815,,x,1,450,450,S01-Y-1\n",
        {"twodigit.csv line 2, column sale_date", "1937-07-02", "write the year in full"}));
}

// SPEC §5.1: the same bytes named as another kind are a mistaken command, not "done".
TEST_P(BadInput, AFileAlreadyImportedAsAnotherKindIsRefused) {
    auto before = snapshot();
    EXPECT_NO_FATAL_FAILURE(expect_refused(import("sales", "agencies.csv"), before,
                                           {"already imported as agencies", "not a sales file"}));
}

// SPEC §5.1: a database that was never initialised is something the user fixes (exit 1).
TEST_P(BadInput, AnUninitialisedDatabaseAsksForInit) {
    auto r = run_command(govpub_command_line("sqlite:" + (dir_ / "new.db").string(), data_,
                                             "import stores stores.csv"),
                         dir_.path());
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_THAT(r.err, HasSubstr("run `govpub init` first"));
}

// 民法第122條: a due date in a year the holiday calendar does not cover would roll over
// weekends only; the settlement is refused until the calendar is extended.
TEST_P(BadInput, SettlementWithADueDateBeyondTheHolidayCalendarIsRefused) {
    ASSERT_EQ(import("sales", put("h2.csv", kSalesHeader +
                                                "S01,2027-07-01,1011402815,,x,1,450,450,S01-Z-1\n"))
                  .status,
              0);
    auto before = snapshot();
    expect_refused(govpub("settle --period 2027H2 --as-of 2027-12-10"), before,
                   {"holiday calendar has no entries for 2028", "民法第122條"});
}

// 附件一 註三: settlement runs in June and December, by default on the 10th
// (settlement.run_day); without --as-of the statements are dated that day.
TEST_P(BadInput, SettlementIsDatedItsRunDayByDefault) {
    ASSERT_EQ(import("sales", put("h1.csv", kSalesHeader + kLine1)).status, 0);
    auto r = govpub("settle --period 2026H1 --json");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("\"settled_on\":\"2026-06-10\""));
}

// SPEC §5.1: a database URL with a broken %-escape is bad input, not an internal failure.
TEST_P(BadInput, ABrokenEscapeInTheDatabaseUrlIsBadInput) {
    auto r = run_command(govpub_command_line("mysql://clerk:%zz@localhost/govpub", data_, "init"),
                         dir_.path());
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_THAT(r.err, HasSubstr("two hex digits"));
}

// SPEC §4.9: a library checks in what it has received. A receipt checked in before the day it
// arrived is refused naming the line and the column as the file writes it; nothing is stored.
TEST_P(BadInput, ReceiptCheckedInBeforeItWasReceivedIsRefused) {
    auto libraries =
        import("libraries", put("libraries.csv", "code,name,kind,agencies\n"
                                                 "NCL,國家圖書館,ncl,\n"
                                                 "D01,國立臺灣圖書館,寄存圖書館,A001、A002\n"));
    ASSERT_EQ(libraries.status, 0) << libraries.err;
    auto before = snapshot();
    EXPECT_NO_FATAL_FAILURE(expect_refused(
        import("receipts", put("receipts.csv", "圖書館代碼,GPN,冊數,收到日期,點收日期\n"
                                               "NCL,1011402815,2,115/01/05,115/01/20\n"
                                               "D01,1011402815,1,115/01/06,115/01/05\n")),
        before,
        {"receipts.csv line 3, column 點收日期: \"115/01/05\"",
         "checked in on 2026-01-05, before it was received on 2026-01-06", "Nothing was stored"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, BadInput, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::test
