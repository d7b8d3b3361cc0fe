// Writing the scenario's input files as agencies and stores send them: CSV, Big5/CP950, XLSX.
#pragma once

#include "tests/scenario/three_periods_scenario.hpp"
#include "tests/support/test_support.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <utility>

namespace govpub::test::three_periods {

//! Runs `script args` in `dir` with Debian's python3 (openpyxl), printing UTF-8.
RunResult run_python(const std::filesystem::path& dir, const std::string& script,
                     const std::string& args);

//! Throws, with what the run printed, unless `r` exited with status 0.
void require(const RunResult& r, const std::string& what);

//! Writes the scenario's master data, consignment lists and sales files into one folder.
class InputFiles {
  public:
    explicit InputFiles(std::filesystem::path dir) : dir_(std::move(dir)) {}

    //! to_xlsx.py and to_cp950.py, which the writers below run.
    void write_scripts() const;
    //! agencies.csv, stores.csv, contracts.csv, publications.csv and the price change.
    void write_master_data() const;
    void write_consignment(const ConsList& list) const;
    //! Gives every line a transaction id unique per store and day, in the order written.
    void write_sales(const SalesFile& f);

  private:
    std::filesystem::path path(const std::string& name) const { return dir_ / name; }
    RunResult python(const std::string& script, const std::string& args) const {
        return run_python(dir_, script, args);
    }
    std::string txn(const Sale& s);

    std::filesystem::path dir_;
    std::map<std::string, int> txn_counter_;
};

} // namespace govpub::test::three_periods
