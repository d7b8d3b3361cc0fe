// The replies and disposals files (SPEC §4.8, §5.2; 要點11(4), 6(5)–(6), 7) on SQLite and on
// MariaDB: a reply moves stock once, a store's disposal confirms it without moving it again,
// and every rule refuses the file whole, naming line, column and rule, with nothing stored.
#include "adapters/db/disposal_repository.hpp"
#include "adapters/import/disposal_import.hpp"
#include "adapters/import/reply_import.hpp"
#include "tests/support/import_fixture.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace govpub::adapters::import {
namespace {

using namespace std::chrono;

const domain::Date TODAY = 2026y / July / 1d;
const std::string NOTICE = "D2026H1-S01-A008";

// A008's two pamphlets (1 year, 要點6(5)) and a book (5 years) at S01 since 2025-01-06; the
// first pamphlet at S02 too.
const std::string CONSIGNMENT =
    "list_no,agency,store,supply_date,gpn,title,list_price,quantity,sample\n"
    "T-1,A008,S01,2025-01-06,1011402210,臺灣自行車旅遊地圖,150,5,0\n"
    "T-1,A008,S01,2025-01-06,1011400347,臺灣好行旅遊手冊,180,3,0\n"
    "T-1,A008,S01,2025-01-06,1011401854,臺灣觀光年報（113年）,380,4,0\n";
const std::string CONSIGNMENT_S02 =
    "list_no,agency,store,supply_date,gpn,title,list_price,quantity,sample\n"
    "T-2,A008,S02,2025-01-08,1011402210,臺灣自行車旅遊地圖,150,2,0\n";

class DisposalImports : public test::ImportFixture {
  protected:
    void load_start_data() override {
        ASSERT_NO_FATAL_FAILURE(import_demo_catalogue());
        for (const auto& [name, bytes] :
             {std::pair{"c1.csv", CONSIGNMENT}, std::pair{"c2.csv", CONSIGNMENT_S02}})
            ASSERT_NO_FATAL_FAILURE(consign(name, bytes));
        // The list the 2026H1 settlement would send (jobs/disposal_lists makes it there).
        db::WriteTransaction tx(*db_);
        db::save_disposal_list(
            db_->session(), {0, NOTICE, "2026H1", "S01", "A008", "2026-06-10", "2026-07-10"},
            {{"1011400347", 3, "retention_ended", "", "2025-01-06", "2026-01-06"},
             {"1011402210", 5, "retention_ended", "", "2025-01-06", "2026-01-06"}});
        tx.commit();
    }

    ImportSummary replies(const std::string& name, const std::string& bytes) {
        ReplyImport sink(*db_, catalogue(), RULES, TODAY);
        return run(put(name, bytes), sink);
    }

    ImportSummary disposals(const std::string& name, const std::string& bytes) {
        DisposalImport sink(*db_, catalogue(), RULES, TODAY);
        return run(put(name, bytes), sink);
    }

    std::string movements() {
        return rows("SELECT store, gpn, action, quantity, done_on, recipient FROM stock_movement "
                    "ORDER BY id");
    }

    std::string state() {
        return movements() +
               rows("SELECT list_id, gpn, action, quantity, recipient, replied_on FROM "
                    "disposal_reply ORDER BY list_id, gpn") +
               rows("SELECT store, gpn, action, quantity, confirmed FROM store_disposal ORDER BY "
                    "id") +
               rows("SELECT COUNT(*) FROM import_file");
    }

    //! The file is refused whole with exactly `expected`, in line order; nothing stored.
    void expect_refused(const std::string& kind, const std::string& name, const std::string& bytes,
                        const std::vector<test::ExpectedIssue>& expected) {
        expect_refused_whole(
            name, expected,
            [&] {
                if (kind == "replies")
                    replies(name, bytes);
                else
                    disposals(name, bytes);
            },
            [&] { return state(); });
    }
};

const std::string HEADER = "notice,gpn,action,quantity,recipient,replied_on\n";
const std::string DISPOSALS = "store,gpn,action,quantity,done_on,recipient,reason\n";

// 要點11(4): per row return, donate (with recipient), destroy or keep; a move is a stock movement
// dated on the reply, keep moves nothing and keeps every listed copy when no count is given.
TEST_P(DisposalImports, ARepliesFileAnswersRowsAndMovesTheirStock) {
    auto summary =
        replies("replies.csv", "通知編號,GPN,處理方式,數量,受贈單位,回覆日期\n" + NOTICE +
                                   ",1011402210,轉贈,2,臺東縣立圖書館,115/06/20\n" + NOTICE +
                                   ",GPN 1011400347,續售,,,\n");
    EXPECT_EQ(summary.accepted, 2u);
    EXPECT_EQ(movements(), "S01|1011402210|donate|2|2026-06-20|臺東縣立圖書館\n");
    EXPECT_EQ(rows("SELECT gpn, action, quantity, recipient, replied_on, movement_id IS NULL FROM "
                   "disposal_reply ORDER BY gpn"),
              "1011400347|keep|3|NULL|2026-07-01|1\n"
              "1011402210|donate|2|臺東縣立圖書館|2026-06-20|0\n");
    // Answered rows are no longer owed (govpub due, reminders).
    EXPECT_TRUE(db::unanswered_disposal_lists(db_->session(), "2026-07-01").empty());
}

TEST_P(DisposalImports, AListWithAnUnansweredRowIsOwedUntilItIsAnswered) {
    auto open = db::unanswered_disposal_lists(db_->session(), "2026-07-01");
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].notice_no, NOTICE);
    EXPECT_EQ(open[0].agency, "A008");
    EXPECT_EQ(open[0].reply_due, "2026-07-10");
    EXPECT_EQ(open[0].open_rows, 2u);
    replies("one.csv", HEADER + NOTICE + ",1011402210,return,5,,2026-06-15\n");
    open = db::unanswered_disposal_lists(db_->session(), "2026-07-01");
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].open_rows, 1u);
    // Before the notice was sent nothing was owed.
    EXPECT_TRUE(db::unanswered_disposal_lists(db_->session(), "2026-06-09").empty());
}

TEST_P(DisposalImports, TheSameRepliesFileTwiceChangesNothing) {
    const std::string bytes = HEADER + NOTICE + ",1011402210,destroy,1,,2026-06-20\n";
    EXPECT_FALSE(replies("r.csv", bytes).already_imported);
    const std::string after = state();
    EXPECT_TRUE(replies("r-again.csv", bytes).already_imported);
    EXPECT_EQ(state(), after);
}

// 要點7: the agency holds the copies on hand in every store and those returned to it.
TEST_P(DisposalImports, AnAgencyHoldsItsStoresCopiesAndThoseReturnedToIt) {
    auto held = [&] { return db::agency_holdings(db_->session(), "1011402210", "9999-12-31"); };
    EXPECT_EQ(held().copies, 7); // 5 at S01, 2 at S02
    EXPECT_FALSE(held().has_e_file);
    replies("r.csv", HEADER + NOTICE + ",1011402210,return,2,,2026-06-20\n");
    EXPECT_EQ(held().copies, 7);
    disposals("d.csv", DISPOSALS + "S01,1011402210,donate,1,2026-06-21,臺東縣立圖書館,\n");
    EXPECT_EQ(held().copies, 6);
}

TEST_P(DisposalImports, AnUnknownNoticeIsRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_refused("replies", "r.csv", HEADER + "D2026H1-S09-A008,1011402210,keep,1,,\n",
                   {{2, "notice", "is not the number of any disposal list"}}));
}

TEST_P(DisposalImports, AGpnNotOnThatListIsRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_refused("replies", "r.csv", HEADER + NOTICE + ",1011401854,keep,1,,\n",
                   {{2, "gpn", "is not on disposal list " + NOTICE}}));
}

TEST_P(DisposalImports, AnUnknownActionIsRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_refused("replies", "r.csv", HEADER + NOTICE + ",1011402210,sell,1,,\n",
                   {{2, "action", "must be return, donate, destroy or keep"}}));
}

TEST_P(DisposalImports, AQuantityBelowOneOrAboveTheListedStockIsRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_refused("replies", "r.csv",
                   HEADER + NOTICE + ",1011402210,return,0,,\n" + NOTICE +
                       ",1011400347,destroy,4,,\n",
                   {{2, "quantity", "at least 1"}, {3, "quantity", "is more than the 3 copies"}}));
}

// SPEC §4.7: expected on hand never below 0. The store returned copies after the list was made.
TEST_P(DisposalImports, AQuantityAboveWhatIsNowOnHandIsRefused) {
    disposals("d.csv", "store,gpn,action,quantity,done_on\nS01,1011402210,return,4,2026-06-12\n");
    EXPECT_NO_FATAL_FAILURE(expect_refused("replies", "r.csv", HEADER + NOTICE + ",1011402210,return,2,,2026-06-20\n",
                   {{2, "quantity", "expected to have 1 copy"}}));
}

TEST_P(DisposalImports, ADonationWithoutARecipientIsRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_refused("replies", "r.csv", HEADER + NOTICE + ",1011402210,donate,1,,\n",
                   {{2, "recipient", "names its recipient"}}));
}

TEST_P(DisposalImports, ARowAnsweredByAnotherFileIsRefused) {
    replies("first.csv", HEADER + NOTICE + ",1011402210,keep,5,,2026-06-15\n");
    EXPECT_NO_FATAL_FAILURE(expect_refused("replies", "second.csv", HEADER + NOTICE + ",1011402210,return,1,,\n",
                   {{2, "gpn", "answered already (keep, 5 copies, on 2026-06-15)"}}));
}

TEST_P(DisposalImports, TwoLinesForOneRowAreRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_refused("replies", "r.csv",
                   HEADER + NOTICE + ",1011402210,return,1,,\n" + NOTICE + ",1011402210,keep,4,,\n",
                   {{3, "gpn", "appears again; first on line 2"}}));
}

// 要點7: the agency must keep a copy or an e-file. All 3 copies of 1011400347 are at S01.
TEST_P(DisposalImports, DestroyingTheAgencysLastCopyIsRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_refused("replies", "r.csv", HEADER + NOTICE + ",1011400347,destroy,3,,\n",
                   {{2, "action", "would leave none of the 3 copies held"}}));
    // A return goes back to the agency: it keeps its copies.
    EXPECT_EQ(replies("ok.csv", HEADER + NOTICE + ",1011400347,return,3,,\n").accepted, 1u);
}

TEST_P(DisposalImports, AReplyBeforeItsNoticeIsRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_refused("replies", "r.csv", HEADER + NOTICE + ",1011402210,keep,5,,2026-06-01\n",
                   {{2, "replied_on", "is before the notice"}}));
}

// A store's line that carries out a reply's instruction confirms it and moves nothing more;
// copies beyond it move on their own, so nothing is counted twice.
TEST_P(DisposalImports, AStoresDisposalConfirmsAReplyWithoutMovingItAgain) {
    replies("r.csv", HEADER + NOTICE + ",1011402210,donate,2,臺東縣立圖書館,2026-06-20\n" + NOTICE +
                         ",1011400347,return,2,,2026-06-20\n");
    const std::string before = movements();
    auto summary = disposals("d.csv", "門市代碼,GPN,處理方式,數量,日期,受贈單位\n"
                                      "S01,1011402210,轉贈,2,2026-06-25,臺東縣立圖書館\n"
                                      "S01,1011400347,退還,3,2026-06-25,\n");
    EXPECT_EQ(summary.accepted, 2u);
    EXPECT_EQ(movements(), before + "S01|1011400347|return|1|2026-06-25|NULL\n");
    EXPECT_EQ(rows("SELECT gpn, quantity, confirmed, confirms_list IS NULL, movement_id IS NULL "
                   "FROM store_disposal ORDER BY line_no"),
              "1011402210|2|2|0|1\n1011400347|3|2|0|0\n");
    // Confirmed in full: a second file's donation is a movement of its own.
    disposals("d2.csv", DISPOSALS + "S01,1011402210,donate,1,2026-06-26,臺東縣立圖書館,\n");
    EXPECT_EQ(rows("SELECT COUNT(*) FROM stock_movement WHERE gpn = '1011402210'"), "2\n");
}

TEST_P(DisposalImports, ADisposalBeyondTheExpectedStockIsRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_refused("disposals", "d.csv",
                   DISPOSALS + "S01,1011402210,return,3,2026-06-20,,\n"
                               "S01,1011402210,return,3,2026-06-21,,\n",
                   {{3, "quantity", "expected to have 2 copies"}}));
}

// 要點6(5)–(6): the book's 5 years run to 2030; early weeding needs a reason.
TEST_P(DisposalImports, ADonationWithinRetentionNeedsAWeedingReason) {
    EXPECT_NO_FATAL_FAILURE(expect_refused("disposals", "d.csv", DISPOSALS + "S01,1011401854,destroy,1,2026-06-20,,\n",
                   {{2, "action", "minimum retention"}}));
    auto summary =
        disposals("d2.csv", DISPOSALS + "S01,1011401854,destroy,1,2026-06-20,,damaged\n");
    EXPECT_EQ(summary.accepted, 1u);
    EXPECT_EQ(summary.warning_count, 1u) << "not instructed by the agency";
}

TEST_P(DisposalImports, ADisposalLeavingTheAgencyNoCopyIsRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_refused("disposals", "d.csv", DISPOSALS + "S01,1011400347,destroy,3,2026-06-20,,\n",
                   {{2, "action", "no e-file"}}));
}

TEST_P(DisposalImports, BadDisposalLinesAreRefusedNamingTheirCells) {
    EXPECT_NO_FATAL_FAILURE(expect_refused("disposals", "d.csv",
                   DISPOSALS + "S09,1011402210,return,1,2026-06-20,,\n"
                               "S01,1011402210,keep,1,2026-06-20,,\n"
                               "S01,1011402210,return,0,2026-06-20,,\n"
                               "S01,1011402210,donate,1,2026-06-20,,\n"
                               "S01,1011402210,return,1,2026-07-02,,\n"
                               "S01,1011402210,return,1,2026-06-20,,\n"
                               "S01,1011402210,return,1,2026-06-20,,\n"
                               "S01,1011402210,destroy,1,2026-06-20,,lost\n"
                               "S01,1011499999,return,1,2026-06-20,,\n"
                               "S01,12345,return,1,2026-06-20,,\n",
                   {{2, "store", "is not a known store"},
                    {3, "action", "keep (續售) is not a disposal"},
                    {4, "quantity", "at least 1"},
                    {5, "recipient", "names its recipient"},
                    {6, "done_on", "is after today"},
                    {8, "gpn", "appears again; first on line 7"},
                    {9, "reason", "lost"},
                    {10, "gpn", "GPN 1011499999 is not in the catalogue: import publications first"},
                    {11, "gpn", "must have 10 digits"}}));
}

INSTANTIATE_TEST_SUITE_P(Backends, DisposalImports, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::adapters::import
