// The arrows of STYLE.md "The house", made mechanical as rippled does: domain/ includes nothing
// of ours but domain/ and no library but the standard one, Boost and ICU; reports/ sees only
// domain/ and libxlsxwriter; adapters/ never reaches into jobs/ or reports/.
#include "tests/support/test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>

namespace fs = std::filesystem;

namespace {

// Every `#include` of a folder's sources that matches a forbidden pattern, as "file: line".
std::vector<std::string> forbidden_includes(const std::string& folder,
                                            const std::vector<std::string>& forbidden) {
    std::vector<std::string> found;
    const std::regex include_line(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
    for (const auto& entry : fs::recursive_directory_iterator(govpub::test::source_dir() / folder)) {
        auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".hpp" && ext != ".h")
            continue;
        std::ifstream in(entry.path());
        std::string line;
        while (std::getline(in, line)) {
            std::smatch m;
            if (!std::regex_search(line, m, include_line))
                continue;
            for (const auto& prefix : forbidden)
                if (m[1].str().rfind(prefix, 0) == 0)
                    found.push_back(entry.path().filename().string() + ": " + line);
        }
    }
    return found;
}

// The check itself must see includes, or an empty result proves nothing.
TEST(Architecture, CheckerSeesIncludes) {
    auto all = forbidden_includes("domain", {"domain/"});
    EXPECT_FALSE(all.empty());
}

TEST(Architecture, DomainDependsOnNothingOfOursNorOnIoLibraries) {
    auto found = forbidden_includes(
        "domain", {"soci", "Poco/", "xlsxwriter", "mysql", "sqlite3", "adapters/", "jobs/",
                   "reports/", "fstream", "iostream", "filesystem", "ctime"});
    EXPECT_TRUE(found.empty()) << ::testing::PrintToString(found);
}

TEST(Architecture, ReportsDependOnlyOnDomain) {
    auto found = forbidden_includes("reports", {"soci", "Poco/", "adapters/", "jobs/"});
    EXPECT_TRUE(found.empty()) << ::testing::PrintToString(found);
}

TEST(Architecture, AdaptersOutsideTheCliDoNotReachIntoJobsOrReports) {
    std::vector<std::string> found;
    for (const char* folder : {"adapters/db", "adapters/import", "adapters/config", "adapters/mail"}) {
        auto f = forbidden_includes(folder, {"jobs/", "reports/", "xlsxwriter"});
        found.insert(found.end(), f.begin(), f.end());
    }
    EXPECT_TRUE(found.empty()) << ::testing::PrintToString(found);
}

} // namespace
