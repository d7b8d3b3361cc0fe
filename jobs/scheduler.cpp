// Enqueue, then drain: the schedule's occurrences become job instances in one transaction, so a
// process killed between the two still runs them next time.
#include "jobs/scheduler.hpp"

#include "adapters/config/clock.hpp"
#include "adapters/db/job_store.hpp"

#include <algorithm>

namespace govpub::jobs {

using adapters::db::JobStore;

JobDefinition definition_for(JobServices s, const ScheduleEntry& entry,
                             const LocalMinute& occurrence) {
    const domain::Date day = occurrence.date;
    const std::string when = occurrence.text();
    if (entry.job == "settle") {
        const domain::Date month_start{day.year(), day.month(), std::chrono::day{1}};
        auto period =
            domain::Period::containing(domain::add_days(month_start, -1), s.settings.periods);
        return settle_definition(s, period, day, when);
    }
    if (entry.job == "reconcile")
        return reconcile_definition(s, day, when);
    if (entry.job == "deadlines")
        return deadlines_definition(s, day, when);
    return depository_definition(s, day, when);
}

void Scheduler::enqueue() {
    JobStore store(services_.db);
    adapters::db::WriteTransaction tx(services_.db);
    const std::string created = adapters::config::utc_timestamp();
    for (const auto& entry : schedule_) {
        std::optional<LocalMinute> after;
        if (auto until = store.checked_until(entry.job))
            after = LocalMinute::parse("job_schedule.checked_until", *until);
        if (after && now_ <= *after)
            continue; // a --now in the past never rewinds the schedule
        for (const auto& t : occurrences(entry, services_.settings.periods, after, now_)) {
            auto d = definition_for(services_, entry, t);
            store.find_or_create(d.job, d.key, d.scheduled_for, created);
        }
        store.set_checked_until(entry.job, now_.text());
    }
    tx.commit();
}

std::optional<std::vector<DueRun>> Scheduler::run_due() {
    // One run-due at a time on a database (a timer and one by hand, or two machines): two
    // drains side by side would each take the next instance and break oldest first.
    auto lock = services_.db.try_lock("scheduler");
    if (!lock)
        return std::nullopt;
    enqueue();
    JobStore store(services_.db);
    JobLauncher launcher(services_.db, services_.settings.jobs, now_.text());
    std::vector<DueRun> runs;
    const std::string now = now_.text();
    auto on_schedule = [this](const std::string& job) {
        return std::any_of(schedule_.begin(), schedule_.end(),
                           [&job](const ScheduleEntry& e) { return e.job == job; });
    };
    // The settlement everything after it waits for: a deadlines list or a reconciliation run
    // without it would complete on data lacking the settlement and never be redone.
    std::optional<std::string> waiting_for;
    for (const auto& instance : store.unfinished_scheduled()) {
        if (*instance.scheduled_for > now)
            continue;
        if (!on_schedule(instance.job))
            continue; // taken off [schedule]: left as it is, `govpub jobs list` shows it
        DueRun run{
            instance.job, instance.key, *instance.scheduled_for, DueRun::Result::completed, "", 0,
            false};
        if (waiting_for) {
            run.result = DueRun::Result::waiting;
            run.detail = "waiting for " + *waiting_for + " to complete";
            runs.push_back(std::move(run));
            continue;
        }
        try {
            auto outcome = launcher.run(definition_of(services_, instance));
            run.first_step = outcome.first_step;
        } catch (const JobAlreadyCompleted&) {
            run.result = DueRun::Result::already_completed; // finished by someone else just now
        } catch (const JobRunning& e) {
            run.result = DueRun::Result::running_elsewhere;
            run.detail = e.what();
        } catch (const domain::Refused& e) {
            run.result = DueRun::Result::failed;
            run.detail = e.what();
            run.refused = true;
        } catch (const domain::InvalidValue& e) {
            run.result = DueRun::Result::failed;
            run.detail = e.what();
            run.refused = true;
        } catch (const std::exception& e) {
            run.result = DueRun::Result::failed;
            run.detail = e.what();
        }
        if (run.result == DueRun::Result::failed)
            run.first_step = instance.steps_done; // where this attempt started
        if (instance.job == "settle" && (run.result == DueRun::Result::failed ||
                                         run.result == DueRun::Result::running_elsewhere))
            waiting_for = instance.job + " " + instance.key;
        runs.push_back(std::move(run));
    }
    return runs;
}

} // namespace govpub::jobs
