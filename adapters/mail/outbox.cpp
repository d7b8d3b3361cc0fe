// Queueing into the outbox and the log; sending what waits, one short transaction per notice.
#include "adapters/mail/outbox.hpp"

#include "adapters/config/clock.hpp"
#include "adapters/config/crash_point.hpp"
#include "adapters/import/file_store.hpp"
#include "adapters/mail/eml_writer.hpp"
#include "adapters/mail/notice_store.hpp"
#include "adapters/mail/smtp_sender.hpp"
#include "domain/errors.hpp"

#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>

namespace govpub::adapters::mail {

namespace {

namespace fs = std::filesystem;

//! Characters, not bytes: the columns are VARCHAR(n) of characters on MariaDB, and SQLite
//! would store a longer value without a word, so both are checked here alike.
std::size_t characters(const std::string& utf8) {
    std::size_t n = 0;
    for (char c : utf8)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++n;
    return n;
}

void check_text(const std::string& field, const std::string& value, std::size_t max,
                bool required) {
    if (required && value.empty())
        throw domain::InvalidValue(field, "(empty)", "a notice needs one");
    if (characters(value) > max)
        throw domain::InvalidValue(field, value,
                                   "longer than " + std::to_string(max) + " characters");
}

std::optional<std::string> read_whole(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

//! Whether an archived message is this notice's: its Message-ID names the notice's identity.
//! Files are named by that identity now, so this guards against a file edited or copied by
//! hand, and against outboxes of earlier builds (files named by row id) shared by two
//! databases. A type this build does not know (a newer govpub's) is no message of ours either.
bool is_message_of(const std::string& eml, const NoticeRow& row) {
    Notice notice;
    try {
        notice.type = parse_notice_type(row.type);
    } catch (const domain::InvalidValue&) {
        return false;
    }
    notice.subject_key = row.subject_key;
    notice.period = row.period;
    const std::string header = eml.substr(0, eml.find("\r\n\r\n"));
    const std::string wanted = "Message-ID: <" + notice_message_key(notice) + "@";
    return header.rfind(wanted, 0) == 0 || header.find("\r\n" + wanted) != std::string::npos;
}

std::string count(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

Outbox::Outbox(db::Database& db, const config::Settings& settings)
    : db_(db), smtp_(settings.smtp), folder_(settings.outbox_dir()) {}

QueueResult Outbox::queue(const Notice& notice) {
    check_text("notice subject key", notice.subject_key, 200, true);
    check_text("notice period", notice.period, 32, true);
    check_text("notice recipient", notice.recipient, 200, false);
    check_text("notice title", notice.title, 500, true);
    NoticeStore store(db_);
    const std::string type(notice_type_name(notice.type));
    if (auto found = store.find(type, notice.subject_key, notice.period))
        return QueueResult{found->id, true, found->status, folder_ / found->eml_path};
    // Rendered before anything is written: a bad address or a missing attachment refuses the
    // notice and leaves no row and no file.
    const std::string eml =
        render_eml(notice, Mailbox::parse(smtp_.from, "smtp.from"), std::time(nullptr));
    NoticeRow row;
    row.type = type;
    row.subject_key = notice.subject_key;
    row.period = notice.period;
    row.recipient = notice.recipient;
    row.email = notice.email;
    row.title = notice.title;
    row.queued_at = config::utc_timestamp();
    // Named by the notice's identity, not by its row id: a step rolled back after the file was
    // written (a crash, a later failure) leaves a file that the same notice, queued again by
    // the rerun, replaces. An AUTO_INCREMENT id is not reused on MariaDB, so a file named by
    // id would stay behind there for good.
    row.eml_path = notice_message_key(notice) + ".eml";
    const std::string name = row.eml_path;
    // On disk before the caller commits: a notice the log shows as queued always has its
    // message.
    import::write_file_whole(folder_ / name, eml);
    config::crash_point("notice.archived");
    const long long id = store.insert(row);
    return QueueResult{id, false, "queued", folder_ / name};
}

SendSummary Outbox::send_queued() {
    SendSummary summary;
    summary.configured = smtp_.configured();
    NoticeStore store(db_);
    if (!summary.configured) {
        summary.waiting = static_cast<int>(store.unsent().size());
        summary.message = "smtp.host is not set, so nothing was sent: " +
                          count(summary.waiting, "notice waits", "notices wait") + " in " +
                          folder_.string() + " (set [smtp] host or GOVPUB_SMTP_HOST to send)";
        return summary;
    }
    auto lock = db_.try_lock("notices");
    if (!lock) {
        summary.busy = true;
        summary.waiting = static_cast<int>(store.unsent().size());
        summary.message = "another govpub is sending notices; it sends these too";
        return summary;
    }
    const std::vector<NoticeRow> pending = store.unsent();
    SmtpSender sender(smtp_);
    std::string first_error;
    for (std::size_t i = 0; i < pending.size(); ++i) {
        const NoticeRow& notice = pending[i];
        std::optional<std::string> problem;
        const auto eml = read_whole(folder_ / notice.eml_path);
        if (!eml)
            problem =
                "the archived message " + (folder_ / notice.eml_path).string() + " cannot be read";
        else if (!is_message_of(*eml, notice))
            problem = "the archived message " + (folder_ / notice.eml_path).string() +
                      " does not carry this notice's Message-ID (is the outbox shared with "
                      "another database?)";
        try {
            if (!problem)
                sender.send(*eml, notice.email);
        } catch (const SmtpRejected& e) {
            problem = e.what();
        } catch (const SmtpUnavailable& e) {
            // Nothing can go now: each notice left failed this attempt for the same reason.
            db::WriteTransaction tx(db_);
            for (std::size_t j = i; j < pending.size(); ++j)
                store.mark_failed(pending[j].id, e.what());
            tx.commit();
            summary.failed += static_cast<int>(pending.size() - i);
            if (first_error.empty())
                first_error = e.what();
            break;
        }
        // The server has the message now: from here to the commit is the window in which a
        // crash makes the next run send it again (at least once, same Message-ID).
        db::WriteTransaction tx(db_);
        if (problem) {
            store.mark_failed(notice.id, *problem);
            ++summary.failed;
            if (first_error.empty())
                first_error = *problem;
        } else {
            store.mark_sent(notice.id, config::utc_timestamp());
            ++summary.sent;
        }
        tx.commit();
    }
    sender.close();
    summary.waiting = static_cast<int>(store.unsent().size());
    summary.message = "sent " + count(summary.sent, "notice", "notices");
    if (summary.failed > 0)
        summary.message +=
            "; " + count(summary.failed, "send", "sends") + " failed (" + first_error + "); " +
            count(summary.waiting, "notice waits", "notices wait") + " for the next run";
    return summary;
}

} // namespace govpub::adapters::mail
