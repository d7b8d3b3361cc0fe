// Helpers shared by the tests: throwaway folders, the repository's paths, running govpub.
#pragma once

#include <filesystem>
#include <string>

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

//! Runs the built govpub binary with `args` (a shell-quoted string), in `cwd`.
RunResult run_govpub(const std::string& args, const std::filesystem::path& cwd);

//! Runs any shell command line; used for Debian's python3 with openpyxl.
RunResult run_command(const std::string& command_line, const std::filesystem::path& cwd);

} // namespace govpub::test
