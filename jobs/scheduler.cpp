// Enqueue, then drain: the schedule's occurrences become job instances in one transaction, so a
// process killed between the two still runs them next time.
#include "jobs/scheduler.hpp"

#include "adapters/config/clock.hpp"
#include "adapters/db/job_store.hpp"

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

std::vector<DueRun> Scheduler::run_due() {
    enqueue();
    JobStore store(services_.db);
    JobLauncher launcher(services_.db, services_.settings.jobs, now_.text());
    std::vector<DueRun> runs;
    const std::string now = now_.text();
    for (const auto& instance : store.unfinished_scheduled()) {
        if (*instance.scheduled_for > now)
            continue;
        DueRun run{instance.job, instance.key, *instance.scheduled_for,
                   DueRun::Result::completed, "", 0};
        try {
            auto outcome = launcher.run(definition_of(services_, instance));
            run.first_step = outcome.first_step;
        } catch (const JobAlreadyCompleted&) {
            run.result = DueRun::Result::already_completed; // finished by someone else just now
        } catch (const JobRunning& e) {
            run.result = DueRun::Result::running_elsewhere;
            run.detail = e.what();
        } catch (const std::exception& e) {
            run.result = DueRun::Result::failed;
            run.detail = e.what();
        }
        runs.push_back(std::move(run));
    }
    return runs;
}

} // namespace govpub::jobs
