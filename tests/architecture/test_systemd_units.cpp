// The shipped systemd timers (config/systemd/, SPEC §5.6) wake `govpub jobs run-due` at the
// times of config/govpub.ini [schedule]. The two are written by hand, so this checks that they
// agree: change one side only and it fails, naming the OnCalendar line the ini asks for.
#include "tests/support/test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string::npos)
        return "";
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

//! Section → key → values, from an INI file (`key = value`) or a systemd unit (`Key=value`);
//! a unit key may repeat, so every value is kept. Lines starting with ; or # are comments.
using Sections = std::map<std::string, std::map<std::string, std::vector<std::string>>>;

Sections read_sections(const fs::path& file) {
    std::ifstream in(file);
    Sections sections;
    std::string section, line;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty() || line[0] == ';' || line[0] == '#')
            continue;
        if (line.front() == '[' && line.back() == ']') {
            section = line.substr(1, line.size() - 2);
            sections[section];
            continue;
        }
        const auto eq = line.find('=');
        if (eq != std::string::npos)
            sections[section][trim(line.substr(0, eq))].push_back(trim(line.substr(eq + 1)));
    }
    return sections;
}

std::string only(const Sections& s, const std::string& section, const std::string& key) {
    auto sec = s.find(section);
    if (sec == s.end())
        return "<no [" + section + "]>";
    auto it = sec->second.find(key);
    if (it == sec->second.end())
        return "<no " + key + ">";
    if (it->second.size() != 1)
        return "<" + std::to_string(it->second.size()) + " " + key + " lines>";
    return it->second.front();
}

//! When something happens in a year: months and days of the month (empty: every one) and the
//! time of day in minutes. Both sides are read into this, so `*-06,12-10 02:00:00` and
//! `*-6,12-10 2:00` are the same.
struct When {
    std::set<int> months;
    std::set<int> days;
    int minutes = -1;
    bool operator==(const When&) const = default;
};

std::string text(const When& w) {
    auto list = [](const std::set<int>& v) {
        if (v.empty())
            return std::string("*");
        std::string s;
        for (int n : v)
            s += (s.empty() ? "" : ",") + std::string(n >= 0 && n < 10 ? "0" : "") +
                 std::to_string(n);
        return s;
    };
    auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
    return "*-" + list(w.months) + "-" + list(w.days) + " " + two(w.minutes / 60) + ":" +
           two(w.minutes % 60) + ":00";
}

//! How GoogleTest shows a When in a failure: as the OnCalendar line it stands for.
void PrintTo(const When& w, std::ostream* os) { *os << text(w); }

//! "06:00" or "06:00:00" → 360; anything else -1.
int clock_minutes(const std::string& s) {
    int h = -1, m = -1, sec = 0;
    char c1 = 0, c2 = 0;
    std::istringstream in(s);
    in >> h >> c1 >> m;
    if (!in || c1 != ':')
        return -1;
    if (in >> c2 && (c2 != ':' || !(in >> sec) || sec != 0))
        return -1;
    if (h < 0 || h > 23 || m < 0 || m > 59)
        return -1;
    return h * 60 + m;
}

//! "*" → {}, "06,12" → {6, 12}; a range or a step is not understood ({-1}).
std::set<int> number_list(const std::string& s) {
    if (s == "*")
        return {};
    std::set<int> out;
    std::istringstream in(s);
    std::string item;
    while (std::getline(in, item, ','))
        out.insert(!item.empty() && item.find_first_not_of("0123456789") == std::string::npos
                       ? std::stoi(item)
                       : -1);
    return out;
}

//! An OnCalendar value of the form `*-MONTHS-DAYS HH:MM[:SS] [TIME ZONE]` (no weekday, every
//! year); a time zone such as Asia/Taipei is allowed and not compared.
When from_on_calendar(const std::string& value) {
    When w;
    std::istringstream in(value);
    std::string date, clock, zone, extra;
    in >> date >> clock >> zone >> extra;
    const auto d1 = date.find('-'), d2 = date.find('-', d1 == std::string::npos ? 0 : d1 + 1);
    if (!extra.empty() || d1 == std::string::npos || d2 == std::string::npos ||
        date.substr(0, d1) != "*")
        return w;
    w.months = number_list(date.substr(d1 + 1, d2 - d1 - 1));
    w.days = number_list(date.substr(d2 + 1));
    w.minutes = clock_minutes(clock);
    return w;
}

//! A [schedule] line as config/govpub.ini and jobs/schedule.cpp define it: daily HH:MM,
//! monthly DAY HH:MM, quarterly DAY HH:MM (January, April, July, October), half-yearly HH:MM
//! (the settlement run day of the months after each period end).
When from_schedule(const std::string& value, const std::string& period_end_months,
                   const std::string& run_day) {
    When w;
    std::istringstream in(value);
    std::string word, a, b;
    in >> word >> a >> b;
    if (word == "daily") {
        w.minutes = clock_minutes(a);
    } else if (word == "monthly") {
        w.days = number_list(a);
        w.minutes = clock_minutes(b);
    } else if (word == "quarterly") {
        w.months = {1, 4, 7, 10};
        w.days = number_list(a);
        w.minutes = clock_minutes(b);
    } else if (word == "half-yearly") {
        for (int end : number_list(period_end_months))
            w.months.insert(end % 12 + 1);
        w.days = number_list(run_day);
        w.minutes = clock_minutes(a);
    }
    return w;
}

const fs::path& units_dir() {
    static const fs::path dir = govpub::test::source_dir() / "config" / "systemd";
    return dir;
}

Sections ini() { return read_sections(govpub::test::source_dir() / "config" / "govpub.ini"); }

//! The jobs on the schedule (an empty value takes a job off it).
std::map<std::string, std::string> schedule_lines(const Sections& conf) {
    std::map<std::string, std::string> jobs;
    if (auto it = conf.find("schedule"); it != conf.end())
        for (const auto& [job, values] : it->second)
            if (!values.empty() && !values.back().empty())
                jobs[job] = values.back();
    return jobs;
}

// The reading itself must work, or every comparison below could agree on nothing.
TEST(SystemdUnits, ScheduleAndCalendarFormsAreRead) {
    When settle = from_schedule("half-yearly 02:00", "5,11", "10");
    EXPECT_EQ(text(settle), "*-06,12-10 02:00:00");
    EXPECT_EQ(settle, from_on_calendar("*-06,12-10 02:00:00"));
    EXPECT_EQ(settle, from_on_calendar("*-6,12-10 2:00"));
    EXPECT_EQ(from_schedule("daily 06:00", "", ""), from_on_calendar("*-*-* 06:00:00"));
    EXPECT_EQ(from_schedule("monthly 1 03:00", "", ""), from_on_calendar("*-*-01 03:00:00"));
    EXPECT_EQ(from_schedule("quarterly 1 04:00", "", ""),
              from_on_calendar("*-01,04,07,10-01 04:00:00"));
    // What differs is seen to differ: the hour, the day, the months.
    EXPECT_NE(from_schedule("daily 06:00", "", ""), from_on_calendar("*-*-* 07:00:00"));
    EXPECT_NE(from_schedule("monthly 1 03:00", "", ""), from_on_calendar("*-*-02 03:00:00"));
    EXPECT_NE(from_schedule("half-yearly 02:00", "6,12", "10"),
              from_on_calendar("*-06,12-10 02:00:00"));
    EXPECT_EQ(from_on_calendar("*-*-* 06:00:00 Asia/Taipei"), from_on_calendar("*-*-* 06:00"));
    EXPECT_EQ(from_on_calendar("Mon *-*-* 06:00:00").minutes, -1);
}

TEST(SystemdUnits, EveryScheduledJobHasATimerAtItsTimes) {
    const Sections conf = ini();
    const auto jobs = schedule_lines(conf);
    ASSERT_FALSE(jobs.empty()) << "config/govpub.ini has no [schedule] lines";
    const std::string ends = only(conf, "settlement", "period_end_months");
    const std::string run_day = only(conf, "settlement", "run_day");
    for (const auto& [job, line] : jobs) {
        SCOPED_TRACE("schedule." + job + " = " + line);
        const fs::path timer = units_dir() / ("govpub-" + job + ".timer");
        ASSERT_TRUE(fs::exists(timer)) << timer << " is missing";
        const Sections unit = read_sections(timer);
        const When wanted = from_schedule(line, ends, run_day);
        ASSERT_GE(wanted.minutes, 0) << "this test cannot read the [schedule] line";
        const std::string on_calendar = only(unit, "Timer", "OnCalendar");
        EXPECT_EQ(from_on_calendar(on_calendar), wanted)
            << timer.filename().string() << " has OnCalendar=" << on_calendar
            << "; config/govpub.ini asks for OnCalendar=" << text(wanted);
        EXPECT_EQ(only(unit, "Timer", "Persistent"), "true") << timer.filename().string();
        EXPECT_EQ(only(unit, "Timer", "Unit"), "govpub-jobs.service") << timer.filename().string();
        EXPECT_EQ(only(unit, "Install", "WantedBy"), "timers.target") << timer.filename().string();
    }
}

TEST(SystemdUnits, EveryTimerBelongsToAScheduledJob) {
    const auto jobs = schedule_lines(ini());
    std::vector<std::string> timers;
    for (const auto& entry : fs::directory_iterator(units_dir()))
        if (entry.path().extension() == ".timer")
            timers.push_back(entry.path().filename().string());
    EXPECT_EQ(timers.size(), jobs.size()) << "one timer per [schedule] line of config/govpub.ini";
    for (const auto& name : timers) {
        const std::string job = name.rfind("govpub-", 0) == 0
                                    ? name.substr(7, name.size() - 7 - std::string(".timer").size())
                                    : name;
        EXPECT_TRUE(jobs.count(job)) << name << " wakes a job that config/govpub.ini [schedule] "
                                     << "does not have (or has taken off it)";
    }
}

TEST(SystemdUnits, TheServiceRunsRunDueOnceAsGovpub) {
    const Sections unit = read_sections(units_dir() / "govpub-jobs.service");
    EXPECT_EQ(only(unit, "Service", "Type"), "oneshot");
    EXPECT_EQ(only(unit, "Service", "User"), "govpub");
    EXPECT_EQ(only(unit, "Service", "WorkingDirectory"), "/var/lib/govpub");
    EXPECT_EQ(only(unit, "Service", "EnvironmentFile"), "-/etc/govpub/env");
    const std::string exec = only(unit, "Service", "ExecStart");
    EXPECT_NE(exec.find("govpub"), std::string::npos) << exec;
    EXPECT_TRUE(exec.size() >= 12 && exec.compare(exec.size() - 12, 12, "jobs run-due") == 0)
        << "ExecStart must end in `jobs run-due`: " << exec;
    EXPECT_EQ(only(unit, "Service", "NoNewPrivileges"), "yes");
    EXPECT_EQ(only(unit, "Service", "ProtectSystem"), "strict");
    EXPECT_EQ(only(unit, "Service", "ReadWritePaths"), "/var/lib/govpub");
    EXPECT_EQ(only(unit, "Service", "PrivateTmp"), "yes");
}

} // namespace
