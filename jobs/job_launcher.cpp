// Claiming, running, checkpointing and ending job executions.
#include "jobs/job_launcher.hpp"

#include "adapters/config/clock.hpp"
#include "adapters/config/crash_point.hpp"
#include "adapters/config/process.hpp"

#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

namespace govpub::jobs {

using adapters::db::JobExecutionRow;
using adapters::db::JobInstanceRow;
using adapters::db::JobStore;
using adapters::db::WriteTransaction;

namespace {

std::string describe(const JobInstanceRow& i) { return i.job + " " + i.key; }

std::string holder_text(const JobExecutionRow& e) {
    return "execution #" + std::to_string(e.id) + ", process " + std::to_string(e.pid) + " on " +
           e.host + ", started " + e.started_at + ", last heartbeat " + e.heartbeat_at;
}

//! Keeps a running execution's heartbeat fresh from a second connection, so that another
//! machine can tell a long step from a dead process. SQLite needs none: its file is local and
//! the process id says it all, and a second writer would only wait for the step's lock.
class Heartbeat {
  public:
    Heartbeat(adapters::db::Database& db, long long execution_id, int seconds) {
        if (db.dialect() != adapters::db::Dialect::mysql)
            return;
        thread_ = std::thread([url = db.url(), execution_id, seconds, this] {
            std::unique_lock<std::mutex> lock(mutex_);
            std::optional<adapters::db::Database> own;
            while (!stop_.wait_for(lock, std::chrono::seconds(seconds), [this] { return done_; })) {
                try {
                    if (!own)
                        own.emplace(url);
                    JobStore store(*own);
                    store.heartbeat(execution_id, store.now());
                } catch (const std::exception& e) {
                    // Said, and tried again on a new connection: a heartbeat that stays away
                    // lets another machine take the job over while it still runs.
                    own.reset();
                    std::cerr << "govpub: job execution #" << execution_id
                              << ": the heartbeat could not be written (" << e.what()
                              << "); trying again in " << seconds << " s\n";
                }
            }
        });
    }
    ~Heartbeat() {
        if (!thread_.joinable())
            return;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            done_ = true;
        }
        stop_.notify_all();
        thread_.join();
    }
    Heartbeat(const Heartbeat&) = delete;
    Heartbeat& operator=(const Heartbeat&) = delete;

  private:
    std::mutex mutex_;
    std::condition_variable stop_;
    bool done_ = false;
    std::thread thread_;
};

} // namespace

void StepContext::checkpoint() {
    store_.checkpoint(instance_id_, execution_id_, step_ + 1, read_, written_, store_.now());
    checkpointed_ = true;
}

JobAlreadyCompleted::JobAlreadyCompleted(const JobInstanceRow& instance, std::string ended_at)
    : domain::Refused(describe(instance) + " has already completed" +
                          (ended_at.empty() ? "" : " (at " + ended_at + ")") +
                          "; a completed job never runs again, so nothing was changed",
                      ""),
      instance_(instance) {}

JobRunning::JobRunning(const JobInstanceRow& instance, const JobExecutionRow& execution)
    : domain::Refused(describe(instance) + " is running in another process (" +
                          holder_text(execution) + "); wait for it to finish. If that process "
                          "is gone, `govpub jobs recover " + std::to_string(execution.id) +
                          "` lets the next run take over from its last checkpoint",
                      "") {}

bool JobLauncher::alive(const JobExecutionRow& e) const {
    if (e.host == adapters::config::host_name()) {
        // This process holds no earlier execution, and a process id alone may have been
        // given to another process since (after a reboot, or when ids wrap around).
        if (e.pid == adapters::config::process_id() || !adapters::config::process_alive(e.pid))
            return false;
        return e.process_start.empty() ||
               adapters::config::process_start(e.pid) == e.process_start;
    }
    auto beat = adapters::config::utc_seconds(e.heartbeat_at);
    auto now = adapters::config::utc_seconds(JobStore(db_).now());
    return beat && now && *now - *beat < settings_.stale_after_seconds;
}

void JobLauncher::refuse_if_done_or_held(JobStore& store, const JobInstanceRow& instance) const {
    if (instance.status == "completed") {
        std::string ended;
        auto runs = store.executions(instance.id);
        if (!runs.empty() && runs.back().ended_at)
            ended = *runs.back().ended_at;
        throw JobAlreadyCompleted(instance, ended);
    }
    if (instance.running_execution) {
        auto holder = store.execution(*instance.running_execution);
        if (holder && alive(*holder))
            throw JobRunning(instance, *holder);
    }
}

long long JobLauncher::claim(const JobDefinition& definition, JobOutcome& outcome) {
    JobStore store(db_);
    // First without the write lock (readers never wait): a second start during a long run is
    // refused at once rather than after waiting for that run's lock.
    if (auto existing = store.instance(definition.job, definition.key))
        refuse_if_done_or_held(store, *existing);
    WriteTransaction tx(db_);
    const std::string now = store.now();
    JobInstanceRow instance =
        store.find_or_create(definition.job, definition.key, definition.scheduled_for, now);
    refuse_if_done_or_held(store, instance);
    if (instance.running_execution) {
        // Its process died: end that attempt, and this one restarts after its last checkpoint.
        store.finish(*instance.running_execution, "abandoned", now,
                     "its process died (found by process " +
                         std::to_string(adapters::config::process_id()) + " on " +
                         adapters::config::host_name() + ")",
                     "pending", std::nullopt);
        outcome.abandoned = instance.running_execution;
        instance = *store.instance(instance.id);
    }
    const long pid = adapters::config::process_id();
    auto id = store.start_execution(instance, {now, clock_at_, adapters::config::host_name(), pid,
                                               adapters::config::process_start(pid)});
    if (!id) // cannot happen under the write lock; the claim guards it all the same
        throw JobRunning(instance, *store.execution(*store.instance(instance.id)->running_execution));
    tx.commit();
    outcome.instance = instance;
    outcome.first_step = instance.steps_done;
    return *id;
}

JobOutcome JobLauncher::run(const JobDefinition& definition) {
    JobOutcome outcome;
    const long long execution = claim(definition, outcome);
    outcome.execution_id = execution;
    adapters::config::crash_point("job.claimed");
    JobStore store(db_);
    Heartbeat heartbeat(db_, execution, settings_.heartbeat_seconds);
    long long read = 0, written = 0;
    std::string result = outcome.instance.result.value_or("");
    const auto instance_id = outcome.instance.id;
    const int steps = static_cast<int>(definition.steps.size());
    try {
        for (int i = outcome.first_step; i < steps; ++i) {
            StepContext step(store, instance_id, execution, i);
            step.count(read, written);
            definition.steps[static_cast<std::size_t>(i)].run(step);
            if (!step.checkpointed()) {
                adapters::config::crash_point("job.step_done");
                WriteTransaction tx(db_);
                step.checkpoint();
                tx.commit();
            }
            adapters::config::crash_point("job.checkpointed");
            read = step.read();
            written = step.written();
            if (!step.result().empty())
                result += (result.empty() ? "" : "\n") + step.result();
        }
        WriteTransaction tx(db_);
        const std::string done =
            outcome.first_step >= steps
                ? "all " + std::to_string(steps) + " steps were committed by an earlier attempt"
                : "steps " + std::to_string(outcome.first_step + 1) + "–" +
                      std::to_string(steps) + " done";
        if (!store.finish(execution, "completed", store.now(), done, "completed", result))
            throw adapters::db::ClaimLost("job execution #" + std::to_string(execution) +
                                          " was taken over by another process before it could "
                                          "complete; that one completes the job");
        tx.commit();
    } catch (const std::exception& e) {
        // A request made by hand and refused by a rule on its first attempt leaves no trace,
        // as any refused command does; a scheduled one (even when started by hand) stays
        // failed, to be shown and retried by the scheduler.
        // Only while no step has committed: a committed step's work keeps its checkpoint,
        // or the next run would start over from step 1.
        bool refused_by_hand = dynamic_cast<const domain::Refused*>(&e) != nullptr &&
                               !outcome.instance.scheduled_for && outcome.first_step == 0 &&
                               !outcome.abandoned;
        try {
            WriteTransaction tx(db_);
            // Read again under the lock: the scheduler may have adopted the instance meanwhile.
            const auto now_held = store.instance(instance_id);
            refused_by_hand = refused_by_hand && now_held && !now_held->scheduled_for &&
                              now_held->steps_done == 0 &&
                              store.executions(instance_id).size() == 1;
            if (refused_by_hand)
                store.forget(instance_id);
            else
                store.finish(execution, "failed", store.now(), e.what(), "failed",
                             std::nullopt);
            tx.commit();
        } catch (const std::exception&) {
            // The database itself is failing; the execution stays 'running' and its dead
            // process is found by the next launch.
        }
        throw;
    }
    outcome.instance = *store.instance(instance_id);
    outcome.result = result;
    return outcome;
}

JobExecutionRow JobLauncher::recover(long long execution_id, bool force) {
    JobStore store(db_);
    WriteTransaction tx(db_);
    auto execution = store.execution(execution_id);
    if (!execution)
        throw domain::Refused("there is no job execution #" + std::to_string(execution_id) +
                                  "; `govpub jobs status` lists them",
                              "");
    if (execution->status != "running")
        throw domain::Refused("job execution #" + std::to_string(execution_id) + " is " +
                                  execution->status + ", not running: there is nothing to recover",
                              "");
    if (!force && alive(*execution))
        throw domain::Refused(
            "job execution #" + std::to_string(execution_id) + " looks alive: process " +
                std::to_string(execution->pid) + " on " + execution->host +
                ", last heartbeat " + execution->heartbeat_at +
                ". Let it finish or stop it; if you know that process is gone (its machine is "
                "down), `govpub jobs recover " + std::to_string(execution_id) + " --force`",
            "");
    store.finish(execution_id, "abandoned", store.now(),
                 std::string("recovered by hand (govpub jobs recover") + (force ? " --force" : "") +
                     ") by process " + std::to_string(adapters::config::process_id()) + " on " +
                     adapters::config::host_name(),
                 "pending", std::nullopt);
    tx.commit();
    return *store.execution(execution_id);
}

} // namespace govpub::jobs
