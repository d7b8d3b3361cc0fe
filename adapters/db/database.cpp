// Opening SQLite or MariaDB through SOCI and applying the embedded migrations.
#include "adapters/db/database.hpp"

#include "adapters/config/clock.hpp"
#include "adapters/db/migrations.hpp"
#include "domain/errors.hpp"

#include <soci/mysql/soci-mysql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <sys/file.h>
#include <unistd.h>

namespace govpub::adapters::db {

namespace {

std::string sqlite_quote(const std::string& path) {
    // SOCI's connect string is key=value pairs; quoting keeps spaces in paths intact.
    std::string q = "\"";
    for (char c : path) {
        if (c == '"')
            q += "\\\"";
        else
            q += c;
    }
    return q + "\"";
}

std::string soci_value(const std::string& value) {
    return value.find_first_of(" '\"") == std::string::npos ? value : "'" + value + "'";
}

std::string percent_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%') {
            if (i + 2 >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i + 1])) ||
                !std::isxdigit(static_cast<unsigned char>(s[i + 2])))
                throw domain::InvalidValue("database URL", "…" + std::string(s.substr(i)),
                                           "a % must be followed by two hex digits (%40 for @)");
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::vector<std::string> split_statements(const std::string& sql) {
    // Migrations hold plain DDL: a statement ends with ';' at the end of a line.
    std::vector<std::string> out;
    std::string current;
    std::size_t start = 0;
    while (start < sql.size()) {
        auto end = sql.find('\n', start);
        if (end == std::string::npos)
            end = sql.size();
        std::string line = sql.substr(start, end - start);
        start = end + 1;
        auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line.compare(first, 2, "--") == 0)
            continue;
        current += line + "\n";
        auto last = line.find_last_not_of(" \t\r");
        if (line[last] == ';') {
            out.push_back(current);
            current.clear();
        }
    }
    if (current.find_first_not_of(" \t\r\n") != std::string::npos)
        out.push_back(current);
    return out;
}

} // namespace

DatabaseUrl DatabaseUrl::parse(std::string_view url) {
    const std::string text(url);
    DatabaseUrl parsed;
    if (text.rfind("sqlite:", 0) == 0) {
        std::string path = text.substr(7);
        if (path.rfind("//", 0) == 0)
            path = path.substr(2);
        if (path.empty())
            throw domain::InvalidValue("database URL", text, "sqlite: needs a file path");
        parsed.dialect = Dialect::sqlite;
        parsed.connect_string = "db=" + sqlite_quote(path) + " timeout=30";
        parsed.shown = text;
        return parsed;
    }
    if (text.rfind("mysql://", 0) == 0 || text.rfind("mariadb://", 0) == 0) {
        std::string rest = text.substr(text.find("://") + 3);
        std::string query;
        if (auto q = rest.find('?'); q != std::string::npos) {
            query = rest.substr(q + 1);
            rest = rest.substr(0, q);
        }
        auto at = rest.rfind('@');
        auto slash = rest.find('/', at == std::string::npos ? 0 : at);
        if (at == std::string::npos || slash == std::string::npos || slash + 1 >= rest.size())
            throw domain::InvalidValue(
                "database URL", text,
                "expected mysql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?socket=PATH]");
        std::string userinfo = rest.substr(0, at);
        std::string hostport = rest.substr(at + 1, slash - at - 1);
        std::string database = rest.substr(slash + 1);
        std::string user = userinfo, password;
        if (auto c = userinfo.find(':'); c != std::string::npos) {
            user = userinfo.substr(0, c);
            password = percent_decode(userinfo.substr(c + 1));
        }
        std::string host = hostport, port;
        if (auto c = hostport.rfind(':'); c != std::string::npos) {
            host = hostport.substr(0, c);
            port = hostport.substr(c + 1);
        }
        parsed.dialect = Dialect::mysql;
        std::string cs = "db=" + soci_value(database) + " user=" + soci_value(user);
        if (!password.empty())
            cs += " password=" + soci_value(password);
        if (!host.empty())
            cs += " host=" + soci_value(host);
        if (!port.empty())
            cs += " port=" + port;
        for (std::size_t p = 0; p < query.size();) {
            auto amp = query.find('&', p);
            std::string kv = query.substr(p, amp == std::string::npos ? std::string::npos : amp - p);
            if (kv.rfind("socket=", 0) == 0)
                cs += " unix_socket=" + soci_value(percent_decode(kv.substr(7)));
            p = amp == std::string::npos ? query.size() : amp + 1;
        }
        cs += " charset=utf8mb4";
        parsed.connect_string = cs;
        parsed.shown = "mysql://" + user + (password.empty() ? "" : ":***") + "@" + hostport +
                       "/" + database + (query.empty() ? "" : "?" + query);
        return parsed;
    }
    throw domain::InvalidValue("database URL", text,
                               "expected sqlite:PATH or mysql://USER@HOST/DATABASE");
}

std::filesystem::path Database::sqlite_file() const {
    // The path between the quotes DatabaseUrl::parse put around it.
    const auto start = url_.connect_string.find('"') + 1;
    const auto end = url_.connect_string.rfind('"');
    return url_.connect_string.substr(start, end - start);
}

Database::Database(const DatabaseUrl& url) : url_(url) {
    try {
        if (url.dialect == Dialect::sqlite) {
            const std::filesystem::path file = sqlite_file();
            if (file.has_parent_path())
                std::filesystem::create_directories(file.parent_path());
            session_.open(soci::sqlite3, url.connect_string);
            // WAL lets readers go on during a settlement; FULL sync because this is money.
            session_ << "PRAGMA journal_mode=WAL";
            session_ << "PRAGMA synchronous=FULL";
            session_ << "PRAGMA foreign_keys=ON";
        } else {
            session_.open(soci::mysql, url.connect_string);
            session_ << "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,"
                        "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'";
        }
    } catch (const soci::soci_error& e) {
        throw DatabaseError("cannot open the database " + url.shown + ": " + e.what());
    } catch (const std::filesystem::filesystem_error& e) {
        throw DatabaseError("cannot create the folder for " + url.shown + ": " + e.what());
    }
}

int Database::schema_version() {
    session_ << "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER NOT NULL "
                "PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at VARCHAR(32) NOT NULL)";
    soci::indicator ind = soci::i_ok;
    int version = 0;
    session_ << "SELECT MAX(version) FROM schema_migration", soci::into(version, ind);
    return ind == soci::i_null ? 0 : version;
}

int Database::latest_version(Dialect dialect) {
    int latest = 0;
    const std::string name = dialect == Dialect::sqlite ? "sqlite" : "mysql";
    for (const auto& m : embedded_migrations())
        if (m.dialect == name)
            latest = std::max(latest, m.version);
    return latest;
}

int Database::migrate() {
    const int current = schema_version();
    const std::string name = dialect() == Dialect::sqlite ? "sqlite" : "mysql";
    int applied = 0;
    for (const auto& m : embedded_migrations()) {
        if (m.dialect != name || m.version <= current)
            continue;
        WriteTransaction tx(*this);
        for (const auto& statement : split_statements(m.sql))
            session_ << statement;
        std::string applied_at = config::utc_timestamp();
        session_ << "INSERT INTO schema_migration (version, name, applied_at) VALUES (:v, :n, :a)",
            soci::use(m.version), soci::use(m.name), soci::use(applied_at);
        tx.commit();
        ++applied;
    }
    return applied;
}

void Database::require_current_schema() {
    const int version = schema_version();
    const int latest = latest_version(dialect());
    if (version < latest)
        throw SchemaBehind("the database " + url_.shown + " is at schema version " +
                           std::to_string(version) + ", this govpub needs " +
                           std::to_string(latest) + ": run `govpub init` first");
}

// MariaDB's plain BEGIN reads a snapshot and locks nothing, so two writers could both read and
// then both write (a sale imported between a settlement's read and its close would be marked
// settled unpaid). A named server lock held for the transaction serialises govpub's writers
// there as BEGIN IMMEDIATE does on SQLite.
namespace {
constexpr int WRITE_LOCK_WAIT_SECONDS = 60;
}

void Database::begin_write() {
    if (dialect() == Dialect::sqlite) {
        session_ << "BEGIN IMMEDIATE";
        return;
    }
    // Named per database: two govpub databases on one server do not wait for each other.
    if (write_lock_.empty())
        session_ << "SELECT LEFT(CONCAT('govpub.write.', DATABASE()), 64)", soci::into(write_lock_);
    soci::indicator ind = soci::i_null;
    int got = 0;
    session_ << "SELECT GET_LOCK(:n, " + std::to_string(WRITE_LOCK_WAIT_SECONDS) + ")",
        soci::use(write_lock_), soci::into(got, ind);
    if (ind != soci::i_ok || got != 1)
        throw DatabaseError("another govpub has been writing to " + url_.shown + " for " +
                            std::to_string(WRITE_LOCK_WAIT_SECONDS) +
                            " s; try again when it has finished");
    session_.begin();
}

void Database::release_write_lock() {
    if (dialect() == Dialect::mysql)
        session_ << "DO RELEASE_LOCK(:n)", soci::use(write_lock_);
}

void Database::commit() {
    if (dialect() == Dialect::sqlite) {
        session_ << "COMMIT";
        return;
    }
    session_.commit();
    release_write_lock();
}

void Database::rollback() {
    if (dialect() == Dialect::sqlite) {
        session_ << "ROLLBACK";
        return;
    }
    session_.rollback();
    release_write_lock();
}

// The run-due lock must outlive the many transactions of one run, so neither BEGIN IMMEDIATE
// nor the write lock above will do. On SQLite an flock on a file of its own: held by the open
// file, it goes with the process however that ends, and never blocks the database's readers
// and writers.
std::optional<SessionLock> Database::try_lock(const std::string& name) {
    if (dialect() == Dialect::sqlite) {
        const std::string file = sqlite_file().string() + "." + name + ".lock";
        const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            throw DatabaseError("cannot open the lock file " + file + ": " + std::strerror(errno));
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            ::close(fd);
            if (error == EWOULDBLOCK)
                return std::nullopt;
            throw DatabaseError("cannot lock " + file + ": " + std::strerror(error));
        }
        return SessionLock(this, "", fd);
    }
    // GET_LOCK names are server-wide: the database's name keeps two databases on one server
    // apart. At most 64 characters.
    std::string server_name;
    soci::indicator ind = soci::i_null;
    int got = 0;
    try {
        session_ << "SELECT LEFT(CONCAT('govpub.', :n, '.', DATABASE()), 64)", soci::use(name),
            soci::into(server_name);
        session_ << "SELECT GET_LOCK(:n, 0)", soci::use(server_name), soci::into(got, ind);
    } catch (const soci::soci_error& e) {
        throw DatabaseError("cannot take the lock " + name + " on " + url_.shown + ": " + e.what());
    }
    if (ind != soci::i_ok || got != 1)
        return std::nullopt;
    return SessionLock(this, server_name, -1);
}

SessionLock::SessionLock(SessionLock&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), server_name_(std::move(other.server_name_)),
      fd_(std::exchange(other.fd_, -1)) {}

SessionLock::~SessionLock() {
    if (fd_ >= 0)
        ::close(fd_); // releases the flock
    if (!db_ || db_->dialect() != Dialect::mysql)
        return;
    try {
        db_->session() << "DO RELEASE_LOCK(:n)", soci::use(server_name_);
    } catch (...) {
        // The connection is gone, and with it the lock.
    }
}

WriteTransaction::~WriteTransaction() {
    if (!done_) {
        try {
            db_.rollback();
        } catch (...) {
            // The connection is already broken; the database discards the transaction.
        }
    }
}

void WriteTransaction::commit() {
    db_.commit();
    done_ = true;
}

} // namespace govpub::adapters::db
