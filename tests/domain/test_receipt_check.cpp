// Distribution to libraries (要點5, 7) and the quarterly receipt check whose gaps become
// claims (要點6(4); SPEC §4.9).
#include "domain/errors.hpp"
#include "domain/receipt_check.hpp"

#include <gtest/gtest.h>

namespace govpub::domain {
namespace {

using namespace std::chrono;

constexpr Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

const Date CHECK = d(2026, 6, 30);

const std::vector<IssuedPublication> ISSUED = {
    {"1011500002", "A001", d(2026, 3, 1)},
    {"1011500001", "A001", d(2026, 1, 15)},
    {"1011500010", "A002", d(2026, 2, 1)},
};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// 要點7 國家圖書館應送二份，立法院國會圖書館一份; 要點5 a depository library one.
TEST(ReceiptCheck, CopiesDueFollowTheLibraryKind) {
    EXPECT_EQ(copies_due(LibraryKind::ncl), 2);
    EXPECT_EQ(copies_due(LibraryKind::ly), 1);
    EXPECT_EQ(copies_due(LibraryKind::depository), 1);
}

TEST(ReceiptCheck, LibraryKindCodesReadBackAndUnknownOnesAreRefused) {
    for (auto kind : {LibraryKind::ncl, LibraryKind::ly, LibraryKind::depository}) {
        auto parsed = parse_library_kind(to_string(kind));
        ASSERT_TRUE(parsed) << to_string(kind);
        EXPECT_EQ(*parsed, kind);
    }
    EXPECT_FALSE(parse_library_kind("public"));
    try {
        parse_library_kind_or_throw("public");
        FAIL() << "no exception";
    } catch (const InvalidValue& error) {
        EXPECT_EQ(error.field(), "library kind");
        EXPECT_TRUE(contains(error.rule(), "ncl, ly or depository")) << error.rule();
    }
}

// 要點7: NCL is owed two copies of everything, so one copy received still leaves one missing.
TEST(ReceiptCheck, NclIsClaimedTheSecondCopy) {
    Library ncl{"NCL", LibraryKind::ncl, {}};
    auto missing = check_receipts(ncl, ISSUED, {{"1011500001", 1}, {"1011500002", 2}}, CHECK);
    ASSERT_EQ(missing.size(), 2u);
    EXPECT_EQ(missing[0], (MissingDeposit{"1011500001", "A001", 1, false}));
    EXPECT_EQ(missing[1], (MissingDeposit{"1011500010", "A002", 2, false}));
}

// 要點7: the Legislative Yuan Library receives every agency's publications, one copy each.
TEST(ReceiptCheck, LyIsOwedOneCopyFromEveryAgency) {
    Library ly{"LY", LibraryKind::ly, {}};
    auto missing = check_receipts(ly, ISSUED, {{"1011500001", 1}}, CHECK);
    ASSERT_EQ(missing.size(), 2u);
    EXPECT_EQ(missing[0], (MissingDeposit{"1011500002", "A001", 1, false}));
    EXPECT_EQ(missing[1], (MissingDeposit{"1011500010", "A002", 1, false}));
}

// 要點5: a depository library is owed only the publications of the agencies it receives.
TEST(ReceiptCheck, ADepositoryLibraryIsOwedOnlyItsAgencies) {
    Library library{"L07", LibraryKind::depository, {"A002"}};
    EXPECT_TRUE(receives(library, "A002"));
    EXPECT_FALSE(receives(library, "A001"));
    auto missing = check_receipts(library, ISSUED, {}, CHECK);
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0], (MissingDeposit{"1011500010", "A002", 1, false}));
    EXPECT_TRUE(check_receipts(library, ISSUED, {{"1011500010", 1}}, CHECK).empty());
}

// SPEC §5.2, libraries file: 寄存機關 left empty means every agency.
TEST(ReceiptCheck, ADepositoryLibraryListingNoAgencyReceivesThemAll) {
    Library library{"L08", LibraryKind::depository, {}};
    EXPECT_TRUE(receives(library, "A001"));
    EXPECT_TRUE(receives(library, "A002"));
}

// 要點6(4) 逾出版日期一年者，出版機關得不予提供: marked optional, still listed.
TEST(ReceiptCheck, AClaimMoreThanAYearAfterPublicationIsOptional) {
    Library ly{"LY", LibraryKind::ly, {}};
    std::vector<IssuedPublication> issued = {
        {"1011400001", "A001", d(2025, 6, 29)}, // a year and a day before the check
        {"1011400002", "A001", d(2025, 6, 30)}, // exactly a year: still owed
        {"1011400003", "A001", std::nullopt},   // no date: the exemption cannot be shown
    };
    auto missing = check_receipts(ly, issued, {}, CHECK);
    ASSERT_EQ(missing.size(), 3u);
    EXPECT_TRUE(missing[0].optional);
    EXPECT_FALSE(missing[1].optional);
    EXPECT_FALSE(missing[2].optional);
}

// Nothing can be owed before it is published; one published on the check day already is.
TEST(ReceiptCheck, PublicationsAfterTheCheckDateAreNotClaimedYet) {
    Library ly{"LY", LibraryKind::ly, {}};
    auto missing = check_receipts(
        ly, {{"1011500099", "A001", d(2026, 7, 1)}, {"1011500098", "A001", CHECK}}, {}, CHECK);
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].gpn, "1011500098");
}

// Extra copies and unexpected GPNs are not what the check claims; they are ignored.
TEST(ReceiptCheck, ExtraCopiesAndUnexpectedGpnsClaimNothing) {
    Library ly{"LY", LibraryKind::ly, {}};
    auto missing = check_receipts(
        ly, ISSUED, {{"1011500001", 5}, {"1011500002", 1}, {"1011500010", 1}, {"9999", 1}}, CHECK);
    EXPECT_TRUE(missing.empty());
}

// Bad inputs would make the check claim too much or too little: refused, naming the value.
TEST(ReceiptCheck, RefusesADuplicateGpnOrANegativeCount) {
    Library ly{"LY", LibraryKind::ly, {}};
    auto twice = ISSUED;
    twice.push_back({"1011500001", "A001", d(2026, 1, 15)});
    try {
        check_receipts(ly, twice, {}, CHECK);
        FAIL() << "no exception";
    } catch (const InvalidValue& error) {
        EXPECT_EQ(error.value(), "1011500001");
        EXPECT_TRUE(contains(error.rule(), "listed twice")) << error.rule();
    }
    EXPECT_THROW(check_receipts(ly, ISSUED, {{"1011500001", -1}}, CHECK), InvalidValue);
}

} // namespace
} // namespace govpub::domain
