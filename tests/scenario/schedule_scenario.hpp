// What the scheduler's scenario tests share: a database on either backend with its data folder
// and a settings file whose [schedule] the test pins, and `govpub jobs run-due` read back.
#pragma once

#include "tests/support/test_support.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <string>

namespace govpub::test {

//! The four jobs on their shipped schedule (config/govpub.ini), pinned so that the tests do not
//! follow edits of that file.
extern const char* const FULL_SCHEDULE;

//! The parameter is the backend: "sqlite" or "mariadb" (skipped outside ctest).
class ScheduleScenario : public ::testing::TestWithParam<std::string> {
  protected:
    TempDir dir_;
    std::filesystem::path data_ = dir_ / "data";
    std::string url_;

    //! A fresh database with FULL_SCHEDULE, initialised, nothing imported.
    void SetUp() override;

    //! Pins the settings: the shipped holidays, periods ending in May and November, run day
    //! 10, 30 days to pay, and `schedule` ("deadlines = daily 06:00\n" lines) as [schedule].
    void write_settings(const std::string& schedule);
    RunResult govpub(const std::string& args);
    //! `govpub jobs run-due --allow-future --now NOW --json`: the tests' times are fixed dates,
    //! whatever today is.
    RunResult run_due(const std::string& now);
    //! Rows as "a|b" lines; a query may hold several statements.
    std::string sql(const std::string& query);
    //! Changes rows behind govpub's back (SQLite's shell checks no foreign keys).
    void change(const std::string& statements);
    //! The database's clock in UTC as govpub writes heartbeats ('2026-06-10T01:30:00Z'), as SQL.
    std::string sql_utc_now() const;
    //! Everything in the job repository, to compare before and after.
    std::string job_repository();

    //! Runs the import lines of config/demo/steps.txt after the line starting with `from` (or
    //! from the top) up to the line starting with `to`, file names made absolute.
    void load_demo(const std::string& from, const std::string& to);
};

//! "job key result" for each run in run-due's --json output, with " (resumed at step N)"
//! after a resumed one, one a line.
std::string results_of(const std::string& json);

} // namespace govpub::test
