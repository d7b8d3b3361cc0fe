// The common import life cycle, in one transaction per file.
#include "adapters/import/import_run.hpp"

#include "adapters/config/clock.hpp"
#include "adapters/config/crash_point.hpp"
#include "adapters/import/file_store.hpp"

#include <algorithm>
#include <fstream>
#include <map>

namespace govpub::adapters::import {

namespace fs = std::filesystem;

RowSink::~RowSink() = default;

std::unique_ptr<TableReader> RowSink::open(const fs::path& file, const std::string& display_name) {
    return open_table(file, display_name, header_example());
}

namespace {

std::string summary_message(const ImportSummary& s) {
    std::string text = s.file + " was refused: " + std::to_string(s.rejected) + " of " +
                       std::to_string(s.lines) + " lines are invalid; nothing was stored";
    return text;
}

std::string csv_cell(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos)
        return value;
    std::string q = "\"";
    for (char c : value)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// The rejected lines again, as they came, with the reason beside them: fix and re-upload.
// A second pass over the file keeps memory flat; only the reasons are held.
fs::path write_rejects(const fs::path& file, const std::string& display, const ImportSummary& s,
                       const config::Settings& settings, RowSink& sink) {
    std::map<std::size_t, std::string> reasons;
    for (const auto& issue : s.issues) {
        auto& r = reasons[issue.line];
        r += (r.empty() ? "" : "; ") + describe("", issue);
    }
    fs::path folder = settings.data_dir / "rejects";
    fs::create_directories(folder);
    fs::path out = folder / (fs::path(display).stem().string() + "." + s.sha256.substr(0, 12) +
                             ".rejects.csv");
    std::ofstream csv(out, std::ios::binary);
    csv << "\xEF\xBB\xBF"; // a BOM so Excel opens the Chinese text as UTF-8
    auto reader = sink.open(file, display);
    for (const auto& h : reader->header())
        csv << csv_cell(h) << ",";
    csv << "line,reason\r\n";
    TableRow row;
    while (reader->next(row)) {
        auto it = reasons.find(row.line);
        if (it == reasons.end())
            continue;
        for (std::size_t i = 0; i < reader->header().size(); ++i)
            csv << csv_cell(i < row.cells.size() ? row.cells[i] : "") << ",";
        csv << row.line << "," << csv_cell(it->second) << "\r\n";
    }
    if (!csv)
        throw std::runtime_error("cannot write the rejects file " + out.string());
    return out;
}

// Calls RowSink::finish() on the way out, once the transaction has ended either way.
class FinishGuard {
  public:
    explicit FinishGuard(RowSink& sink) : sink_(sink) {}
    FinishGuard(const FinishGuard&) = delete;
    FinishGuard& operator=(const FinishGuard&) = delete;
    ~FinishGuard() { sink_.finish(); }

  private:
    RowSink& sink_;
};

//! Whether these bytes were imported before; fills `s` with when. The same bytes named as
//! another kind are a mistaken command (InputError).
bool known_already(soci::session& sql, ImportSummary& s) {
    soci::indicator ind = soci::i_null;
    std::string at;
    std::string kind;
    sql << "SELECT imported_at, kind FROM import_file WHERE sha256 = :h", soci::into(at, ind),
        soci::into(kind), soci::use(s.sha256);
    if (!sql.got_data() || ind != soci::i_ok)
        return false;
    if (kind != s.kind)
        throw InputError(s.file, 0, "", "",
                         "was already imported as " + kind + " on " + at + "; it is not a " +
                             s.kind + " file (check the KIND)");
    s.already_imported = true;
    s.imported_at = at;
    return true;
}

} // namespace

ImportRejected::ImportRejected(ImportSummary summary)
    : std::runtime_error(summary_message(summary)), summary_(std::move(summary)) {}

ImportSummary run_import(db::Database& db, const config::Settings& settings, const fs::path& file,
                         RowSink& sink, const ImportOptions& options) {
    ImportSummary s;
    s.file = options.display_name.empty() ? file.filename().string() : options.display_name;
    s.kind = sink.kind();
    if (!fs::exists(file))
        throw InputError(s.file, 0, "", "", "does not exist: check the path");
    s.sha256 = sha256_of_file(file);

    auto& sql = db.session();
    if (known_already(sql, s))
        return s;

    auto reader = sink.open(file, s.file);
    s.format = reader->format();
    ColumnMap columns(reader->header(), sink.columns(), s.file, reader->header_line());
    sink.columns_found(columns, s.file, reader->header_line());

    const FinishGuard finish(sink); // declared before the transaction: runs after its rollback
    sink.prepare();
    db::WriteTransaction tx(db);
    // Looked up again under the write lock: the same bytes sent twice at once are imported
    // by the first and recognised by the second.
    if (known_already(sql, s))
        return s;
    s.imported_at = config::utc_timestamp();
    std::string placeholder_path;
    int zero = 0;
    sql << "INSERT INTO import_file (sha256, kind, file_name, format, imported_by, imported_at, "
           "line_count, accepted, rejected, warnings, archive_path) VALUES (:h, :k, :f, :fmt, :u, "
           ":at, :z1, :z2, :z3, :z4, :p)",
        soci::use(s.sha256), soci::use(s.kind), soci::use(s.file), soci::use(s.format),
        soci::use(options.user), soci::use(s.imported_at), soci::use(zero), soci::use(zero),
        soci::use(zero), soci::use(zero), soci::use(placeholder_path);
    sink.begin(s.sha256);

    std::vector<LineIssue> issues;
    std::vector<LineIssue> warnings;
    std::size_t warning_count = 0;
    TableRow row;
    std::uint64_t next_report = 0;
    while (reader->next(row)) {
        ++s.lines;
        if (auto extra = columns.extra_cells(row))
            issues.push_back(*extra);
        else
            sink.row(row, columns, issues, warnings);
        warning_count += warnings.size();
        for (auto& w : warnings)
            if (s.warnings.size() < KEPT_MESSAGES)
                s.warnings.push_back(describe(s.file, w));
        warnings.clear();
        if (options.progress && reader->bytes_done() >= next_report) {
            options.progress(reader->bytes_done(), reader->bytes_total());
            next_report = reader->bytes_done() + (reader->bytes_total() / 200) + 1;
        }
    }
    if (options.progress)
        options.progress(reader->bytes_total(), reader->bytes_total());
    if (s.lines == 0)
        throw InputError(s.file, 0, "", "", "has a header but no data lines: nothing to import");
    sink.check(issues);
    std::stable_sort(issues.begin(), issues.end(),
                     [](const LineIssue& a, const LineIssue& b) { return a.line < b.line; });
    std::set<std::size_t> rejected_lines;
    for (const auto& issue : issues)
        rejected_lines.insert(issue.line);
    s.rejected = rejected_lines.size();
    s.accepted = s.lines - s.rejected;
    s.issues = std::move(issues);
    s.warning_count = warning_count;
    if (!s.issues.empty() && !options.skip_invalid)
        throw ImportRejected(std::move(s)); // the transaction rolls back on the way out

    sink.store(rejected_lines);
    config::crash_point("import.stored");
    s.notes = sink.notes();
    if (!s.issues.empty())
        s.rejects_file = write_rejects(file, s.file, s, settings, sink);
    // Archive before acknowledging: once the import commits, its bytes are on disk.
    s.archived_as = archive_file(file, settings.archive_dir(), s.sha256);
    config::crash_point("import.archived");
    long long lines = static_cast<long long>(s.lines),
              accepted = static_cast<long long>(s.accepted),
              rejected = static_cast<long long>(s.rejected),
              warned = static_cast<long long>(warning_count);
    std::string archived = s.archived_as.string();
    sql << "UPDATE import_file SET line_count = :l, accepted = :a, rejected = :r, warnings = :w, "
           "archive_path = :p WHERE sha256 = :h",
        soci::use(lines), soci::use(accepted), soci::use(rejected), soci::use(warned),
        soci::use(archived), soci::use(s.sha256);
    config::crash_point("import.before_commit");
    tx.commit();
    config::crash_point("import.committed");
    if (s.issues.size() > KEPT_MESSAGES)
        s.issues.resize(KEPT_MESSAGES);
    return s;
}

} // namespace govpub::adapters::import
