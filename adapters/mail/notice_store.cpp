// SQL of the notice log.
#include "adapters/mail/notice_store.hpp"

#include "adapters/db/row_values.hpp"

namespace govpub::adapters::mail {

namespace {

const char* const COLUMNS =
    "SELECT id, type, subject_key, period, recipient, email, title, status, attempts, "
    "last_error, queued_at, sent_at, eml_path FROM notice ";

NoticeRow row_of(const soci::row& r) {
    NoticeRow n;
    n.id = db::int64_at(r, 0);
    n.type = db::text_at(r, 1);
    n.subject_key = db::text_at(r, 2);
    n.period = db::text_at(r, 3);
    n.recipient = db::text_at(r, 4);
    n.email = db::text_at(r, 5);
    n.title = db::text_at(r, 6);
    n.status = db::text_at(r, 7);
    n.attempts = static_cast<int>(db::int64_at(r, 8));
    n.last_error = db::optional_text_at(r, 9);
    n.queued_at = db::text_at(r, 10);
    n.sent_at = db::optional_text_at(r, 11);
    n.eml_path = db::text_at(r, 12);
    return n;
}

// A server's answer can be long (a whole TLS alert); the log keeps what a person reads.
constexpr std::size_t MAX_ERROR = 2000;

//! At most MAX_ERROR bytes of valid UTF-8, whatever bytes a server answered with: MariaDB's
//! strict mode refuses a broken character, and the failure must still be logged.
std::string loggable(const std::string& text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size() && out.size() < MAX_ERROR) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t n = c < 0x80           ? 1
                        : (c >> 5) == 0x6  ? 2
                        : (c >> 4) == 0xE  ? 3
                        : (c >> 3) == 0x1E ? 4
                                           : 0;
        bool whole = n > 0 && i + n <= text.size() && out.size() + n <= MAX_ERROR;
        for (std::size_t k = 1; whole && k < n; ++k)
            whole = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        if (whole) {
            out.append(text, i, n);
            i += n;
        } else {
            out += '?';
            ++i;
        }
    }
    return out;
}

} // namespace

std::vector<NoticeRow> NoticeStore::select(const std::string& where) {
    soci::rowset<soci::row> rows = db_.session().prepare << std::string(COLUMNS) + where;
    std::vector<NoticeRow> out;
    for (const auto& r : rows)
        out.push_back(row_of(r));
    return out;
}

std::optional<NoticeRow> NoticeStore::find(const std::string& type, const std::string& subject_key,
                                           const std::string& period) {
    soci::rowset<soci::row> rows =
        (db_.session().prepare << std::string(COLUMNS) +
                                      "WHERE type = :t AND subject_key = :k AND period = :p",
         soci::use(type), soci::use(subject_key), soci::use(period));
    for (const auto& r : rows)
        return row_of(r);
    return std::nullopt;
}

std::optional<NoticeRow> NoticeStore::find(long long id) {
    soci::rowset<soci::row> rows =
        (db_.session().prepare << std::string(COLUMNS) + "WHERE id = :i", soci::use(id));
    for (const auto& r : rows)
        return row_of(r);
    return std::nullopt;
}

long long NoticeStore::insert(const NoticeRow& row) {
    db_.session() << "INSERT INTO notice (type, subject_key, period, recipient, email, title, "
                     "status, attempts, queued_at, eml_path) VALUES (:t, :k, :p, :r, :e, :ti, "
                     "'queued', 0, :q, :m)",
        soci::use(row.type), soci::use(row.subject_key), soci::use(row.period),
        soci::use(row.recipient), soci::use(row.email), soci::use(row.title),
        soci::use(row.queued_at), soci::use(row.eml_path);
    long long id = 0;
    if (!db_.session().get_last_insert_id("notice", id))
        throw db::DatabaseError("the database did not report the new notice's id");
    return id;
}

std::vector<NoticeRow> NoticeStore::unsent() {
    return select("WHERE status IN ('queued', 'failed') ORDER BY id");
}

std::vector<NoticeRow> NoticeStore::all() { return select("ORDER BY id"); }

void NoticeStore::mark_sent(long long id, const std::string& at) {
    db_.session() << "UPDATE notice SET status = 'sent', sent_at = :s, attempts = attempts + 1, "
                     "last_error = NULL WHERE id = :i",
        soci::use(at), soci::use(id);
}

void NoticeStore::mark_failed(long long id, const std::string& error) {
    const std::string kept = loggable(error);
    db_.session() << "UPDATE notice SET status = 'failed', attempts = attempts + 1, "
                     "last_error = :e WHERE id = :i AND status <> 'sent'",
        soci::use(kept), soci::use(id);
}

} // namespace govpub::adapters::mail
