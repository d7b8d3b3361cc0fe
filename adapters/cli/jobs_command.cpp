// `govpub jobs run-due|list|status|recover`: the scheduler and a window on the job repository.
#include "adapters/cli/commands.hpp"
#include "adapters/cli/context.hpp"

#include "adapters/config/clock.hpp"
#include "adapters/db/job_store.hpp"
#include "jobs/scheduler.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <iomanip>
#include <iostream>

namespace govpub::cli {

namespace {

using adapters::db::JobExecutionRow;
using adapters::db::JobInstanceRow;

const char* result_name(jobs::DueRun::Result r) {
    switch (r) {
    case jobs::DueRun::Result::completed:
        return "completed";
    case jobs::DueRun::Result::failed:
        return "failed";
    case jobs::DueRun::Result::running_elsewhere:
        return "running elsewhere";
    case jobs::DueRun::Result::already_completed:
        return "already completed";
    case jobs::DueRun::Result::waiting:
        return "waiting";
    }
    return "?";
}

std::string duration_text(long long seconds) {
    if (seconds < 60)
        return std::to_string(seconds) + " s";
    if (seconds < 3600)
        return std::to_string(seconds / 60) + " min " + std::to_string(seconds % 60) + " s";
    return std::to_string(seconds / 3600) + " h " + std::to_string(seconds % 3600 / 60) + " min";
}

//! "3 s", or "running for 3 s" while it runs.
std::string duration_of(const JobExecutionRow& e) {
    auto start = adapters::config::utc_seconds(e.started_at);
    auto end = adapters::config::utc_seconds(e.ended_at.value_or(adapters::config::utc_timestamp()));
    if (!start || !end)
        return "";
    return (e.ended_at ? "" : "running for ") + duration_text(*end - *start);
}

//! Minutes since the epoch, to compare local times.
long long minutes_of(const jobs::LocalMinute& t) {
    return static_cast<long long>(std::chrono::sys_days{t.date}.time_since_epoch().count()) * 1440 +
           t.minutes;
}

//! How far past the wall clock --now may be without --allow-future: a clock a little ahead, a
//! timer that fires early.
constexpr long long FUTURE_SLACK_MINUTES = 10;

constexpr const char* ANOTHER_RUN_DUE =
    "another govpub jobs run-due is running; it runs what is due";

int run_due(Context& ctx, const std::vector<std::string>& args) {
    po::options_description options("jobs run-due options");
    options.add_options()("now", po::value<std::string>(),
                          "the local time to run as, e.g. \"2026-06-10 02:00\" (default: now)")(
        "allow-future",
        "accept a --now more than 10 minutes ahead of the clock: what it runs is recorded for "
        "good (try it on a copy of the database)")("json", "print what ran as JSON");
    po::positional_options_description positional;
    po::variables_map vm;
    if (!parse_command("jobs run-due", args, options, positional, vm, ctx.out,
                       "jobs run-due [--now \"YYYY-MM-DD HH:MM\" [--allow-future]] [--json]"))
        return EXIT_DONE;
    const auto clock = jobs::LocalMinute::parse("clock", adapters::config::local_timestamp());
    const auto now =
        vm.count("now") ? jobs::LocalMinute::parse("--now", vm["now"].as<std::string>()) : clock;
    if (minutes_of(now) > minutes_of(clock) + FUTURE_SLACK_MINUTES && !vm.count("allow-future"))
        throw domain::Refused(
            "--now " + now.text() + " is later than the clock (" + clock.text() +
                "): run-due would run occurrences that have not happened yet, and they are "
                "recorded for good — each runs once, the schedule never goes back over them, and "
                "a period it settles is closed and never changes. To try the schedule out, give "
                "--allow-future on a copy of the database and in another data folder",
            "");
    jobs::Scheduler scheduler({ctx.db(), ctx.settings(), ctx.calendar()},
                              jobs::parse_schedule(ctx.settings().jobs.schedule), now);
    const auto due = scheduler.run_due();
    if (!due) {
        if (vm.count("json")) {
            Poco::JSON::Object::Ptr root = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            root->set("now", now.text());
            root->set("runs", Poco::JSON::Array::Ptr(new Poco::JSON::Array()));
            root->set("skipped", std::string(ANOTHER_RUN_DUE));
            Poco::JSON::Stringifier::condense(root, ctx.out);
            ctx.out << "\n";
        } else {
            ctx.out << ANOTHER_RUN_DUE << "\n";
        }
        return EXIT_DONE;
    }
    const auto& runs = *due;
    // SPEC §5.1: a refusal or bad value someone can fix is 1, a failure of the system 3; the
    // worst of them is the run's.
    int status = EXIT_DONE;
    std::size_t failed = 0, waiting = 0, elsewhere = 0;
    for (const auto& r : runs) {
        if (r.result == jobs::DueRun::Result::failed) {
            ++failed;
            status = std::max(status, r.refused ? static_cast<int>(EXIT_BAD_INPUT)
                                                : static_cast<int>(EXIT_INTERNAL));
        }
        waiting += r.result == jobs::DueRun::Result::waiting;
        elsewhere += r.result == jobs::DueRun::Result::running_elsewhere;
    }
    if (vm.count("json")) {
        Poco::JSON::Object::Ptr root = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        root->set("now", now.text());
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array();
        for (const auto& r : runs) {
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            o->set("job", r.job);
            o->set("key", r.key);
            o->set("scheduled_for", r.scheduled_for);
            o->set("result", std::string(result_name(r.result)));
            o->set("resumed_at_step", r.first_step + 1);
            o->set("detail", r.detail);
            list->add(o);
        }
        root->set("runs", list);
        Poco::JSON::Stringifier::condense(root, ctx.out);
        ctx.out << "\n";
    } else if (runs.empty()) {
        ctx.out << "nothing is due at " << now.text() << "\n";
    } else {
        ctx.out << "jobs due at " << now.text() << ":\n";
        for (const auto& r : runs) {
            ctx.out << "  " << r.scheduled_for << "  " << std::left << std::setw(30)
                    << (r.job + " " + r.key) << " " << result_name(r.result);
            if (r.first_step > 0)
                ctx.out << " (resumed at step " << r.first_step + 1 << ")";
            ctx.out << "\n";
            if (!r.detail.empty())
                ctx.out << "      " << r.detail << "\n";
        }
        ctx.out << runs.size() << " job(s): " << runs.size() - failed - waiting - elsewhere
                << " ended well, " << failed << " failed";
        if (elsewhere)
            ctx.out << ", " << elsewhere << " running elsewhere";
        if (waiting)
            ctx.out << ", " << waiting << " waiting";
        if (failed || waiting)
            ctx.out << " (the next run-due tries them again)";
        ctx.out << "\n";
    }
    return status;
}

int list(Context& ctx, const std::vector<std::string>& args) {
    po::options_description options("jobs list options");
    options.add_options()("job", po::value<std::string>(), "only this job (settle, reconcile, …)")(
        "limit", po::value<int>()->default_value(50), "at most this many instances");
    po::positional_options_description positional;
    po::variables_map vm;
    if (!parse_command("jobs list", args, options, positional, vm, ctx.out,
                       "jobs list [--job NAME] [--limit N]"))
        return EXIT_DONE;
    const std::string job = vm.count("job") ? vm["job"].as<std::string>() : "";
    const std::array<std::string, 4> known{"settle", "reconcile", "deadlines", "depository"};
    if (!job.empty() && std::find(known.begin(), known.end(), job) == known.end())
        throw domain::InvalidValue("--job", job,
                                   "not a job govpub runs: settle, reconcile, deadlines or "
                                   "depository");
    adapters::db::JobStore store(ctx.db());
    auto instances = store.instances(job, std::max(1, vm["limit"].as<int>()));
    if (instances.empty()) {
        ctx.out << "no job has run yet\n";
        return EXIT_DONE;
    }
    ctx.out << std::left << std::setw(6) << "id" << std::setw(32) << "job" << std::setw(18)
            << "scheduled for" << std::setw(11) << "status" << std::setw(7) << "runs"
            << "last run\n";
    for (const auto& i : instances) {
        auto runs = store.executions(i.id);
        ctx.out << std::left << std::setw(6) << i.id << std::setw(32) << (i.job + " " + i.key)
                << std::setw(18) << i.scheduled_for.value_or("by hand") << std::setw(11)
                << i.status << std::setw(7) << runs.size();
        if (!runs.empty())
            ctx.out << runs.back().status << ", " << duration_of(runs.back()) << ", started "
                    << runs.back().started_at;
        ctx.out << "\n";
    }
    return EXIT_DONE;
}

int status(Context& ctx, const std::vector<std::string>& args) {
    po::options_description options("jobs status options");
    options.add_options()("instance", po::value<long long>(), "only this instance's executions")(
        "limit", po::value<int>()->default_value(20), "at most this many executions");
    po::positional_options_description positional;
    positional.add("instance", 1);
    po::variables_map vm;
    if (!parse_command("jobs status", args, options, positional, vm, ctx.out,
                       "jobs status [INSTANCE] [--limit N]"))
        return EXIT_DONE;
    adapters::db::JobStore store(ctx.db());
    std::vector<JobExecutionRow> runs;
    if (vm.count("instance")) {
        if (!store.instance(vm["instance"].as<long long>()))
            throw domain::Refused("there is no job instance " +
                                      std::to_string(vm["instance"].as<long long>()) +
                                      "; `govpub jobs list` shows them",
                                  "");
        runs = store.executions(vm["instance"].as<long long>());
    } else {
        runs = store.recent_executions(std::max(1, vm["limit"].as<int>()));
    }
    if (runs.empty()) {
        ctx.out << "no job has run yet\n";
        return EXIT_DONE;
    }
    jobs::JobLauncher launcher(ctx.db(), ctx.settings().jobs, adapters::config::local_timestamp());
    for (const auto& e : runs) {
        auto i = store.instance(e.instance_id);
        if (!i)
            continue; // forgotten meanwhile (a request refused on its first attempt)
        ctx.out << "#" << e.id << "  " << i->job << " " << i->key << "  " << e.status << "  "
                << duration_of(e) << "\n      started " << e.started_at << " (scheduler time "
                << e.clock_at << ") by process " << e.pid << " on " << e.host;
        if (e.ended_at)
            ctx.out << ", ended " << *e.ended_at;
        else
            ctx.out << ", last heartbeat " << e.heartbeat_at;
        if (e.status == "running" && !launcher.alive(e))
            ctx.out << "\n      its process is gone: the next run takes over from its last "
                       "checkpoint (or `govpub jobs recover "
                    << e.id << "` now)";
        ctx.out << "\n      from step " << e.first_step + 1 << "; read " << e.read_count
                << ", written " << e.write_count;
        if (e.message)
            ctx.out << "; " << *e.message;
        ctx.out << "\n";
    }
    return EXIT_DONE;
}

int recover(Context& ctx, const std::vector<std::string>& args) {
    po::options_description options("jobs recover options");
    options.add_options()("execution", po::value<long long>()->required(),
                          "the stuck execution's number (from `govpub jobs status`)")(
        "force", "end it even though it looks alive (its process on this machine, or a fresh "
                 "heartbeat from another): only when you know that process is gone, e.g. its "
                 "machine is down");
    po::positional_options_description positional;
    positional.add("execution", 1);
    po::variables_map vm;
    if (!parse_command("jobs recover", args, options, positional, vm, ctx.out,
                       "jobs recover EXECUTION [--force]"))
        return EXIT_DONE;
    jobs::JobLauncher launcher(ctx.db(), ctx.settings().jobs, adapters::config::local_timestamp());
    auto e = launcher.recover(vm["execution"].as<long long>(), vm.count("force") > 0);
    auto i = adapters::db::JobStore(ctx.db()).instance(e.instance_id);
    ctx.out << "execution #" << e.id;
    if (i)
        ctx.out << " of " << i->job << " " << i->key;
    ctx.out << " is marked abandoned; the next run (`govpub jobs run-due`, or its command) "
               "starts again at step "
            << (i ? i->steps_done : 0) + 1 << "\n";
    return EXIT_DONE;
}

} // namespace

int command_jobs(Context& ctx, const std::vector<std::string>& args) {
    const std::string usage =
        "jobs run-due [--now DATETIME [--allow-future]] [--json] | jobs list [--job NAME] | "
        "jobs status [INSTANCE] | jobs recover EXECUTION [--force]";
    if (args.empty())
        throw UsageError("say what to do with the jobs\nusage: govpub " + usage);
    const std::string what = args.front();
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (what == "run-due")
        return run_due(ctx, rest);
    if (what == "list")
        return list(ctx, rest);
    if (what == "status")
        return status(ctx, rest);
    if (what == "recover")
        return recover(ctx, rest);
    if (what == "--help" || what == "-h") {
        ctx.out << "usage: govpub " << usage << "\n";
        return EXIT_DONE;
    }
    throw UsageError("unknown jobs command '" + what + "'\nusage: govpub " + usage);
}

} // namespace govpub::cli
