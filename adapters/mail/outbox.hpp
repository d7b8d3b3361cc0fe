// The notice pipeline (SPEC §4.12): queue a notice once, archive it as .eml, send it by SMTP.
#pragma once

#include "adapters/config/settings.hpp"
#include "adapters/db/database.hpp"
#include "adapters/mail/notice.hpp"

#include <filesystem>
#include <string>

namespace govpub::adapters::mail {

struct QueueResult {
    long long id = 0;
    //! The notice was already in the log (queued, sent or failed) under its (type, subject
    //! key, period): nothing was written, and `status` is its stored one.
    bool already = false;
    std::string status;
    std::filesystem::path eml; //!< the archived message
};

struct SendSummary {
    bool configured = false; //!< [smtp] host is set
    bool busy = false;       //!< another process is sending this database's notices
    int sent = 0;
    int failed = 0;      //!< attempts of this call that failed
    int waiting = 0;     //!< queued or failed notices left for a later call
    std::string message; //!< one line for a person
};

//! The notice log and its outbox folder (`[notices] outbox`).
//!
//! Delivery is exactly once into the log and at least once at the SMTP boundary. queue() writes
//! the message to the outbox (temporary name, fsync, rename) before the caller commits the row,
//! so a queued notice always has its .eml; send_queued() marks a notice sent in a transaction
//! of its own right after the server took it. A crash between the server's "250" and that
//! commit leaves the notice queued, and the next send_queued delivers it again: the same bytes
//! with the same Message-ID (notice_message_id), by which a receiving system can tell the
//! duplicate. Nothing else sends twice: one send_queued runs at a time per database.
class Outbox {
  public:
    Outbox(db::Database& db, const config::Settings& settings);

    //! Renders `notice` (eml_writer.hpp), archives it in the outbox as <Message-ID key>.eml
    //! (one name per notice) and logs it as queued, inside the caller's write transaction. A
    //! notice already logged under its (type, subject key, period) is `already`, whatever its
    //! text now: it is sent at most once.
    //! Throws domain::InvalidValue for a bad address, an empty key or an unreadable attachment.
    QueueResult queue(const Notice& notice);

    //! Sends every queued or failed notice, oldest first, when [smtp] host is set: the archived
    //! bytes as they are, each marked sent (attempts + 1) in its own short transaction. A
    //! notice the server refuses is marked failed with the reason (attempts + 1) and the others
    //! go on; when the server cannot be used at all, every notice left is marked failed with
    //! that reason. Without a host nothing is sent and the summary says how many wait. Call it
    //! outside any transaction.
    SendSummary send_queued();

    const std::filesystem::path& folder() const { return folder_; }

  private:
    db::Database& db_;
    config::SmtpSettings smtp_;
    std::filesystem::path folder_;
};

} // namespace govpub::adapters::mail
