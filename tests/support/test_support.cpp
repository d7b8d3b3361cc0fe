// Throwaway folders and child processes for the tests.
#include "tests/support/test_support.hpp"

#include <unicode/ucnv.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace govpub::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
    std::random_device rd;
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto candidate = fs::temp_directory_path() / ("govpub-test-" + std::to_string(rd()));
        if (fs::create_directory(candidate)) {
            path_ = candidate;
            return;
        }
    }
    throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
}

fs::path source_dir() { return fs::path(GOVPUB_SOURCE_DIR); }

void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string sh_quote(const std::string& s) {
    std::string quoted = "'";
    for (char c : s) {
        if (c == '\'')
            quoted += "'\\''";
        else
            quoted += c;
    }
    return quoted + "'";
}

RunResult run_command(const std::string& command_line, const fs::path& cwd) {
    TempDir capture;
    auto out = capture / "out";
    auto err = capture / "err";
    std::string shell = "cd " + sh_quote(cwd.string()) + " && " + command_line + " >" +
                        sh_quote(out.string()) + " 2>" + sh_quote(err.string()) + " </dev/null";
    int raw = std::system(shell.c_str());
    RunResult result;
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    result.out = fs::exists(out) ? read_file(out) : "";
    result.err = fs::exists(err) ? read_file(err) : "";
    return result;
}

const char* const WORKBOOK_PROBE = R"PY(
import sys, zipfile, openpyxl
sys.stdout.reconfigure(encoding="utf-8")
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
print("sheets=" + "|".join(wb.sheetnames))
for ws in wb.worksheets:
    n = ws.title
    print(f"{n}.freeze={ws.freeze_panes}")
    print(f"{n}.autofilter={ws.auto_filter.ref}")
    print(f"{n}.orientation={ws.page_setup.orientation}")
    print(f"{n}.paper={ws.page_setup.paperSize}")
    h = ws.oddHeader
    print(f"{n}.header={h.left.text}|{h.center.text}|{h.right.text}")
    fit = ws.sheet_properties.pageSetUpPr
    print(f"{n}.fit={fit.fitToPage if fit else None}/{ws.page_setup.fitToWidth}/{ws.page_setup.fitToHeight}")
    print(f"{n}.titles={ws.print_title_rows}")
    print(f"{n}.merged=" + " ".join(sorted(str(r) for r in ws.merged_cells.ranges)))
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                print(f"{n}!{c.coordinate}={type(c.value).__name__}|{c.data_type}|{c.number_format}|{c.value}")
            if c.font.b:
                print(f"{n}!{c.coordinate}.bold=True")
names = zipfile.ZipFile(path).namelist()
print("charts=" + "|".join(sorted(p for p in names if p.startswith("xl/charts/chart"))))
)PY";

std::map<std::string, std::string> run_python_probe(const std::string& script, const fs::path& xlsx,
                                                    const TempDir& dir) {
    write_file(dir / "probe.py", script);
    const auto result = run_command(
        std::string(GOVPUB_PYTHON3) + " probe.py " + sh_quote(xlsx.string()), dir.path());
    if (result.status != 0)
        throw std::runtime_error("the python probe failed: " + result.err);
    std::map<std::string, std::string> seen;
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);) {
        const auto eq = line.find('=');
        if (eq != std::string::npos)
            seen[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return seen;
}

std::string to_big5(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(utf8.size() * 2 + 8, '\0');
    int32_t length =
        ucnv_convert("windows-950-2000", "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                     utf8.data(), static_cast<int32_t>(utf8.size()), &status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("cannot convert to Big5: ") + u_errorName(status));
    out.resize(static_cast<std::size_t>(length));
    return out;
}

std::optional<std::string> mysql_socket() {
    const char* socket = std::getenv("GOVPUB_TEST_MYSQL_SOCKET");
    if (!socket || !*socket || !fs::exists(socket))
        return std::nullopt;
    return std::string(socket);
}

std::optional<std::string> fresh_mysql_database() {
    auto socket = mysql_socket();
    if (!socket)
        return std::nullopt;
    static std::mt19937_64 random{std::random_device{}()};
    const std::string name = "govpub_" + std::to_string(random() % 1'000'000'000'000ULL);
    auto r = run_command("mariadb --no-defaults -S " + sh_quote(*socket) +
                             " -uroot -e \"CREATE DATABASE " + name +
                             " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin\"",
                         fs::temp_directory_path());
    if (r.status != 0)
        throw std::runtime_error("cannot create a MariaDB test database: " + r.err);
    return "mysql://root@localhost/" + name + "?socket=" + *socket;
}

std::string mysql_database_of(const std::string& url) {
    auto slash = url.rfind('/', url.find('?'));
    auto query = url.find('?');
    return url.substr(slash + 1, query == std::string::npos ? std::string::npos : query - slash - 1);
}

std::string mysql_query(const std::string& database, const std::string& query) {
    auto socket = mysql_socket();
    if (!socket)
        throw std::runtime_error("no MariaDB test server");
    TempDir dir;
    write_file(dir / "query.sql", "SET SESSION sql_mode = CONCAT(@@sql_mode, ',PIPES_AS_CONCAT');\n" +
                                      query + "\n");
    // run_command gives the child /dev/null as its input, so the client reads the file itself.
    auto r = run_command("mariadb --no-defaults -S " + sh_quote(*socket) + " -uroot -N -B " +
                             sh_quote(database) + " -e 'source query.sql'",
                         dir.path());
    if (r.status != 0)
        throw std::runtime_error("mariadb: " + r.err);
    std::string out = r.out;
    for (auto& c : out)
        if (c == '\t')
            c = '|';
    return out;
}

RunResult run_govpub(const std::string& args, const fs::path& cwd) {
    return run_command(sh_quote(GOVPUB_BINARY) + " " + args, cwd);
}

std::string govpub_command_line(const std::string& url, const fs::path& data_dir,
                                const std::string& args, const fs::path& config) {
    std::string line = "env";
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string variable = *e;
        if (variable.rfind("GOVPUB_", 0) == 0)
            line += " -u " + variable.substr(0, variable.find('='));
    }
    line += " GOVPUB_DATA_DIR=" + sh_quote(data_dir.string()) + " " + sh_quote(GOVPUB_BINARY);
    if (!config.empty())
        line += " --config " + sh_quote(config.string());
    return line + " --db " + sh_quote(url) + " " + args;
}

std::string database_query(const std::string& url, const std::string& query) {
    if (url.rfind("mysql://", 0) == 0)
        return mysql_query(mysql_database_of(url), query);
    TempDir dir;
    write_file(dir / "query.sql", query + "\n");
    auto r = run_command(
        "sqlite3 -readonly -bail " + sh_quote(url.substr(7)) + " '.read query.sql'", dir.path());
    if (r.status != 0)
        throw std::runtime_error("sqlite3 (apt-get install sqlite3): " + r.err);
    return r.out;
}

void database_change(const std::string& url, const std::string& statements) {
    if (url.rfind("mysql://", 0) == 0) {
        mysql_query(mysql_database_of(url), statements);
        return;
    }
    TempDir dir;
    write_file(dir / "change.sql", statements + "\n");
    auto r =
        run_command("sqlite3 -bail " + sh_quote(url.substr(7)) + " '.read change.sql'", dir.path());
    if (r.status != 0)
        throw std::runtime_error("sqlite3: " + r.err);
}

std::string import_demo(const std::function<RunResult(const std::string&)>& govpub,
                        const std::vector<std::string>& more) {
    std::vector<std::string> steps = {"agencies agencies.csv", "stores stores.csv",
                                      "contracts contracts.csv", "publications publications.csv"};
    steps.insert(steps.end(), more.begin(), more.end());
    const auto demo = source_dir() / "config" / "demo";
    for (const auto& step : steps) {
        const auto space = step.find(' ');
        auto r = govpub("import " + step.substr(0, space) + " " +
                        sh_quote((demo / step.substr(space + 1)).string()));
        if (r.status != 0)
            return step + ": exit " + std::to_string(r.status) + ": " + r.err;
    }
    return "";
}

BackendUrl::BackendUrl(const std::string& backend, const std::filesystem::path& dir) {
    if (backend != "mariadb") {
        url_ = "sqlite:" + (dir / "govpub.db").string();
        return;
    }
    if (auto fresh = fresh_mysql_database()) {
        url_ = *fresh;
        mysql_name_ = mysql_database_of(url_);
    }
}

BackendUrl::~BackendUrl() {
    if (mysql_name_.empty())
        return;
    try {
        mysql_query(mysql_name_, "DROP DATABASE " + mysql_name_ + ";");
    } catch (const std::exception&) {
        // The server is gone already (the fixture stopped it); nothing is left to drop.
    }
}

} // namespace govpub::test
