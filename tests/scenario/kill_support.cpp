// Child processes that can be killed, throwaway worlds on both backends, and their outcomes.
#include "tests/scenario/kill_support.hpp"

#include "adapters/import/file_store.hpp"
#include "tests/support/test_support.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace govpub::test {

namespace fs = std::filesystem;

namespace {

// Byte for byte the same workbook, but for the time it was written (a cell of the cover
// sheet and docProps/core.xml); a zip that does not read is "broken: …".
const char* const WORKBOOK_FINGERPRINT = R"PY(
import hashlib, re, sys, zipfile
try:
    z = zipfile.ZipFile(sys.argv[1])
    print("testzip=" + str(z.testzip()))
    stamp = re.compile(rb"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?Z?")
    for name in sorted(z.namelist()):
        print(name + " " + hashlib.sha256(stamp.sub(b"<time>", z.read(name))).hexdigest())
except Exception as e:
    print("broken: " + repr(e))
)PY";

// The business tables: what an import or a settlement writes. Not the job tables, which
// rightly keep the dead attempt; not the ids (InnoDB never gives back the AUTO_INCREMENT
// values a rolled-back insert took) nor the timestamps of the run.
const char* const BUSINESS_ROWS =
    "SELECT '== import_file';\n"
    "SELECT sha256, kind, file_name, format, imported_by, line_count, accepted, rejected, "
    "warnings, archive_path FROM import_file ORDER BY sha256;\n"
    "SELECT '== sale';\n"
    "SELECT store, sale_date, gpn, quantity, catalogue_list_price, stated_list_price, sale_price, "
    "txn_id, import_sha256, line_no, settled_period FROM sale ORDER BY import_sha256, line_no;\n"
    "SELECT '== consignment';\n"
    "SELECT list_no, agency, store, supply_date, shipping_payer, import_sha256 FROM consignment "
    "ORDER BY agency, store, list_no;\n"
    "SELECT '== consignment_line';\n"
    "SELECT c.agency, c.store, c.list_no, l.line_no, l.gpn, l.list_price, l.quantity, l.sample "
    "FROM consignment_line l JOIN consignment c ON c.id = l.consignment_id "
    "ORDER BY c.agency, c.store, c.list_no, l.line_no;\n"
    "SELECT '== sample_register';\n"
    "SELECT r.store, r.gpn, c.list_no FROM sample_register r JOIN consignment c ON c.id = "
    "r.consignment_id ORDER BY r.store, r.gpn;\n"
    "SELECT '== settlement';\n"
    "SELECT period, period_from, period_to, settled_on, result_json FROM settlement "
    "ORDER BY period;\n"
    "SELECT '== statement';\n"
    "SELECT * FROM statement ORDER BY period, store, agency;\n"
    "SELECT '== statement_line';\n"
    "SELECT * FROM statement_line ORDER BY period, store, agency, line_no;\n";

const char* const SALE_TOTALS =
    "SELECT COUNT(*), COALESCE(SUM(quantity), 0), COALESCE(SUM(quantity * catalogue_list_price), "
    "0), COUNT(settled_period) FROM sale;";

std::string replace_all(std::string text, const std::string& what, const std::string& with) {
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
        text.replace(at, what.size(), with);
    return text;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
    std::vector<char*> pointers;
    for (auto& s : strings)
        pointers.push_back(s.data());
    pointers.push_back(nullptr);
    return pointers;
}

} // namespace

Child::Child(const std::vector<std::string>& argv, const std::vector<std::string>& env,
             const fs::path& cwd, const fs::path& capture)
    : out_(capture.string() + ".out"), err_(capture.string() + ".err") {
    // Everything the child touches is made before fork: after it, only async-signal-safe calls.
    std::vector<std::string> args = argv, vars = env;
    auto arg_pointers = c_strings(args);
    auto env_pointers = c_strings(vars);
    const std::string dir = cwd.string(), out = out_.string(), err = err_.string();
    pid_ = ::fork();
    if (pid_ < 0)
        throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        const int in_fd = ::open("/dev/null", O_RDONLY);
        const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (::chdir(dir.c_str()) != 0 || in_fd < 0 || out_fd < 0 || err_fd < 0 ||
            ::dup2(in_fd, 0) < 0 || ::dup2(out_fd, 1) < 0 || ::dup2(err_fd, 2) < 0)
            ::_exit(126);
        ::execve(arg_pointers[0], arg_pointers.data(), env_pointers.data());
        ::_exit(127);
    }
}

Child::~Child() {
    if (pid_ <= 0)
        return;
    ::kill(pid_, SIGKILL);
    int ignored = 0;
    while (::waitpid(pid_, &ignored, 0) < 0 && errno == EINTR) {
    }
}

void Child::kill() const {
    if (pid_ > 0)
        ::kill(pid_, SIGKILL); // a child that has already exited is a zombie: still ours
}

Ending Child::wait() {
    if (pid_ <= 0)
        throw std::logic_error("this child was already waited for");
    int raw = 0;
    while (::waitpid(pid_, &raw, 0) < 0)
        if (errno != EINTR)
            throw std::runtime_error("waitpid failed");
    return collect(raw);
}

std::optional<Ending> Child::poll() {
    if (pid_ <= 0)
        throw std::logic_error("this child was already waited for");
    int raw = 0;
    const pid_t done = ::waitpid(pid_, &raw, WNOHANG);
    if (done == 0 || (done < 0 && errno == EINTR))
        return std::nullopt;
    if (done < 0)
        throw std::runtime_error("waitpid failed");
    return collect(raw);
}

Ending Child::collect(int raw) {
    pid_ = -1;
    Ending e;
    if (WIFSIGNALED(raw)) {
        e.signal = WTERMSIG(raw);
        e.killed = e.signal == SIGKILL;
    } else if (WIFEXITED(raw)) {
        e.status = WEXITSTATUS(raw);
    }
    e.out = fs::exists(out_) ? read_file(out_) : "";
    e.err = fs::exists(err_) ? read_file(err_) : "";
    return e;
}

World::World(const std::string& backend, const fs::path& folder)
    : backend_(backend), folder_(folder), data_(folder / "data") {
    fs::create_directories(folder_);
    if (backend_ == "mariadb") {
        auto url = fresh_mysql_database();
        if (!url)
            throw std::runtime_error("no MariaDB test server (run through ctest)");
        url_ = *url;
    } else {
        url_ = "sqlite:" + (folder_ / "govpub.db").string();
    }
    auto init = run({"init"});
    if (init.status != 0)
        throw std::runtime_error("govpub init failed: " + init.err);
    for (const char* kind : {"agencies", "stores", "contracts", "publications"}) {
        auto r = run({"import", kind, (source_dir() / "config/demo" / kind).string() + ".csv"});
        if (r.status != 0)
            throw std::runtime_error(std::string("import ") + kind + " failed: " + r.err);
    }
}

World::World(const World& from, const fs::path& folder)
    : backend_(from.backend_), folder_(folder), data_(folder / "data") {
    fs::create_directories(folder_);
    if (fs::exists(from.data_))
        fs::copy(from.data_, data_, fs::copy_options::recursive);
    if (backend_ == "sqlite") {
        url_ = "sqlite:" + (folder_ / "govpub.db").string();
        for (const char* suffix : {"", "-wal"}) // no -wal once the last govpub has closed it
            if (fs::exists(from.url_.substr(7) + suffix))
                fs::copy_file(from.url_.substr(7) + suffix, url_.substr(7) + suffix);
        return;
    }
    auto url = fresh_mysql_database();
    if (!url)
        throw std::runtime_error("no MariaDB test server (run through ctest)");
    url_ = *url;
    auto init = run({"init"});
    if (init.status != 0)
        throw std::runtime_error("govpub init failed: " + init.err);
    std::string copy = "SET FOREIGN_KEY_CHECKS = 0;\n";
    std::istringstream tables(from.sql("SHOW TABLES;"));
    for (std::string table; std::getline(tables, table);)
        if (table != "schema_migration")
            copy += "INSERT INTO " + table + " SELECT * FROM " + mysql_database_of(from.url_) +
                    "." + table + ";\n";
    sql(copy);
}

Child World::start(const std::vector<std::string>& args, const std::string& crash_at) {
    std::vector<std::string> argv{GOVPUB_BINARY, "--db", url_};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e)
        if (std::string_view(*e).rfind("GOVPUB_", 0) != 0)
            env.emplace_back(*e);
    env.push_back("GOVPUB_DATA_DIR=" + data_.string());
    if (!crash_at.empty())
        env.push_back("GOVPUB_CRASH_AT=" + crash_at);
    return Child(argv, env, folder_, folder_ / ("run" + std::to_string(++runs_)));
}

Ending World::run(const std::vector<std::string>& args, const std::string& crash_at) {
    return start(args, crash_at).wait();
}

std::string World::sql(const std::string& query) const { return database_query(url_, query); }

void World::wait_for_server() const {
    if (backend_ != "mariadb")
        return;
    const std::string others = "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '" +
                               mysql_database_of(url_) + "' AND ID <> CONNECTION_ID();";
    for (int i = 0; i < 200 && sql(others) != "0\n"; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

fs::path World::workbook() const { return data_ / "reports" / "settlement_2026H1.xlsx"; }

Outcome World::outcome() const {
    Outcome o;
    o.totals = sql(SALE_TOTALS);
    o.tables = replace_all(sql(BUSINESS_ROWS), data_.string(), "DATA");
    if (fs::exists(data_))
        for (const auto& e : fs::recursive_directory_iterator(data_))
            o.files.push_back(fs::relative(e.path(), data_).string());
    std::sort(o.files.begin(), o.files.end());
    if (fs::exists(workbook())) {
        write_file(folder_ / "fingerprint.py", WORKBOOK_FINGERPRINT);
        auto r = run_command(
            sh_quote(GOVPUB_PYTHON3) + " fingerprint.py " + sh_quote(workbook().string()), folder_);
        o.workbook = r.status == 0 ? r.out : "python3 failed: " + r.err;
    }
    return o;
}

std::string sales_csv(std::size_t lines, const std::string& tag) {
    // The GPNs of A001, A002, A004 and A005, the agencies with a contract at S01.
    static const char* const gpns[] = {
        "1011402815", "1011402812", "1011300243", "1011402616", "1011400890", "1011500551",
        "1011302730", "1011402336", "1011401985", "1011302705", "2009500013", "1011401207",
        "1011301924", "1011400967", "1011501397", "2007200282", "2007200108", "1011301432",
        "1011402636", "1011402170", "1011402259", "1011502010"};
    constexpr std::size_t n_gpns = sizeof gpns / sizeof gpns[0];
    // 2025-12-01 … 2026-05-31: 182 days, the lines spread over them in date order.
    static const int month_days[] = {31, 31, 28, 31, 30, 31};
    static const char* const months[] = {"2025-12", "2026-01", "2026-02",
                                         "2026-03", "2026-04", "2026-05"};
    std::ostringstream csv;
    csv << "store,sale_date,gpn,isbn,title,quantity,list_price,sale_price,txn_id\n";
    for (std::size_t i = 0; i < lines; ++i) {
        int day = static_cast<int>(i * 182 / lines), m = 0;
        while (day >= month_days[m])
            day -= month_days[m++];
        const int quantity = i % 25 == 7 ? -1 : 1 + static_cast<int>(i * 7 % 3);
        const std::string number = std::to_string(i + 1);
        csv << "S01," << months[m] << (day < 9 ? "-0" : "-") << day + 1 << ","
            << gpns[(i * 11 + i / 97) % n_gpns] << ",,x," << quantity << ",,,S01-" << tag << "-"
            << std::string(number.size() < 6 ? 6 - number.size() : 0, '0') << number << "\n";
    }
    return csv.str();
}

void expect_same_outcome(const Outcome& got, const Outcome& want) {
    EXPECT_EQ(got.totals, want.totals) << "sale lines (count|quantity|list value|settled)";
    if (got.tables != want.tables) {
        std::istringstream a(got.tables), b(want.tables);
        std::string la, lb;
        std::size_t line = 0;
        std::string where = "the end";
        while (true) {
            const bool more_a = static_cast<bool>(std::getline(a, la));
            const bool more_b = static_cast<bool>(std::getline(b, lb));
            ++line;
            if (!more_a && !more_b)
                break;
            if (!more_a || !more_b || la != lb) {
                where = "line " + std::to_string(line) + ": got \"" + (more_a ? la : "(end)") +
                        "\", want \"" + (more_b ? lb : "(end)") + "\"";
                break;
            }
        }
        ADD_FAILURE() << "the business rows differ from the run that was never killed, first at "
                      << where;
    }
    std::vector<std::string> extra, missing;
    std::set_difference(got.files.begin(), got.files.end(), want.files.begin(), want.files.end(),
                        std::back_inserter(extra));
    std::set_difference(want.files.begin(), want.files.end(), got.files.begin(), got.files.end(),
                        std::back_inserter(missing));
    auto list = [](const std::vector<std::string>& names) {
        std::string text;
        for (const auto& n : names)
            text += (text.empty() ? "" : ", ") + n;
        return text.empty() ? std::string("none") : text;
    };
    EXPECT_TRUE(extra.empty() && missing.empty())
        << "the data folder differs from the run that was never killed; left over: " << list(extra)
        << "; missing: " << list(missing);
    EXPECT_EQ(got.workbook, want.workbook) << "the settlement workbook differs";
    if (!want.workbook.empty()) {
        EXPECT_EQ(got.workbook.rfind("testzip=None\n", 0), 0U) << got.workbook;
    }
}

std::string period_rows(const World& w) {
    return w.sql("SELECT COUNT(*) FROM settlement; SELECT COUNT(*) FROM statement; "
                 "SELECT COUNT(*) FROM statement_line; "
                 "SELECT COUNT(*) FROM sale WHERE settled_period IS NOT NULL;");
}

void expect_file_whole_or_absent(const World& w, std::size_t lines, std::optional<bool> committed) {
    const std::string none = "0\n0\n", whole = "1\n" + std::to_string(lines) + "\n";
    const std::string got = w.sql("SELECT COUNT(*) FROM import_file WHERE kind = 'sales'; "
                                  "SELECT COUNT(*) FROM sale;");
    if (committed) {
        EXPECT_EQ(got, *committed ? whole : none) << "import_file rows, sale rows";
    } else {
        EXPECT_TRUE(got == none || got == whole) << "import_file rows, sale rows:\n" << got;
    }
}

void expect_period_whole_or_open(const World& w, const std::string& closed) {
    const std::string got = period_rows(w);
    EXPECT_TRUE(got == "0\n0\n0\n0\n" || got == closed)
        << "settlement, statement, statement_line, settled sale rows:\n"
        << got << "whole:\n"
        << closed;
}

void expect_job_history(World& w, std::size_t abandoned) {
    std::string executions;
    for (std::size_t i = 0; i < abandoned; ++i)
        executions += "abandoned\n";
    EXPECT_EQ(w.sql("SELECT status FROM job_execution ORDER BY id;"), executions + "completed\n");
    EXPECT_EQ(w.sql("SELECT job, job_key, status, steps_done FROM job_instance;"),
              "settle|period=2026H1|completed|4\n");
    auto status = w.run({"jobs", "status"});
    EXPECT_EQ(status.status, 0) << status.err;
    auto count = [&](const std::string& what) {
        std::size_t n = 0;
        for (auto at = status.out.find(what); at != std::string::npos;
             at = status.out.find(what, at + 1))
            ++n;
        return n;
    };
    EXPECT_EQ(count("settle period=2026H1  abandoned"), abandoned) << status.out;
    EXPECT_EQ(count("settle period=2026H1  completed"), 1U) << status.out;
}

std::string expect_import_recovers(World& w, const Ending& ended,
                                   const std::vector<std::string>& args, std::size_t lines,
                                   const Outcome& want) {
    const std::string sha = adapters::import::sha256_of_file(args.back());
    w.wait_for_server();
    std::string state = "had finished";
    if (!ended.killed) {
        EXPECT_EQ(ended.status, 0) << ended.err;
    } else if (w.sql("SELECT COUNT(*) FROM import_file WHERE kind = 'sales';") == "1\n") {
        state = "committed";
    } else if (fs::exists(w.data() / "archive" / sha.substr(0, 2) / sha)) {
        state = "archived, not committed";
    } else {
        state = "nothing stored";
    }
    EXPECT_NO_FATAL_FAILURE(expect_file_whole_or_absent(w, lines));
    auto again = w.run(args);
    EXPECT_EQ(again.status, 0) << again.err;
    EXPECT_NO_FATAL_FAILURE(expect_same_outcome(w.outcome(), want));
    return state;
}

std::string expect_settle_recovers(World& w, const Ending& ended, const Reference& ref) {
    w.wait_for_server();
    const std::string job = w.sql("SELECT status, steps_done FROM job_instance;");
    const bool completed = job == "completed|4\n";
    const bool dead =
        w.sql("SELECT COUNT(*) FROM job_execution WHERE status = 'running';") == "1\n";
    const fs::path tmp = w.workbook().string() + ".tmp";
    std::string state = "had finished";
    if (!ended.killed) {
        EXPECT_EQ(ended.status, 0) << ended.err;
    } else {
        state = job.empty()                ? "before the claim"
                : completed                ? "completed, not exited"
                : job == "running|0\n"     ? "claimed, period open"
                : job == "running|2\n"     ? "workbook checkpointed"
                : job == "running|3\n"     ? "notices queued, not sent"
                : fs::exists(tmp)          ? "closed, workbook half-written"
                : fs::exists(w.workbook()) ? "closed, workbook not checkpointed"
                                           : "closed, workbook not begun";
    }
    EXPECT_NO_FATAL_FAILURE(expect_period_whole_or_open(w, ref.period_rows));
    auto again = w.run(SETTLE);
    EXPECT_EQ(again.status, completed ? 1 : 0) << again.err;
    if (completed) {
        EXPECT_THAT(again.err, ::testing::HasSubstr("has already completed"));
    } else if (dead) {
        EXPECT_THAT(again.err, ::testing::HasSubstr("took over from execution"));
    }
    EXPECT_EQ(again.out, ref.printed.out) << "the settlement JSON";
    EXPECT_NO_FATAL_FAILURE(expect_same_outcome(w.outcome(), ref.outcome));
    EXPECT_NO_FATAL_FAILURE(expect_job_history(w, dead ? 1 : 0));
    return state;
}

} // namespace govpub::test
