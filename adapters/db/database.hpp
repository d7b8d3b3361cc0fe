// The database connection: URL parsing, session set-up per dialect, and migrations.
#pragma once

#include <soci/soci.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace govpub::adapters::db {

enum class Dialect { sqlite, mysql };

//! `sqlite:PATH` or `mysql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?socket=PATH]` (SPEC §5.1).
struct DatabaseUrl {
    Dialect dialect = Dialect::sqlite;
    std::string connect_string; //!< in SOCI's form for the backend
    std::string shown;          //!< the URL with any password hidden, for messages

    //! Throws domain::InvalidValue naming the URL and what is wrong with it.
    static DatabaseUrl parse(std::string_view url);
};

//! Thrown when the database cannot be opened or used: a system failure (exit status 3),
//! not bad input.
class DatabaseError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

//! The database has not been initialised or migrated for this build: the person running the
//! command can fix it with `govpub init` (exit status 1, not an internal failure).
class SchemaBehind : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

class Database;

//! A lock one process holds across transactions for as long as it keeps this object, e.g. one
//! `govpub jobs run-due` at a time. On MariaDB a named lock of the session (GET_LOCK: commits
//! do not release it), per database; on SQLite an flock on the file `<database file>.<name>.lock`
//! beside the database (the file stays, the lock does not). A killed process releases it.
class SessionLock {
  public:
    SessionLock(SessionLock&& other) noexcept;
    SessionLock& operator=(SessionLock&&) = delete;
    SessionLock(const SessionLock&) = delete;
    SessionLock& operator=(const SessionLock&) = delete;
    ~SessionLock();

  private:
    friend class Database;
    SessionLock(Database* db, std::string server_name, int fd)
        : db_(db), server_name_(std::move(server_name)), fd_(fd) {}

    Database* db_;            //!< nothing once moved from
    std::string server_name_; //!< the MariaDB lock's name
    int fd_;                  //!< the SQLite lock file, -1 on MariaDB
};

class Database {
  public:
    //! Opens the database; the parent folder of a SQLite file is created when missing.
    explicit Database(const DatabaseUrl& url);

    soci::session& session() { return session_; }
    Dialect dialect() const { return url_.dialect; }
    const DatabaseUrl& url() const { return url_; }

    //! Applies every migration newer than the schema's version, each in its own
    //! transaction; returns how many were applied. Running it again applies none.
    int migrate();
    //! The highest applied migration, 0 for an empty database.
    int schema_version();
    //! The newest migration this build knows.
    static int latest_version(Dialect dialect);
    //! Throws SchemaBehind with "run govpub init" when the schema is behind this build.
    void require_current_schema();

    //! Starts a transaction that takes the write lock at once (SQLite's BEGIN IMMEDIATE, a
    //! named GET_LOCK on MariaDB), so two writers never both read and then both write.
    void begin_write();
    void commit();
    void rollback();

    //! Takes the lock `name` (e.g. "scheduler") without waiting; nothing when another process
    //! or connection holds it. Throws DatabaseError when the lock cannot be asked for at all.
    std::optional<SessionLock> try_lock(const std::string& name);

  private:
    friend class SessionLock;
    //! The SQLite database file.
    std::filesystem::path sqlite_file() const;
    void release_write_lock();

    DatabaseUrl url_;
    soci::session session_;
    std::string write_lock_; //!< MariaDB: the GET_LOCK name of this database's writers
};

//! Commits only when asked; rolls back on scope exit otherwise (an exception on the way).
class WriteTransaction {
  public:
    explicit WriteTransaction(Database& db) : db_(db) { db_.begin_write(); }
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

  private:
    Database& db_;
    bool done_ = false;
};

} // namespace govpub::adapters::db
