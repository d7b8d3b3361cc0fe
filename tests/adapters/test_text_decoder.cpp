// Encoding detection for CSV uploads: UTF-8, UTF-8 with BOM, Big5/CP950, and what is not text.
#include "adapters/import/input_error.hpp"
#include "adapters/import/text_decoder.hpp"
#include "tests/support/test_support.hpp"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

namespace govpub::adapters::import {
namespace {

using govpub::test::to_big5;

// Big5 bytes as Excel on Traditional Chinese Windows writes them.
std::string detect_error(const std::string& sample) {
    try {
        TextDecoder::detect(sample, true, "sales.csv");
    } catch (const InputError& error) {
        return error.what();
    }
    return "no error";
}

TEST(TextDecoder, PlainUtf8IsUtf8) {
    auto decoder = TextDecoder::detect("門市代碼,GPN\nS01,1011500001\n", true, "sales.csv");
    EXPECT_EQ(decoder.encoding(), TextEncoding::utf8);
    EXPECT_EQ(decoder.bom_size(), 0u);
    EXPECT_EQ(decoder.name(), "utf-8");
    std::string cell = "國家書店";
    EXPECT_EQ(decoder.decode(cell), std::string::npos);
    EXPECT_EQ(cell, "國家書店");
}

TEST(TextDecoder, ByteOrderMarkMeansUtf8AndIsSkipped) {
    auto decoder = TextDecoder::detect("\xEF\xBB\xBFgpn\n", true, "sales.csv");
    EXPECT_EQ(decoder.encoding(), TextEncoding::utf8_bom);
    EXPECT_EQ(decoder.bom_size(), 3u);
    EXPECT_EQ(decoder.name(), "utf-8-bom");
}

TEST(TextDecoder, NonUtf8TextIsReadAsBig5) {
    std::string raw = to_big5("門市代碼,銷售日期,GPN,數量\nS01,2026-03-01,1011500001,3\n");
    ASSERT_NE(find_invalid_utf8(raw), std::string::npos); // really not UTF-8
    auto decoder = TextDecoder::detect(raw, true, "sales.csv");
    EXPECT_EQ(decoder.encoding(), TextEncoding::big5);
    std::string cell = to_big5("國家書店");
    EXPECT_EQ(cell.size(), 8u);
    EXPECT_EQ(decoder.decode(cell), std::string::npos);
    EXPECT_EQ(cell, "國家書店");
    std::string ascii = "S01";
    EXPECT_EQ(decoder.decode(ascii), std::string::npos);
    EXPECT_EQ(ascii, "S01");
}

TEST(TextDecoder, Big5ByteThatCp950DoesNotDefineIsReportedWithItsOffset) {
    auto decoder = TextDecoder::detect(to_big5("書名\n"), true, "sales.csv");
    std::string cell = "ab" + to_big5("書") +
                       "\xA1"
                       "0"; // 0x30 cannot follow a lead byte
    EXPECT_EQ(decoder.decode(cell), 4u);
    EXPECT_NE(decoder.invalid_rule().find("Big5"), std::string::npos);
}

TEST(TextDecoder, NulByteMeansNotText) {
    EXPECT_EQ(detect_error(std::string("gpn,qty\n12\0\x01\x02", 13)),
              "sales.csv is not a text file (binary data at byte 10); upload a CSV or XLSX file");
}

TEST(TextDecoder, ControlBytesMeanNotText) {
    EXPECT_NE(detect_error("PK-like\x03\x04 garbage").find("binary data at byte 7"),
              std::string::npos);
    // A byte order mark does not make binary data text.
    EXPECT_NE(detect_error(std::string("\xEF\xBB\xBFgpn\0", 7)).find("binary data at byte 6"),
              std::string::npos);
    // Tabs, line ends and a DOS end-of-file mark are text.
    EXPECT_EQ(detect_error("a\tb\r\nc\x1A"), "no error");
}

TEST(TextDecoder, Utf16IsRejectedWithAHint) {
    EXPECT_NE(detect_error(std::string("\xFF\xFEg\0p\0n\0", 8)).find("UTF-16"), std::string::npos);
}

TEST(TextDecoder, SampleCutInsideACharacterIsStillUtf8) {
    std::string sample(TextDecoder::SAMPLE_BYTES - 1, 'a');
    sample += "\xE5\x9C"; // the first two bytes of 國, the third lies beyond the sample
    EXPECT_EQ(TextDecoder::detect(sample, false, "f.csv").encoding(), TextEncoding::utf8);
    // When the sample is the whole file, the cut character is not excused.
    EXPECT_EQ(TextDecoder::detect(sample, true, "f.csv").encoding(), TextEncoding::big5);
}

TEST(TextDecoder, FindInvalidUtf8FollowsRfc3629) {
    EXPECT_EQ(find_invalid_utf8("國家 ok"), std::string::npos);
    EXPECT_EQ(find_invalid_utf8("ab\xC0\xAF"), 2u);        // overlong '/'
    EXPECT_EQ(find_invalid_utf8("\xED\xA0\x80"), 0u);      // UTF-16 surrogate
    EXPECT_EQ(find_invalid_utf8("x\xF4\x90\x80\x80"), 1u); // above U+10FFFF
    EXPECT_EQ(find_invalid_utf8("ok\xE5\x9C", false), 2u); // cut short
    EXPECT_EQ(find_invalid_utf8("ok\xE5\x9C", true), std::string::npos);
    EXPECT_EQ(with_replacement_chars("a\xFF"
                                     "b"),
              "a\xEF\xBF\xBD"
              "b");
}

} // namespace
} // namespace govpub::adapters::import
