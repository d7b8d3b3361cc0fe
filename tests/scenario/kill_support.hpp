// What the kill tests need beyond test_support: a govpub child they can SIGKILL and reap, a
// throwaway world (database + data folder) on either backend, what such a world holds once a
// command is done, and the checks that a killed import or settlement recovers exactly.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace govpub::test {

//! How a child process ended.
struct Ending {
    bool killed = false; //!< ended by SIGKILL (its own crash point or the test's kill)
    int signal = 0;      //!< the signal that ended it, 0 if it exited
    int status = -1;     //!< its exit status, -1 if a signal ended it
    std::string out;
    std::string err;
};

//! A govpub process started with fork/exec, so that the test can kill it at any moment and see
//! how it ended. wait() and poll() reap it: a zombie's pid still answers kill(pid, 0), and the
//! next `govpub settle` would take the dead execution for a live one.
class Child {
  public:
    Child(const std::vector<std::string>& argv, const std::vector<std::string>& env,
          const std::filesystem::path& cwd, const std::filesystem::path& capture);
    Child(const Child&) = delete; // returned only as a prvalue: no copy, no move
    Child& operator=(const Child&) = delete;
    ~Child(); //!< kills and reaps a child nobody waited for

    void kill() const;
    Ending wait();
    std::optional<Ending> poll(); //!< how it ended, if it has; never blocks

  private:
    Ending collect(int raw);

    pid_t pid_ = -1;
    std::filesystem::path out_;
    std::filesystem::path err_;
};

//! What a world holds after a command; equal outcomes = the same business result.
struct Outcome {
    std::string totals;             //!< sale lines: count, quantity, list value, settled
    std::string tables;             //!< every business row (no job tables, ids or timestamps)
    std::vector<std::string> files; //!< the data folder, relative paths, sorted
    std::string workbook;           //!< the settlement workbook's fingerprint, "" if none
};

//! A fresh database (an SQLite file, or a new database on the ctest MariaDB server) with its
//! own data folder, initialised and loaded with the demo's agencies, stores, contracts and
//! publications.
class World {
  public:
    World(const std::string& backend, const std::filesystem::path& folder);
    //! A copy of `from` (its database and data folder) in `folder`: on SQLite the file, on
    //! MariaDB a new database made by `govpub init` and filled with `from`'s rows. `from` must
    //! be at rest (no govpub running on it).
    World(const World& from, const std::filesystem::path& folder);

    //! Starts `govpub --db URL ARGS…` in the world's folder; GOVPUB_CRASH_AT=`crash_at` unless
    //! empty. Nothing else of the caller's GOVPUB_* environment reaches it.
    Child start(const std::vector<std::string>& args, const std::string& crash_at = "");
    Ending run(const std::vector<std::string>& args, const std::string& crash_at = "");

    //! Rows as "a|b" lines, on either backend; read-only, so it never recovers a hot SQLite
    //! journal in govpub's place.
    std::string sql(const std::string& query) const;
    //! On MariaDB, waits until the server has finished with the connections of killed
    //! children (a COMMIT in flight, a rollback), so that what the test reads is final.
    void wait_for_server() const;
    Outcome outcome() const;
    const std::filesystem::path& data() const { return data_; }
    std::filesystem::path workbook() const; //!< data/reports/settlement_2026H1.xlsx

  private:
    std::string backend_;
    std::filesystem::path folder_;
    std::filesystem::path data_;
    std::string url_;
    int runs_ = 0;
};

//! A valid sales file of store S01 for 2026H1 (2025-12-01 … 2026-05-31), `lines` lines over
//! the GPNs of the agencies with an S01 contract, about one in 25 a customer's return;
//! transaction ids `S01-<tag>-NNNNNN`.
std::string sales_csv(std::size_t lines, const std::string& tag);

//! EXPECTs `got` to equal `want` field by field, naming the first line that differs and any
//! file left over.
void expect_same_outcome(const Outcome& got, const Outcome& want);

inline const std::vector<std::string> SETTLE = {"settle", "--period", "2026H1", "--json"};

//! What a run never killed gave.
struct Reference {
    Ending printed; //!< its output: the settlement JSON
    Outcome outcome;
    std::string period_rows; //!< the closed period's row counts, as period_rows() gives them
};

//! Rows of settlement, statement, statement_line, and sales marked settled.
std::string period_rows(const World& w);

//! Right after a kill: the sales file stored whole (its import_file row and `lines` sales) or
//! not at all; `committed` says which, when the test knows.
void expect_file_whole_or_absent(const World& w, std::size_t lines,
                                 std::optional<bool> committed = std::nullopt);

//! Right after a kill: the period closed whole (as `closed` counts it) or not at all.
void expect_period_whole_or_open(const World& w, const std::string& closed);

//! Once the job is done: `abandoned` dead attempts and one completed, one completed instance,
//! and `govpub jobs status` saying the same.
void expect_job_history(World& w, std::size_t abandoned);

//! After an import child `ended` (killed, or done first): the file whole or absent, then
//! `args` again stores it once, as in `want`. Returns where the kill landed.
std::string expect_import_recovers(World& w, const Ending& ended,
                                   const std::vector<std::string>& args, std::size_t lines,
                                   const Outcome& want);

//! After a settle child `ended`: the period whole or open, then `govpub settle` again takes
//! over (or, the job having completed, refuses with the stored result), and the world equals
//! the reference, job history included. Returns where the kill landed.
std::string expect_settle_recovers(World& w, const Ending& ended, const Reference& ref);

} // namespace govpub::test
