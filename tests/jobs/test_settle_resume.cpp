// A settlement whose close committed but whose workbook could not be written (STYLE.md
// "Jobs": work and checkpoint commit together; outputs are renamed into place after commit):
// the command says what is kept and how to finish, and the same command finishes it from
// step 2 without closing the period again.
#include "tests/support/test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace govpub::test {
namespace {

namespace fs = std::filesystem;

class SettleResume : public ::testing::TestWithParam<std::string> {};

TEST_P(SettleResume, AFailedWorkbookStepIsFinishedByTheSameCommandWithoutClosingAgain) {
    TempDir dir;
    const BackendUrl backend(GetParam(), dir.path());
    if (!backend.available())
        GTEST_SKIP() << "no MariaDB test server (run through ctest)";
    const std::string db = "--db " + sh_quote(backend.url()) + " ";
    auto govpub = [&](const std::string& args) {
        return run_govpub(db + args, dir.path());
    };
    ASSERT_EQ(govpub("init").status, 0);
    ASSERT_EQ(import_demo(govpub, {"sales sales_S01_2026H1.csv"}), "");
    // The reports folder is a file: the workbook cannot be written.
    write_file(dir / "data" / "reports", "not a folder");
    const auto failed = govpub("settle --period 2026H1 --json");
    EXPECT_EQ(failed.status, 3) << failed.err;
    EXPECT_NE(failed.err.find("the period is closed (step 1 of 2 is committed); run the same "
                              "command again to finish from step 2"),
              std::string::npos)
        << failed.err;

    fs::remove(dir / "data" / "reports");
    const auto finished = govpub("settle --period 2026H1 --json");
    EXPECT_EQ(finished.status, 0) << finished.err;
    EXPECT_NE(finished.out.find("\"status\":\"closed\""), std::string::npos) << finished.out;
    EXPECT_TRUE(fs::exists(dir / "data" / "reports" / "settlement_2026H1.xlsx"));
    const auto dry = govpub("settle --period 2026H1 --dry-run --json");
    EXPECT_EQ(finished.out, dry.out) << "the stored result, closed once";

    EXPECT_EQ(backend.query("SELECT status, first_step FROM job_execution ORDER BY id;"),
              "failed|0\ncompleted|1\n");
    EXPECT_EQ(backend.query("SELECT COUNT(*) FROM settlement;"), "1\n");
}

INSTANTIATE_TEST_SUITE_P(Backends, SettleResume, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::test
