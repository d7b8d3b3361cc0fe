// The libraries and receipts files (SPEC §4.9, §5.2) on SQLite and on MariaDB: good files
// store the right rows, libraries are updated in place, receipts are completed by later
// files, and each rule refuses a bad file whole, naming line, column and rule (§4.5).
#include "adapters/import/library_import.hpp"
#include "adapters/import/receipt_import.hpp"
#include "tests/support/import_fixture.hpp"
#include "tests/support/test_support.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace govpub::adapters::import {
namespace {

namespace fs = std::filesystem;

// Two national libraries and three depository ones: lists split by ";", "、" and a space;
// kinds as codes in any case and as Chinese names.
const std::string LIBRARIES = "code,name,kind,email,agencies\n"
                              "NCL,國家圖書館,ncl,deposit@ncl.example.gov.tw,\n"
                              "LY,立法院國會圖書館,立法院國會圖書館,,\n"
                              "D01,國立臺灣圖書館,depository,service@ntl.example.gov.tw,A001;A002\n"
                              "D02,國立公共資訊圖書館,寄存圖書館,,A001、A003 A004\n"
                              "D03,臺北市立圖書館,Depository,,\n";

// Chinese headers; ROC, ISO, slashed and 民國 dates; a labelled GPN.
const std::string RECEIPTS = "圖書館代碼,GPN,冊數,收到日期,點收日期,提供服務日期\n"
                             "NCL,1011402815,2,115/01/05,115/01/20,115/03/02\n"
                             "LY,GPN 1011402815,1,2026-01-06,,\n"
                             "D01,1011302730,1,民國115年1月7日,2026/01/30,\n";

class LibraryImports : public test::ImportFixture {
  protected:
    void load_start_data() override {
        ASSERT_NO_FATAL_FAILURE(import_demo_agencies());
        ASSERT_NO_FATAL_FAILURE(import_demo_publications());
    }

    ImportSummary import_libraries(const std::string& name, const std::string& bytes) {
        LibraryImport sink(*db_, catalogue());
        return run(put(name, bytes), sink);
    }

    ImportSummary import_receipts(const std::string& name, const std::string& bytes,
                                  bool skip_invalid = false) {
        ReceiptImport sink(*db_, catalogue(), RULES);
        return run(put(name, bytes), sink, skip_invalid);
    }

    //! Every library, list and receipt, and the number of files imported.
    std::string state() {
        return rows(LIBRARY_ROWS) + rows(AGENCY_ROWS) + rows(RECEIPT_ROWS) +
               rows("SELECT COUNT(*) FROM import_file");
    }

    //! `bytes` as the file `name` of `kind` is refused whole with exactly the `expected`
    //! issues, in line order, each message naming the file, line and column; nothing stored.
    void expect_refused(const std::string& kind, const std::string& name, const std::string& bytes,
                        const std::vector<test::ExpectedIssue>& expected) {
        ASSERT_NO_FATAL_FAILURE(expect_refused_whole(
            name, expected,
            [&] {
                if (kind == "libraries")
                    import_libraries(name, bytes);
                else
                    import_receipts(name, bytes);
            },
            [&] { return state(); }));
        EXPECT_FALSE(fs::exists(settings_.data_dir / "rejects")) << "a refused file left rejects";
    }

    static constexpr const char* LIBRARY_ROWS =
        "SELECT code, name, kind, email FROM library ORDER BY code";
    static constexpr const char* AGENCY_ROWS =
        "SELECT library, agency FROM library_agency ORDER BY library, agency";
    static constexpr const char* RECEIPT_ROWS =
        "SELECT library, gpn, copies, received_on, checked_in_on, in_service_on FROM receipt "
        "ORDER BY library, gpn, received_on";
};

class ReceiptImports : public LibraryImports {
  protected:
    void load_start_data() override {
        ASSERT_NO_FATAL_FAILURE(LibraryImports::load_start_data());
        ASSERT_EQ(import_libraries("libraries.csv", LIBRARIES).accepted, 5u);
    }
};

TEST_P(LibraryImports, LibrariesAreStoredWithTheAgenciesTheyReceive) {
    auto summary = import_libraries("libraries.csv", LIBRARIES);
    EXPECT_EQ(summary.accepted, 5u);
    EXPECT_EQ(rows(LIBRARY_ROWS), "D01|國立臺灣圖書館|depository|service@ntl.example.gov.tw\n"
                                  "D02|國立公共資訊圖書館|depository|NULL\n"
                                  "D03|臺北市立圖書館|depository|NULL\n"
                                  "LY|立法院國會圖書館|ly|NULL\n"
                                  "NCL|國家圖書館|ncl|deposit@ncl.example.gov.tw\n");
    // D03 lists none: it receives every agency's publications.
    EXPECT_EQ(rows(AGENCY_ROWS), "D01|A001\nD01|A002\nD02|A001\nD02|A003\nD02|A004\n");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM import_file WHERE kind = 'libraries'"), 1);
}

TEST_P(LibraryImports, LibrariesAreUpdatedInPlaceByTheirCode) {
    EXPECT_NO_FATAL_FAILURE(import_libraries("libraries.csv", LIBRARIES));
    // Chinese headers: D01's list is replaced, D04 is new.
    EXPECT_EQ(import_libraries("libraries_2026.csv", "圖書館代碼,圖書館名稱,類型,寄存機關\n"
                                                     "D01,國立臺灣圖書館（新北）,寄存圖書館,A003\n"
                                                     "D04,高雄市立圖書館,寄存圖書館,A005；A006\n")
                  .accepted,
              2u);
    // Without the agencies column a list stays as it is; the e-mail is set.
    EXPECT_EQ(import_libraries("emails.csv",
                               "code,name,kind,email\n"
                               "D02,國立公共資訊圖書館,depository,ask@nlpi.example.gov.tw\n")
                  .accepted,
              1u);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM library"), 6);
    EXPECT_EQ(rows("SELECT name, email FROM library WHERE code = 'D01'"),
              "國立臺灣圖書館（新北）|NULL\n");
    EXPECT_EQ(rows("SELECT email FROM library WHERE code = 'D02'"), "ask@nlpi.example.gov.tw\n");
    EXPECT_EQ(rows(AGENCY_ROWS), "D01|A003\nD02|A001\nD02|A003\nD02|A004\nD04|A005\nD04|A006\n");
    // An empty cell in the column: D02 now receives every agency's publications.
    EXPECT_EQ(import_libraries("all.csv", "code,name,kind,agencies\n"
                                          "D02,國立公共資訊圖書館,depository,\n")
                  .accepted,
              1u);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM library_agency WHERE library = 'D02'"), 0);
}

// 要點7: one National Central Library, one Legislative Yuan Library.
TEST_P(LibraryImports, ASecondNclOrLyIsRefused) {
    EXPECT_NO_FATAL_FAILURE(expect_refused("libraries", "two_ly.csv",
                                           "code,name,kind\nL1,國會圖書館,ly\nL2,國會圖書館二,ly\n",
                                           {{3, "kind",
                                             "would make L2 a second Legislative Yuan Library "
                                             "(立法院國會圖書館): L1 (line 2) is that library"}}));
    EXPECT_NO_FATAL_FAILURE(import_libraries("libraries.csv", LIBRARIES));
    EXPECT_NO_FATAL_FAILURE(expect_refused(
        "libraries", "ncl2.csv",
        "圖書館代碼,圖書館名稱,類型\nD09,某圖書館,depository\nNCL2,新館,國家圖書館\n",
        {{3, "類型",
          "would make NCL2 a second National Central Library (國家圖書館): NCL (stored)"}}));
    EXPECT_EQ(rows("SELECT code FROM library WHERE kind IN ('ncl', 'ly') ORDER BY code"),
              "LY\nNCL\n");
}

// The role moves in one file when the old holder is given another kind in it, in any order.
TEST_P(LibraryImports, TheNclAndLyRolesCanBeHandedOverInOneFile) {
    EXPECT_NO_FATAL_FAILURE(import_libraries("libraries.csv", LIBRARIES));
    EXPECT_EQ(import_libraries("handover.csv", "code,name,kind\n"
                                               "NCL2,國家圖書館,ncl\n"
                                               "NCL,國家圖書館（舊館）,depository\n")
                  .accepted,
              2u);
    EXPECT_EQ(import_libraries("swap.csv", "code,name,kind\n"
                                           "NCL2,國家圖書館,ly\n"
                                           "LY,立法院國會圖書館,ncl\n")
                  .accepted,
              2u);
    EXPECT_EQ(rows("SELECT code, kind FROM library WHERE kind <> 'depository' ORDER BY code"),
              "LY|ncl\nNCL2|ly\n");
}

// The schema holds the rule too, for whatever writes behind the importer's back.
TEST_P(LibraryImports, TheDatabaseHoldsOneNclAndOneLy) {
    EXPECT_NO_FATAL_FAILURE(import_libraries("libraries.csv", LIBRARIES));
    auto& sql = db_->session();
    EXPECT_THROW(sql << "INSERT INTO library (code, name, kind) VALUES ('X1', 'x', 'ncl')",
                 soci::soci_error);
    EXPECT_THROW(sql << "INSERT INTO library (code, name, kind) VALUES ('X2', 'x', 'ly')",
                 soci::soci_error);
    sql << "INSERT INTO library (code, name, kind) VALUES ('X3', 'x', 'depository')";
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM library WHERE kind = 'depository'"), 4);
}

TEST_P(LibraryImports, BadLibraryLinesAreEachNamed) {
    EXPECT_NO_FATAL_FAILURE(expect_refused(
        "libraries", "bad_libraries.csv",
        "code,name,kind,email,agencies\n"
        "D10,好圖書館,depository,,A001\n"
        "D11,,depository,,\n"
        "D12,分館,branch,,\n"
        "D13,某圖書館,depository,02-2361-9132,\n"
        "D14,某圖書館,depository,,A001;A099\n"
        "LY,立法院國會圖書館,ly,,A001\n"
        "D10,又一次,depository,,\n",
        {{3, "name", "a library needs its name"},
         {4, "kind", "must be ncl (國家圖書館), ly (立法院國會圖書館) or depository (寄存圖書館)"},
         {5, "email", "is not an e-mail address"},
         {6, "agencies", "\"A099\" — is not a known agency: import agencies first"},
         {7, "agencies", "are listed for a depository library only"},
         {8, "code", "appears again; first on line 2"}}));
}

TEST_P(ReceiptImports, ReceiptsAreStoredWithTheirDates) {
    auto summary = import_receipts("receipts.csv", RECEIPTS);
    EXPECT_EQ(summary.accepted, 3u);
    EXPECT_EQ(summary.warning_count, 0u);
    EXPECT_EQ(rows(RECEIPT_ROWS), "D01|1011302730|1|2026-01-07|2026-01-30|NULL\n"
                                  "LY|1011402815|1|2026-01-06|NULL|NULL\n"
                                  "NCL|1011402815|2|2026-01-05|2026-01-20|2026-03-02\n");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM receipt WHERE import_sha256 = '" + summary.sha256 +
                     "' AND updated_sha256 IS NULL"),
              3);
}

// The same library, GPN and day received is the same receipt: a later file completes it.
TEST_P(ReceiptImports, ALaterFileFillsInTheDatesOfAStoredReceipt) {
    const auto first = import_receipts("receipts.csv", RECEIPTS);
    auto later = import_receipts("receipts_03.csv",
                                 "library,gpn,copies,received_on,checked_in_on,in_service_on\n"
                                 "LY,1011402815,1,2026-01-06,2026-01-26,2026-02-10\n"
                                 "D01,1011302730,1,2026-01-07,,2026-03-01\n"
                                 "NCL,1011402815,2,2026-01-05,2026-01-20,2026-03-02\n"
                                 "NCL,1011402815,2,2026-04-01,,\n");
    EXPECT_EQ(later.accepted, 4u);
    EXPECT_EQ(rows(RECEIPT_ROWS), "D01|1011302730|1|2026-01-07|2026-01-30|2026-03-01\n"
                                  "LY|1011402815|1|2026-01-06|2026-01-26|2026-02-10\n"
                                  "NCL|1011402815|2|2026-01-05|2026-01-20|2026-03-02\n"
                                  "NCL|1011402815|2|2026-04-01|NULL|NULL\n");
    // Who said what: the receipts the later file completed, and the one it added.
    EXPECT_EQ(rows("SELECT library, received_on FROM receipt WHERE import_sha256 = '" +
                   first.sha256 + "' AND updated_sha256 = '" + later.sha256 + "' ORDER BY library"),
              "D01|2026-01-07\nLY|2026-01-06\n");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM receipt WHERE import_sha256 = '" + later.sha256 + "'"),
              1);
}

TEST_P(ReceiptImports, ADateOrCopiesAlreadyRecordedAreNeverChanged) {
    EXPECT_NO_FATAL_FAILURE(import_receipts("receipts.csv", RECEIPTS));
    EXPECT_NO_FATAL_FAILURE(expect_refused(
        "receipts", "changes.csv",
        "library,gpn,copies,received_on,checked_in_on,in_service_on\n"
        "NCL,1011402815,2,2026-01-05,2026-01-21,\n"
        "D01,1011302730,3,2026-01-07,,\n"
        "LY,1011402815,1,2026-01-06,,2026-02-01\n",
        {{2, "checked_in_on",
          "the receipt of GPN 1011402815 by NCL on 2026-01-05 was checked in on 2026-01-20 by "
          "an earlier file; a date once recorded is never changed"},
         {3, "copies", "is stored with 1 copy, which a later file cannot change"},
         {4, "in_service_on", "put in service after its check-in: give checked_in_on too"}}));
    // A service date is judged against the check-in already recorded.
    EXPECT_NO_FATAL_FAILURE(expect_refused(
        "receipts", "early.csv",
        "library,gpn,copies,received_on,in_service_on\n"
        "D01,1011302730,1,2026-01-07,2026-01-29\n",
        {{2, "in_service_on", "in service on 2026-01-29, before its check-in on 2026-01-30"}}));
}

TEST_P(ReceiptImports, BadReceiptLinesAreEachNamed) {
    EXPECT_NO_FATAL_FAILURE(expect_refused(
        "receipts", "bad_receipts.csv",
        "library,gpn,copies,received_on,checked_in_on,in_service_on\n"
        "NCL,1011402812,2,2026-02-02,,\n"
        "D99,1011402812,1,2026-02-02,,\n"
        "D01,1011499999,1,2026-02-02,,\n"
        "D01,1011402812,0,2026-02-02,,\n"
        "D02,1011402812,2.5,2026-02-02,,\n"
        "D03,1011402812,1,2026-02-02,2026-02-01,\n"
        "LY,1011402812,1,2026-02-02,2026-02-03,2026-02-02\n"
        "NCL,1011402812,2,115/02/02,,\n"
        "D03,1011402616,1,26/02/02,,\n"
        "D03,101140281,1,2026-02-02,,\n",
        {{3, "library", "\"D99\" — is not a known library: import libraries first"},
         {4, "gpn", "GPN 1011499999 is not in the catalogue"},
         {5, "copies", "copies must be a positive whole number"},
         {6, "copies", "must be a whole number"},
         {7, "checked_in_on", "checked in on 2026-02-01, before it was received on 2026-02-02"},
         {8, "in_service_on", "in service on 2026-02-02, before its check-in on 2026-02-03"},
         {9, "received_on", "appears again; first on line 2"},
         {10, "received_on", "reads as 1937-02-02"},
         {11, "gpn", "10 digits"}}));
}

TEST_P(ReceiptImports, SkipInvalidStoresTheGoodLinesAndWritesTheRejects) {
    auto summary = import_receipts("mixed.csv",
                                   "library,gpn,copies,received_on\n"
                                   "NCL,1011402812,2,2026-02-02\n"
                                   "NCL,1011402616,-1,2026-02-02\n"
                                   "D03,1011402616,1,2026-02-03\n",
                                   true);
    EXPECT_EQ(summary.accepted, 2u);
    EXPECT_EQ(summary.rejected, 1u);
    EXPECT_EQ(rows(RECEIPT_ROWS), "D03|1011402616|1|2026-02-03|NULL|NULL\n"
                                  "NCL|1011402812|2|2026-02-02|NULL|NULL\n");
    ASSERT_TRUE(fs::exists(summary.rejects_file));
    const std::string rejects = test::read_file(summary.rejects_file);
    EXPECT_NE(rejects.find("NCL,1011402616,-1,2026-02-02,3,"), std::string::npos) << rejects;
    EXPECT_NE(rejects.find("positive whole number"), std::string::npos) << rejects;
}

TEST_P(ReceiptImports, TheSameBytesTwiceChangeNothing) {
    EXPECT_EQ(import_receipts("receipts.csv", RECEIPTS).accepted, 3u);
    const auto stored = rows(RECEIPT_ROWS);
    auto again = import_receipts("receipts_again.csv", RECEIPTS);
    EXPECT_TRUE(again.already_imported);
    EXPECT_EQ(rows(RECEIPT_ROWS), stored);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM import_file WHERE kind = 'receipts'"), 1);
}

// SPEC §4.9: D01 receives A001's and A002's publications; a serial of A005 is stored all the
// same (the library has it), with a warning that it is not on the library's list.
TEST_P(ReceiptImports, AReceiptOutsideTheLibrarysAgenciesIsAWarning) {
    auto summary = import_receipts("extra.csv", "library,gpn,copies,received_on\n"
                                                "D01,2007200282,1,2026-03-02\n"
                                                "D03,2007200282,1,2026-03-02\n");
    EXPECT_EQ(summary.accepted, 2u);
    ASSERT_EQ(summary.warnings.size(), 1u);
    EXPECT_NE(summary.warnings[0].find("extra.csv line 2, column library"), std::string::npos)
        << summary.warnings[0];
    EXPECT_NE(summary.warnings[0].find("receives the publications of A001, A002 only, and GPN "
                                       "2007200282 is A005's"),
              std::string::npos)
        << summary.warnings[0];
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM receipt WHERE gpn = '2007200282'"), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, LibraryImports, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Backends, ReceiptImports, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::adapters::import
