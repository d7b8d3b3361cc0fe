// Notices through a real SMTP server (Debian's python3-aiosmtpd, tests/support/smtp_server.py),
// on SQLite and MariaDB (SPEC §4.12): each notice arrives once, readable (decoded Chinese
// subject, the workbook opens in openpyxl); an outage loses nothing and the next run delivers
// each notice exactly once; a refused recipient fails alone; login only with a user; STARTTLS
// with the certificate checked; a crash after the server took a message resends it at most
// once, under the same Message-ID.
#include "adapters/db/database.hpp"
#include "adapters/mail/eml_writer.hpp"
#include "adapters/mail/notice_store.hpp"
#include "adapters/mail/outbox.hpp"
#include "tests/support/notices_support.hpp"
#include "tests/support/backend_database.hpp"

#include <chrono>
#include <csignal>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace govpub::adapters::mail {
namespace {

namespace fs = std::filesystem;
using test::SmtpTestServer;
using test::TempDir;
using ::testing::HasSubstr;

class SmtpDelivery : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        if (!db_.open(GetParam(), dir_.path()))
            GTEST_SKIP() << "no MariaDB test server (run through ctest)";
    }

    config::Settings settings(const SmtpTestServer& server) {
        return test::notice_settings(dir_ / "data", server.port());
    }

    std::vector<long long> queue(const config::Settings& s, const std::vector<Notice>& notices) {
        Outbox outbox(*db_, s);
        db::WriteTransaction tx(*db_);
        std::vector<long long> ids;
        for (const auto& n : notices)
            ids.push_back(outbox.queue(n).id);
        tx.commit();
        return ids;
    }

    NoticeRow row(long long id) { return *NoticeStore(*db_).find(id); }

    TempDir dir_;
    TempDir scratch_;
    test::BackendDatabase db_;
};

TEST_P(SmtpDelivery, EachNoticeArrivesOnceWithItsChineseSubjectAndWorkbook) {
    SmtpTestServer server(dir_ / "smtp");
    const auto s = settings(server);
    test::make_workbook(dir_ / "A001.xlsx", "結算單 A001");
    Notice statement = test::statement_notice("A001", "gpo@dgbas.gov.tw");
    statement.attachment = NoticeAttachment{dir_ / "A001.xlsx", "結算單_2026H1_S01_A001.xlsx"};
    Notice reminder = test::statement_notice("A002", "gpo@moea.gov.tw");
    reminder.type = NoticeType::payment_due;
    reminder.title = "【付款提醒】115年上半年度寄售結算款將於115年7月10日到期";
    const auto ids = queue(s, {statement, reminder});

    Outbox outbox(*db_, s);
    const auto summary = outbox.send_queued();
    EXPECT_TRUE(summary.configured);
    EXPECT_EQ(summary.sent, 2);
    EXPECT_EQ(summary.failed, 0);
    EXPECT_EQ(summary.waiting, 0);
    ASSERT_EQ(server.messages().size(), 2u);

    const auto first = test::read_message(server.messages()[0], scratch_);
    EXPECT_EQ(first.at("subject"), statement.title);
    EXPECT_EQ(first.at("message_id"),
              notice_message_id(statement, Mailbox::parse(s.smtp.from, "")));
    EXPECT_EQ(first.at("envelope.from"), "govpub@moc.gov.tw");
    EXPECT_EQ(first.at("envelope.to"), "gpo@dgbas.gov.tw");
    EXPECT_EQ(first.at("envelope.login"), "None");
    EXPECT_EQ(first.at("attachment.filename"), "結算單_2026H1_S01_A001.xlsx");
    EXPECT_EQ(first.at("attachment.sha256"), test::sha256_hex(dir_ / "A001.xlsx"));
    EXPECT_EQ(first.at("xlsx.A1"), "結算單 A001");
    const auto second = test::read_message(server.messages()[1], scratch_);
    EXPECT_EQ(second.at("subject"), reminder.title);
    EXPECT_EQ(second.at("envelope.to"), "gpo@moea.gov.tw");
    EXPECT_EQ(second.at("attachments"), "0");
    // What was sent is the archive, byte for byte.
    for (std::size_t i = 0; i < ids.size(); ++i)
        EXPECT_EQ(test::read_file(server.messages()[i]),
                  test::read_file(s.outbox_dir() / row(ids[i]).eml_path));
    for (long long id : ids) {
        EXPECT_EQ(row(id).status, "sent");
        EXPECT_EQ(row(id).attempts, 1);
        EXPECT_TRUE(row(id).sent_at);
    }
    // A second run finds nothing to send.
    EXPECT_EQ(outbox.send_queued().sent, 0);
    EXPECT_EQ(server.messages().size(), 2u);
    EXPECT_EQ(row(ids[0]).attempts, 1);
}

TEST_P(SmtpDelivery, AnOutageLosesNothingAndTheNextRunDeliversEachNoticeOnce) {
    SmtpTestServer server(dir_ / "smtp");
    const auto s = settings(server);
    server.stop(); // the mail server is down: nobody listens on its port
    const auto ids = queue(s, {test::statement_notice("A001", "gpo@dgbas.gov.tw"),
                               test::statement_notice("A002", "gpo@moea.gov.tw"),
                               test::statement_notice("A003", "gpo@mof.gov.tw")});
    Outbox outbox(*db_, s);
    for (int run = 1; run <= 2; ++run) {
        const auto down = outbox.send_queued();
        EXPECT_EQ(down.sent, 0);
        EXPECT_EQ(down.failed, 3);
        EXPECT_EQ(down.waiting, 3);
        EXPECT_THAT(down.message, HasSubstr("3 notices wait for the next run"));
        for (long long id : ids) {
            EXPECT_EQ(row(id).status, "failed");
            EXPECT_EQ(row(id).attempts, run);
            EXPECT_THAT(row(id).last_error.value_or(""), HasSubstr("cannot use the mail server"));
            EXPECT_TRUE(fs::exists(s.outbox_dir() / row(id).eml_path));
        }
    }
    server.start(); // back, on the same port
    const auto back = outbox.send_queued();
    EXPECT_EQ(back.sent, 3);
    EXPECT_EQ(back.waiting, 0);
    EXPECT_EQ(outbox.send_queued().sent, 0);
    const auto seen = test::arrivals(server, scratch_);
    EXPECT_EQ(seen.size(), 3u);
    for (const auto& [message_id, times] : seen)
        EXPECT_EQ(times, 1) << message_id;
    for (long long id : ids) {
        EXPECT_EQ(row(id).status, "sent");
        EXPECT_EQ(row(id).attempts, 3);
        EXPECT_FALSE(row(id).last_error);
    }
}

TEST_P(SmtpDelivery, ARefusedRecipientFailsAloneAndTheOthersGoOn) {
    SmtpTestServer server(dir_ / "smtp"); // refuses addresses starting with "unknown"
    const auto s = settings(server);
    const auto ids = queue(s, {test::statement_notice("A001", "gpo@dgbas.gov.tw"),
                               test::statement_notice("A002", "unknown@moea.gov.tw"),
                               test::statement_notice("A003", "gpo@mof.gov.tw")});
    Outbox outbox(*db_, s);
    const auto summary = outbox.send_queued();
    EXPECT_EQ(summary.sent, 2);
    EXPECT_EQ(summary.failed, 1);
    EXPECT_EQ(summary.waiting, 1);
    EXPECT_EQ(server.messages().size(), 2u);
    EXPECT_EQ(row(ids[1]).status, "failed");
    EXPECT_THAT(row(ids[1]).last_error.value_or(""), HasSubstr("550"));
    EXPECT_EQ(row(ids[2]).status, "sent");
    // Retried on the next run, and refused again; the others are not sent twice.
    EXPECT_EQ(outbox.send_queued().failed, 1);
    EXPECT_EQ(row(ids[1]).attempts, 2);
    EXPECT_EQ(server.messages().size(), 2u);
}

TEST_P(SmtpDelivery, LogsInOnlyWhenAUserIsSetWithPlainOrLogin) {
    for (const auto& [mechanisms, used] : std::vector<std::pair<std::string, std::string>>{
             {"", "PLAIN"}, {" --only-login", "LOGIN"}}) {
        TempDir here;
        SmtpTestServer server(here / "smtp", "--auth gpo:s3cret" + mechanisms);
        auto s = test::notice_settings(here / "data", server.port());
        test::BackendDatabase db;
        ASSERT_TRUE(db.open(GetParam(), here.path()));
        Outbox outbox(*db, s);
        {
            db::WriteTransaction tx(*db);
            outbox.queue(test::statement_notice("A001", "gpo@dgbas.gov.tw"));
            tx.commit();
        }
        // No user: no login, and this server wants one.
        EXPECT_EQ(outbox.send_queued().failed, 1);
        EXPECT_THAT(NoticeStore(*db).all()[0].last_error.value_or(""), HasSubstr("530"));
        s.smtp.user = "gpo";
        s.smtp.password = "wrong";
        EXPECT_EQ(Outbox(*db, s).send_queued().failed, 1) << mechanisms;
        EXPECT_THAT(NoticeStore(*db).all()[0].last_error.value_or(""), HasSubstr("535"));
        s.smtp.password = "s3cret";
        EXPECT_EQ(Outbox(*db, s).send_queued().sent, 1) << mechanisms;
        ASSERT_EQ(server.messages().size(), 1u);
        const auto seen = test::read_message(server.messages()[0], scratch_);
        EXPECT_EQ(seen.at("envelope.login"), "gpo");
        EXPECT_EQ(seen.at("envelope.mechanism"), used);
        EXPECT_EQ(NoticeStore(*db).all()[0].attempts, 3);
    }
}

TEST_P(SmtpDelivery, StartTlsEncryptsAndChecksTheServersCertificate) {
    const fs::path cert = test::make_certificate(dir_ / "tls", "server");
    const fs::path stranger = test::make_certificate(dir_ / "tls", "stranger");
    SmtpTestServer server(dir_ / "smtp", "--auth gpo:s3cret --starttls " +
                                             test::sh_quote(cert.string()) + " " +
                                             test::sh_quote((dir_ / "tls/server.key").string()));
    auto s = settings(server);
    s.smtp.user = "gpo";
    s.smtp.password = "s3cret";
    queue(s, {test::statement_notice("A001", "gpo@dgbas.gov.tw")});
    // Plain text: the server wants STARTTLS first.
    EXPECT_EQ(Outbox(*db_, s).send_queued().failed, 1);
    s.smtp.tls = config::SmtpTls::starttls;
    s.smtp.ca_file = stranger; // a certificate nobody signed for this server
    EXPECT_EQ(Outbox(*db_, s).send_queued().failed, 1);
    EXPECT_THAT(NoticeStore(*db_).all()[0].last_error.value_or(""),
                HasSubstr("cannot use the mail server"));
    EXPECT_TRUE(server.messages().empty());
    s.smtp.ca_file = cert;
    EXPECT_EQ(Outbox(*db_, s).send_queued().sent, 1);
    ASSERT_EQ(server.messages().size(), 1u);
    const auto seen = test::read_message(server.messages()[0], scratch_);
    EXPECT_EQ(seen.at("envelope.tls"), "True");
    EXPECT_EQ(seen.at("envelope.login"), "gpo");
}

TEST_P(SmtpDelivery, AKillAfterTheServerTookAMessageResendsItOnceUnderTheSameMessageId) {
    // The server keeps its "250" for the first message a while: the sender is killed in that
    // window, after the server has the message and before the log says sent.
    SmtpTestServer server(dir_ / "smtp", "--hold-first 30");
    auto s = settings(server);
    s.smtp.timeout_seconds = 60;
    const Notice notice = test::statement_notice("A001", "gpo@dgbas.gov.tw");
    const auto ids = queue(s, {notice});
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // Its own connection: the parent's is never touched here, and SIGKILL runs nothing.
        try {
            db::Database db(db::DatabaseUrl::parse(db_.url()));
            Outbox(db, s).send_queued();
        } catch (...) {
        }
        ::_exit(0);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (server.messages().empty() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the sender finished before it could be killed";
    ASSERT_EQ(server.messages().size(), 1u);
    EXPECT_EQ(row(ids[0]).status, "queued"); // the server has it; the log does not know
    EXPECT_EQ(row(ids[0]).attempts, 0);

    // The killed sender's lock goes with its connection; MariaDB may take a moment to see it.
    Outbox outbox(*db_, s);
    SendSummary again;
    for (int i = 0; i < 100 && (again = outbox.send_queued()).busy; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(again.sent, 1);
    EXPECT_EQ(outbox.send_queued().sent, 0);
    const auto seen = test::arrivals(server, scratch_);
    ASSERT_EQ(seen.size(), 1u); // two deliveries, one notice
    EXPECT_EQ(seen.begin()->first, notice_message_id(notice, Mailbox::parse(s.smtp.from, "")));
    EXPECT_EQ(seen.begin()->second, 2);
    EXPECT_EQ(row(ids[0]).status, "sent");
    EXPECT_EQ(row(ids[0]).attempts, 1);
}

TEST_P(SmtpDelivery, ASecondSenderAtTheSameTimeLeavesTheNoticesToTheFirst) {
    SmtpTestServer server(dir_ / "smtp");
    const auto s = settings(server);
    const auto ids = queue(s, {test::statement_notice("A001", "gpo@dgbas.gov.tw")});
    db::Database other(db::DatabaseUrl::parse(db_.url()));
    auto held = other.try_lock("notices");
    ASSERT_TRUE(held);
    const auto busy = Outbox(*db_, s).send_queued();
    EXPECT_TRUE(busy.busy);
    EXPECT_EQ(busy.sent, 0);
    EXPECT_EQ(busy.waiting, 1);
    EXPECT_TRUE(server.messages().empty());
    EXPECT_EQ(row(ids[0]).attempts, 0);
    held.reset();
    EXPECT_EQ(Outbox(*db_, s).send_queued().sent, 1);
    EXPECT_EQ(server.messages().size(), 1u);
}

TEST_P(SmtpDelivery, AnArchivedMessageOfAnotherNoticeIsNeverSentInItsPlace) {
    SmtpTestServer server(dir_ / "smtp");
    const auto s = settings(server);
    const auto ids = queue(s, {test::statement_notice("A001", "gpo@dgbas.gov.tw")});
    // Another notice's message under our notice's name: a file edited or copied by hand, or an
    // outbox of an earlier govpub (files named by row id) that another database shared.
    const Notice stranger = test::statement_notice("Z999", "someone@example.com");
    test::write_file(s.outbox_dir() / row(ids[0]).eml_path,
                     render_eml(stranger, Mailbox::parse(s.smtp.from, ""), 1781053200));
    const auto summary = Outbox(*db_, s).send_queued();
    EXPECT_EQ(summary.sent, 0);
    EXPECT_EQ(summary.failed, 1);
    EXPECT_TRUE(server.messages().empty());
    EXPECT_THAT(row(ids[0]).last_error.value_or(""), HasSubstr("Message-ID"));
}

TEST_P(SmtpDelivery, AMessageArchivedUnderItsRowIdByAnEarlierGovpubIsStillSent) {
    // Outboxes written before files were named by the notice (adapters/mail/README.md): the
    // row keeps the name it was written under, and that is the file sent.
    SmtpTestServer server(dir_ / "smtp");
    const auto s = settings(server);
    const Notice notice = test::statement_notice("A001", "gpo@dgbas.gov.tw");
    const auto ids = queue(s, {notice});
    const std::string old_name = std::to_string(ids[0]) + ".eml";
    fs::rename(s.outbox_dir() / row(ids[0]).eml_path, s.outbox_dir() / old_name);
    {
        db::WriteTransaction tx(*db_);
        db_->session() << "UPDATE notice SET eml_path = :m WHERE id = :i", soci::use(old_name),
            soci::use(ids[0]);
        tx.commit();
    }
    const auto summary = Outbox(*db_, s).send_queued();
    EXPECT_EQ(summary.sent, 1) << summary.message;
    ASSERT_EQ(server.messages().size(), 1u);
    EXPECT_THAT(test::read_file(server.messages()[0]), HasSubstr(notice_message_key(notice)));
    EXPECT_EQ(row(ids[0]).status, "sent");
}

INSTANTIATE_TEST_SUITE_P(Backends, SmtpDelivery, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::adapters::mail
