// The run: the whole scenario through govpub once, in order, keeping what every step left.
#pragma once

#include "tests/scenario/three_periods_reference.hpp"
#include "tests/scenario/three_periods_scenario.hpp"
#include "tests/support/test_support.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace govpub::test::three_periods {

//! Every step once, in order; the tests look at what each step left.
struct World {
    //! The database the run uses: the embedded SQLite file, or a MariaDB database.
    std::string db_url = "sqlite:govpub.db";
    std::unique_ptr<TempDir> dir;
    Scenario scenario;
    Reference reference;
    std::string setup_error;
    std::vector<std::pair<std::string, RunResult>> steps;       //!< every govpub call, in order
    std::map<std::string, std::string> import_summary;          //!< file → "lines accepted …"
    std::map<std::string, std::string> expected_import_summary; //!< file → what it should be
    std::map<std::string, RunResult> settle;                    //!< label → the run
    std::map<std::string, std::string> settle_canonical;        //!< label → python summary
    std::map<std::string, std::string> settle_expected;         //!< label → reference text
    std::map<std::string, std::vector<RefStatement>> reference_statements;
    RunResult reconcile;
    std::string reconcile_canonical, reconcile_expected;
    RunResult report;
    std::string cover_probe;

    //! Writes the files, imports them and settles the three periods; throws if a step that
    //! must succeed does not.
    void run();

  private:
    std::filesystem::path path(const std::string& name) const { return dir->path() / name; }
    RunResult govpub(const std::string& args);
    RunResult python(const std::string& script, const std::string& args);
    void import_master(const std::string& kind, const std::string& file);
    void import_sales(const std::string& name);
    //! `settle --period P --as-of ON --json [--dry-run]`, recorded under `label`, with the
    //! reference's expectation beside it.
    void settle_step(const std::string& label, const PeriodDef& p, const std::string& on,
                     bool dry_run);
};

} // namespace govpub::test::three_periods
