// zh-Hant-TW collation as ICU gives it: the order officials expect in report sheets (SPEC §5.4).
#include "reports/collation.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace govpub::reports {
namespace {

// Expected answers were read from ICU 72 (Debian bookworm), not assumed: zh-Hant orders Han
// characters by stroke count, so 五 (4 strokes) comes before 國 (11).
TEST(Collation, OrdersBookstoresAsIcuZhHantTwDoes) {
    const ZhHantCollator collator;
    EXPECT_TRUE(collator.less("五南文化廣場", "國家書店"));
    EXPECT_FALSE(collator.less("國家書店", "五南文化廣場"));
}

TEST(Collation, CountsStrokesNotCodePoints) {
    const ZhHantCollator collator;
    // 三 is U+4E09 and 人 is U+4EBA, but 人 has 2 strokes and 三 has 3.
    EXPECT_TRUE(collator.less("人", "三"));
    EXPECT_LT(std::string("三"), std::string("人")); // byte order says the opposite
    // Same first character: the second decides, 立 (5 strokes) before 家 (10).
    EXPECT_TRUE(collator.less("國立臺灣大學", "國家書店"));
}

TEST(Collation, PutsHanBeforeLatinAsZhRulesDo) {
    const ZhHantCollator collator;
    EXPECT_TRUE(collator.less("國家書店", "Apple Books"));
}

TEST(Collation, EqualNamesAreNotLess) {
    const ZhHantCollator collator;
    EXPECT_FALSE(collator.less("文化部", "文化部"));
    EXPECT_EQ(collator.sort_key("文化部"), collator.sort_key("文化部"));
}

TEST(Collation, SortKeysOrderLikeLess) {
    const ZhHantCollator collator;
    std::vector<std::string> names = {"國家書店",     "五南文化廣場", "三民書局", "人間出版社",
                                      "國立臺灣大學", "Apple Books",  "文化部"};
    auto by_less = names;
    std::sort(by_less.begin(), by_less.end(),
              [&](const auto& a, const auto& b) { return collator.less(a, b); });
    auto by_key = names;
    std::sort(by_key.begin(), by_key.end(), [&](const auto& a, const auto& b) {
        return collator.sort_key(a) < collator.sort_key(b);
    });
    EXPECT_EQ(by_less, by_key);
    const std::vector<std::string> expected = {"人間出版社",   "三民書局", "五南文化廣場", "文化部",
                                               "國立臺灣大學", "國家書店", "Apple Books"};
    EXPECT_EQ(by_less, expected);
}

TEST(Collation, SurvivesInvalidUtf8) {
    const ZhHantCollator collator;
    const std::string broken = "\xE5\x9C"; // a cut-off 國
    EXPECT_NO_THROW(collator.less(broken, "國"));
    EXPECT_FALSE(collator.sort_key(broken).empty());
}

} // namespace
} // namespace govpub::reports
