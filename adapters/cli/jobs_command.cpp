// `govpub jobs run-due|list|status|recover`: the scheduler and a window on the job repository.
#include "adapters/cli/commands.hpp"
#include "adapters/cli/context.hpp"

#include "adapters/config/clock.hpp"
#include "adapters/db/job_store.hpp"
#include "jobs/scheduler.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

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

int run_due(Context& ctx, const std::vector<std::string>& args) {
    po::options_description options("jobs run-due options");
    options.add_options()("now", po::value<std::string>(),
                          "the local time to run as, e.g. \"2026-06-10 02:00\" (default: now)")(
        "json", "print what ran as JSON");
    po::positional_options_description positional;
    po::variables_map vm;
    if (!parse_command("jobs run-due", args, options, positional, vm, ctx.out,
                       "jobs run-due [--now \"YYYY-MM-DD HH:MM\"] [--json]"))
        return EXIT_DONE;
    const auto now = jobs::LocalMinute::parse(
        "--now", vm.count("now") ? vm["now"].as<std::string>() : adapters::config::local_timestamp());
    jobs::Scheduler scheduler({ctx.db(), ctx.settings(), ctx.calendar()},
                              jobs::parse_schedule(ctx.settings().jobs.schedule), now);
    const auto runs = scheduler.run_due();
    std::size_t failed = 0;
    for (const auto& r : runs)
        failed += r.result == jobs::DueRun::Result::failed;
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
        ctx.out << runs.size() << " job(s): " << runs.size() - failed << " ended well, " << failed
                << " failed";
        if (failed)
            ctx.out << " (the failed ones are tried again by the next run-due)";
        ctx.out << "\n";
    }
    return failed ? EXIT_BAD_INPUT : EXIT_DONE;
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
    adapters::db::JobStore store(ctx.db());
    auto instances = store.instances(vm.count("job") ? vm["job"].as<std::string>() : "",
                                     std::max(1, vm["limit"].as<int>()));
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
                          "the stuck execution's number (from `govpub jobs status`)");
    po::positional_options_description positional;
    positional.add("execution", 1);
    po::variables_map vm;
    if (!parse_command("jobs recover", args, options, positional, vm, ctx.out,
                       "jobs recover EXECUTION"))
        return EXIT_DONE;
    jobs::JobLauncher launcher(ctx.db(), ctx.settings().jobs, adapters::config::local_timestamp());
    auto e = launcher.recover(vm["execution"].as<long long>());
    auto i = adapters::db::JobStore(ctx.db()).instance(e.instance_id);
    ctx.out << "execution #" << e.id << " of " << i->job << " " << i->key
            << " is marked abandoned; the next run (`govpub jobs run-due`, or its command) "
               "starts again at step "
            << i->steps_done + 1 << "\n";
    return EXIT_DONE;
}

} // namespace

int command_jobs(Context& ctx, const std::vector<std::string>& args) {
    const std::string usage = "jobs run-due [--now DATETIME] [--json] | jobs list [--job NAME] | "
                              "jobs status [INSTANCE] | jobs recover EXECUTION";
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
