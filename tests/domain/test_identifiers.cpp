// GPN, ISBN, ISSN, ISRC and party codes as people type and print them (SPEC §3).
#include "domain/identifiers.hpp"

#include <gtest/gtest.h>

namespace govpub::domain {
namespace {

const GpnRules RULES_2026{"12", 115};

std::string gpn_digits(std::string_view raw) {
    auto parsed = parse_gpn(raw, RULES_2026);
    EXPECT_TRUE(parsed) << raw << ": " << parsed.error;
    EXPECT_TRUE(parsed.warnings.empty()) << raw;
    return parsed ? parsed->digits : "";
}

std::string isbn(std::string_view raw) {
    auto parsed = parse_isbn(raw);
    EXPECT_TRUE(parsed) << raw << ": " << parsed.error;
    return parsed ? *parsed : "";
}

TEST(Identifiers, NfkcTurnsFullWidthIntoAscii) {
    EXPECT_EQ(nfkc("１２３"), "123");
    EXPECT_EQ(nfkc("ＧＰＮ："), "GPN:");
    EXPECT_EQ(nfkc("plain ascii"), "plain ascii");
    EXPECT_EQ(nfkc("政府出版品"), "政府出版品"); // CJK ideographs are left alone
    EXPECT_EQ(nfkc("\u3000"), " ");
}

// SPEC §3: the real GPNs from the regulation's examples, split into their parts.
TEST(Gpn, ReadsRealExamplesIntoTypeYearAndRunningNumber) {
    auto book = parse_gpn("1010600726", RULES_2026);
    ASSERT_TRUE(book) << book.error;
    EXPECT_EQ(book->digits, "1010600726");
    EXPECT_EQ(book->type_digit(), '1');
    EXPECT_EQ(book->roc_year(), 106);
    EXPECT_EQ(book->running_number(), 726);

    auto serial = parse_gpn("2005600032", RULES_2026);
    ASSERT_TRUE(serial) << serial.error;
    EXPECT_EQ(serial->digits, "2005600032"); // leading zeros of the year kept: a string
    EXPECT_EQ(serial->type_digit(), '2');
    EXPECT_EQ(serial->roc_year(), 56);
    EXPECT_EQ(serial->running_number(), 32);

    EXPECT_EQ(gpn_digits("1010901787"), "1010901787");
    EXPECT_EQ(gpn_digits("1011500057"), "1011500057");
    EXPECT_TRUE(parse_gpn("1011500057", RULES_2026).warnings.empty()); // this year is fine
}

// SPEC §3: printed forms lose the label, colons (full-width too), spaces and hyphens.
TEST(Gpn, NormalisesPrintedForms) {
    EXPECT_EQ(gpn_digits("GPN：1010901787"), "1010901787");
    EXPECT_EQ(gpn_digits("GPN 1010-901787"), "1010901787");
    EXPECT_EQ(gpn_digits("GPN:1010901787"), "1010901787");
    EXPECT_EQ(gpn_digits("  gpn 1010 901787 "), "1010901787");
    EXPECT_EQ(gpn_digits("ＧＰＮ：１０１０９０１７８７"), "1010901787");
    EXPECT_EQ(gpn_digits("１０１１５０００５７"), "1011500057");
    EXPECT_EQ(gpn_digits("1010\u2013901787"), "1010901787"); // en dash from a word processor
}

TEST(Gpn, RejectsAnythingButTenDigits) {
    auto eight = parse_gpn("10109017", RULES_2026);
    ASSERT_FALSE(eight);
    EXPECT_EQ(eight.error,
              "GPN 10109017: must have 10 digits (type, ROC year, running number), found 8");

    auto nine = parse_gpn("GPN 101090178", RULES_2026);
    ASSERT_FALSE(nine);
    EXPECT_EQ(nine.error,
              "GPN 101090178: must have 10 digits (type, ROC year, running number), found 9");

    auto eleven = parse_gpn("10109017870", RULES_2026);
    EXPECT_FALSE(eleven);

    auto letter = parse_gpn("10109O1787", RULES_2026);
    ASSERT_FALSE(letter);
    EXPECT_EQ(letter.error,
              "GPN 10109O1787: must have 10 digits (type, ROC year, running number), found 'O'");

    auto empty = parse_gpn("  ", RULES_2026);
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error,
              "GPN (empty): must have 10 digits (type, ROC year, running number), found 0");
}

// SPEC §3: warnings, not errors — the table of types is configurable.
TEST(Gpn, WarnsOnUnknownTypeDigit) {
    auto parsed = parse_gpn("3010901787", RULES_2026);
    ASSERT_TRUE(parsed) << parsed.error;
    ASSERT_EQ(parsed.warnings.size(), 1u);
    EXPECT_EQ(parsed.warnings[0], "GPN 3010901787: type digit 3 is not a known type (known: 1, 2)");

    auto configured = parse_gpn("3010901787", GpnRules{"123", 115});
    ASSERT_TRUE(configured);
    EXPECT_TRUE(configured.warnings.empty());
}

TEST(Gpn, WarnsOnYearAfterTheCurrentRocYear) {
    auto parsed = parse_gpn("1011600001", RULES_2026);
    ASSERT_TRUE(parsed) << parsed.error;
    ASSERT_EQ(parsed.warnings.size(), 1u);
    EXPECT_EQ(parsed.warnings[0], "GPN 1011600001: ROC year 116 is after the current year 115");

    auto both = parse_gpn("9099900001", RULES_2026);
    ASSERT_TRUE(both);
    EXPECT_EQ(both.warnings.size(), 2u);
}

// SPEC §3: ISBN-13 with 978 and 979 prefixes, stored without hyphens.
TEST(Isbn, AcceptsIsbn13WithEitherPrefix) {
    EXPECT_EQ(isbn("978-957-11-5449-7"), "9789571154497");
    EXPECT_EQ(isbn("9789865251611"), "9789865251611");
    EXPECT_EQ(isbn("978-626-305-041-9"), "9786263050419");
    EXPECT_EQ(isbn("979-10-90636-07-1"), "9791090636071");
}

TEST(Isbn, AcceptsLabelsSpacesAndFullWidthDigits) {
    EXPECT_EQ(isbn("ISBN 978-957-11-5449-7"), "9789571154497");
    EXPECT_EQ(isbn("ISBN-13: 978 957 11 5449 7"), "9789571154497");
    EXPECT_EQ(isbn("isbn：９７８９５７１１５４４９７"), "9789571154497");
    EXPECT_EQ(isbn("urn:isbn:9789571154497"), "9789571154497");
}

// SPEC §3: ISBN-10 (mod 11, X for 10) becomes the 978 ISBN-13.
TEST(Isbn, ConvertsIsbn10IncludingCheckX) {
    EXPECT_EQ(isbn("957-11-5449-0"), "9789571154497");
    EXPECT_EQ(isbn("0-8044-2957-X"), "9780804429573");
    EXPECT_EQ(isbn("080442957x"), "9780804429573");
    EXPECT_EQ(isbn("ISBN 957-000-004-X"), "9789570000047");
}

// SPEC §3: the message names the field, the value and the rule. Prefixing an ISBN-10 with
// 978 without recomputing the check digit is the usual way this happens.
TEST(Isbn, WrongCheckDigitSaysWhatItShouldBe) {
    auto thirteen = parse_isbn("978-957-11-5449-0");
    ASSERT_FALSE(thirteen);
    EXPECT_EQ(thirteen.error, "ISBN 9789571154490: check digit should be 7");

    auto ten = parse_isbn("957-11-5449-1");
    ASSERT_FALSE(ten);
    EXPECT_EQ(ten.error, "ISBN 9571154491: check digit should be 0");

    auto ten_x = parse_isbn("0-8044-2957-1");
    ASSERT_FALSE(ten_x);
    EXPECT_EQ(ten_x.error, "ISBN 0804429571: check digit should be X");
}

TEST(Isbn, RejectsWrongLengthPrefixAndCharacters) {
    EXPECT_EQ(parse_isbn("978957115449").error,
              "ISBN 978957115449: must have 10 or 13 digits, found 12");
    EXPECT_EQ(parse_isbn("9771234567003").error,
              "ISBN 9771234567003: an ISBN-13 must start with 978 or 979");
    EXPECT_EQ(parse_isbn("95711X4490").error,
              "ISBN 95711X4490: only the last character of an ISBN-10 may be X");
    EXPECT_EQ(parse_isbn("978957115449X").error, "ISBN 978957115449X: an ISBN-13 has no X");
    EXPECT_EQ(parse_isbn("978-957-11-544A-7").error, "ISBN 97895711544A7: 'A' is not a digit");
    EXPECT_EQ(parse_isbn("").error, "ISBN (empty): must have 10 or 13 digits, found 0");
}

TEST(Isbn, ConvertsIsbn13BackToIsbn10OnlyFor978) {
    EXPECT_EQ(isbn13_to_isbn10("9789571154497"), "9571154490");
    EXPECT_EQ(isbn13_to_isbn10("9780804429573"), "080442957X");
    EXPECT_EQ(isbn13_to_isbn10("9791090636071"), std::nullopt);
    EXPECT_EQ(isbn13_to_isbn10("978957115449"), std::nullopt);
}

TEST(Isbn, RoundTripsBetweenTenAndThirteen) {
    for (std::string_view ten : {"9571154490", "080442957X", "957000004X"}) {
        auto thirteen = parse_isbn(ten);
        ASSERT_TRUE(thirteen) << thirteen.error;
        EXPECT_EQ(isbn13_to_isbn10(*thirteen), std::string(ten));
    }
    EXPECT_EQ(isbn13_to_isbn10(isbn("957-11-5449-0")), "9571154490");
}

// SPEC §3: Taiwan's registration groups are 957, 986 and 626.
TEST(Isbn, RecognisesTaiwanRegistrationGroups) {
    EXPECT_TRUE(is_taiwan_isbn("9789571154497"));
    EXPECT_TRUE(is_taiwan_isbn("9789865251611"));
    EXPECT_TRUE(is_taiwan_isbn("9786263050419"));
    EXPECT_FALSE(is_taiwan_isbn("9780804429573"));
    EXPECT_FALSE(is_taiwan_isbn("9791090636071"));
    EXPECT_FALSE(is_taiwan_isbn("978957"));
}

// SPEC §3: NNNN-NNNC, mod 11 with X.
TEST(Issn, AcceptsCheckCharacterX) {
    auto with_x = parse_issn("2434-561x");
    ASSERT_TRUE(with_x) << with_x.error;
    EXPECT_EQ(*with_x, "2434-561X");
    EXPECT_EQ(*parse_issn("ISSN 0317-8471"), "0317-8471");
    EXPECT_EQ(*parse_issn("ISSN：１０２３－８０１８"), "1023-8018");
    EXPECT_EQ(*parse_issn("03178471"), "0317-8471");
}

TEST(Issn, RejectsWrongCheckAndLength) {
    EXPECT_EQ(parse_issn("2434-5611").error, "ISSN 24345611: check character should be X");
    EXPECT_EQ(parse_issn("0317-8472").error, "ISSN 03178472: check character should be 1");
    EXPECT_EQ(parse_issn("0317-847").error,
              "ISSN 0317847: must have 8 characters (NNNN-NNNC), found 7");
    EXPECT_EQ(parse_issn("0317-X471").error,
              "ISSN 0317X471: only the check character (the last) may be X");
}

// SPEC §3: CC-XXX-YY-NNNNN, 12 characters without hyphens.
TEST(Isrc, AcceptsHyphenatedAndPlainForms) {
    auto parsed = parse_isrc("TW-A45-26-00001");
    ASSERT_TRUE(parsed) << parsed.error;
    EXPECT_EQ(*parsed, "TWA452600001");
    EXPECT_EQ(*parse_isrc("ISRC tw-a45-26-00001"), "TWA452600001");
    EXPECT_EQ(*parse_isrc("TW1232600001"), "TW1232600001"); // registrant may be all digits
}

TEST(Isrc, RejectsEachMalformedPart) {
    EXPECT_EQ(parse_isrc("TW-A45-26-0001").error,
              "ISRC TWA45260001: must have 12 characters (CC-XXX-YY-NNNNN), found 11");
    EXPECT_EQ(parse_isrc("T1-A45-26-00001").error,
              "ISRC T1A452600001: the country code (first 2 characters) must be letters");
    EXPECT_EQ(parse_isrc("TW-A45-2X-00001").error,
              "ISRC TWA452X00001: the year (characters 6-7) must be digits");
    EXPECT_EQ(parse_isrc("TW-A45-26-0000A").error,
              "ISRC TWA45260000A: the designation code (last 5 characters) must be digits");
    EXPECT_EQ(parse_isrc("TW-A_5-26-00001").error,
              "ISRC TWA_52600001: '_' is not a letter or digit");
}

// SPEC §3: codes are opaque strings, 1–32 characters, no spaces.
TEST(Codes, TrimsButOtherwiseKeepsCodesAsGiven) {
    EXPECT_EQ(*parse_code("store", "  S01 "), "S01");
    EXPECT_EQ(*parse_code("agency", "a-01"), "a-01"); // not upper-cased, not stripped
    EXPECT_EQ(*parse_code("agency", "\u3000文化部\u3000"), "文化部");
    EXPECT_EQ(*parse_code("library", std::string(32, 'L')), std::string(32, 'L'));
}

TEST(Codes, RejectsEmptyLongAndSpacedCodes) {
    EXPECT_EQ(parse_code("store", " ").error, "store (empty): must have 1 to 32 characters");
    EXPECT_EQ(parse_code("store", "S 01").error, "store S 01: must not contain spaces");
    EXPECT_EQ(parse_code("store", "S\u300001").error, "store S\u300001: must not contain spaces");
    EXPECT_EQ(parse_code("library", std::string(33, 'L')).error,
              "library " + std::string(33, 'L') + ": must have 1 to 32 characters, found 33");
    // 32 Chinese characters are 96 bytes but still 32 characters.
    std::string chinese;
    for (int i = 0; i < 32; ++i) {
        chinese += "館";
    }
    EXPECT_TRUE(parse_code("library", chinese));
    EXPECT_FALSE(parse_code("library", chinese + "館"));
    EXPECT_EQ(parse_code("store", "\xB0\xEA").error, "store is not valid UTF-8");
}

} // namespace
} // namespace govpub::domain
