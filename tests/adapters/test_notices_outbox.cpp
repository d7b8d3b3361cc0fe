// The notice log and its outbox on SQLite and MariaDB (SPEC §4.12): a notice is archived as .eml
// before its row commits, queued at most once per (type, subject, period), refused whole when
// its address or attachment is bad, and left waiting (not lost) while no mail server is set.
#include "adapters/db/database.hpp"
#include "adapters/mail/eml_writer.hpp"
#include "adapters/mail/notice_store.hpp"
#include "adapters/mail/outbox.hpp"
#include "domain/errors.hpp"
#include "tests/support/notices_support.hpp"
#include "tests/support/backend_database.hpp"

#include <algorithm>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace govpub::adapters::mail {
namespace {

namespace fs = std::filesystem;
using test::TempDir;
using ::testing::HasSubstr;

class NoticeOutbox : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        if (!db_.open(GetParam(), dir_.path()))
            GTEST_SKIP() << "no MariaDB test server (run through ctest)";
        settings_ = test::notice_settings(dir_ / "data", 0);
    }

    QueueResult queue_committed(const Notice& notice) {
        Outbox outbox(*db_, settings_);
        db::WriteTransaction tx(*db_);
        auto result = outbox.queue(notice);
        tx.commit();
        return result;
    }

    long long rows() {
        long long n = 0;
        db_->session() << "SELECT COUNT(*) FROM notice", soci::into(n);
        return n;
    }

    //! Every file in the outbox, temporary ones included.
    std::vector<std::string> outbox_files() {
        std::vector<std::string> names;
        if (fs::exists(settings_.outbox_dir()))
            for (const auto& entry : fs::directory_iterator(settings_.outbox_dir()))
                names.push_back(entry.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }

    TempDir dir_;
    test::BackendDatabase db_;
    config::Settings settings_;
};

TEST_P(NoticeOutbox, TheEmlIsOnDiskBeforeTheRowCommitsAndTheRowSaysQueued) {
    const Notice notice = test::statement_notice("A001", "gpo@dgbas.gov.tw");
    Outbox outbox(*db_, settings_);
    QueueResult result;
    {
        db::WriteTransaction tx(*db_);
        result = outbox.queue(notice);
        // Not committed yet, and the message is already whole under its final name.
        ASSERT_TRUE(fs::exists(result.eml));
        EXPECT_THAT(test::read_file(result.eml),
                    HasSubstr("Message-ID: <" + notice_message_key(notice) + "@moc.gov.tw>"));
        tx.commit();
    }
    EXPECT_FALSE(result.already);
    // Named by the notice, not by the row id, which MariaDB never hands out again.
    EXPECT_EQ(result.eml.filename(), notice_message_key(notice) + ".eml");
    EXPECT_EQ(outbox_files(), std::vector<std::string>{result.eml.filename().string()});
    const auto row = NoticeStore(*db_).find(result.id);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->type, "settlement_statement");
    EXPECT_EQ(row->subject_key, "2026H1/S01/A001");
    EXPECT_EQ(row->period, "2026H1");
    EXPECT_EQ(row->title, notice.title); // the Chinese survives the database too
    EXPECT_EQ(row->recipient, notice.recipient);
    EXPECT_EQ(row->status, "queued");
    EXPECT_EQ(row->attempts, 0);
    EXPECT_FALSE(row->last_error);
    EXPECT_FALSE(row->sent_at);
    EXPECT_THAT(row->queued_at, ::testing::MatchesRegex(
                                    R"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z)"));
    EXPECT_EQ(row->eml_path, result.eml.filename().string());
}

TEST_P(NoticeOutbox, QueueingTheSameNoticeTwiceKeepsOneRowAndOneEml) {
    const Notice notice = test::statement_notice("A001", "gpo@dgbas.gov.tw");
    const auto first = queue_committed(notice);
    const std::string archived = test::read_file(first.eml);
    Notice reworded = notice;
    reworded.title = "【更正】" + notice.title;
    reworded.body = "another text";
    const auto second = queue_committed(reworded);
    EXPECT_TRUE(second.already);
    EXPECT_EQ(second.id, first.id);
    EXPECT_EQ(second.status, "queued");
    EXPECT_EQ(rows(), 1);
    EXPECT_EQ(outbox_files().size(), 1u);
    EXPECT_EQ(test::read_file(first.eml), archived);
    // Once sent it stays sent: queueing it again sends nothing.
    {
        db::WriteTransaction tx(*db_);
        NoticeStore(*db_).mark_sent(first.id, "2026-06-10T01:00:00Z");
        tx.commit();
    }
    const auto third = queue_committed(notice);
    EXPECT_TRUE(third.already);
    EXPECT_EQ(third.status, "sent");
    EXPECT_EQ(rows(), 1);
    // Another period, type or subject is another notice.
    Notice next = notice;
    next.period = "2026H2";
    EXPECT_FALSE(queue_committed(next).already);
    Notice due = notice;
    due.type = NoticeType::payment_due;
    EXPECT_FALSE(queue_committed(due).already);
    EXPECT_EQ(rows(), 3);
    EXPECT_EQ(outbox_files().size(), 3u);
}

TEST_P(NoticeOutbox, ARolledBackQueueLeavesNoRowAndTheNextNoticeIsItsOwn) {
    Outbox outbox(*db_, settings_);
    {
        db::WriteTransaction tx(*db_);
        outbox.queue(test::statement_notice("A001", "gpo@dgbas.gov.tw"));
        // No commit: the caller's step failed after queueing.
    }
    EXPECT_EQ(rows(), 0);
    const Notice next = test::statement_notice("A002", "gpo@moea.gov.tw");
    const auto result = queue_committed(next);
    EXPECT_EQ(rows(), 1);
    // Whatever file the rolled-back notice left, the one the log names is the new notice's.
    EXPECT_THAT(test::read_file(result.eml), HasSubstr(notice_message_key(next)));
    EXPECT_EQ(outbox.send_queued().waiting, 1);
}

TEST_P(NoticeOutbox, ARerunAfterARollbackLeavesTheOutboxAsIfNothingHadFailed) {
    // A job step killed after queueing and before its commit is run again: the rerun queues
    // the same notices. The folder then holds exactly the files of the logged notices, on
    // MariaDB too, where the rolled-back row's id is gone for good.
    const Notice notice = test::statement_notice("A001", "gpo@dgbas.gov.tw");
    Outbox outbox(*db_, settings_);
    std::filesystem::path left;
    {
        db::WriteTransaction tx(*db_);
        left = outbox.queue(notice).eml;
    }
    EXPECT_EQ(rows(), 0);
    ASSERT_TRUE(fs::exists(left)); // the file of the rolled-back queue, not sent by anyone
    EXPECT_EQ(outbox.send_queued().waiting, 0);
    const auto again = queue_committed(notice);
    EXPECT_FALSE(again.already);
    EXPECT_EQ(again.eml, left);
    EXPECT_EQ(outbox_files(), std::vector<std::string>{again.eml.filename().string()});
    EXPECT_EQ(NoticeStore(*db_).find(again.id)->eml_path, again.eml.filename().string());
}

TEST_P(NoticeOutbox, ABadAddressOrMissingAttachmentIsRefusedBeforeAnythingIsWritten) {
    Outbox outbox(*db_, settings_);
    db::WriteTransaction tx(*db_);
    EXPECT_THROW(outbox.queue(test::statement_notice("A001", "gpo@x.tw\r\nBcc: spy@example.com")),
                 domain::InvalidValue);
    Notice missing = test::statement_notice("A002", "gpo@dgbas.gov.tw");
    missing.attachment = NoticeAttachment{dir_ / "no_such.xlsx", "結算單.xlsx"};
    EXPECT_THROW(outbox.queue(missing), domain::InvalidValue);
    Notice keyless = test::statement_notice("A003", "gpo@dgbas.gov.tw");
    keyless.subject_key.clear();
    EXPECT_THROW(outbox.queue(keyless), domain::InvalidValue);
    Notice long_key = test::statement_notice(std::string(200, 'K'), "gpo@dgbas.gov.tw");
    EXPECT_THROW(outbox.queue(long_key), domain::InvalidValue);
    tx.commit();
    EXPECT_EQ(rows(), 0);
    EXPECT_TRUE(outbox_files().empty());
}

TEST_P(NoticeOutbox, WithoutAnSmtpHostNoticesWaitQueuedAndTheSummarySaysSo) {
    queue_committed(test::statement_notice("A001", "gpo@dgbas.gov.tw"));
    queue_committed(test::statement_notice("A002", "gpo@moea.gov.tw"));
    Outbox outbox(*db_, settings_);
    const auto summary = outbox.send_queued();
    EXPECT_FALSE(summary.configured);
    EXPECT_EQ(summary.sent, 0);
    EXPECT_EQ(summary.failed, 0);
    EXPECT_EQ(summary.waiting, 2);
    EXPECT_THAT(summary.message, HasSubstr("smtp.host is not set"));
    EXPECT_THAT(summary.message, HasSubstr("2 notices wait"));
    for (const auto& row : NoticeStore(*db_).all()) {
        EXPECT_EQ(row.status, "queued");
        EXPECT_EQ(row.attempts, 0);
    }
}

TEST_P(NoticeOutbox, TheLogItselfRefusesASecondRowForOneNoticeAndAnUnknownStatus) {
    const auto first = queue_committed(test::statement_notice("A001", "gpo@dgbas.gov.tw"));
    auto insert = [&](const std::string& key, const std::string& status) {
        db::WriteTransaction tx(*db_);
        db_->session() << "INSERT INTO notice (type, subject_key, period, recipient, email, "
                          "title, status, attempts, queued_at, eml_path) VALUES "
                          "('settlement_statement', :k, '2026H1', 'r', 'e@x.tw', 't', :s, 0, "
                          "'2026-06-10T01:00:00Z', 'x.eml')",
            soci::use(key), soci::use(status);
        tx.commit();
    };
    EXPECT_ANY_THROW(insert("2026H1/S01/A001", "queued"));
    EXPECT_ANY_THROW(insert("2026H1/S01/A009", "bounced"));
    EXPECT_NO_THROW(insert("2026H1/S01/A009", "failed"));
    EXPECT_EQ(rows(), 2);
    EXPECT_EQ(NoticeStore(*db_).find(first.id)->status, "queued");
}

INSTANTIATE_TEST_SUITE_P(Backends, NoticeOutbox, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::adapters::mail
