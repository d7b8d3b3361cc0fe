// Disposal and depository notices, and what odd text in uploaded data can do to any notice
// (SPEC §4.8, §4.9, §4.12; 要點6(2), 6(4), 7, 11(4)–(5)).
#include "reports/notice_templates.hpp"
#include "tests/reports/notice_samples.hpp"

#include <chrono>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sstream>
#include <utility>

namespace govpub::reports {
namespace {

using namespace std::chrono;
using ::testing::HasSubstr;
using ::testing::Not;
using test::has_gregorian_date;
using test::sender;

DisposalRequestNotice disposal_request(const std::string& odd = "") {
    return {{"文化部" + odd, "王小明" + odd},
            "國家書店松江門市" + odd,
            "D-S01-A001" + odd,
            "2026H1",
            2026y / June / 10,
            2026y / July / 10,
            12,
            30,
            "處理清單_S01_A001" + odd + ".xlsx"};
}

DisposalReminderNotice disposal_reminder(const std::string& odd = "") {
    return {{"文化部" + odd, ""},
            "國家書店松江門市" + odd,
            "D-S01-A001" + odd,
            2026y / June / 10,
            2026y / July / 10,
            2026y / July / 13,
            5,
            12,
            "處理清單" + odd + ".xlsx"};
}

ClaimNotice claim(const std::string& odd = "") {
    return {{"文化部" + odd, "王小明"},
            "國立公共資訊圖書館" + odd,
            "2026Q3",
            2026y / July / 1,
            2026y / August / 3,
            {{"1011500057", "臺灣史研究" + odd, 1, 2026y / January / 5, false},
             {"1011300012", "舊年報" + odd, 2, 2024y / March / 1, true}}};
}

CheckInReminderNotice check_in_reminder(const std::string& odd = "") {
    return {{"國立公共資訊圖書館" + odd, "張館員" + odd},
            2026y / July / 6,
            {{"1011500057", "臺灣史研究" + odd, 2026y / May / 2, 2026y / June / 2},
             {"2005600032", "統計月報" + odd, 2026y / May / 29, 2026y / June / 29}}};
}

ServiceReminderNotice service_reminder(const std::string& odd = "") {
    return {
        {"國立公共資訊圖書館" + odd, ""},
        2026y / September / 1,
        {{"1011500057", "臺灣史研究" + odd, 2026y / May / 2, 2026y / May / 20, 2026y / July / 20}}};
}

// Every notice type, each with `odd` appended to every text that comes from uploaded data.
std::vector<std::pair<std::string, NoticeText>> every_notice(const std::string& odd) {
    SettlementStatementNotice st{{"文化部" + odd, "王小明" + odd},
                                 "國家書店松江門市" + odd,
                                 "2026H1",
                                 2025y / December / 1,
                                 2026y / May / 31,
                                 2026y / June / 10,
                                 {6000},
                                 12345,
                                 7407,
                                 4938,
                                 -300,
                                 7107,
                                 0,
                                 2026y / July / 10,
                                 "結算單" + odd + ".xlsx"};
    StoreSettlementNotice ss{{"國家書店松江門市" + odd, "林店長" + odd},
                             "2026H1",
                             2025y / December / 1,
                             2026y / May / 31,
                             2026y / June / 10,
                             {{"文化部" + odd, 7107, 0, 2026y / July / 10}},
                             "結算單.xlsx"};
    PaymentNotice pay{{"國家書店松江門市" + odd, ""},
                      2026y / July / 22,
                      {{"文化部" + odd, "2026H1", 7107, 2026y / July / 10}}};
    PaymentNotice soon = pay;
    soon.dated = 2026y / July / 1;
    return {{"settlement_statement", render_settlement_statement(st, sender())},
            {"store_settlement", render_store_settlement(ss, sender())},
            {"payment_due", render_payment_due(soon, sender())},
            {"payment_overdue", render_payment_overdue(pay, sender())},
            {"disposal_request", render_disposal_request(disposal_request(odd), sender())},
            {"disposal_reminder", render_disposal_reminder(disposal_reminder(odd), sender())},
            {"claim", render_claim(claim(odd), sender())},
            {"check_in_reminder", render_check_in_reminder(check_in_reminder(odd), sender())},
            {"service_reminder", render_service_reminder(service_reminder(odd), sender())}};
}

std::vector<std::string> lines_of(const std::string& body) {
    std::vector<std::string> lines;
    std::istringstream in(body);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// 要點11(4): one month to answer; 要點11(5): return shipping is the store's; 要點7: the last
// copy or e-file stays with the agency.
TEST(DisposalRequestNotice, AsksTheAgencyToChooseForEachRowWithinAMonth) {
    NoticeText text = render_disposal_request(disposal_request(), sender());
    EXPECT_EQ(text.title,
              "【政府出版品】115年上半年屆期出版品處理清單請回覆（國家書店松江門市／文化部）");
    const std::string& b = text.body;
    EXPECT_THAT(b, HasSubstr("受文者：文化部（聯絡人：王小明）"));
    EXPECT_THAT(b, HasSubstr("發文日期：中華民國115年6月10日"));
    EXPECT_THAT(b, HasSubstr("處理清單（清單編號D-S01-A001）計12筆30冊，請於115年7月10日前回覆"));
    EXPECT_THAT(b, HasSubstr("政府出版品管理要點第十一點第四款"));
    EXPECT_THAT(b, HasSubstr("各機關需於一個月內回覆"));
    EXPECT_THAT(b, HasSubstr("（一）退還（return）"));
    EXPECT_THAT(b, HasSubstr("（二）轉贈（donate）：請註明受贈之圖書館或民間團體"));
    EXPECT_THAT(b, HasSubstr("（三）銷毀（destroy）"));
    EXPECT_THAT(b, HasSubstr("（四）續售（keep）"));
    EXPECT_THAT(b, HasSubstr("依同要點第十一點第五款規定，退還之運費由展售門市負擔"));
    EXPECT_THAT(b, HasSubstr("依同要點第七點規定，貴機關應至少保存一冊（部、件）或電子檔"));
    EXPECT_THAT(b, HasSubstr("（https://gpn.example.tw/portal）"));
    EXPECT_THAT(b, HasSubstr("附件：處理清單_S01_A001.xlsx"));
    EXPECT_THAT(b, HasSubstr("於附件「處理清單_S01_A001.xlsx」填列處理方式後回傳"));
}

TEST(DisposalRequestNotice, WithoutPeriodOrPortalSaysLess) {
    DisposalRequestNotice n = disposal_request();
    n.period.clear();
    n.list_no.clear();
    NoticeText text = render_disposal_request(n, NoticeSender{"國家書店", "", "", "", ""});
    EXPECT_EQ(text.title, "【政府出版品】屆期出版品處理清單請回覆（國家書店松江門市／文化部）");
    EXPECT_THAT(text.body, Not(HasSubstr("清單編號")));
    EXPECT_THAT(text.body, HasSubstr("請於政府出版品管理系統逐筆回覆"));
}

// SPEC §4.8: no reply by the due date gives a reminder naming the first notice and its due.
TEST(DisposalReminderNotice, NamesTheOriginalNoticeAndTheMissedDueDate) {
    NoticeText text = render_disposal_reminder(disposal_reminder(), sender());
    EXPECT_EQ(text.title,
              "【政府出版品】屆期出版品處理清單逾期未回覆催辦（國家書店松江門市／文化部）");
    const std::string& b = text.body;
    EXPECT_THAT(b, HasSubstr("發文日期：中華民國115年7月13日"));
    EXPECT_THAT(b, HasSubstr("國家書店松江門市於115年6月10日函送之屆期出版品處理清單（清單編號D-"
                             "S01-A001），回覆期限115年7月10日已屆，尚有5筆未回覆"));
    EXPECT_THAT(b, HasSubstr("截至115年7月13日，清單共12筆，尚有5筆未回覆"));
    EXPECT_THAT(b, HasSubstr("第十一點第四款"));
    EXPECT_THAT(b, HasSubstr("第十一點第五款"));
    EXPECT_THAT(b, HasSubstr("第七點"));
}

// 要點6(4): the agency distributes within a month; 後段: more than a year after publication
// it may decline, and the notice says which rows those are.
TEST(ClaimNotice, ListsWhatTheLibraryLacksAndWhatMayBeDeclined) {
    NoticeText text = render_claim(claim(), sender());
    EXPECT_EQ(text.title, "【政府出版品】寄存出版品索取通知（國立公共資訊圖書館／文化部）");
    const std::string& b = text.body;
    EXPECT_THAT(b, HasSubstr("國立公共資訊圖書館經115年第3季收受情形檢查，尚未收到貴機關出版品2種"
                             "3冊，請於115年8月3日前完成分送"));
    EXPECT_THAT(b, HasSubstr("政府出版品管理要點第六點第四款"));
    EXPECT_THAT(b, HasSubstr("出版機關應於一個月內完成分送"));
    EXPECT_THAT(b, HasSubstr("（一）GPN 1011500057《臺灣史研究》1冊（出版日期115年1月5日）。"));
    EXPECT_THAT(b, HasSubstr("（二）GPN 1011300012《舊年報》2冊（出版日期113年3月1日；逾出版日期"
                             "一年，得不予提供）。"));
    EXPECT_THAT(b, HasSubstr("依同款後段規定，索取之出版品逾出版日期一年者，出版機關得不予提供"));
}

TEST(ClaimNotice, OwedClaimsDoNotMentionTheExemption) {
    ClaimNotice n = claim();
    n.rows.pop_back();
    n.rows.front().published.reset();
    n.quarter.clear();
    NoticeText text = render_claim(n, sender());
    EXPECT_THAT(text.body, HasSubstr("經檢查收受情形，尚未收到貴機關出版品1種1冊"));
    EXPECT_THAT(text.body, HasSubstr("（一）GPN 1011500057《臺灣史研究》1冊。"));
    EXPECT_THAT(text.body, Not(HasSubstr("得不予提供")));
    EXPECT_THAT(text.body, Not(HasSubstr("後段")));
}

// 要點6(2): check-in within one month of receipt.
TEST(CheckInReminderNotice, GivesReceiptAndCheckInDueOfEachPublication) {
    NoticeText text = render_check_in_reminder(check_in_reminder(), sender());
    EXPECT_EQ(text.title, "【政府出版品】寄存出版品逾期未點收提醒（國立公共資訊圖書館）");
    const std::string& b = text.body;
    EXPECT_THAT(b, HasSubstr("受文者：國立公共資訊圖書館（聯絡人：張館員）"));
    EXPECT_THAT(b, HasSubstr("計2種已逾點收期限"));
    EXPECT_THAT(b, HasSubstr("政府出版品管理要點第六點第二款"));
    EXPECT_THAT(b, HasSubstr("截至115年7月6日逾期未點收之出版品如下："));
    EXPECT_THAT(b, HasSubstr("（一）GPN 1011500057《臺灣史研究》：收到日期115年5月2日，點收期限"
                             "115年6月2日。"));
    EXPECT_THAT(b, HasSubstr("（二）GPN 2005600032《統計月報》：收到日期115年5月29日，點收期限"
                             "115年6月29日。"));
}

// 要點6(2): service within two months of check-in.
TEST(ServiceReminderNotice, GivesReceiptCheckInAndServiceDue) {
    NoticeText text = render_service_reminder(service_reminder(), sender());
    EXPECT_EQ(text.title, "【政府出版品】寄存出版品逾期未提供服務提醒（國立公共資訊圖書館）");
    const std::string& b = text.body;
    EXPECT_THAT(b, HasSubstr("計1種已逾提供服務期限"));
    EXPECT_THAT(b, HasSubstr("點收後二個月內提供服務"));
    EXPECT_THAT(b, HasSubstr("第六點第二款"));
    EXPECT_THAT(b, HasSubstr("（一）GPN 1011500057《臺灣史研究》：收到日期115年5月2日，點收日期"
                             "115年5月20日，服務期限115年7月20日。"));
}

// A title from an uploaded file may hold a newline, even one followed by words that look
// like the letter's own (說明：, 一、): they are collapsed to a space, so every notice keeps
// its lines, and "<", "&" stay as typed since the body is plain text.
TEST(NoticeLayout, OddCharactersInDataCannotAddOrBreakLines) {
    const std::string odd = "<b>&amp;\r\n說明：\n一、偽造\t項\u2028目\x01";
    auto plain = every_notice("");
    auto hostile = every_notice(odd);
    ASSERT_EQ(plain.size(), hostile.size());
    for (std::size_t i = 0; i < plain.size(); ++i) {
        const auto& [type, text] = hostile[i];
        SCOPED_TRACE(type);
        EXPECT_EQ(text.title.find_first_of("\r\n\t\x01"), std::string::npos) << text.title;
        EXPECT_THAT(text.title, HasSubstr("<b>&amp; 說明： 一、偽造 項 目"));
        EXPECT_THAT(text.body, HasSubstr("<b>&amp; 說明： 一、偽造 項 目"));
        EXPECT_EQ(text.body.find_first_of("\r\t\x01"), std::string::npos);
        auto want = lines_of(plain[i].second.body);
        auto got = lines_of(text.body);
        ASSERT_EQ(got.size(), want.size()) << text.body;
        // The first two characters of a line say what it is: 主旨, 說明, 一、, （ …
        for (std::size_t k = 0; k < got.size(); ++k)
            EXPECT_EQ(got[k].substr(0, 6), want[k].substr(0, 6)) << got[k];
    }
}

// SPEC §4.2: people read ROC dates only; neither a Gregorian date nor the period's code
// (2026H1, 2026Q3) reaches a title or a body.
TEST(NoticeLayout, NoGregorianDateReachesPeople) {
    for (const auto& [type, text] : every_notice("")) {
        SCOPED_TRACE(type);
        EXPECT_FALSE(has_gregorian_date(text.body)) << text.body;
        EXPECT_FALSE(has_gregorian_date(text.title)) << text.title;
        for (const char* year : {"2024", "2025", "2026"}) {
            EXPECT_THAT(text.body, Not(HasSubstr(year)));
            EXPECT_THAT(text.title, Not(HasSubstr(year)));
        }
        EXPECT_THAT(text.body, HasSubstr("發文日期：中華民國115年"));
        EXPECT_EQ(text.title.rfind("【政府出版品】", 0), 0u);
    }
}

// Every notice is a formal letter: 主旨 once, 說明 with numbered items, a cited regulation
// point, and a way to reach the sender.
TEST(NoticeLayout, EveryNoticeIsAFormalLetterCitingTheRegulation) {
    for (const auto& [type, text] : every_notice("")) {
        SCOPED_TRACE(type);
        const std::string& b = text.body;
        EXPECT_EQ(b.find("\n主旨："), b.rfind("\n主旨："));
        EXPECT_NE(b.find("\n主旨："), std::string::npos);
        EXPECT_THAT(b, HasSubstr("，請查照。\n"));
        EXPECT_THAT(b, HasSubstr("\n說明：\n一、"));
        EXPECT_THAT(b, HasSubstr("\n二、"));
        EXPECT_THAT(b, HasSubstr("依政府出版品管理要點第"));
        EXPECT_THAT(b, HasSubstr("\n聯絡窗口：國家書店 政府出版品結算作業；聯絡人：陳怡君"));
    }
}

} // namespace
} // namespace govpub::reports
