// kill -9 at any moment of an import or a settlement (STYLE.md "Tests": crash tests that
// really kill a child process). A real govpub child dies by SIGKILL: by itself at a named
// crash point (GOVPUB_CRASH_AT, adapters/config/crash_point.hpp), by the test after a delay
// measured against an uninterrupted run, or by the test the moment it sees a file being
// written (the workbook, the archived copy). It is reaped, the same command runs again, and
// the world must then equal one where nothing was ever killed: every sales line once, the
// period closed whole, the settlement JSON byte for byte, the workbook complete, no stray file
// in the data folder, and a job repository that says what happened (the dead attempt
// abandoned, the next one completed, the instance completed once). Right after each kill the
// database must already hold a file or a period whole or not at all.
// Each test runs on the embedded SQLite file and on the ctest MariaDB server.
#include "adapters/import/file_store.hpp"
#include "tests/scenario/kill_support.hpp"
#include "tests/support/test_support.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <iostream>
#include <map>
#include <thread>

namespace govpub::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Clock = std::chrono::steady_clock;
using std::chrono::microseconds;

constexpr std::size_t BIG = 35'000; // four staged batches of 10 000: sales.batch:1…4
constexpr std::size_t SMALL = 2'000;
constexpr int TIMED_KILLS = 10;

std::string tally(const std::map<std::string, int>& states) {
    std::string text;
    for (const auto& [state, n] : states)
        text += (text.empty() ? "" : ", ") + state + " ×" + std::to_string(n);
    return text;
}

//! Runs `args` on a fresh copy of `base` and kills it at TIMED_KILLS moments spread evenly
//! over `duration` (an uninterrupted run's), then lets `recover` check the rerun; returns how
//! often each state was found.
template <typename Copy, typename Recover>
std::map<std::string, int> kill_at_moments(const World& base, const std::vector<std::string>& args,
                                           Clock::duration duration, const std::string& backend,
                                           Copy copy, Recover recover) {
    std::map<std::string, int> states;
    for (int i = 0; i < TIMED_KILLS; ++i) {
        const auto delay = duration * (2 * i + 1) / (2 * TIMED_KILLS);
        SCOPED_TRACE(backend + ", killed after " + std::to_string(delay / microseconds(1)) + " µs");
        World w = copy(base);
        auto child = w.start(args);
        std::this_thread::sleep_for(delay);
        child.kill();
        ++states[recover(w, child.wait())];
    }
    return states;
}

class Kill : public ::testing::TestWithParam<std::string> {
  protected:
    TempDir dir_;
    int worlds_ = 0;

    void SetUp() override {
        if (GetParam() == "mariadb" && !mysql_socket())
            GTEST_SKIP() << "no MariaDB test server (run through ctest)";
    }

    fs::path next_folder() { return dir_ / ("world" + std::to_string(++worlds_)); }
    //! A world made by govpub itself: `init` and the master data.
    World world() { return World(GetParam(), next_folder()); }
    //! A copy of `from` to kill in, cheaper than making it again.
    World copy(const World& from) { return World(from, next_folder()); }

    //! The timed kills' file: long enough to be killed anywhere, short enough for MariaDB.
    std::size_t medium() const { return GetParam() == "mariadb" ? 6'000 : 12'000; }

    //! A generated sales file in the test's input folder, the same path for every world.
    std::string sales(std::size_t lines) {
        const fs::path file = dir_ / ("sales_" + std::to_string(lines) + ".csv");
        if (!fs::exists(file))
            write_file(file, sales_csv(lines, "K" + std::to_string(lines)));
        return file.string();
    }

    //! A world with `lines` sales lines imported, ready to settle.
    World world_with_sales(std::size_t lines) {
        World w = world();
        auto r = w.run({"import", "sales", sales(lines)});
        EXPECT_EQ(r.status, 0) << r.err;
        return w;
    }

    //! Runs `args` uninterrupted in a copy of `base`: the reference the killed worlds must
    //! end equal to. `duration`, if asked for, is the shorter of that run and a second one in
    //! another copy (the first may pay for cold caches).
    Reference reference(const World& base, const std::vector<std::string>& args,
                        Clock::duration* duration = nullptr) {
        World w = copy(base);
        auto t0 = Clock::now();
        Reference ref{w.run(args), {}, {}};
        auto shortest = Clock::now() - t0;
        EXPECT_EQ(ref.printed.status, 0) << ref.printed.err;
        ref.outcome = w.outcome();
        ref.period_rows = period_rows(w);
        if (duration) {
            World warm = copy(base);
            t0 = Clock::now();
            EXPECT_EQ(warm.run(args).status, 0);
            *duration = std::min(shortest, Clock::now() - t0);
        }
        return ref;
    }

    //! Starts `args`; once `seen()` holds, waits `after` and kills the child. A child that
    //! ends before is only reaped.
    Ending kill_when(World& w, const std::vector<std::string>& args,
                     const std::function<bool()>& seen, microseconds after) {
        auto child = w.start(args);
        while (true) {
            if (seen()) {
                std::this_thread::sleep_for(after);
                child.kill();
                return child.wait();
            }
            if (auto ended = child.poll())
                return *ended;
            std::this_thread::sleep_for(microseconds(50));
        }
    }

    void say(const std::string& what) const {
        std::cout << "[   kill   ] " << GetParam() << ": " << what << std::endl;
    }
};

// A sales file killed before each staged batch, after storing, after archiving and just
// before its commit leaves nothing; the next import stores it once. Killed just after the
// commit, it is whole, and the next import recognises the bytes and changes nothing. Each
// list of points is killed in turn in one world (a kill that stores nothing leaves the world
// as it was), then the import runs to its end.
TEST_P(Kill, SalesImportKilledAtANamedPointIsStoredExactlyOnce) {
    struct Case {
        std::size_t lines;
        std::vector<std::string> crashes;
    };
    const std::vector<Case> cases = {
        {BIG, {"sales.batch:1", "sales.batch:2", "sales.batch:3", "sales.batch:4"}},
        {SMALL, {"import.stored", "import.archived", "import.before_commit"}},
        {SMALL, {"import.committed"}}};
    const World base = world();
    std::map<std::size_t, Outcome> want;
    for (std::size_t lines : {BIG, SMALL})
        want[lines] = reference(base, {"import", "sales", sales(lines)}).outcome;
    int covered = 0;
    for (const auto& c : cases) {
        World w = copy(base);
        for (const auto& crash : c.crashes) {
            SCOPED_TRACE(GetParam() + ", GOVPUB_CRASH_AT=" + crash);
            auto killed = w.run({"import", "sales", sales(c.lines)}, crash);
            ASSERT_TRUE(killed.killed) << "exit " << killed.status << ": " << killed.err;
            EXPECT_NO_FATAL_FAILURE(
                expect_file_whole_or_absent(w, c.lines, crash == "import.committed"));
            ++covered;
        }
        SCOPED_TRACE(GetParam() + ", the run after " + c.crashes.back());
        auto again = w.run({"import", "sales", sales(c.lines)});
        EXPECT_EQ(again.status, 0) << again.err;
        if (c.crashes.back() == "import.committed") {
            EXPECT_THAT(again.out, HasSubstr("already imported"));
        }
        EXPECT_NO_FATAL_FAILURE(expect_same_outcome(w.outcome(), want[c.lines]));
    }
    say("sales import killed at " + std::to_string(covered) + " named points");
    EXPECT_EQ(covered, 8);
}

// Every import kind shares that life cycle: a consignment list (CSV) and the 附件一 form
// (XLSX), with their lines and sample register, killed at each import point.
TEST_P(Kill, ConsignmentImportKilledAtANamedPointIsStoredExactlyOnce) {
    const World base = world();
    int covered = 0;
    for (const char* name : {"consignment_2025-10_A001_S01.csv", "consignment_form_A003.xlsx"}) {
        const std::vector<std::string> args = {"import", "consignment",
                                               (source_dir() / "config/demo" / name).string()};
        const Outcome want = reference(base, args).outcome;
        for (const std::vector<std::string>& crashes :
             {std::vector<std::string>{"import.stored", "import.archived", "import.before_commit"},
              std::vector<std::string>{"import.committed"}}) {
            World w = copy(base);
            for (const auto& crash : crashes) {
                SCOPED_TRACE(GetParam() + ", " + name + ", GOVPUB_CRASH_AT=" + crash);
                auto killed = w.run(args, crash);
                ASSERT_TRUE(killed.killed) << "exit " << killed.status << ": " << killed.err;
                EXPECT_EQ(w.sql("SELECT COUNT(*) FROM import_file WHERE kind = 'consignment';"),
                          crash == "import.committed" ? "1\n" : "0\n");
                ++covered;
            }
            auto again = w.run(args);
            EXPECT_EQ(again.status, 0) << again.err;
            EXPECT_NO_FATAL_FAILURE(expect_same_outcome(w.outcome(), want));
        }
    }
    say("consignment import killed at " + std::to_string(covered) + " named points");
    EXPECT_EQ(covered, 8);
}

// A settlement killed at each point of its job — just after the claim, before and after the
// close commits, after each step's checkpoint, between the workbook and its checkpoint, after a
// notice's .eml is archived and before its row commits — and
// once twice in a row: the next run takes over from the dead execution at the right step,
// and the result is the one a run never killed gives. A third run is refused with the result.
TEST_P(Kill, SettlementKilledAtANamedPointResumesAndClosesOnce) {
    struct Case {
        std::vector<std::string> crashes;
        int resumed_at; //!< the step the finishing run starts with (1-based)
    };
    const std::vector<Case> cases = {{{"job.claimed"}, 1},
                                     {{"settle.before_commit"}, 1},
                                     {{"settle.committed"}, 2},
                                     {{"job.checkpointed:1"}, 2},
                                     {{"job.step_done"}, 2},
                                     {{"job.checkpointed:2"}, 3},
                                     {{"notice.archived"}, 3},
                                     {{"job.checkpointed:3"}, 4},
                                     {{"settle.before_commit", "job.step_done"}, 2}};
    const World base = world_with_sales(SMALL);
    const Reference ref = reference(base, SETTLE);
    ASSERT_FALSE(ref.outcome.workbook.empty()) << "the reference run wrote no workbook";
    int covered = 0;
    for (const auto& c : cases) {
        World w = copy(base);
        for (const auto& crash : c.crashes) {
            SCOPED_TRACE(GetParam() + ", GOVPUB_CRASH_AT=" + crash);
            auto killed = w.run(SETTLE, crash);
            ASSERT_TRUE(killed.killed) << "exit " << killed.status << ": " << killed.err;
            EXPECT_NO_FATAL_FAILURE(expect_period_whole_or_open(w, ref.period_rows));
            EXPECT_EQ(w.sql("SELECT status FROM job_execution WHERE status = 'running';"),
                      "running\n");
            ++covered;
        }
        SCOPED_TRACE(GetParam() + ", the run after " + c.crashes.back());
        auto again = w.run(SETTLE);
        EXPECT_EQ(again.status, 0) << again.err;
        EXPECT_THAT(again.err, HasSubstr("resumed at step " + std::to_string(c.resumed_at)));
        EXPECT_EQ(again.out, ref.printed.out) << "the settlement JSON";
        EXPECT_NO_FATAL_FAILURE(expect_same_outcome(w.outcome(), ref.outcome));
        EXPECT_NO_FATAL_FAILURE(expect_job_history(w, c.crashes.size()));
        auto refused = w.run(SETTLE);
        EXPECT_EQ(refused.status, 1) << refused.err;
        EXPECT_THAT(refused.err, HasSubstr("has already completed"));
        EXPECT_EQ(refused.out, ref.printed.out) << "the stored result, shown on refusal";
    }
    say("settlement killed at " + std::to_string(covered) + " named points");
    EXPECT_EQ(covered, 10);
}

// The import of a larger file, killed by the test at ten moments spread evenly over an
// uninterrupted run's duration, then run again.
TEST_P(Kill, SalesImportKilledAtAnyMomentIsStoredExactlyOnce) {
    const std::vector<std::string> args = {"import", "sales", sales(medium())};
    const World base = world();
    Clock::duration duration{};
    const Reference ref = reference(base, args, &duration);
    auto states = kill_at_moments(
        base, args, duration, GetParam(), [this](const World& b) { return copy(b); },
        [&](World& w, const Ending& ended) {
            return expect_import_recovers(w, ended, args, medium(), ref.outcome);
        });
    say("sales import of " + std::to_string(medium()) + " lines (" +
        std::to_string(duration / std::chrono::milliseconds(1)) + " ms) killed at " +
        std::to_string(TIMED_KILLS) + " moments: " + tally(states));
    EXPECT_GE(TIMED_KILLS - states["had finished"], TIMED_KILLS / 3)
        << "most kills came after the import had ended";
}

// The settlement of a larger period, killed by the test at ten moments spread evenly over an
// uninterrupted run's duration, then run again (refused with its result if the kill came
// after the job had completed).
TEST_P(Kill, SettlementKilledAtAnyMomentResumesAndClosesOnce) {
    const World base = world_with_sales(medium());
    Clock::duration duration{};
    const Reference ref = reference(base, SETTLE, &duration);
    auto states = kill_at_moments(
        base, SETTLE, duration, GetParam(), [this](const World& b) { return copy(b); },
        [&](World& w, const Ending& ended) { return expect_settle_recovers(w, ended, ref); });
    say("settlement of " + std::to_string(medium()) + " lines (" +
        std::to_string(duration / std::chrono::milliseconds(1)) + " ms) killed at " +
        std::to_string(TIMED_KILLS) + " moments: " + tally(states));
    EXPECT_GE(TIMED_KILLS - states["had finished"], TIMED_KILLS / 3)
        << "most kills came after the settlement had ended";
}

// The settlement killed while its workbook is half-written — its .tmp there, not yet renamed —
// caught by watching the reports folder, at several moments after it appears: no part of a
// workbook, nor of its temporary files, may outlive the run that finishes the job.
TEST_P(Kill, SettlementKilledWhileItsWorkbookIsHalfWrittenLeavesNoTrace) {
    const World base = world_with_sales(SMALL);
    const Reference ref = reference(base, SETTLE);
    std::map<std::string, int> states;
    for (int after : {0, 200, 500, 1000, 2000}) {
        SCOPED_TRACE(GetParam() + ", killed " + std::to_string(after) +
                     " µs after the workbook's .tmp appeared");
        World w = copy(base);
        const fs::path tmp = w.workbook().string() + ".tmp";
        auto ended = kill_when(
            w, SETTLE, [&] { return fs::exists(tmp); }, microseconds(after));
        ++states[expect_settle_recovers(w, ended, ref)];
    }
    say("settlement killed while writing its workbook: " + tally(states));
    EXPECT_GE(states["closed, workbook half-written"], 1) << "no kill landed in the workbook";
}

// The import killed while its file is being copied into the archive (the copy there under a
// temporary name), caught by watching the archive folder: no partial copy may outlive the
// import that finishes.
TEST_P(Kill, SalesImportKilledWhileArchivingLeavesNoPartialCopy) {
    const std::vector<std::string> args = {"import", "sales", sales(medium())};
    const std::string sha = adapters::import::sha256_of_file(args.back());
    const World base = world();
    const Reference ref = reference(base, args);
    std::map<std::string, int> states;
    int copying = 0;
    for (int after : {0, 500}) {
        SCOPED_TRACE(GetParam() + ", killed " + std::to_string(after) +
                     " µs after the archive copy began");
        World w = copy(base);
        const fs::path folder = w.data() / "archive" / sha.substr(0, 2);
        auto partial = [&] {
            std::error_code error; // no folder yet: nothing archived yet
            for (fs::directory_iterator it(folder, error), end; !error && it != end;
                 it.increment(error))
                if (it->path().filename().string().rfind(sha + ".tmp", 0) == 0)
                    return true;
            return false;
        };
        auto ended = kill_when(w, args, partial, microseconds(after));
        copying += ended.killed && partial();
        ++states[expect_import_recovers(w, ended, args, medium(), ref.outcome)];
    }
    say("sales import killed while archiving: " + tally(states) + "; " + std::to_string(copying) +
        " left a partial copy behind it");
    EXPECT_GE(copying, 1) << "no kill landed while the archive copy was being written";
}

INSTANTIATE_TEST_SUITE_P(Backends, Kill, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::test
