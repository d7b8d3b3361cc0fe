// The shared in-process import set-up: a migrated database per test and the imports that
// several fixtures start from.
#include "tests/support/import_fixture.hpp"

#include "adapters/db/contracts.hpp"
#include "adapters/db/row_values.hpp"
#include "adapters/import/consignment_import.hpp"
#include "adapters/import/library_import.hpp"
#include "adapters/import/master_import.hpp"
#include "adapters/import/receipt_import.hpp"

#include <optional>

namespace govpub::test {

namespace fs = std::filesystem;
namespace imp = adapters::import;

void ImportFixture::SetUp() {
    if (!db_.open(GetParam(), dir_.path()))
        GTEST_SKIP() << "no MariaDB test server (run through ctest)";
    settings_.data_dir = dir_ / "data";
    calendar_ = domain::HolidayCalendar::parse_csv(read_file(source_dir() / "config/holidays.csv"),
                                                   "holidays.csv");
    load_start_data();
}

// A MariaDB database outlives the test unless dropped here.
void ImportFixture::TearDown() { db_.reset(); }

const adapters::db::Catalogue& ImportFixture::catalogue() {
    catalogue_ = adapters::db::Catalogue::load(*db_);
    return catalogue_;
}

imp::ImportSummary ImportFixture::run(const fs::path& file, imp::RowSink& sink, bool skip_invalid) {
    imp::ImportOptions options;
    options.user = "tester";
    options.skip_invalid = skip_invalid;
    return imp::run_import(*db_, settings_, file, sink, options);
}

fs::path ImportFixture::demo(const std::string& name) {
    return source_dir() / "config/demo" / name;
}

fs::path ImportFixture::put(const std::string& name, const std::string& bytes) {
    write_file(dir_ / name, bytes);
    return dir_ / name;
}

void ImportFixture::import_demo_agencies() {
    imp::AgencyImport agencies(*db_, catalogue());
    ASSERT_EQ(run(demo("agencies.csv"), agencies).accepted, 8u);
}

void ImportFixture::import_demo_stores() {
    imp::StoreImport stores(*db_, catalogue());
    ASSERT_EQ(run(demo("stores.csv"), stores).accepted, 2u);
}

void ImportFixture::import_demo_publications() {
    imp::PublicationImport publications(*db_, catalogue(), RULES);
    ASSERT_EQ(run(demo("publications.csv"), publications).accepted, 41u);
}

void ImportFixture::import_demo_catalogue() {
    ASSERT_NO_FATAL_FAILURE(import_demo_agencies());
    ASSERT_NO_FATAL_FAILURE(import_demo_stores());
    ASSERT_NO_FATAL_FAILURE(import_demo_publications());
}

void ImportFixture::load_publications(const std::string& name, const std::string& bytes,
                                      std::size_t accepted) {
    imp::PublicationImport publications(*db_, catalogue(), RULES);
    ASSERT_EQ(run(put(name, bytes), publications).accepted, accepted);
}

void ImportFixture::load_libraries(const std::string& name, const std::string& bytes,
                                   std::size_t accepted) {
    imp::LibraryImport libraries(*db_, catalogue());
    ASSERT_EQ(run(put(name, bytes), libraries).accepted, accepted);
}

void ImportFixture::consign(const std::string& name, const std::string& bytes) {
    // Loaded per file: a consignment is priced by the contracts in force when it arrives.
    auto contracts = adapters::db::load_contract_book(*db_, PAYMENT_DAYS);
    imp::ConsignmentImport consignment(*db_, catalogue(), contracts, RULES);
    ASSERT_GT(run(put(name, bytes), consignment).accepted, 0u) << name;
}

void ImportFixture::receipts(const std::string& name, const std::string& bytes) {
    imp::ReceiptImport sink(*db_, catalogue(), RULES);
    ASSERT_GT(run(put(name, bytes), sink).accepted, 0u) << name;
}

long long ImportFixture::scalar(const std::string& query) {
    soci::row r;
    db_->session() << query, soci::into(r);
    EXPECT_TRUE(db_->session().got_data()) << query;
    return adapters::db::int64_at(r, 0);
}

std::string ImportFixture::rows(const std::string& query) {
    soci::rowset<soci::row> result = db_->session().prepare << query;
    std::string text;
    for (const auto& r : result) {
        for (std::size_t i = 0; i < r.size(); ++i)
            text += (i ? "|" : "") + adapters::db::optional_text_at(r, i).value_or("NULL");
        text += "\n";
    }
    return text;
}

void ImportFixture::expect_refused_whole(const std::string& name,
                                         const std::vector<ExpectedIssue>& expected,
                                         const std::function<void()>& import,
                                         const std::function<std::string()>& state) {
    const std::string before = state();
    std::optional<imp::ImportSummary> refused;
    try {
        import();
    } catch (const imp::ImportRejected& e) {
        refused = e.summary();
    }
    ASSERT_TRUE(refused) << name << " was not refused";
    ASSERT_EQ(refused->issues.size(), expected.size())
        << (refused->issues.empty() ? "" : imp::describe(refused->file, refused->issues.front()));
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& issue = refused->issues[i];
        const std::string message = imp::describe(refused->file, issue);
        EXPECT_EQ(issue.line, expected[i].line) << message;
        EXPECT_EQ(issue.column, expected[i].column) << message;
        const std::string where = name + " line " + std::to_string(expected[i].line) + ", column " +
                                  expected[i].column + ":";
        EXPECT_EQ(message.rfind(where, 0), 0u) << message;
        EXPECT_NE(message.find(expected[i].rule), std::string::npos) << message;
    }
    EXPECT_EQ(state(), before) << "a refused file changed what is stored";
}

} // namespace govpub::test
