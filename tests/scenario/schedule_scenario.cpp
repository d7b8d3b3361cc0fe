// The scheduler scenarios' database, settings and demo data.
#include "tests/scenario/schedule_scenario.hpp"

#include <fstream>
#include <regex>
#include <sstream>

namespace govpub::test {

namespace fs = std::filesystem;

const char* const FULL_SCHEDULE = "settle = half-yearly 02:00\nreconcile = monthly 1 03:00\n"
                                  "deadlines = daily 06:00\ndepository = quarterly 1 04:00\n";

void ScheduleScenario::SetUp() {
    url_ = "sqlite:" + (dir_ / "govpub.db").string();
    if (GetParam() == "mariadb") {
        auto url = fresh_mysql_database();
        if (!url)
            GTEST_SKIP() << "no MariaDB test server (run through ctest)";
        url_ = *url;
    }
    write_settings(FULL_SCHEDULE);
    auto init = govpub("init");
    ASSERT_EQ(init.status, 0) << init.err;
}

void ScheduleScenario::write_settings(const std::string& schedule) {
    write_file(dir_ / "govpub.ini",
               "[calendar]\nholidays = " + (source_dir() / "config/holidays.csv").string() +
                   "\n[settlement]\nperiod_end_months = 5,11\nrun_day = 10\n"
                   "payment_days = 30\n[schedule]\n" +
                   schedule);
}

RunResult ScheduleScenario::govpub(const std::string& args) {
    return run_command(govpub_command_line(url_, data_, args, dir_ / "govpub.ini"), dir_.path());
}

RunResult ScheduleScenario::run_due(const std::string& now) {
    return govpub("jobs run-due --allow-future --now " + sh_quote(now) + " --json");
}

std::string ScheduleScenario::sql(const std::string& query) { return database_query(url_, query); }

void ScheduleScenario::change(const std::string& statements) { database_change(url_, statements); }

std::string ScheduleScenario::sql_utc_now() const {
    return GetParam() == "mariadb" ? "DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%dT%H:%i:%sZ')"
                                   : "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";
}

std::string ScheduleScenario::job_repository() {
    return sql("SELECT * FROM job_instance ORDER BY id; SELECT * FROM job_execution ORDER BY id; "
               "SELECT * FROM job_schedule ORDER BY job;");
}

void ScheduleScenario::load_demo(const std::string& from, const std::string& to) {
    const fs::path demo = source_dir() / "config" / "demo";
    std::ifstream steps(demo / "steps.txt");
    ASSERT_TRUE(steps) << "config/demo/steps.txt";
    bool on = from.empty();
    int ran = 0;
    for (std::string line; std::getline(steps, line);) {
        if (!on) {
            on = line.rfind(from, 0) == 0;
            continue;
        }
        if (line.rfind(to, 0) == 0)
            break;
        if (line.rfind("import ", 0) != 0)
            continue;
        std::istringstream words(line);
        std::string args;
        for (std::string w; words >> w;) {
            args += ' ';
            args += fs::exists(demo / w) ? sh_quote((demo / w).string()) : w;
        }
        auto r = govpub(args);
        ASSERT_EQ(r.status, 0) << line << ": " << r.err;
        ++ran;
    }
    EXPECT_GT(ran, 0) << "no import lines between '" << from << "' and '" << to << "'";
}

std::string results_of(const std::string& json) {
    static const std::regex run(R"re(\{"job":"([^"]*)","key":"([^"]*)","scheduled_for":"[^"]*",)re"
                                R"re("result":"([^"]*)","resumed_at_step":(\d+),)re");
    std::string lines;
    for (std::sregex_iterator it(json.begin(), json.end(), run), end; it != end; ++it) {
        const auto& m = *it;
        lines += m[1].str() + " " + m[2].str() + " " + m[3].str();
        if (m[4].str() != "1")
            lines += " (resumed at step " + m[4].str() + ")";
        lines += "\n";
    }
    return lines;
}

} // namespace govpub::test
