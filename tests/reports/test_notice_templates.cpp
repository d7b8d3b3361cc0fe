// The shared form of notices and the settlement and payment notices (SPEC §4.12, §4.2;
// 要點11(3), 附件一 註三).
#include "domain/errors.hpp"
#include "reports/notice_templates.hpp"
#include "tests/reports/notice_samples.hpp"

#include <chrono>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace govpub::reports {
namespace {

using namespace std::chrono;
using ::testing::HasSubstr;
using ::testing::Not;
using test::has_gregorian_date;
using test::sender;

SettlementStatementNotice statement() {
    SettlementStatementNotice n;
    n.agency = {"文化部", "王小明"};
    n.store_name = "國家書店松江門市";
    n.period = "2026H1";
    n.period_from = 2025y / December / 1;
    n.period_to = 2026y / May / 31;
    n.settled_on = 2026y / June / 10;
    n.rates_bp = {6000};
    n.list_value = 12345;
    n.payable = 7407;
    n.commission = 4938;
    n.carried_in = 0;
    n.amount_due = 7407;
    n.carried_out = 0;
    n.due_date = 2026y / July / 10;
    n.attachment_name = "結算單_S01_A001.xlsx";
    return n;
}

PaymentNotice payments(year_month_day dated) {
    return {{"國家書店松江門市", "林店長"},
            dated,
            {{"文化部", "2026H1", 7407, 2026y / July / 10},
             {"國史館", "2026H1", 1234567, 2026y / July / 13}}};
}

TEST(NoticeText, PeriodNamesInRocYears) {
    EXPECT_EQ(period_roc_name("2026H1"), "115年上半年");
    EXPECT_EQ(period_roc_name("2026h2"), "115年下半年");
    EXPECT_EQ(quarter_roc_name("2026Q3"), "115年第3季");
    EXPECT_EQ(quarter_roc_name("2027q1"), "116年第1季");
}

TEST(NoticeText, BadPeriodOrQuarterNamesTheRule) {
    EXPECT_THROW(period_roc_name("2026Q3"), domain::InvalidValue);
    for (const char* bad : {"2026Q5", "2026Q0", "26Q3", "2026-Q3", "2026Q", "１９１１Q1", "1911Q1"})
        EXPECT_THROW(quarter_roc_name(bad), domain::InvalidValue) << bad;
    try {
        quarter_roc_name("2026Q5");
        FAIL();
    } catch (const domain::InvalidValue& e) {
        EXPECT_EQ(e.field(), "quarter");
        EXPECT_THAT(e.rule(), HasSubstr("YYYYQ1"));
    }
}

TEST(NoticeText, AmountsInNewTaiwanDollarsWithSeparators) {
    EXPECT_EQ(ntd_text(7407), "新臺幣7,407元");
    EXPECT_EQ(ntd_text(0), "新臺幣0元");
    EXPECT_EQ(ntd_text(1234567), "新臺幣1,234,567元");
    EXPECT_EQ(ntd_text(-1200), "新臺幣-1,200元");
}

TEST(NoticeText, ChineseNumeralsAsLettersNumberTheirItems) {
    EXPECT_EQ(chinese_numeral(1), "一");
    EXPECT_EQ(chinese_numeral(10), "十");
    EXPECT_EQ(chinese_numeral(11), "十一");
    EXPECT_EQ(chinese_numeral(20), "二十");
    EXPECT_EQ(chinese_numeral(105), "一百零五");
    EXPECT_EQ(chinese_numeral(110), "一百一十");
    EXPECT_EQ(chinese_numeral(1001), "一千零一");
    EXPECT_EQ(chinese_numeral(9999), "九千九百九十九");
    EXPECT_EQ(chinese_numeral(10000), "10000");
}

TEST(NoticeText, OneLineCollapsesBreaksAndKeepsPlainTextSymbols) {
    EXPECT_EQ(one_line("臺灣史\r\n第二冊"), "臺灣史 第二冊");
    EXPECT_EQ(one_line("  a\t\tb \n\n c  "), "a b c");
    EXPECT_EQ(one_line("<b>&amp;</b>"), "<b>&amp;</b>");
    EXPECT_EQ(one_line("行\u2028分\u2029段\u0085止"), "行 分 段 止");
    // A right-to-left override would show the rest of the line reversed.
    EXPECT_EQ(one_line("書名\u202Etxt.exe"), "書名txt.exe");
    EXPECT_EQ(one_line("壞\xff位元"), "壞\uFFFD位元");
    EXPECT_EQ(one_line("\xe8\x87"), "\uFFFD\uFFFD");
    EXPECT_EQ(one_line(std::string("a\0b", 3)), "a b");
}

TEST(NoticeLetter, FormalLayoutWithNumberedItemsAndContactLine) {
    Letter letter{{"文化部", "王小明"}, 2026y / June / 10, "主旨文字，請查照。", {}, "清單.xlsx"};
    letter.items = {{"第一項。", {}}, {"第二項：", {"甲。", "乙。"}}, {"第三項。", {}}};
    std::string body = render_letter(letter, sender());
    EXPECT_EQ(body.rfind("國家書店 政府出版品結算作業　函\n", 0), 0u);
    EXPECT_THAT(body, HasSubstr("受文者：文化部（聯絡人：王小明）\n"));
    EXPECT_THAT(body, HasSubstr("發文日期：中華民國115年6月10日\n"));
    EXPECT_THAT(body, HasSubstr("附件：清單.xlsx\n"));
    EXPECT_THAT(body, HasSubstr("\n主旨：主旨文字，請查照。\n\n說明：\n一、第一項。\n二、第二項：\n"
                                "　　（一）甲。\n　　（二）乙。\n三、第三項。\n"));
    EXPECT_THAT(body, HasSubstr("正本：文化部\n"));
    EXPECT_THAT(body, HasSubstr("聯絡窗口：國家書店 政府出版品結算作業；聯絡人：陳怡君；電話：02-"
                                "2518-0207；電子郵件：gpn@example.tw\n"));
}

TEST(NoticeLetter, LeavesOutWhatIsNotKnown) {
    Letter letter{{"文化部", ""}, 2026y / June / 10, "主旨。", {}, ""};
    std::string body = render_letter(letter, NoticeSender{"國家書店", "", "", "", ""});
    EXPECT_THAT(body, HasSubstr("受文者：文化部\n"));
    EXPECT_THAT(body, Not(HasSubstr("聯絡人")));
    EXPECT_THAT(body, Not(HasSubstr("附件：")));
    EXPECT_THAT(body, Not(HasSubstr("說明")));
    EXPECT_THAT(body, HasSubstr("聯絡窗口：國家書店\n"));
}

// 要點11(3): the agency's statement names the store, the period in ROC dates, every amount
// and the due date, and says the Excel statement is attached.
TEST(SettlementStatementNotice, TellsTheAgencyWhatItIsOwedAndWhen) {
    NoticeText text = render_settlement_statement(statement(), sender());
    EXPECT_EQ(text.title, "【政府出版品】115年上半年寄售結算單（國家書店松江門市／文化部）");
    const std::string& b = text.body;
    EXPECT_THAT(b, HasSubstr("受文者：文化部（聯絡人：王小明）"));
    EXPECT_THAT(b, HasSubstr("發文日期：中華民國115年6月10日"));
    EXPECT_THAT(b, HasSubstr("主旨：檢送國家書店松江門市115年上半年（114年12月1日至115年5月31日）"
                             "政府出版品寄售結算單1份，本期應結付貴機關新臺幣7,407元，請查照。"));
    EXPECT_THAT(b, HasSubstr("政府出版品管理要點第十一點第三款"));
    EXPECT_THAT(b, HasSubstr("不低於定價百分之六十"));
    EXPECT_THAT(b, HasSubstr("（一）銷售定價合計：新臺幣12,345元。"));
    EXPECT_THAT(b, HasSubstr("（二）結付比率：定價之60.00%。"));
    EXPECT_THAT(b, HasSubstr("（三）結付金額：新臺幣7,407元。"));
    EXPECT_THAT(b, HasSubstr("（四）代售酬金：新臺幣4,938元。"));
    EXPECT_THAT(b, HasSubstr("（五）上期結轉扣抵：無。"));
    EXPECT_THAT(b, HasSubstr("（六）本期應結付金額：新臺幣7,407元。"));
    EXPECT_THAT(b, HasSubstr("由國家書店松江門市於115年7月10日前結付貴機關"));
    EXPECT_THAT(b, HasSubstr("附件：結算單_S01_A001.xlsx"));
    EXPECT_THAT(b, HasSubstr("詳如附件「結算單_S01_A001.xlsx」"));
    EXPECT_THAT(b, Not(HasSubstr("結轉下期")));
    EXPECT_FALSE(has_gregorian_date(b)) << b;
}

// SPEC §4.6: a negative amount is never paid back by the agency; it is carried to the next
// period, and the carried amounts are shown as what is set off, not as negative money.
TEST(SettlementStatementNotice, CarriedAmountsAreSetOffNotClaimedBack) {
    SettlementStatementNotice n = statement();
    n.list_value = -2000;
    n.payable = -1200;
    n.commission = -800;
    n.carried_in = -300;
    n.amount_due = 0;
    n.carried_out = -1500;
    n.rates_bp = {6000, 6500};
    NoticeText text = render_settlement_statement(n, sender());
    EXPECT_THAT(text.body, HasSubstr("本期無應結付貴機關之款項"));
    EXPECT_THAT(text.body, HasSubstr("結付比率：定價之60.00%、65.00%。"));
    EXPECT_THAT(text.body, HasSubstr("上期結轉扣抵：新臺幣300元。"));
    EXPECT_THAT(text.body, HasSubstr("本期應結付金額：新臺幣0元。"));
    EXPECT_THAT(text.body, HasSubstr("結轉下期扣抵：新臺幣1,500元"));
    EXPECT_THAT(text.body, HasSubstr("本期無須結付款項"));
    EXPECT_THAT(text.body, Not(HasSubstr("前結付貴機關")));
}

// 要點11(3), 附件一 註三: the store learns what it must pay, to whom and by when.
TEST(StoreSettlementNotice, TellsTheStoreWhomToPayByWhen) {
    StoreSettlementNotice n{{"國家書店松江門市", "林店長"},
                            "2026H2",
                            2026y / June / 1,
                            2026y / November / 30,
                            2026y / December / 10,
                            {{"文化部", 7407, 0, 2027y / January / 11},
                             {"國史館", 0, -300, 2027y / January / 11},
                             {"客家委員會", 1000000, 0, 2027y / February / 8}},
                            "結算單_S01.xlsx"};
    NoticeText text = render_store_settlement(n, sender());
    EXPECT_EQ(text.title, "【政府出版品】115年下半年寄售結算應付帳款通知（國家書店松江門市）");
    EXPECT_THAT(text.body, HasSubstr("受文者：國家書店松江門市（聯絡人：林店長）"));
    EXPECT_THAT(text.body, HasSubstr("115年下半年（115年6月1日至115年11月30日）"));
    EXPECT_THAT(text.body, HasSubstr("應結付2個出版機關共新臺幣1,007,407元"));
    EXPECT_THAT(text.body, HasSubstr("（一）文化部：新臺幣7,407元，請於116年1月11日前結付。"));
    EXPECT_THAT(text.body, HasSubstr("（二）國史館：本期無須結付，結轉下期扣抵新臺幣300元。"));
    EXPECT_THAT(text.body,
                HasSubstr("（三）客家委員會：新臺幣1,000,000元，請於116年2月8日前結付。"));
    EXPECT_THAT(text.body, HasSubstr("第十一點第三款及附件一註三"));
    EXPECT_THAT(text.body, HasSubstr("附件：結算單_S01.xlsx"));
    EXPECT_FALSE(has_gregorian_date(text.body)) << text.body;
}

TEST(StoreSettlementNotice, OneAgencyIsNamedInTheTitle) {
    StoreSettlementNotice n{{"國家書店松江門市", ""},
                            "2026H1",
                            2025y / December / 1,
                            2026y / May / 31,
                            2026y / June / 10,
                            {{"文化部", 7407, 0, 2026y / July / 10}},
                            ""};
    NoticeText text = render_store_settlement(n, sender());
    EXPECT_EQ(text.title,
              "【政府出版品】115年上半年寄售結算應付帳款通知（國家書店松江門市／文化部）");
    EXPECT_THAT(text.body, HasSubstr("應結付文化部新臺幣7,407元，請於115年7月10日前結清"));
    EXPECT_THAT(text.body, Not(HasSubstr("附件：")));
    EXPECT_THAT(text.body, Not(HasSubstr("附件「")));
}

// 附件一 註三 (於約定期限內結清帳款): a reminder before the due date, naming each amount.
TEST(PaymentDueNotice, RemindsTheStoreBeforeTheDueDate) {
    NoticeText text = render_payment_due(payments(2026y / July / 3), sender());
    EXPECT_EQ(text.title, "【政府出版品】寄售帳款付款提醒（國家書店松江門市，115年7月10日到期）");
    EXPECT_THAT(text.body, HasSubstr("發文日期：中華民國115年7月3日"));
    EXPECT_THAT(text.body, HasSubstr("寄售帳款計新臺幣1,241,974元，最早之付款期限為115年7月10日"));
    EXPECT_THAT(text.body,
                HasSubstr("（一）文化部 115年上半年結算款：新臺幣7,407元，付款期限115年7月10日。"));
    EXPECT_THAT(text.body, HasSubstr("（二）國史館 115年上半年結算款：新臺幣1,234,567元，付款期限"
                                     "115年7月13日。"));
    EXPECT_THAT(text.body, HasSubstr("第十一點第三款"));
    EXPECT_THAT(text.body, Not(HasSubstr("逾期")));
    EXPECT_FALSE(has_gregorian_date(text.body)) << text.body;
}

// 要點11(3): after the due date the notice says how many days each amount is late.
TEST(PaymentOverdueNotice, CountsTheDaysEachAmountIsLate) {
    NoticeText text = render_payment_overdue(payments(2026y / July / 22), sender());
    EXPECT_EQ(text.title, "【政府出版品】寄售帳款逾期未付通知（國家書店松江門市）");
    EXPECT_THAT(text.body, HasSubstr("寄售帳款計新臺幣1,241,974元已逾付款期限"));
    EXPECT_THAT(text.body, HasSubstr("截至115年7月22日逾期未付款項如下"));
    EXPECT_THAT(text.body, HasSubstr("新臺幣7,407元，付款期限115年7月10日，已逾期12日。"));
    EXPECT_THAT(text.body, HasSubstr("新臺幣1,234,567元，付款期限115年7月13日，已逾期9日。"));
    EXPECT_THAT(text.body, HasSubstr("政府出版品管理要點第十一點第三款"));
    EXPECT_FALSE(has_gregorian_date(text.body)) << text.body;
}

} // namespace
} // namespace govpub::reports
