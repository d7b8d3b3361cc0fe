// One migrated govpub database for a test parameterised over the backend (SPEC §5.1: the
// embedded SQLite file and the ministry's MariaDB must behave the same).
#pragma once

#include "adapters/db/database.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace govpub::test {

//! "sqlite": a file in the test's folder. "mariadb": a fresh database on the throwaway server
//! ctest starts, dropped again when the test ends, for the server outlives it. Used like a
//! pointer: `*db_`, `db_->session()`.
class BackendDatabase {
  public:
    BackendDatabase() = default;
    BackendDatabase(const BackendDatabase&) = delete;
    BackendDatabase& operator=(const BackendDatabase&) = delete;
    ~BackendDatabase() { reset(); }

    //! Opens and migrates it; false for "mariadb" when no test server runs (the test skips).
    bool open(const std::string& backend, const std::filesystem::path& dir);
    //! Closes it and drops a MariaDB database.
    void reset();

    adapters::db::Database& operator*() { return *db_; }
    adapters::db::Database* operator->() { return &*db_; }
    explicit operator bool() const { return db_.has_value(); }
    //! The govpub URL, for running the govpub binary on the same database.
    const std::string& url() const { return url_; }

  private:
    std::optional<adapters::db::Database> db_;
    std::string url_;
    std::string mysql_name_;
};

} // namespace govpub::test
