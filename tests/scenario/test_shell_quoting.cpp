// The tests' own shell quoting (tests/support): a path with a single quote in it reaches govpub
// and the sqlite3 shell as one word, unchanged.
#include "tests/support/test_support.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <string>

namespace govpub::test {
namespace {

namespace fs = std::filesystem;

TEST(ShellQuoting, AQuoteInAWordIsKeptAndEndsNothing) {
    TempDir dir;
    auto r =
        run_command("printf '%s|' " + sh_quote("it's") + " " + sh_quote("a 'b' c"), dir.path());
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "it's|a 'b' c|");
}

TEST(ShellQuoting, ADatabaseInAFolderWithAQuoteInItsNameIsOpened) {
    TempDir dir;
    const fs::path folder = dir / "O'Brien's books";
    fs::create_directories(folder);
    const std::string url = "sqlite:" + (folder / "govpub.db").string();
    auto r = run_command(govpub_command_line(url, folder / "data", "init"), folder);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(fs::exists(folder / "govpub.db"));
    EXPECT_EQ(database_query(url, "SELECT COUNT(*) > 0 FROM schema_migration;"), "1\n");
}

} // namespace
} // namespace govpub::test
