// Disposal lists end to end through the govpub binary (SPEC §4.8, §5.1, §5.4; 要點11(4), 7),
// on SQLite and on MariaDB: the list an agency receives is filled in and imported as its
// replies, bad replies are refused whole with exit status 1, a store's disposals confirm a
// reply without moving its stock again, and the officials' report shows where each row stands.
#include "adapters/db/database.hpp"
#include "domain/holiday_calendar.hpp"
#include "jobs/disposal_lists.hpp"
#include "tests/support/test_support.hpp"

#include <filesystem>
#include <gtest/gtest.h>

namespace govpub::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

// A008's pamphlets (1 year, 要點6(5)) at S01 since January 2025: past retention at the 2026H1
// settlement. 1011400347 has 3 copies, all of the agency's.
const std::string CONSIGNMENT =
    "list_no,agency,store,supply_date,gpn,title,list_price,quantity,sample\n"
    "T-1,A008,S01,2025-01-06,1011402210,臺灣自行車旅遊地圖,150,5,0\n"
    "T-1,A008,S01,2025-01-06,1011400347,臺灣好行旅遊手冊,180,3,0\n";

// Fills in the attachment's reply columns (處理方式, 數量, 受贈單位) as an agency would.
const char* const FILL_IN = R"PY(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
answers = {"1011400347": ("續售", 3, None), "1011402210": ("轉贈", 2, "臺東縣立圖書館")}
for row in range(2, ws.max_row + 1):
    gpn = ws.cell(row, 2).value
    if gpn in answers:
        action, quantity, recipient = answers[gpn]
        ws.cell(row, 8).value = action
        ws.cell(row, 9).value = quantity
        ws.cell(row, 10).value = recipient
wb.save(sys.argv[2])
print("filled=yes")
)PY";

class DisposalCli : public ::testing::TestWithParam<std::string> {
  protected:
    RunResult govpub(const std::string& args) {
        return run_command(govpub_command_line(backend_.url(), dir_ / "data", args), dir_.path());
    }
    std::string file(const std::string& name, const std::string& bytes) {
        write_file(dir_ / name, bytes);
        return sh_quote((dir_ / name).string());
    }
    std::string movements() {
        return backend_.query(
            "SELECT store, gpn, action, quantity FROM stock_movement ORDER BY id");
    }
    TempDir dir_;
    BackendUrl backend_{GetParam(), dir_.path()};
};

TEST_P(DisposalCli, AnAgencyAnswersItsListAndTheStoreCarriesItOut) {
    if (!backend_.available())
        GTEST_SKIP() << "no MariaDB test server (run through ctest)";
    ASSERT_EQ(govpub("init").status, 0);
    ASSERT_EQ(import_demo([this](const std::string& a) { return govpub(a); }, {}), "");
    auto consigned = govpub("import consignment " + file("c.csv", CONSIGNMENT));
    ASSERT_EQ(consigned.status, 0) << consigned.err;
    {
        // The settlement step's call (wired by the settle job), in its own transaction here.
        adapters::db::Database db(adapters::db::DatabaseUrl::parse(backend_.url()));
        const auto calendar = domain::HolidayCalendar::parse_csv(
            read_file(source_dir() / "config/holidays.csv"), "holidays.csv");
        adapters::db::WriteTransaction tx(db);
        const auto made = jobs::make_disposal_lists(db, calendar, "2026H1", 2026y / June / 10d);
        tx.commit();
        ASSERT_EQ(made.size(), 1u);
        EXPECT_EQ(made[0].list.notice_no, "D2026H1-S01-A008");
        EXPECT_EQ(made[0].rows, 2u);
    }

    // The attachment of the request, filled in by the agency and sent back as its replies.
    auto list = govpub("report disposal --period 2026H1 --as-of 2026-06-10 --notice "
                       "D2026H1-S01-A008 --out list.xlsx");
    ASSERT_EQ(list.status, 0) << list.err;
    const auto filled = run_command(std::string(GOVPUB_PYTHON3) + " -c " + sh_quote(FILL_IN) +
                                        " list.xlsx replies.xlsx",
                                    dir_.path());
    ASSERT_EQ(filled.out, "filled=yes\n") << filled.err;

    // 要點7: destroying all 3 copies of 1011400347 leaves A008 none; the whole file is refused.
    auto refused =
        govpub("import replies " + file("bad.csv", "notice,gpn,action,quantity\n"
                                                   "D2026H1-S01-A008,1011402210,return,1\n"
                                                   "D2026H1-S01-A008,1011400347,銷毀,3\n"));
    EXPECT_EQ(refused.status, 1);
    EXPECT_NE(refused.err.find("bad.csv line 3, column action"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("要點7"), std::string::npos) << refused.err;
    EXPECT_EQ(movements(), "");

    // No replied_on column: the replies are dated on the day of import, as their movements.
    auto replied = govpub("import replies replies.xlsx");
    ASSERT_EQ(replied.status, 0) << replied.err;
    EXPECT_EQ(movements(), "S01|1011402210|donate|2\n");
    auto again = govpub("import replies replies.xlsx");
    EXPECT_EQ(again.status, 0);
    EXPECT_NE(again.out.find("already imported"), std::string::npos) << again.out;

    // The store reports the donation it was told to make, and one more copy returned.
    auto done = govpub("import disposals " +
                       file("done.csv", "store,gpn,action,quantity,done_on,recipient\n"
                                        "S01,1011402210,donate,2,2026-06-25,臺東縣立圖書館\n"
                                        "S01,1011402210,return,1,2026-06-25,\n"));
    ASSERT_EQ(done.status, 0) << done.err;
    EXPECT_EQ(movements(), "S01|1011402210|donate|2\nS01|1011402210|return|1\n");
    auto reconciled = govpub("reconcile --json");
    EXPECT_NE(reconciled.out.find("\"gpn\":\"1011402210\",\"consigned\":5,\"samples\":0,\"sold\":0,"
                                  "\"returned\":1,\"donated\":2,\"destroyed\":0,"
                                  "\"expected_on_hand\":2"),
              std::string::npos)
        << reconciled.out;

    auto report = govpub("report disposal --period 2026H1 --out report.xlsx");
    ASSERT_EQ(report.status, 0) << report.err;
    const auto seen = run_python_probe(WORKBOOK_PROBE, dir_ / "report.xlsx", dir_);
    EXPECT_EQ(seen.at("sheets"), "封面|國家書店松江門市");
    EXPECT_EQ(seen.at("charts"), "xl/charts/chart1.xml");
    EXPECT_EQ(seen.at("國家書店松江門市!Q2"), "str|s|General|已回覆");
    EXPECT_EQ(seen.at("國家書店松江門市!M3"), "str|s|General|轉贈");

    auto unknown = govpub("report disposal --notice D2026H1-S09-A008 --out x.xlsx");
    EXPECT_EQ(unknown.status, 1) << unknown.err;
    EXPECT_EQ(govpub("report settlement --period 2026H1 --notice X --out y.xlsx").status, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, DisposalCli, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::test
