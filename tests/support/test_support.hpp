// Helpers shared by the tests: throwaway folders, the repository's paths, running govpub.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace govpub::test {

//! A fresh folder under the system temp dir, removed when the object goes.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

//! The source tree (for shipped data such as config/holidays.csv and test fixtures).
std::filesystem::path source_dir();

//! Writes `bytes` to `path` exactly as given.
void write_file(const std::filesystem::path& path, const std::string& bytes);
std::string read_file(const std::filesystem::path& path);

//! What a finished process left: its exit status and what it printed.
struct RunResult {
    int status = -1;
    std::string out;
    std::string err;
};

//! `s` as one word for a POSIX shell: in single quotes, each ' written as '\''.
std::string sh_quote(const std::string& s);

//! Runs the built govpub binary with `args` (a shell-quoted string), in `cwd`.
RunResult run_govpub(const std::string& args, const std::filesystem::path& cwd);

//! The shell command line that runs the built govpub with `args` (shell-quoted) on the database
//! `url` with the data folder `data_dir`, and the settings file `config` unless it is empty.
//! None of the caller's GOVPUB_* variables reaches it, so the test alone says what it uses.
std::string govpub_command_line(const std::string& url, const std::filesystem::path& data_dir,
                                const std::string& args, const std::filesystem::path& config = {});

//! Runs any shell command line; used for Debian's python3 with openpyxl.
RunResult run_command(const std::string& command_line, const std::filesystem::path& cwd);

//! A probe for run_python_probe that prints what an official would see, one "key=value" a
//! line: sheets, panes, filters, page setup and printed header ("left|center|right"), fit,
//! print titles, merged ranges, every non-empty cell as "type|data_type|number_format|value"
//! (and "<cell>.bold" if bold), and the chart parts.
extern const char* const WORKBOOK_PROBE;

//! Runs a Python script (Debian's python3 with openpyxl) on `xlsx` and collects what it prints
//! as "key=value" lines: how tests read a workbook back as an official's tool would.
std::map<std::string, std::string> run_python_probe(const std::string& script,
                                                    const std::filesystem::path& xlsx,
                                                    const TempDir& dir);

//! `utf8` in Big5/CP950, as Taiwanese spreadsheets export it (ICU's windows-950 table).
std::string to_big5(const std::string& utf8);

//! The throwaway MariaDB server's socket (GOVPUB_TEST_MYSQL_SOCKET, set by ctest's mariadb
//! fixture), or nothing when the tests run outside ctest.
std::optional<std::string> mysql_socket();

//! Creates an empty utf8mb4 database with a unique name on that server and returns its govpub
//! URL (mysql://root@localhost/NAME?socket=…); nothing without a server.
std::optional<std::string> fresh_mysql_database();

//! Runs `query` on database `name` with the mariadb client, rows printed as "a|b" lines the
//! way the sqlite3 shell prints them, `||` concatenating as in SQLite.
std::string mysql_query(const std::string& database, const std::string& query);

//! The database name in a mysql:// URL.
std::string mysql_database_of(const std::string& url);

//! Rows of `query` on the database at `url` as "a|b" lines: the sqlite3 shell on an sqlite:PATH
//! (read-only, so it never recovers a hot journal in govpub's place; `query` may be a dot
//! command such as .dump), mysql_query on the ctest server's mysql:// databases. Throws when
//! the query fails.
std::string database_query(const std::string& url, const std::string& query);

//! Runs `statements` on the database at `url` to change it behind govpub's back, as a test
//! sets up a state govpub would not make itself (SQLite's shell checks no foreign keys).
void database_change(const std::string& url, const std::string& statements);

//! Imports the demo's master data (agencies, stores, contracts, publications), then each of
//! `more` ("KIND FILE", FILE in config/demo), through `govpub` (runs govpub with the given
//! arguments). Returns the first failure as text, empty when everything went in.
std::string import_demo(const std::function<RunResult(const std::string&)>& govpub,
                        const std::vector<std::string>& more);

//! The database a test runs the govpub binary on, for a test parameterised over the backend:
//! "sqlite" (a file in `dir`) or "mariadb" (a fresh database on ctest's throwaway server,
//! dropped when this goes, for the server outlives the test).
class BackendUrl {
  public:
    BackendUrl(const std::string& backend, const std::filesystem::path& dir);
    ~BackendUrl();
    BackendUrl(const BackendUrl&) = delete;
    BackendUrl& operator=(const BackendUrl&) = delete;
    //! False for "mariadb" when no test server runs: the test skips.
    bool available() const { return !url_.empty(); }
    const std::string& url() const { return url_; }
    //! database_query on it.
    std::string query(const std::string& sql) const { return database_query(url_, sql); }

  private:
    std::string url_;
    std::string mysql_name_;
};

} // namespace govpub::test
