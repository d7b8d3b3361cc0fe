// One in-process set-up for the tests that import files into a govpub database and check
// what was stored, on SQLite and on MariaDB alike (SPEC §5.1, §5.2): each test gets a fresh
// database, a data folder and a temp dir, and imports through run_import as the CLI does.
#pragma once

#include "adapters/config/settings.hpp"
#include "adapters/db/catalogue.hpp"
#include "adapters/import/import_run.hpp"
#include "domain/holiday_calendar.hpp"
#include "domain/identifiers.hpp"
#include "tests/support/backend_database.hpp"
#include "tests/support/test_support.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace govpub::test {

//! One issue a refused file must report (SPEC §4.5: file, line, column and rule).
struct ExpectedIssue {
    std::size_t line;
    std::string column;
    std::string rule; //!< a phrase the message must hold
};

//! Parameterised over "sqlite" and "mariadb"; the MariaDB half skips without a test server.
//! A fixture states what its tests start from in load_start_data(). Helpers that assert are
//! void: call them in ASSERT_NO_FATAL_FAILURE there, in EXPECT_NO_FATAL_FAILURE from a test.
class ImportFixture : public ::testing::TestWithParam<std::string> {
  protected:
    //! ROC 115 = 2026: dates up to 2027 are plausible.
    static inline const domain::GpnRules RULES{"12", 115};
    //! settlement.payment_days in config/govpub.ini.
    static constexpr int PAYMENT_DAYS = 30;

    void SetUp() override;
    void TearDown() override;
    //! Runs at the end of SetUp, once the database is open; not when the test is skipped.
    virtual void load_start_data() {}

    //! The catalogue as stored now: each import sees what the ones before it stored.
    const adapters::db::Catalogue& catalogue();
    //! Imports `file` through `sink` as user "tester", the way `govpub import` does.
    adapters::import::ImportSummary run(const std::filesystem::path& file,
                                        adapters::import::RowSink& sink, bool skip_invalid = false);
    //! A file of the shipped demo data, config/demo/`name`.
    static std::filesystem::path demo(const std::string& name);
    //! Writes `bytes` as `name` in the test's temp dir and returns its path.
    std::filesystem::path put(const std::string& name, const std::string& bytes);

    //! The demo's 8 agencies, 2 stores and 41 publications, each asserted whole.
    void import_demo_agencies();
    void import_demo_stores();
    void import_demo_publications();
    //! All three, in the order `govpub demo` loads them.
    void import_demo_catalogue();
    //! A publications or libraries file of the test's own, asserted to store `accepted` rows.
    void load_publications(const std::string& name, const std::string& bytes, std::size_t accepted);
    void load_libraries(const std::string& name, const std::string& bytes, std::size_t accepted);
    //! A consignment list against the contracts stored now; asserted to store some lines.
    void consign(const std::string& name, const std::string& bytes);
    //! A receipts file (SPEC §4.9); asserted to store some rows.
    void receipts(const std::string& name, const std::string& bytes);

    //! The first column of the first row of `query`, as an integer.
    long long scalar(const std::string& query);
    //! Every row of `query`, each as "a|b|c" (NULL as "NULL"), one per line.
    std::string rows(const std::string& query);

    //! `import` refuses the file `name` whole with exactly the `expected` issues, in line
    //! order, each message starting "`name` line L, column C:" and holding its rule; `state`
    //! reads the same before and after (nothing stored, SPEC §4.5).
    void expect_refused_whole(const std::string& name, const std::vector<ExpectedIssue>& expected,
                              const std::function<void()>& import,
                              const std::function<std::string()>& state);

    TempDir dir_;
    BackendDatabase db_;
    adapters::config::Settings settings_;
    adapters::db::Catalogue catalogue_;
    domain::HolidayCalendar calendar_; //!< config/holidays.csv, for deadlines (SPEC §4.2)
};

} // namespace govpub::test
