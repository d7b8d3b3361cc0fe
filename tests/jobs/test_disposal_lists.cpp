// The disposal lists of a settlement and the officials' status report from them, on SQLite
// and on MariaDB (SPEC §4.8; 要點11(4), 6(5)).
#include "adapters/db/disposal_repository.hpp"
#include "adapters/import/reply_import.hpp"
#include "adapters/import/sales_import.hpp"
#include "jobs/disposal_lists.hpp"
#include "jobs/disposal_report.hpp"
#include "tests/support/import_fixture.hpp"

#include <gtest/gtest.h>

namespace govpub::jobs {
namespace {

namespace imp = adapters::import;
namespace db = adapters::db;
using namespace std::chrono;

// The H2 settlement day; one month later is Sunday 2027-01-10 (民法第122條: moved to Monday).
const domain::Date SETTLED = 2026y / December / 10d;

// Pamphlets (1 year, 要點6(5)) at both stores since 2025; a book (5 years) at S01; A001's
// pamphlet at S01 supplied only in 2026, so within its year.
const std::string CONSIGNMENT =
    "list_no,agency,store,supply_date,gpn,title,list_price,quantity,sample\n"
    "T-1,A008,S01,2025-01-06,1011402210,臺灣自行車旅遊地圖,150,5,0\n"
    "T-1,A008,S01,2025-01-06,1011400347,臺灣好行旅遊手冊,180,3,0\n"
    "T-1,A008,S01,2025-01-06,1011401854,臺灣觀光年報（113年）,380,4,0\n";
const std::string CONSIGNMENT_MORE =
    "list_no,agency,store,supply_date,gpn,title,list_price,quantity,sample\n"
    "T-2,A008,S02,2025-03-03,1011402210,臺灣自行車旅遊地圖,150,2,0\n"
    "T-3,A008,S01,2026-03-02,1011402210,臺灣自行車旅遊地圖,150,4,0\n";
const std::string CONSIGNMENT_A001 =
    "list_no,agency,store,supply_date,gpn,title,list_price,quantity,sample\n"
    "T-4,A001,S01,2026-02-02,1011400890,國家文化記憶庫導覽手冊,150,6,0\n";
// Every copy of 1011400347 sold: nothing left to list.
const std::string SALES = "store,sale_date,gpn,quantity,txn_id\n"
                          "S01,2026-01-15,1011400347,3,T-S-1\n"
                          "S01,2026-01-16,1011402210,1,T-S-2\n";

class DisposalLists : public test::ImportFixture {
  protected:
    void load_start_data() override {
        ASSERT_NO_FATAL_FAILURE(import_demo_catalogue());
        int n = 0;
        for (const auto& bytes : {CONSIGNMENT, CONSIGNMENT_MORE, CONSIGNMENT_A001})
            ASSERT_NO_FATAL_FAILURE(consign("c" + std::to_string(++n) + ".csv", bytes));
        imp::SalesImport sales(*db_, catalogue(), RULES, std::string("S01"));
        ASSERT_EQ(run(put("sales.csv", SALES), sales).accepted, 2u);
    }

    //! The settlement step's call: inside its write transaction, committed by the caller.
    std::vector<MadeDisposalList> make(bool commit = true) {
        db::WriteTransaction tx(*db_);
        auto made = make_disposal_lists(*db_, calendar_, "2026H2", SETTLED);
        if (commit)
            tx.commit();
        return made;
    }
};

// SPEC §4.8: one list per store and agency, naming stock past its minimum retention counted
// from that store's first supply (S01's second supply of 1011402210 does not restart it).
TEST_P(DisposalLists, ASettlementListsStockPastItsRetentionPerStoreAndAgency) {
    const auto made = make();
    ASSERT_EQ(made.size(), 2u);
    EXPECT_EQ(made[0].list.notice_no, "D2026H2-S01-A008");
    EXPECT_EQ(made[1].list.notice_no, "D2026H2-S02-A008");
    EXPECT_FALSE(made[0].already_made);
    EXPECT_EQ(made[0].list.notice_date, "2026-12-10");
    EXPECT_EQ(made[0].list.reply_due, "2027-01-11"); // 要點11(4), rolled off the Sunday
    EXPECT_EQ(made[0].rows, 1u);
    EXPECT_EQ(rows("SELECT l.store, r.gpn, r.on_hand, r.ground, r.first_supplied, "
                   "r.retention_end FROM disposal_row r JOIN disposal_list l ON l.id = r.list_id "
                   "ORDER BY l.store, r.gpn"),
              "S01|1011402210|8|retention_ended|2025-01-06|2026-01-06\n"
              "S02|1011402210|2|retention_ended|2025-03-03|2026-03-03\n");
}

TEST_P(DisposalLists, ListsAreMadeOnceForAPeriod) {
    const auto first = make();
    const auto again = make();
    ASSERT_EQ(again.size(), first.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        EXPECT_TRUE(again[i].already_made);
        EXPECT_EQ(again[i].list.id, first[i].list.id);
        EXPECT_EQ(again[i].rows, first[i].rows);
    }
    EXPECT_EQ(rows("SELECT COUNT(*) FROM disposal_row"), "2\n");
}

// jobs/job_launcher.hpp: a step's work commits with its checkpoint, so this never commits.
TEST_P(DisposalLists, ListsAreMadeInTheCallersTransaction) {
    EXPECT_EQ(make(false).size(), 2u);
    EXPECT_EQ(rows("SELECT COUNT(*) FROM disposal_list"), "0\n");
}

// SPEC §4.8: rows show as answered, open, or overdue after the reply due date.
TEST_P(DisposalLists, TheReportShowsEachRowsReplyAndStatus) {
    make();
    imp::ReplyImport replies(*db_, catalogue(), RULES, 2026y / December / 20d);
    ASSERT_EQ(
        run(put("r.csv", "notice,gpn,action,quantity\nD2026H2-S02-A008,1011402210,return,2\n"),
            replies)
            .accepted,
        1u);
    auto report = disposal_report(*db_, settings_.periods, domain::Period::parse("2026H2"),
                                  2027y / January / 12d, "now");
    EXPECT_EQ(report.period_roc, "115年下半年");
    ASSERT_EQ(report.rows.size(), 2u);
    EXPECT_EQ(report.rows[0].store_name, "國家書店松江門市");
    EXPECT_EQ(report.rows[0].title, "臺灣自行車旅遊地圖");
    EXPECT_EQ(report.rows[0].status, reports::DisposalStatus::overdue);
    EXPECT_EQ(report.rows[1].status, reports::DisposalStatus::answered);
    EXPECT_EQ(report.rows[1].reply_action, "return");
    // On the due date itself the row is still open.
    report = disposal_report(*db_, settings_.periods, std::nullopt, 2027y / January / 11d, "now");
    EXPECT_EQ(report.rows[0].status, reports::DisposalStatus::open);
    // The stock the reply moved is gone from the store (SPEC §4.7).
    EXPECT_EQ(rows("SELECT store, action, quantity, done_on FROM stock_movement"),
              "S02|return|2|2026-12-20\n");
}

INSTANTIATE_TEST_SUITE_P(Backends, DisposalLists, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::jobs
