// A year of `govpub jobs run-due` (SPEC §5.6; STYLE.md "Jobs"), once a day at 07:00, on a
// machine that is switched off from 7 to 14 June 2026 — across the settlement's run day
// (SPEC §4.6: 10 June for 2026H1, 10 December for 2026H2, settlement.run_day of the month
// after each period end). Every scheduled instance must run exactly once, at the first
// run-due at or after its time; the ones missed during the gap all run on 15 June, oldest
// first, each once; and a second run-due at the same --now runs nothing.
//
// The data are the demo's (config/demo/steps.txt): master data, consignment lists and the
// 2026H1 sales before the year starts; the late lines, the later lists, the 2026H2 sales and
// the stock counts on 20 June, after 2026H1 has closed, as the demo does. Nothing is settled
// by hand: the first run-due (2026-01-01 07:00) looks at the schedule for the first time and
// takes only each schedule's latest occurrence, which for `settle` is 2025-12-10 02:00, the
// run day of 2025H2 — a period without sales (the demo's start on 2025-12-01), so it closes
// empty and 2026H1 may follow it in order.
//
// Each run-due is given --allow-future, since the year runs past today's date.
//
// Both backends run the whole year: 357 run-due calls, 10–12 s on either.
#include "tests/scenario/schedule_scenario.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace govpub::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

std::string iso(sys_days day) {
    const year_month_day d{day};
    const auto two = [](unsigned n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
    return std::to_string(static_cast<int>(d.year())) + "-" +
           two(static_cast<unsigned>(d.month())) + "-" + two(static_cast<unsigned>(d.day()));
}

sys_days parse_day(const std::string& text) {
    return sys_days{year{std::stoi(text.substr(0, 4))} /
                    month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))} /
                    day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
}

//! One occurrence of a schedule entry, as the test expects it (its own model of [schedule]).
struct Occurrence {
    std::string when, job, key;
};

//! Every occurrence of the pinned schedule from mid-2025 to the end of 2026, oldest first:
//! settle half-yearly 02:00, reconcile monthly 1 03:00, depository quarterly 1 04:00,
//! deadlines daily 06:00.
std::vector<Occurrence> calendar() {
    std::vector<Occurrence> all;
    for (sys_days d = parse_day("2025-06-01"); d <= parse_day("2026-12-31"); d += days{1}) {
        const year_month_day ymd{d};
        const unsigned m = static_cast<unsigned>(ymd.month()), dom = static_cast<unsigned>(ymd.day());
        const std::string y = std::to_string(static_cast<int>(ymd.year()));
        if (dom == 10 && (m == 6 || m == 12)) // H1 (Dec–May) in June, H2 (Jun–Nov) in December
            all.push_back({iso(d) + " 02:00", "settle", "period=" + y + (m == 6 ? "H1" : "H2")});
        if (dom == 1)
            all.push_back({iso(d) + " 03:00", "reconcile", "as_of=" + iso(d)});
        if (dom == 1 && m % 3 == 1)
            all.push_back({iso(d) + " 04:00", "depository",
                           "quarter=" + y + "Q" + std::to_string((m - 1) / 3 + 1)});
        all.push_back({iso(d) + " 06:00", "deadlines", "date=" + iso(d)});
    }
    return all;
}

//! What run-due at `now` must run: the occurrences in (previous, now], or on the first look
//! (no previous run) the latest occurrence of each job — in the order of their time.
std::vector<Occurrence> due(const std::vector<Occurrence>& all,
                            const std::optional<std::string>& previous, const std::string& now) {
    std::vector<Occurrence> out;
    if (previous) {
        for (const auto& o : all)
            if (*previous < o.when && o.when <= now)
                out.push_back(o);
        return out;
    }
    std::map<std::string, Occurrence> latest;
    for (const auto& o : all)
        if (o.when <= now)
            latest[o.job] = o;
    for (const auto& [job, o] : latest)
        out.push_back(o);
    std::sort(out.begin(), out.end(),
              [](const Occurrence& a, const Occurrence& b) { return a.when < b.when; });
    return out;
}

//! The --json line run-due prints when every one of `runs` completed on its first attempt.
std::string expected_json(const std::string& now, const std::vector<Occurrence>& runs) {
    std::string json = "{\"now\":\"" + now + "\",\"runs\":[";
    for (std::size_t i = 0; i < runs.size(); ++i)
        json += std::string(i ? "," : "") + "{\"job\":\"" + runs[i].job + "\",\"key\":\"" +
                runs[i].key + "\",\"scheduled_for\":\"" + runs[i].when +
                "\",\"result\":\"completed\",\"resumed_at_step\":1,\"detail\":\"\"}";
    return json + "]}\n";
}

//! Line by line, showing the first difference rather than two pages of text.
void expect_same_lines(const std::string& actual, const std::string& expected) {
    std::istringstream a(actual), e(expected);
    std::string la, le;
    for (int line = 1;; ++line) {
        const bool more_a = static_cast<bool>(std::getline(a, la));
        const bool more_e = static_cast<bool>(std::getline(e, le));
        if (!more_a && !more_e)
            return;
        ASSERT_EQ(more_a ? la : "(end)", more_e ? le : "(end)") << "first difference: line " << line;
    }
}

//! The schedule is FULL_SCHEDULE and the run day the 10th, pinned by the fixture.
class SchedulerYear : public ScheduleScenario {};

TEST_P(SchedulerYear, EveryScheduledJobRunsOnceOnItsDayAndTheGapIsCaughtUpOldestFirst) {
    const sys_days first = parse_day("2026-01-01"), last = parse_day("2026-12-31");
    const sys_days off_from = parse_day("2026-06-07"), off_to = parse_day("2026-06-14");
    EXPECT_NO_FATAL_FAILURE(load_demo("", "settle --period 2026H1"));

    const auto all = calendar();
    std::optional<std::string> previous;
    std::vector<std::pair<Occurrence, std::string>> expected_runs; // occurrence, run-due's now
    int invocations = 0;
    for (sys_days d = first; d <= last; d += days{1}) {
        if (d >= off_from && d <= off_to)
            continue; // the machine is off
        const std::string now = iso(d) + " 07:00";
        const auto runs = due(all, previous, now);
        for (const auto& o : runs)
            expected_runs.push_back({o, now});
        auto r = run_due(now);
        ++invocations;
        ASSERT_EQ(r.status, 0) << now << "\n" << r.out << r.err;
        ASSERT_EQ(r.out, expected_json(now, runs)) << r.err;
        if (iso(d) == "2026-06-15") {
            // The catch-up: the settlement of 10 June among the deadlines of 7–15 June.
            ASSERT_EQ(runs.size(), 10u);
            EXPECT_EQ(runs[3].key, "period=2026H1");
            auto again = run_due(now);
            EXPECT_EQ(again.status, 0) << again.err;
            EXPECT_EQ(again.out, expected_json(now, {})) << "a second run-due ran something";
        }
        if (iso(d) == "2026-06-20") {
            EXPECT_NO_FATAL_FAILURE(load_demo("settle --period 2026H1", "settle --period 2026H2"));
        }
        previous = now;
    }
    EXPECT_EQ(invocations, 365 - 8);
    // A second run-due at the last --now runs nothing.
    auto again = run_due(*previous);
    EXPECT_EQ(again.status, 0) << again.err;
    EXPECT_EQ(again.out, expected_json(*previous, {}));

    // The job repository: each instance once, completed by one execution that started at the
    // first run-due at or after its time, in the order of the occurrences.
    std::string expected_rows;
    for (const auto& [o, now] : expected_runs)
        expected_rows += o.job + "|" + o.key + "|" + o.when + "|completed|completed|" + now + "|0\n";
    EXPECT_NO_FATAL_FAILURE(expect_same_lines(
        sql("SELECT i.job, i.job_key, i.scheduled_for, i.status, e.status, e.clock_at, "
            "e.first_step FROM job_instance i JOIN job_execution e ON e.instance_id = i.id "
            "ORDER BY e.id;"),
        expected_rows));
    const std::string total = std::to_string(expected_runs.size()) + "\n";
    EXPECT_EQ(sql("SELECT COUNT(*) FROM job_instance;"), total);
    EXPECT_EQ(sql("SELECT COUNT(*) FROM job_execution;"), total);
    EXPECT_EQ(sql("SELECT COUNT(*) FROM job_instance WHERE scheduled_for IS NULL OR "
                  "running_execution IS NOT NULL;"),
              "0\n");
    EXPECT_EQ(sql("SELECT job || ' ' || COUNT(*) FROM job_instance GROUP BY job ORDER BY job;"),
              "deadlines 365\ndepository 4\nreconcile 12\nsettle 3\n");

    // What the jobs wrote. The deadlines of 7–9 June ran before the settlement of 10 June
    // (oldest first), so only from 10 June do they list 2026H1's payments.
    EXPECT_EQ(sql("SELECT DISTINCT period FROM statement ORDER BY period;"),
              "2026H1\n2026H2\n");
    // Each dated its run day (SPEC §4.6), 2026H1 too, although it ran on 15 June.
    EXPECT_EQ(sql("SELECT period || ' ' || settled_on FROM settlement ORDER BY period;"),
              "2025H2 2025-12-10\n2026H1 2026-06-10\n2026H2 2026-12-10\n");
    // The lines of 27–31 May imported on 20 June went into 2026H2, flagged late.
    EXPECT_EQ(sql("SELECT COUNT(*) > 0 FROM statement_line WHERE period = '2026H2' AND late = 1;"),
              "1\n");
    const fs::path reports = data_ / "reports";
    for (const char* name : {"settlement_2025H2.xlsx", "settlement_2026H1.xlsx",
                             "settlement_2026H2.xlsx", "reconciliation_2026-07-01.xlsx",
                             "reconciliation_2026-12-01.xlsx", "due_2026-06-15.json",
                             "due_2026-06-09.json", "due_2026-06-10.json"})
        EXPECT_TRUE(fs::exists(reports / name)) << name;
    std::map<std::string, int> written;
    for (const auto& e : fs::directory_iterator(reports))
        ++written[e.path().filename().string().substr(0, 4)];
    // notices/: the statements attached to the settlements' notices (SPEC §4.12).
    EXPECT_EQ(written, (std::map<std::string, int>{
                           {"due_", 365}, {"noti", 1}, {"reco", 12}, {"sett", 3}}));
    EXPECT_EQ(read_file(reports / "due_2026-06-09.json"),
              "{\"as_of\":\"2026-06-09\",\"obligations\":[]}");
    const std::string due_15 = read_file(reports / "due_2026-06-15.json");
    EXPECT_NE(due_15.find("\"subject\":\"2026H1/S01/A001\""), std::string::npos) << due_15;
    EXPECT_NE(read_file(reports / "due_2026-06-10.json").find("2026H1/"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, SchedulerYear, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::test
