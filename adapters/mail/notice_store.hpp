// Where the notice log lives (SPEC §4.12): one row per notice, queued, sent or failed.
#pragma once

#include "adapters/db/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace govpub::adapters::mail {

struct NoticeRow {
    long long id = 0;
    std::string type; //!< notice_type_name
    std::string subject_key;
    std::string period;
    std::string recipient;
    std::string email;
    std::string title;
    std::string status; //!< queued, sent, failed
    int attempts = 0;   //!< sends tried
    std::optional<std::string> last_error;
    std::string queued_at; //!< UTC
    std::optional<std::string> sent_at;
    std::string eml_path; //!< the archived message, relative to the outbox folder
};

//! SQL of the notice log, the same statements on SQLite and MariaDB. Every writing call
//! expects the caller's write transaction.
class NoticeStore {
  public:
    explicit NoticeStore(db::Database& db) : db_(db) {}

    std::optional<NoticeRow> find(const std::string& type, const std::string& subject_key,
                                  const std::string& period);
    std::optional<NoticeRow> find(long long id);
    //! Inserts `row` as queued with no attempts and returns its id; the UNIQUE (type,
    //! subject_key, period) refuses a second one.
    long long insert(const NoticeRow& row);
    //! Queued and failed notices, oldest first.
    std::vector<NoticeRow> unsent();
    //! Every notice, oldest first.
    std::vector<NoticeRow> all();
    //! One more attempt, which delivered it.
    void mark_sent(long long id, const std::string& at);
    //! One more attempt, which failed with `error`.
    void mark_failed(long long id, const std::string& error);

  private:
    std::vector<NoticeRow> select(const std::string& where);

    db::Database& db_;
};

} // namespace govpub::adapters::mail
