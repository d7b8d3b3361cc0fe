// Two `govpub settle --period 2026H1` started at once (STYLE.md "Jobs": a job instance is
// unique; a running one refuses a second start; a completed one refuses loudly and shows its
// result). Exactly one settles; the other exits 1 saying the job is running or has already
// completed; the database is exactly what one run leaves (SPEC §4.6: a period closes once);
// the job repository holds one completed instance with one completed execution.
//
// The data: the demo's agencies, stores, contracts and publications, and 50,000 generated
// sales lines of 2026H1 (two stores, every title published by November 2025), so that the
// settlement takes long enough for the two processes to overlap. Each round starts the second
// process a little later than the first (0–200 ms), so that it meets the first one in its
// claim, inside its steps, or after it has finished.
#include "tests/support/test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace govpub::test {
namespace {

namespace fs = std::filesystem;
using ::testing::AnyOf;
using ::testing::HasSubstr;

constexpr int LINES_PER_STORE = 25'000;

//! `LINES_PER_STORE` sales lines of `store` between 2025-12-01 and 2026-05-31, at list price,
//! of the demo's publications that appeared by November 2025.
std::string sales_csv(const std::string& store) {
    std::ifstream in(source_dir() / "config/demo/publications.csv");
    std::vector<std::pair<std::string, std::string>> titles; // gpn, list price
    std::string line;
    std::getline(in, line); // gpn,isbn,issn,title,agency,kind,list_price,pub_date
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::istringstream cells(line);
        for (std::string cell; std::getline(cells, cell, ',');)
            f.push_back(cell);
        if (f.size() == 8 && f[7] <= "2025-11-30")
            titles.push_back({f[0], f[6]});
    }
    if (titles.empty())
        throw std::runtime_error("no demo publications to sell");
    static const int month_days[] = {31, 31, 28, 31, 30, 31}; // December 2025 – May 2026
    static const char* months[] = {"2025-12", "2026-01", "2026-02", "2026-03", "2026-04",
                                   "2026-05"};
    std::string csv = "store,sale_date,gpn,isbn,title,quantity,list_price,sale_price,txn_id\n";
    for (int i = 0; i < LINES_PER_STORE; ++i) {
        const auto& [gpn, price] = titles[static_cast<std::size_t>(i) % titles.size()];
        const int m = i % 6;
        const int d = (i / 6) % month_days[m] + 1;
        csv += store + "," + months[m] + "-" + (d < 10 ? "0" : "") + std::to_string(d) + "," +
               gpn + ",,," + std::to_string(1 + i % 3) + "," + price + "," + price + "," + store +
               "-G" + std::to_string(i) + "\n";
    }
    return csv;
}

//! Compares equal when the settlement in the database is the same.
const char* const FINGERPRINT =
    "SELECT (SELECT COUNT(*) FROM settlement) || ' settlement, ' || "
    "(SELECT COUNT(*) FROM statement) || ' statements, ' || "
    "(SELECT COUNT(*) FROM statement_line) || ' lines, ' || "
    "(SELECT COUNT(*) FROM sale WHERE settled_period = '2026H1') || ' sales settled, ' || "
    "(SELECT COUNT(*) FROM sale WHERE settled_period IS NULL) || ' unsettled, due ' || "
    "(SELECT SUM(amount_due) FROM statement) || ', payable ' || "
    "(SELECT SUM(payable) FROM statement_line);\n"
    "SELECT store || ' ' || agency || ' ' || list_value || ' ' || payable || ' ' || amount_due "
    "|| ' ' || due_date FROM statement ORDER BY store, agency;\n"
    "SELECT result_json FROM settlement;";

class ConcurrentSettle : public ::testing::TestWithParam<std::string> {
  protected:
    TempDir dir_;
    std::string url_;
    fs::path round_; //!< this round's folder: its SQLite file and data folder

    void SetUp() override {
        if (GetParam() == "mariadb" && !mysql_socket())
            GTEST_SKIP() << "no MariaDB test server (run through ctest)";
        write_file(dir_ / "sales_S01.csv", sales_csv("S01"));
        write_file(dir_ / "sales_S02.csv", sales_csv("S02"));
    }

    std::string govpub_line(const std::string& args) const {
        return govpub_command_line(url_, round_ / "data", args);
    }
    RunResult govpub(const std::string& args) { return run_command(govpub_line(args), round_); }

    //! A fresh database in a fresh folder, loaded and not settled.
    void fresh_round(const std::string& name) {
        round_ = dir_ / name;
        fs::create_directories(round_);
        url_ = "sqlite:" + (round_ / "govpub.db").string();
        if (GetParam() == "mariadb")
            url_ = *fresh_mysql_database();
        ASSERT_EQ(govpub("init").status, 0);
        const fs::path demo = source_dir() / "config/demo";
        for (const char* kind : {"agencies", "stores", "contracts", "publications"}) {
            auto r = govpub(std::string("import ") + kind + " " +
                            sh_quote((demo / (std::string(kind) + ".csv")).string()));
            ASSERT_EQ(r.status, 0) << kind << ": " << r.err;
        }
        for (const char* file : {"sales_S01.csv", "sales_S02.csv"}) {
            auto r = govpub("import sales " + sh_quote((dir_ / file).string()));
            ASSERT_EQ(r.status, 0) << file << ": " << r.err;
            ASSERT_THAT(r.out, HasSubstr("25000 stored")) << r.out;
        }
    }

    std::string sql(const std::string& query) { return database_query(url_, query); }

    //! Starts two settlements, the second `delay` seconds after the first, and waits for both.
    std::pair<RunResult, RunResult> settle_twice(const std::string& delay) {
        const std::string settle = govpub_line("settle --period 2026H1 --json");
        write_file(round_ / "both.sh",
                   "(" + settle + " >a.out 2>a.err; echo $? >a.rc) &\n(sleep " + delay + "; " +
                       settle + " >b.out 2>b.err; echo $? >b.rc) &\nwait\n");
        const auto r = run_command("bash both.sh", round_);
        EXPECT_EQ(r.status, 0) << r.err;
        auto result = [this](const std::string& who) {
            RunResult x;
            x.status = std::stoi(read_file(round_ / (who + ".rc")));
            x.out = read_file(round_ / (who + ".out"));
            x.err = read_file(round_ / (who + ".err"));
            return x;
        };
        return {result("a"), result("b")};
    }
};

TEST_P(ConcurrentSettle, ExactlyOneOfTwoSimultaneousSettlementsRunsAndTheOtherIsRefused) {
    // What one run alone leaves.
    ASSERT_NO_FATAL_FAILURE(fresh_round("single"));
    const auto single = govpub("settle --period 2026H1 --json");
    ASSERT_EQ(single.status, 0) << single.err;
    const std::string reference = sql(FINGERPRINT);
    ASSERT_THAT(reference, HasSubstr("1 settlement, "));
    ASSERT_THAT(reference, HasSubstr(std::to_string(2 * LINES_PER_STORE) + " sales settled, 0 unsettled"));

    int running_seen = 0, completed_seen = 0;
    const std::vector<std::string> delays = {"0", "0", "0.03", "0.08", "0.15", "0.25"};
    for (std::size_t round = 0; round < delays.size(); ++round) {
        SCOPED_TRACE("round " + std::to_string(round) + ", second start after " + delays[round] +
                     " s");
        ASSERT_NO_FATAL_FAILURE(fresh_round("round" + std::to_string(round)));
        const auto [a, b] = settle_twice(delays[round]);
        ASSERT_TRUE((a.status == 0) != (b.status == 0))
            << "exactly one must succeed: a=" << a.status << " " << a.err << "\nb=" << b.status
            << " " << b.err;
        const RunResult& winner = a.status == 0 ? a : b;
        const RunResult& loser = a.status == 0 ? b : a;
        EXPECT_EQ(winner.out, single.out) << "the winner's statements are a single run's";
        EXPECT_EQ(loser.status, 1) << loser.err;
        EXPECT_THAT(loser.err, AnyOf(HasSubstr("settle period=2026H1 is running in another process"),
                                     HasSubstr("settle period=2026H1 has already completed")));
        if (loser.err.find("is running") != std::string::npos) {
            ++running_seen;
            EXPECT_EQ(loser.out, "") << "a refused start prints no result";
        } else {
            ++completed_seen;
            EXPECT_EQ(loser.out, single.out) << "a completed job shows its stored result";
        }
        EXPECT_EQ(sql(FINGERPRINT), reference);
        EXPECT_EQ(sql("SELECT job || ' ' || job_key || ' ' || status || ' ' || steps_done || ' ' "
                      "|| COALESCE(running_execution, 0) FROM job_instance;"),
                  "settle period=2026H1 completed 4 0\n");
        EXPECT_EQ(sql("SELECT status || ' ' || first_step FROM job_execution;"), "completed 0\n");
        EXPECT_TRUE(fs::exists(round_ / "data/reports/settlement_2026H1.xlsx"));
    }
    // Which refusal each round met depends on timing; both are right. Shown, not asserted.
    RecordProperty("refused_as_running", running_seen);
    RecordProperty("refused_as_completed", completed_seen);
    EXPECT_EQ(running_seen + completed_seen, static_cast<int>(delays.size()));
}

INSTANTIATE_TEST_SUITE_P(Backends, ConcurrentSettle, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::test
