// `govpub due` (SPEC §5.1, §5.3): check-ins and services of depository libraries (§4.9,
// 要點5–7) and payments of closed statements (§4.6), each dated by the deadline rules (§4.2,
// 民法122), open or overdue as of a date, on SQLite and on MariaDB.
#include "tests/support/test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

namespace govpub::test {
namespace {

namespace fs = std::filesystem;

class DueList : public ::testing::TestWithParam<std::string> {
  protected:
    RunResult govpub(const std::string& args) {
        return run_command(govpub_command_line(backend_.url(), dir_ / "data", args), dir_.path());
    }
    TempDir dir_;
    BackendUrl backend_{GetParam(), dir_.path()};
};

TEST_P(DueList, ListsCheckInsServicesAndPaymentsWithTheirDeadlines) {
    if (!backend_.available())
        GTEST_SKIP() << "no MariaDB test server (run through ctest)";
    ASSERT_EQ(govpub("init").status, 0);
    ASSERT_EQ(import_demo([this](const std::string& a) { return govpub(a); },
                          {"sales sales_S01_2026H1.csv"}),
              "");
    const auto settled = govpub("settle --period 2026H1 --as-of 2026-06-10 --json");
    ASSERT_EQ(settled.status, 0) << settled.err;
    write_file(dir_ / "libraries.csv", "code,name,kind,email,agencies\n"
                                       "NCL,國家圖書館,ncl,ncl@example.gov.tw,\n"
                                       "LY,立法院國會圖書館,ly,ly@example.gov.tw,\n"
                                       "L01,臺中市立圖書館,depository,l01@example.gov.tw,A004\n");
    // 2026-01-31 + 1 month = 02-28, a Saturday: due Monday 03-02 (SPEC §4.2).
    // 2026-06-05 checked in: service due 08-05. 2026-06-30 received: check-in due 07-30.
    // A serial's later issue (L01, 05-10) needs no check-in; one in service owes nothing.
    write_file(dir_ / "receipts.csv",
               "library,gpn,copies,received_on,checked_in_on,in_service_on\n"
               "NCL,1011300243,2,2026-01-31,,\n"
               "LY,1011402812,1,2026-05-31,2026-06-05,\n"
               "NCL,1011402815,2,2026-06-30,,\n"
               "L01,2009500013,1,2026-04-10,2026-04-20,2026-05-01\n"
               "L01,2009500013,1,2026-05-10,,\n"
               "NCL,1011402812,2,2026-08-01,,\n");
    for (const char* kind : {"libraries", "receipts"}) {
        auto r = govpub(std::string("import ") + kind + " " +
                        sh_quote((dir_ / (std::string(kind) + ".csv")).string()));
        ASSERT_EQ(r.status, 0) << kind << ": " << r.err;
    }

    const auto due = govpub("due --as-of 2026-07-15 --json");
    ASSERT_EQ(due.status, 0) << due.err;
    const std::string& json = due.out;
    EXPECT_EQ(json.rfind("{\"as_of\":\"2026-07-15\",\"obligations\":[", 0), 0u) << json;
    auto at = [&](const std::string& item) { return json.find(item); };
    const auto check_in_late = at("{\"kind\":\"check_in\",\"who\":\"NCL\",\"subject\":\"1011300243\","
                                  "\"due\":\"2026-03-02\",\"status\":\"overdue\",\"optional\":false}");
    const auto check_in = at("{\"kind\":\"check_in\",\"who\":\"NCL\",\"subject\":\"1011402815\","
                             "\"due\":\"2026-07-30\",\"status\":\"open\",\"optional\":false}");
    const auto service = at("{\"kind\":\"service\",\"who\":\"LY\",\"subject\":\"1011402812\","
                            "\"due\":\"2026-08-05\",\"status\":\"open\",\"optional\":false}");
    EXPECT_NE(check_in_late, std::string::npos) << json;
    EXPECT_NE(check_in, std::string::npos) << json;
    EXPECT_NE(service, std::string::npos) << json;
    EXPECT_LT(check_in_late, check_in) << "sorted by due date";
    EXPECT_LT(check_in, service) << "sorted by due date";
    EXPECT_EQ(json.find("2009500013"), std::string::npos) << "nothing owed for the serial";
    EXPECT_EQ(json.find("2026-09-01"), std::string::npos) << "a receipt after as_of is not yet due";

    // Every statement with an amount due is a payment, due on its statement's due date.
    const std::regex statement("\"store\":\"(S\\d+)\",\"agency\":\"(A\\d+)\",[^{}]*?\"amount_due\":"
                               "([1-9]\\d*),[^{}]*?\"due_date\":\"([0-9-]+)\"");
    std::size_t payments = 0;
    for (auto it = std::sregex_iterator(settled.out.begin(), settled.out.end(), statement);
         it != std::sregex_iterator(); ++it) {
        ++payments;
        const auto& m = *it;
        EXPECT_NE(at("{\"kind\":\"payment\",\"who\":\"" + m[1].str() + "\",\"subject\":\"2026H1/" +
                     m[1].str() + "/" + m[2].str() + "\",\"due\":\"" + m[4].str() + "\""),
                  std::string::npos)
            << m[0] << "\n" << json;
    }
    EXPECT_GT(payments, 0u);
    std::size_t listed = 0;
    for (auto p = json.find("\"kind\":\"payment\""); p != std::string::npos;
         p = json.find("\"kind\":\"payment\"", p + 1))
        ++listed;
    EXPECT_EQ(listed, payments);
}

// The scheduled jobs fill the rest of the list: the settlement of 2026H1 makes a disposal list
// for a pamphlet past its 1-year retention (SPEC §4.1, §4.8; 要點11(4)), the depository check
// of 2026Q3 claims what the NCL lacks (§4.9; 要點6(4)); both show in `govpub due` with their
// rolled dates, and both reports open in openpyxl with their sheets and a chart (§5.4).
TEST_P(DueList, ClaimsAndDisposalRepliesFromTheScheduledJobsAreListedAndReported) {
    if (!backend_.available())
        GTEST_SKIP() << "no MariaDB test server (run through ctest)";
    ASSERT_EQ(govpub("init").status, 0);
    ASSERT_EQ(import_demo([this](const std::string& a) { return govpub(a); },
                          {"sales sales_S01_2026H1.csv"}),
              "");
    write_file(dir_ / "consignment.csv",
               "list_no,agency,store,supply_date,gpn,title,list_price,quantity,sample\n"
               "A001-S01-20250520,A001,S01,2025-05-20,1011400890,國家文化記憶庫導覽手冊,150,500,0\n");
    write_file(dir_ / "libraries.csv", "code,name,kind,email,agencies\n"
                                       "NCL,國家圖書館,ncl,ncl@example.gov.tw,\n");
    for (const char* kind : {"consignment", "libraries"}) {
        auto r = govpub(std::string("import ") + kind + " " +
                        sh_quote((dir_ / (std::string(kind) + ".csv")).string()));
        ASSERT_EQ(r.status, 0) << kind << ": " << r.err;
    }
    // The first look at the schedule runs the latest occurrence of each job: the settlement of
    // 10 June and the depository check of 1 July among them.
    auto run = govpub("jobs run-due --allow-future --now '2026-07-01 05:00'");
    ASSERT_EQ(run.status, 0) << run.out << run.err;

    const auto due = govpub("due --as-of 2026-07-15 --json");
    ASSERT_EQ(due.status, 0) << due.err;
    // Noticed 06-10, reply due 07-10 (a Friday): overdue on 07-15.
    EXPECT_NE(due.out.find("{\"kind\":\"disposal_reply\",\"who\":\"A001\",\"subject\":"
                           "\"D2026H1-S01-A001\",\"due\":\"2026-07-10\",\"status\":"
                           "\"overdue\",\"optional\":false}"),
              std::string::npos)
        << due.out;
    // Claimed 07-01, due 08-01, a Saturday: 08-03. The NCL has received nothing.
    EXPECT_NE(due.out.find("\"kind\":\"claim\",\"who\":\"A001\",\"subject\":\"NCL/1011402815\","
                           "\"due\":\"2026-08-03\",\"status\":\"open\""),
              std::string::npos)
        << due.out;

    for (const char* which : {"depository", "disposal"}) {
        const auto out = dir_ / (std::string(which) + ".xlsx");
        auto r = govpub(std::string("report ") + which + " --as-of 2026-07-15 --out " +
                        sh_quote(out.string()));
        ASSERT_EQ(r.status, 0) << which << ": " << r.err;
        const auto seen = run_python_probe(WORKBOOK_PROBE, out, dir_);
        EXPECT_FALSE(seen.count("sheets") == 0 || seen.at("sheets").empty()) << which;
        EXPECT_NE(seen.count("charts") ? seen.at("charts") : "", "") << which << ": no chart";
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, DueList, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::test
