// A notice as a mail program reads it (SPEC §4.12): the Chinese subject decoded whole, the body in
// UTF-8, the workbook attached with its type and Chinese file name, a Message-ID that names the
// notice; and the [smtp] and [notices] settings (SPEC §5.6).
#include "adapters/config/settings.hpp"
#include "adapters/mail/eml_writer.hpp"
#include "domain/errors.hpp"
#include "tests/support/notices_support.hpp"

#include <algorithm>
#include <cstdlib>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <regex>

namespace govpub::adapters::mail {
namespace {

namespace fs = std::filesystem;
using test::TempDir;
using ::testing::HasSubstr;

const std::time_t JUNE_10 = 1781053200; // 2026-06-10T01:00:00Z

Mailbox sender() { return Mailbox::parse("政府出版品管理系統 <govpub@moc.gov.tw>", "smtp.from"); }

TEST(NoticeEml, ChineseSubjectAndBodyArriveWholeInSevenBitLines) {
    TempDir dir;
    Notice notice = test::statement_notice("A001", "gpo@dgbas.gov.tw");
    // Long enough for several encoded words: each must end between two characters.
    notice.title += "，請於115年7月10日前確認應付金額並回覆本系統，逾期將依規定催告";
    test::write_file(dir / "n.eml", render_eml(notice, sender(), JUNE_10));
    const auto seen = test::read_message(dir / "n.eml", dir);
    EXPECT_EQ(seen.at("subject"), notice.title);
    EXPECT_EQ(seen.at("from"), "政府出版品管理系統 <govpub@moc.gov.tw>");
    EXPECT_EQ(seen.at("to.name"), notice.recipient);
    EXPECT_EQ(seen.at("to.address"), "gpo@dgbas.gov.tw");
    EXPECT_EQ(seen.at("date"), "True");
    std::string body = notice.body;
    for (std::size_t at = 0; (at = body.find('\n', at)) != std::string::npos; at += 2)
        body.replace(at, 1, "\\n");
    EXPECT_EQ(seen.at("body"), body);
    EXPECT_EQ(seen.at("body.charset"), "utf-8");
    EXPECT_EQ(seen.at("attachments"), "0");
    EXPECT_EQ(seen.at("ascii_only"), "True"); // nothing depends on a server's 8BITMIME
    EXPECT_LE(std::stoi(seen.at("max_line")), 998);
}

TEST(NoticeEml, EncodedWordsStayWithinSeventyFiveCharactersAndCutBetweenCharacters) {
    const std::string title =
        "政府出版品寄售結算通知一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯";
    const std::string encoded = encode_header_text(title);
    const std::regex word(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)");
    int words = 0;
    for (auto it = std::sregex_iterator(encoded.begin(), encoded.end(), word);
         it != std::sregex_iterator(); ++it) {
        ++words;
        EXPECT_LE(it->length(), 75);
        // 3-byte characters: a word cut between characters carries a multiple of 3 bytes.
        const std::string b64 = (*it)[1];
        const std::size_t pad = std::count(b64.begin(), b64.end(), '=');
        EXPECT_EQ((b64.size() / 4 * 3 - pad) % 3, 0u) << b64;
    }
    EXPECT_GE(words, 3);
    EXPECT_EQ(encode_header_text("Statement 2026H1"), "Statement 2026H1");
    EXPECT_THAT(encode_header_text("a\r\nBcc: x@y"), ::testing::Not(HasSubstr("\n")));
}

TEST(NoticeEml, WorkbookArrivesWithItsTypeChineseFileNameAndBytes) {
    TempDir dir;
    test::make_workbook(dir / "statement.xlsx", "結算單 A001");
    Notice notice = test::statement_notice("A001", "gpo@dgbas.gov.tw");
    notice.attachment = NoticeAttachment{dir / "statement.xlsx", "結算單_2026H1_S01_A001.xlsx"};
    test::write_file(dir / "n.eml", render_eml(notice, sender(), JUNE_10));
    const auto seen = test::read_message(dir / "n.eml", dir);
    EXPECT_EQ(seen.at("attachments"), "1");
    EXPECT_EQ(seen.at("attachment.filename"), "結算單_2026H1_S01_A001.xlsx");
    EXPECT_EQ(seen.at("attachment.type"),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(seen.at("attachment.sha256"), test::sha256_hex(dir / "statement.xlsx"));
    EXPECT_EQ(seen.at("xlsx.sheets"), "結算");
    EXPECT_EQ(seen.at("xlsx.A1"), "結算單 A001");
    EXPECT_EQ(seen.at("subject"), notice.title);
    EXPECT_EQ(seen.at("ascii_only"), "True");
}

TEST(NoticeEml, MessageIdIsTheSameForOneNoticeAndDiffersBetweenNotices) {
    const Notice a = test::statement_notice("A001", "gpo@dgbas.gov.tw");
    Notice again = a;
    again.title = "another wording";
    again.email = "other@example.gov.tw";
    Notice next_period = a;
    next_period.period = "2026H2";
    Notice other_type = a;
    other_type.type = NoticeType::payment_due;
    const std::string id = notice_message_id(a, sender());
    EXPECT_THAT(id, ::testing::MatchesRegex(
                        R"(<govpub\.settlement_statement\.[0-9a-f]{32}@moc\.gov\.tw>)"));
    EXPECT_EQ(notice_message_id(again, sender()), id);
    EXPECT_NE(notice_message_id(next_period, sender()), id);
    EXPECT_NE(notice_message_id(other_type, sender()), id);
    // Rendered twice (a retry re-reads the archive, but even a re-render) gives the same id.
    EXPECT_THAT(render_eml(a, sender(), JUNE_10), HasSubstr("Message-ID: " + id + "\r\n"));
    EXPECT_THAT(render_eml(a, sender(), JUNE_10 + 86400), HasSubstr("Message-ID: " + id + "\r\n"));
}

TEST(NoticeEml, AnAddressThatCouldAddHeadersOrIsNoAddressIsRefused) {
    for (const char* bad : {"gpo@dgbas.gov.tw\r\nBcc: spy@example.com", "no-at-sign",
                            "two@@example.com", "a <b@c>", "", "空白 @example.com"}) {
        Notice notice = test::statement_notice("A001", bad);
        EXPECT_THROW(render_eml(notice, sender(), JUNE_10), domain::InvalidValue) << bad;
    }
    EXPECT_THROW(Mailbox::parse("govpub at moc", "smtp.from"), domain::InvalidValue);
    EXPECT_EQ(Mailbox::parse("\"GPO, Taipei\" <gpo@moc.gov.tw>", "x").header(),
              "\"GPO, Taipei\" <gpo@moc.gov.tw>");
}

TEST(NoticeEml, AMissingAttachmentIsRefused) {
    Notice notice = test::statement_notice("A001", "gpo@dgbas.gov.tw");
    notice.attachment = NoticeAttachment{"/nonexistent/statement.xlsx", "結算單.xlsx"};
    EXPECT_THROW(render_eml(notice, sender(), JUNE_10), domain::InvalidValue);
}

class NoticeSettings : public ::testing::Test {
  protected:
    void SetUp() override {
        for (const char* name :
             {"GOVPUB_CONFIG", "GOVPUB_SMTP_HOST", "GOVPUB_SMTP_PORT", "GOVPUB_SMTP_FROM",
              "GOVPUB_SMTP_TLS", "GOVPUB_SMTP_USER", "GOVPUB_SMTP_PASSWORD", "GOVPUB_SMTP_CA_FILE",
              "GOVPUB_SMTP_TIMEOUT", "GOVPUB_NOTICES_OUTBOX", "GOVPUB_DATA_DIR"})
            ::unsetenv(name);
    }
    void TearDown() override { SetUp(); }

    //! The shipped govpub.ini with `sections` in place of its [smtp] and [notices].
    fs::path config_with(const std::string& sections) {
        std::string text = test::read_file(test::source_dir() / "config/govpub.ini");
        text = text.substr(0, text.find("[smtp]"));
        test::write_file(dir_ / "govpub.ini", text + sections);
        return dir_ / "govpub.ini";
    }

    TempDir dir_;
};

TEST_F(NoticeSettings, ShippedConfigSendsNothingAndKeepsTheOutboxInTheDataFolder) {
    const auto s = config::load_settings(test::source_dir() / "config/govpub.ini");
    EXPECT_FALSE(s.smtp.configured());
    EXPECT_EQ(s.smtp.port, 25);
    EXPECT_EQ(s.smtp.tls, config::SmtpTls::none);
    EXPECT_EQ(s.outbox_dir(), fs::path("data") / "outbox");
}

TEST_F(NoticeSettings, SmtpComesFromTheFileAndTheEnvironmentOverridesIt) {
    const auto file = config_with("[smtp]\nhost = mail.moc.gov.tw\nport = 2525\nfrom = 文化部 "
                                  "<gpo@moc.gov.tw>\nuser = gpo\ntls = starttls\nca_file = "
                                  "ca.pem\ntimeout = 12\n[notices]\noutbox = /var/govpub/out\n");
    ::setenv("GOVPUB_SMTP_PORT", "587", 1);
    ::setenv("GOVPUB_SMTP_PASSWORD", "s3cret", 1);
    const auto s = config::load_settings(file);
    EXPECT_TRUE(s.smtp.configured());
    EXPECT_EQ(s.smtp.host, "mail.moc.gov.tw");
    EXPECT_EQ(s.smtp.port, 587);
    EXPECT_EQ(s.smtp.from, "文化部 <gpo@moc.gov.tw>");
    EXPECT_EQ(s.smtp.user, "gpo");
    EXPECT_EQ(s.smtp.password, "s3cret");
    EXPECT_EQ(s.smtp.tls, config::SmtpTls::starttls);
    EXPECT_EQ(s.smtp.ca_file, dir_.path() / "ca.pem");
    EXPECT_EQ(s.smtp.timeout_seconds, 12);
    EXPECT_EQ(s.outbox_dir(), fs::path("/var/govpub/out"));
}

TEST_F(NoticeSettings, ABadSmtpValueIsRefusedNamingItsKey) {
    for (const auto& [section, key] :
         std::vector<std::pair<std::string, std::string>>{{"tls = ssl\n", "smtp.tls"},
                                                          {"port = 0\n", "smtp.port"},
                                                          {"from = govpub\n", "smtp.from"},
                                                          {"timeout = 0\n", "smtp.timeout"}}) {
        const auto file = config_with("[smtp]\nhost = mail.moc.gov.tw\n" + section);
        try {
            config::load_settings(file);
            ADD_FAILURE() << section << " was accepted";
        } catch (const domain::InvalidValue& e) {
            EXPECT_EQ(e.field(), key);
        }
    }
}

} // namespace
} // namespace govpub::adapters::mail
