// The life of one uploaded file: identify, read and validate whole, store, archive, record.
#pragma once

#include "adapters/config/settings.hpp"
#include "adapters/db/database.hpp"
#include "adapters/import/column_map.hpp"
#include "adapters/import/input_error.hpp"
#include "adapters/import/table_reader.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace govpub::adapters::import {

//! Called now and then with (bytes done, bytes total) so a terminal can show progress.
using Progress = std::function<void(std::uint64_t, std::uint64_t)>;

struct ImportOptions {
    bool skip_invalid = false; //!< store the valid lines, write the rest to a rejects file
    std::string user = "unknown";
    std::string display_name; //!< the name the person knows the file by; default: its name
    Progress progress;
};

struct ImportSummary {
    std::string file;
    std::string kind;
    std::string format;
    std::string sha256;
    bool already_imported = false;
    std::string imported_at;
    std::size_t lines = 0;
    std::size_t accepted = 0;
    std::size_t rejected = 0;
    std::size_t warning_count = 0;
    std::vector<std::string> warnings; //!< described, in line order
    std::vector<LineIssue> issues;     //!< every rejected line with its reason
    std::vector<std::string> notes;    //!< what the kind counted, e.g. a feed's error buckets
    std::filesystem::path rejects_file;
    std::filesystem::path archived_as;
};

//! The file was refused whole: it names every bad line; nothing was stored.
class ImportRejected : public std::runtime_error {
  public:
    explicit ImportRejected(ImportSummary summary);
    const ImportSummary& summary() const { return summary_; }

  private:
    ImportSummary summary_;
};

//! What each kind of file adds to the common life cycle.
class RowSink {
  public:
    virtual ~RowSink();
    virtual std::string kind() const = 0;
    virtual std::vector<ColumnSpec> columns() const = 0;
    //! A header line to show when a file is empty.
    virtual std::string header_example() const = 0;
    //! Opens the file as a table; a kind with a layout of its own (附件一) overrides it.
    virtual std::unique_ptr<TableReader> open(const std::filesystem::path& file,
                                              const std::string& display_name);
    //! Checks across columns once the header is known (e.g. "gpn or isbn"); throws InputError.
    virtual void columns_found(const ColumnMap& /*columns*/, const std::string& /*file*/,
                               std::size_t /*header_line*/) {}
    //! Just before the transaction starts: creates what the import needs but must not create
    //! inside it (MySQL commits implicitly on most DDL, e.g. CREATE INDEX).
    virtual void prepare() {}
    //! Inside the transaction, once the import has its row in import_file.
    virtual void begin(const std::string& /*sha256*/) {}
    //! Validates one row. Problems go to `issues` (the row is then not stored); warnings to
    //! `warnings` (the row is stored).
    virtual void row(const TableRow& row, const ColumnMap& columns, std::vector<LineIssue>& issues,
                     std::vector<LineIssue>& warnings) = 0;
    //! After the last row: checks across rows and against stored data (duplicates).
    virtual void check(std::vector<LineIssue>& /*issues*/) {}
    //! Stores every accepted row; `rejected_lines` are left out (only with --skip-invalid).
    virtual void store(const std::set<std::size_t>& rejected_lines) = 0;
    //! After store(): lines for the summary, such as a feed's counts of unreadable values.
    virtual std::vector<std::string> notes() const { return {}; }
    //! After the transaction, committed or rolled back (also when prepare() failed): removes
    //! what prepare() made. Must not throw.
    virtual void finish() noexcept {}
};

//! Runs the whole life cycle for `file`; see SPEC §4.5. The same bytes twice are recognised
//! and change nothing. Throws ImportRejected (nothing stored) when a line is bad and
//! skip_invalid is off, InputError when the file itself cannot be read.
ImportSummary run_import(db::Database& db, const config::Settings& settings,
                         const std::filesystem::path& file, RowSink& sink,
                         const ImportOptions& options);

//! At most this many issues and warnings are kept in a summary for printing; counts and the
//! rejects file always cover all of them.
inline constexpr std::size_t KEPT_MESSAGES = 1000;

} // namespace govpub::adapters::import
