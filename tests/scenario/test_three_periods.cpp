// Three half-year settlements end to end through govpub, checked against the reference.
//
// The scenario is in three_periods_scenario.hpp, the files it writes in three_periods_files.hpp,
// the reference calculation (made from the scenario's own tables, never from govpub's code) in
// three_periods_reference.hpp and the run in three_periods_world.hpp; here are the tests.
//
// Rules exercised (SPEC §4.4–§4.7, 要點11(3), 附件一 註三):
//  - 附件一 註三: the stores settle in June and December on the actual sales of the half-year.
//  - 要點11(3): the agency gets at least 60 % of list price; below 60 % only when the contract
//    was awarded by 公開評選/最有利標 (procurement_exempt).
//  - SPEC §4.6: lines grouped by GPN, list price, rate, late; zero groups dropped; payable =
//    ⌈Σ q × price × rate_bp / 10 000⌉ toward +∞; carry-forward of a negative amount; due date
//    rolled past weekends and holidays (§4.2, 民法122); late lines; closed periods immutable;
//    --dry-run stores nothing; a period cannot be settled before its predecessor's sales.
//  - SPEC §4.5: the catalogue list price in force on the sale date is what counts.
//  - SPEC §4.7: expected on hand = consigned − net sold; oversold, price_mismatch.
#include "tests/scenario/three_periods_reference.hpp"
#include "tests/scenario/three_periods_world.hpp"
#include "tests/support/test_support.hpp"

#include <cstdlib>
#include <exception>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

namespace govpub::test::three_periods {
namespace {

namespace fs = std::filesystem;

World* world = nullptr;

class ThreePeriods : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        world = new World();
        try {
            world->run();
        } catch (const std::exception& e) {
            world->setup_error = e.what();
        }
    }
    static void TearDownTestSuite() {
        // GOVPUB_KEEP_SCENARIO=DIR keeps a copy of the files, database and outputs to look at.
        if (const char* keep = std::getenv("GOVPUB_KEEP_SCENARIO"); keep && *keep && world->dir) {
            std::error_code ignored;
            fs::remove_all(keep, ignored);
            fs::copy(world->dir->path(), keep, fs::copy_options::recursive, ignored);
        }
        delete world;
        world = nullptr;
    }
    void SetUp() override { ASSERT_EQ(world->setup_error, "") << "the scenario did not run"; }

    //! The statement (store, agency) of a settle step's reference, or null.
    static const RefStatement* ref(const std::string& label, const std::string& store,
                                   const std::string& agency) {
        for (const auto& s : world->reference_statements.at(label))
            if (s.store == store && s.agency == agency)
                return &s;
        return nullptr;
    }

    //! The canonical statement line of (store, agency) and its lines, or "".
    static std::string block(const std::string& label, const std::string& store,
                             const std::string& agency) {
        std::istringstream in(world->settle_canonical[label]);
        std::string line, out;
        bool inside = false;
        while (std::getline(in, line)) {
            if (line.rfind("  ", 0) != 0)
                inside = line.rfind(store + " " + agency + " ", 0) == 0;
            if (inside)
                out += line + "\n";
        }
        return out;
    }

    //! The canonical line of (store, agency) printed by govpub for a settle step, or "".
    static std::string printed(const std::string& label, const std::string& store,
                               const std::string& agency) {
        std::istringstream in(world->settle_canonical[label]);
        std::string line;
        while (std::getline(in, line))
            if (line.rfind(store + " " + agency + " ", 0) == 0)
                return line;
        return "";
    }
};

// ---------------------------------------------------------------------------------------
// Imports
// ---------------------------------------------------------------------------------------

TEST_F(ThreePeriods, EveryInputVariantIsAcceptedWholeWithPriceWarningsOnly) {
    // UTF-8, BOM+CRLF, CP950 with ROC dates (114/07/07, 115.05.31, 民國115年4月1日), XLSX with
    // date cells, no store column with --store, ISBN-only lines, "GPN：…".
    // Expected "lines accepted rejected warnings already_imported".
    for (const auto& [name, expected] : world->expected_import_summary)
        EXPECT_EQ(world->import_summary[name], expected) << name;
    EXPECT_EQ(world->expected_import_summary.size(), world->scenario.files.size());
    // SPEC §4.5: a list price on the line that differs from the catalogue is a warning.
    EXPECT_EQ(world->import_summary["sales_T02_2025H2_bom.csv"], "8 8 0 1 false\n");
    EXPECT_EQ(world->import_summary["sales_T01_2026H2.csv"], "6 6 0 3 false\n");
}

TEST_F(ThreePeriods, TheSameBytesImportedTwiceChangeNothing) {
    // SPEC §4.5: recognised by SHA-256; the 2025H2 figures below prove nothing was doubled.
    // "lines accepted rejected warnings already_imported": nothing accepted a second time.
    const std::string& again = world->import_summary["again"];
    EXPECT_TRUE(again.ends_with(" 0 0 0 true\n")) << again;
}

// ---------------------------------------------------------------------------------------
// The reference itself, against figures worked out by hand (so that a wrong reference
// cannot hide a wrong program)
// ---------------------------------------------------------------------------------------

TEST_F(ThreePeriods, ReferenceAgreesWithFiguresWorkedOutByHand) {
    struct Hand {
        const char* label;
        const char* store;
        const char* agency;
        long long list_value, payable, carried_in, amount_due, carried_out;
        const char* due;
    };
    // Due dates (SPEC §4.2, 民法122): 2025-12-10 + 15 = Thu 12-25 行憲紀念日 → Fri 12-26;
    // + 45 = Sat 2026-01-24 → Mon 01-26; + 60 = Sun 2026-02-08 → Mon 02-09; + 30 = Fri 01-09.
    // 2026-06-10 + 45 = Sat 07-25 → Mon 07-27; + 60 = Sun 08-09 → Mon 08-10.
    // 2026-12-10 + 15 = Fri 12-25 行憲紀念日 → Sat → Mon 12-28; + 30 = Sat 2027-01-09 → Mon
    // 01-11; + 45 = Sun 01-24 → Mon 01-25; + 60 = Mon 2027-02-08, inside 春節 (02-04 – 02-10)
    // → Thu 02-11.
    const std::vector<Hand> hand = {
        // 2025H2: M01@T01 500+600+450+400 at 60 %; M02@T01 55 % (公開評選) 3710 × 0.55 =
        // 2040.5 → 2041; M01@T02 2550 × 62.5 % = 1593.75 → 1594; M02@T03 3580 × 62.25 % =
        // 2228.55 → 2229; M03@T01 1916 × 0.6 = 1149.6 → 1150. No M01@T03: its lines net to 0.
        {"2025H2", "T01", "M01", 1950, 1170, 0, 1170, 0, "2026-01-09"},
        {"2025H2", "T01", "M02", 3710, 2041, 0, 2041, 0, "2026-01-26"},
        {"2025H2", "T01", "M03", 1916, 1150, 0, 1150, 0, "2026-01-09"},
        {"2025H2", "T02", "M01", 2550, 1594, 0, 1594, 0, "2025-12-26"},
        {"2025H2", "T02", "M02", 2500, 1500, 0, 1500, 0, "2026-02-09"},
        {"2025H2", "T02", "M03", 1840, 1104, 0, 1104, 0, "2026-01-09"},
        {"2025H2", "T03", "M02", 3580, 2229, 0, 2229, 0, "2025-12-26"},
        {"2025H2", "T03", "M03", 895, 537, 0, 537, 0, "2026-02-09"},
        // 2026H1: M01@T01 (500×2 + 600) at 60 % + (600×2 + 750) at 65 % = 960 + 1267.5 → 2228;
        // M03@T02 -1440 + 99 = -1341 × 0.6 = -804.6 → -804 (toward +∞); M02@T03 -880 ×
        // 62.25 % = -547.8 → -547.
        {"2026H1", "T01", "M01", 3550, 2228, 0, 2228, 0, "2026-07-10"},
        {"2026H1", "T01", "M02", 3000, 1650, 0, 1650, 0, "2026-07-27"},
        {"2026H1", "T01", "M03", 1740, 1044, 0, 1044, 0, "2026-07-10"},
        {"2026H1", "T02", "M01", 1600, 1000, 0, 1000, 0, "2026-06-25"},
        {"2026H1", "T02", "M02", 450, 270, 0, 270, 0, "2026-08-10"},
        {"2026H1", "T02", "M03", -1341, -804, 0, 0, -804, "2026-07-10"},
        {"2026H1", "T03", "M01", 400, 240, 0, 240, 0, "2026-07-10"},
        {"2026H1", "T03", "M02", -880, -547, 0, 0, -547, "2026-06-25"},
        {"2026H1", "T03", "M03", 796, 478, 0, 478, 0, "2026-08-10"},
        // 2026H2: M01@T01 late 500 at 60 % + (late 600 + 500 + 1500 at the catalogue's 750)
        // at 65 % = 300 + 1690 = 1990; M03@T01 late 380 + 3 × 420 + 600 = 2240 → 1344;
        // M03@T02 1699 × 0.6 = 1019.4 → 1020, minus 804 carried in = 216 due;
        // M02@T03 only its balance: -547 carried in and out again.
        {"2026H2", "T01", "M01", 3100, 1990, 0, 1990, 0, "2027-01-11"},
        {"2026H2", "T01", "M02", 1200, 660, 0, 660, 0, "2027-01-25"},
        {"2026H2", "T01", "M03", 2240, 1344, 0, 1344, 0, "2027-01-11"},
        {"2026H2", "T02", "M01", 800, 500, 0, 500, 0, "2026-12-28"},
        {"2026H2", "T02", "M02", 300, 180, 0, 180, 0, "2027-02-11"},
        {"2026H2", "T02", "M03", 1699, 1020, -804, 216, 0, "2027-01-11"},
        {"2026H2", "T03", "M01", 200, 120, 0, 120, 0, "2027-01-11"},
        {"2026H2", "T03", "M02", 0, 0, -547, 0, -547, "2026-12-28"},
        {"2026H2", "T03", "M03", 198, 119, 0, 119, 0, "2027-02-11"},
    };
    std::map<std::string, std::size_t> per_period;
    for (const auto& h : hand) {
        ++per_period[h.label];
        const RefStatement* s = ref(h.label, h.store, h.agency);
        ASSERT_NE(s, nullptr) << h.label << " " << h.store << "/" << h.agency;
        SCOPED_TRACE(std::string(h.label) + " " + h.store + "/" + h.agency);
        EXPECT_EQ(s->list_value, h.list_value);
        EXPECT_EQ(s->payable, h.payable);
        EXPECT_EQ(s->commission, h.list_value - h.payable);
        EXPECT_EQ(s->carried_in, h.carried_in);
        EXPECT_EQ(s->amount_due, h.amount_due);
        EXPECT_EQ(s->carried_out, h.carried_out);
        EXPECT_EQ(s->due_date, h.due);
    }
    for (const auto& [label, n] : per_period)
        EXPECT_EQ(world->reference_statements.at(label).size(), n) << label;
}

// ---------------------------------------------------------------------------------------
// The three settlements (要點11(3), 附件一 註三, SPEC §4.6)
// ---------------------------------------------------------------------------------------

TEST_F(ThreePeriods, Settlement2025H2MatchesTheReference) {
    ASSERT_EQ(world->settle["2025H2"].status, 0) << world->settle["2025H2"].err;
    EXPECT_EQ(world->settle_canonical["2025H2"], world->settle_expected["2025H2"]);
}

TEST_F(ThreePeriods, Settlement2026H1MatchesTheReference) {
    ASSERT_EQ(world->settle["2026H1"].status, 0) << world->settle["2026H1"].err;
    EXPECT_EQ(world->settle_canonical["2026H1"], world->settle_expected["2026H1"]);
}

TEST_F(ThreePeriods, Settlement2026H2MatchesTheReference) {
    ASSERT_EQ(world->settle["2026H2"].status, 0) << world->settle["2026H2"].err;
    EXPECT_EQ(world->settle_canonical["2026H2"], world->settle_expected["2026H2"]);
}

TEST_F(ThreePeriods, RateChangeInsideThePeriodGivesLinesAtBothRates) {
    // M01@T01: 60 % until 2026-02-28, 65 % from 2026-03-01; P2 sold on both sides.
    const std::string& out = world->settle_canonical["2026H1"];
    EXPECT_NE(out.find("  1011400102 600 6000 1 600 -\n"), std::string::npos) << out;
    EXPECT_NE(out.find("  1011400102 600 6500 2 1200 -\n"), std::string::npos) << out;
}

TEST_F(ThreePeriods, ProcurementExemptContractPaysBelowSixtyPercent) {
    // 要點11(3): 55 % is allowed because the M02@T01 contract is 公開評選.
    EXPECT_EQ(printed("2025H2", "T01", "M02"), "T01 M02 3710 2041 1669 0 2041 0 2026-01-26");
}

TEST_F(ThreePeriods, PayableIsRoundedUpAtStatementLevelAndTowardPlusInfinity) {
    // 62.5 % of 2550 = 1593.75 → 1594; 60 % of -1341 = -804.6 → -804 (not -805).
    EXPECT_EQ(printed("2025H2", "T02", "M01"), "T02 M01 2550 1594 956 0 1594 0 2025-12-26");
    EXPECT_EQ(printed("2026H1", "T02", "M03"), "T02 M03 -1341 -804 -537 0 0 -804 2026-07-10");
}

TEST_F(ThreePeriods, DueDatesRollPastWeekendsAndHolidays) {
    // SPEC §4.2 (民法122) on settle date + payment term (SPEC §4.6).
    auto due = [](const std::string& label, const char* store, const char* agency) {
        std::string line = printed(label, store, agency);
        return line.size() >= 10 ? line.substr(line.size() - 10) : "(no statement)";
    };
    EXPECT_EQ(due("2025H2", "T02", "M01"), "2025-12-26"); // 12-25 行憲紀念日 (Thursday)
    EXPECT_EQ(due("2025H2", "T01", "M02"), "2026-01-26"); // Saturday
    EXPECT_EQ(due("2025H2", "T02", "M02"), "2026-02-09"); // Sunday
    EXPECT_EQ(due("2025H2", "T01", "M03"), "2026-01-09"); // no contract: 30 days, a Friday
    EXPECT_EQ(due("2026H1", "T01", "M02"), "2026-07-27"); // Saturday
    EXPECT_EQ(due("2026H1", "T02", "M01"), "2026-06-25"); // a working Thursday
    EXPECT_EQ(due("2026H2", "T02", "M01"), "2026-12-28"); // 12-25 holiday, then the weekend
    EXPECT_EQ(due("2026H2", "T01", "M01"), "2027-01-11"); // Saturday
    EXPECT_EQ(due("2026H2", "T03", "M03"), "2027-02-11"); // 春節 2027-02-04 – 02-10
}

TEST_F(ThreePeriods, NegativePeriodIsCarriedForwardAndNeverPaidBack) {
    // SPEC §4.6: amount_due = max(0, payable + carried_in), carried_out = min(0, …).
    EXPECT_EQ(printed("2026H1", "T03", "M02"), "T03 M02 -880 -547 -333 0 0 -547 2026-06-25");
    EXPECT_EQ(printed("2026H2", "T02", "M03"), "T02 M03 1699 1020 679 -804 216 0 2027-01-11");
    // A pair with only a balance carried in still gets a statement, with no lines.
    EXPECT_EQ(printed("2026H2", "T03", "M02"), "T03 M02 0 0 0 -547 0 -547 2026-12-28");
}

TEST_F(ThreePeriods, PairWhoseLinesNetToZeroGetsNoStatement) {
    EXPECT_EQ(printed("2025H2", "T03", "M01"), "");
    // … and a zero group is left out of a statement that has other lines (P10 at T01).
    EXPECT_EQ(block("2025H2", "T01", "M02"), "T01 M02 3710 2041 1669 0 2041 0 2026-01-26\n"
                                             "  1011400201 1200 5500 1 1200 -\n"
                                             "  1011400202 880 5500 2 1760 -\n"
                                             "  2011400204 150 5500 5 750 -\n");
}

TEST_F(ThreePeriods, LateLinesGoIntoTheNextSettlementFlaggedLate) {
    // Sold in 2026H1, imported after 2026H1 closed: in 2026H2 with "late":true, at the rate
    // and catalogue price of their own sale dates.
    const std::string& out = world->settle_canonical["2026H2"];
    EXPECT_NE(out.find("  1011400101 500 6000 1 500 late\n"), std::string::npos) << out;
    EXPECT_NE(out.find("  1011400102 600 6500 1 600 late\n"), std::string::npos) << out;
    EXPECT_NE(out.find("  1011400201 1200 5500 -1 -1200 late\n"), std::string::npos) << out;
    EXPECT_NE(out.find("  1011400302 380 6000 1 380 late\n"), std::string::npos) << out;
    // The 2026H1 statement stays as it was closed.
    EXPECT_EQ(world->settle["2026H1 rerun"].out, world->settle["2026H1"].out);
}

TEST_F(ThreePeriods, CatalogueListPriceCountsNotTheOneOnTheLine) {
    // SPEC §4.5: P3 was sold stating 700 (catalogue 750), P6 stating 1100 (1200), P12 stating
    // the old 380 after the catalogue moved to 420 on 2026-06-01.
    const std::string& out = world->settle_canonical["2026H2"];
    EXPECT_NE(out.find("  1011400103 750 6500 2 1500 -\n"), std::string::npos) << out;
    EXPECT_NE(out.find("  1011400201 1200 5500 2 2400 -\n"), std::string::npos) << out;
    EXPECT_NE(out.find("  1011400302 420 6000 3 1260 -\n"), std::string::npos) << out;
    EXPECT_EQ(out.find(" 700 "), std::string::npos) << out;
    EXPECT_EQ(out.find(" 1100 "), std::string::npos) << out;
    EXPECT_NE(world->settle_canonical["2025H2"].find("  1011400104 150 6250 2 300 -\n"),
              std::string::npos)
        << world->settle_canonical["2025H2"];
}

// ---------------------------------------------------------------------------------------
// Closing, re-running, dry runs, order
// ---------------------------------------------------------------------------------------

// SPEC §4.6 and STYLE.md "Jobs": a completed settlement refuses to run again (exit status 1),
// loudly, and shows its stored result byte for byte.
TEST_F(ThreePeriods, ClosedPeriodRerunIsRefusedAndPrintsTheStoredResultByteForByte) {
    const RunResult& first = world->settle["2026H1"];
    for (const char* label : {"2026H1 rerun", "2026H1 rerun later", "2026H1 rerun today"}) {
        const RunResult& again = world->settle[label];
        EXPECT_EQ(again.status, 1) << label << ": " << again.err;
        EXPECT_NE(again.err.find("has already completed"), std::string::npos) << again.err;
        EXPECT_EQ(again.out, first.out) << label;
    }
    EXPECT_NE(first.out.find("\"status\":\"closed\""), std::string::npos) << first.out;
}

TEST_F(ThreePeriods, DryRunOfAnOpenPeriodStoresNothing) {
    for (const char* label : {"2025H2 dry run", "2026H2 dry run", "2026H2 dry run again"}) {
        SCOPED_TRACE(label);
        const RunResult& r = world->settle[label];
        ASSERT_EQ(r.status, 0) << r.err;
        EXPECT_NE(r.out.find("\"status\":\"dry_run\""), std::string::npos) << r.out;
        EXPECT_EQ(world->settle_canonical[label], world->settle_expected[label]);
    }
    // Twice the same; and the real runs afterwards still find every line (nothing was marked
    // settled or carried by the dry runs).
    EXPECT_EQ(world->settle["2026H2 dry run again"].out, world->settle["2026H2 dry run"].out);
    auto body = [](const std::string& canonical) { return canonical.substr(canonical.find('\n')); };
    EXPECT_EQ(body(world->settle_canonical["2026H2"]),
              body(world->settle_canonical["2026H2 dry run"]));
    EXPECT_EQ(body(world->settle_canonical["2025H2"]),
              body(world->settle_canonical["2025H2 dry run"]));
}

TEST_F(ThreePeriods, SettlingOutOfOrderOrBeforeThePeriodEndIsRefused) {
    const RunResult& early = world->settle["2026H2 before 2026H1"];
    EXPECT_EQ(early.status, 1) << early.out << early.err;
    EXPECT_EQ(early.out, "");
    EXPECT_NE(early.err.find("2026H1"), std::string::npos) << early.err;
    const RunResult& too_soon = world->settle["2026H1 too early"];
    EXPECT_EQ(too_soon.status, 1) << too_soon.out << too_soon.err;
    EXPECT_EQ(too_soon.out, "");
}

// ---------------------------------------------------------------------------------------
// Reconciliation (SPEC §4.7) and the workbook (SPEC §5.4)
// ---------------------------------------------------------------------------------------

TEST_F(ThreePeriods, ReconciliationMatchesTheReference) {
    ASSERT_EQ(world->reconcile.status, 0) << world->reconcile.err;
    EXPECT_EQ(world->reconcile_canonical, world->reconcile_expected);
}

TEST_F(ThreePeriods, ReconciliationOfChosenPairsAndTheEngineeredOversale) {
    ASSERT_EQ(world->reconcile.status, 0) << world->reconcile.err;
    const std::string& out = world->reconcile_canonical;
    // "store gpn consigned samples sold expected_on_hand reported flags"
    // (T01, P1): 40 consigned (its sample not counted); sold 2-1+2+1(late)+1 = 5 → 35.
    EXPECT_NE(out.find("T01 1011400101 40 1 5 35 null -\n"), std::string::npos) << out;
    // (T01, P12): 30 + 10 restocked; sold 3 + 1 (late) + 3 → 33; one line stated 380.
    EXPECT_NE(out.find("T01 1011400302 40 0 7 33 null price_mismatch\n"), std::string::npos) << out;
    // (T02, P13): 5 consigned, 2 sold and 2 returned → 5.
    EXPECT_NE(out.find("T02 1011400303 5 0 0 5 null -\n"), std::string::npos) << out;
    // (T03, P15): 10 consigned, 5 + 4 + 2 sold → -1, oversold.
    EXPECT_NE(out.find("T03 1011400305 10 0 11 -1 null oversold\n"), std::string::npos) << out;
    EXPECT_EQ(out.find("oversold"), out.rfind("oversold")) << "only one oversold row:\n" << out;
}

TEST_F(ThreePeriods, SettlementWorkbookCoverHoldsTheGrandTotalPayable) {
    ASSERT_EQ(world->report.status, 0) << world->report.err;
    const std::string& canonical = world->settle_canonical["2026H1"];
    auto at = canonical.find("total_payable ");
    ASSERT_NE(at, std::string::npos);
    std::string total = canonical.substr(at + 14, canonical.find('\n', at) - at - 14);
    EXPECT_EQ(total, "5559"); // Σ payable of 2026H1, the two negatives included
    EXPECT_NE(world->cover_probe.find("first_sheet 封面\n"), std::string::npos)
        << world->cover_probe;
    EXPECT_NE(world->cover_probe.find("payable int " + total + "\n"), std::string::npos)
        << world->cover_probe;
}

// ---------------------------------------------------------------------------------------
// The same scenario on MariaDB
// ---------------------------------------------------------------------------------------

// SPEC §5.1: the embedded SQLite default and the ministry's MariaDB give the same result, byte
// for byte: every import summary, every settlement's JSON, the reconciliation.
TEST_F(ThreePeriods, MariaDbGivesByteIdenticalResults) {
    auto url = fresh_mysql_database();
    if (!url)
        GTEST_SKIP() << "no MariaDB test server (run through ctest)";
    World maria;
    maria.db_url = *url;
    maria.run();
    ASSERT_EQ(maria.setup_error, "");
    ASSERT_FALSE(world->settle.empty());
    EXPECT_EQ(maria.import_summary, world->import_summary);
    for (const auto& [label, run] : world->settle) {
        ASSERT_TRUE(maria.settle.count(label)) << label;
        EXPECT_EQ(maria.settle.at(label).status, run.status) << label;
        EXPECT_EQ(maria.settle.at(label).out, run.out) << label;
    }
    EXPECT_EQ(maria.reconcile.out, world->reconcile.out);
    EXPECT_FALSE(maria.reconcile.out.empty());
}

} // namespace
} // namespace govpub::test::three_periods
