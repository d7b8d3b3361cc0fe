// Each job's steps: the work, where its output goes, and where its checkpoint is recorded.
#include "jobs/job_catalog.hpp"

#include "adapters/config/clock.hpp"
#include "adapters/db/settlement_repository.hpp"
#include "adapters/import/file_store.hpp"
#include "adapters/mail/outbox.hpp"
#include "jobs/claim_notices.hpp"
#include "jobs/deadline_notices.hpp"
#include "jobs/depository_check.hpp"
#include "jobs/disposal_lists.hpp"
#include "jobs/disposal_notices.hpp"
#include "jobs/due_list.hpp"
#include "jobs/notice_steps.hpp"
#include "jobs/reconcile_job.hpp"
#include "jobs/settlement_notices.hpp"
#include "jobs/settlement_report.hpp"
#include "reports/reconciliation_workbook.hpp"
#include "reports/settlement_workbook.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>
#include <stdexcept>

namespace govpub::jobs {

using domain::to_iso;

namespace {

std::string quarter_name(domain::Date start) {
    return std::to_string(static_cast<int>(start.year())) + "Q" +
           std::to_string((static_cast<unsigned>(start.month()) - 1) / 3 + 1);
}

std::filesystem::path reports_dir(const JobServices& s) {
    auto dir = s.settings.reports_dir();
    std::filesystem::create_directories(dir);
    return dir;
}

//! The value of `name=` in a job key such as "period=2026H1".
std::string key_value(const adapters::db::JobInstanceRow& instance, const std::string& name) {
    const std::string prefix = name + "=";
    if (instance.key.rfind(prefix, 0) != 0)
        throw domain::InvalidValue("job key", instance.key,
                                   "job " + instance.job + " expects " + prefix + "…");
    return instance.key.substr(prefix.size());
}

//! "2026Q3" → 2026-07-01; throws domain::InvalidValue for anything else.
domain::Date quarter_start(const std::string& quarter) {
    const bool shaped = quarter.size() == 6 && quarter[4] == 'Q' && quarter[5] >= '1' &&
                        quarter[5] <= '4' && quarter.find_first_not_of("0123456789") == 4;
    if (!shaped)
        throw domain::InvalidValue("depository quarter", quarter,
                                   "expected a year and a quarter such as 2026Q3");
    const int year = std::stoi(quarter.substr(0, 4));
    const unsigned month = static_cast<unsigned>(quarter[5] - '1') * 3 + 1;
    return domain::Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{1}};
}

domain::Date scheduled_day(const adapters::db::JobInstanceRow& instance) {
    if (!instance.scheduled_for)
        throw domain::InvalidValue("job instance", instance.job + " " + instance.key,
                                   "was started by hand; run its command again to restart it");
    return domain::parse_date_or_throw("scheduled_for", instance.scheduled_for->substr(0, 10));
}

} // namespace

std::filesystem::path settlement_workbook_path(const adapters::config::Settings& settings,
                                               const std::string& period) {
    return settings.reports_dir() / ("settlement_" + period + ".xlsx");
}

JobDefinition settle_definition(JobServices s, const domain::Period& period, domain::Date as_of,
                                std::optional<std::string> scheduled_for,
                                SettlementOutcome* closed) {
    JobDefinition d{"settle", "period=" + period.name(), std::move(scheduled_for), {}};
    d.steps.push_back({"close the period", [s, period, as_of, closed](StepContext& step) {
                           SettleJob job(s.db, s.settings, s.calendar);
                           SettleRequest request{period, as_of, false,
                                                 [&step](std::size_t statements) {
                                                     step.count(0, static_cast<long long>(statements));
                                                     step.checkpoint();
                                                 }};
                           auto outcome = job.run(request);
                           domain::Ntd payable = 0, due = 0;
                           for (const auto& st : outcome.statements) {
                               payable = domain::checked_add(payable, st.payable);
                               due = domain::checked_add(due, st.amount_due);
                           }
                           step.report(outcome.period + " closed: " +
                                       std::to_string(outcome.statements.size()) +
                                       " statement(s), payable NT$" + domain::format_ntd(payable) +
                                       ", amount due NT$" + domain::format_ntd(due));
                           if (closed)
                               *closed = std::move(outcome);
                       }});
    d.steps.push_back({"write the settlement workbook", [s, period](StepContext& step) {
                           // Read only: step 1 committed the close with its checkpoint, so
                           // an open period here means the database was changed by hand.
                           auto outcome = SettleJob(s.db, s.settings, s.calendar).stored(period);
                           if (!outcome)
                               throw std::runtime_error(
                                   "settle period=" + period.name() +
                                   ": step 1 is recorded as done but the period is not closed, "
                                   "so there is no settlement to write a workbook of; the job "
                                   "repository and the settlements disagree (was the database "
                                   "restored or changed by hand?)");
                           auto out = settlement_workbook_path(s.settings, period.name());
                           reports_dir(s);
                           reports::write_settlement_workbook(
                               settlement_report(s.db, *outcome,
                                                 adapters::config::local_timestamp()),
                               out);
                           step.count(0, 1);
                       }});
    d.steps.push_back({"make the disposal lists and queue the notices",
                       [s, period](StepContext& step) {
                           auto outcome = SettleJob(s.db, s.settings, s.calendar).stored(period);
                           if (!outcome)
                               throw std::runtime_error("settle period=" + period.name() +
                                                        ": step 1 is recorded as done but the "
                                                        "period is not closed");
                           adapters::db::WriteTransaction tx(s.db);
                           // With each settlement, for each store and agency (SPEC §4.8).
                           const auto lists = make_disposal_lists(s.db, s.calendar, period.name(),
                                                                  outcome->settled_on);
                           adapters::mail::Outbox outbox(s.db, s.settings);
                           auto tally = queue_settlement_notices(s, outbox, *outcome);
                           queue_disposal_requests(s, outbox, lists, tally);
                           std::size_t rows = 0;
                           for (const auto& l : lists)
                               rows += l.rows;
                           step.count(0, static_cast<long long>(lists.size()) + tally.queued);
                           step.report(std::to_string(lists.size()) + " disposal list(s), " +
                                       std::to_string(rows) + " row(s); " + tally.summary());
                           step.checkpoint();
                           tx.commit();
                       }});
    d.steps.push_back(send_notices_step(s));
    return d;
}

JobDefinition reconcile_definition(JobServices s, domain::Date as_of,
                                   std::optional<std::string> scheduled_for) {
    JobDefinition d{"reconcile", "as_of=" + to_iso(as_of), std::move(scheduled_for), {}};
    d.steps.push_back({"write the reconciliation workbook", [s, as_of](StepContext& step) {
                           auto outcome = reconcile(s.db, as_of);
                           auto out = reports_dir(s) / ("reconciliation_" + to_iso(as_of) + ".xlsx");
                           reports::write_reconciliation_workbook(
                               reconciliation_report(s.db, outcome,
                                                     adapters::config::local_timestamp()),
                               out);
                           step.count(static_cast<long long>(outcome.rows.size()), 1);
                       }});
    return d;
}

JobDefinition deadlines_definition(JobServices s, domain::Date day,
                                   std::optional<std::string> scheduled_for) {
    JobDefinition d{"deadlines", "date=" + to_iso(day), std::move(scheduled_for), {}};
    d.steps.push_back({"list what is due", [s, day](StepContext& step) {
                           adapters::import::write_file_whole(
                               reports_dir(s) / ("due_" + to_iso(day) + ".json"),
                               due_json(due_list(s.db, s.calendar, day)));
                           step.count(0, 1);
                       }});
    d.steps.push_back({"queue the reminders", [s, day](StepContext& step) {
                           adapters::db::WriteTransaction tx(s.db);
                           adapters::mail::Outbox outbox(s.db, s.settings);
                           const auto tally = queue_deadline_notices(s, outbox, day);
                           step.count(0, tally.queued);
                           step.report(tally.summary());
                           step.checkpoint();
                           tx.commit();
                       }});
    d.steps.push_back(send_notices_step(s));
    return d;
}

JobDefinition depository_definition(JobServices s, domain::Date day,
                                    std::optional<std::string> scheduled_for) {
    return depository_definition(s, quarter_name(day), day, std::move(scheduled_for));
}

JobDefinition depository_definition(JobServices s, const std::string& quarter,
                                    domain::Date check_day,
                                    std::optional<std::string> scheduled_for) {
    JobDefinition d{"depository", "quarter=" + quarter, std::move(scheduled_for), {}};
    d.steps.push_back({"check the depository libraries and claim what is missing",
                       [s, quarter, check_day](StepContext& step) {
                           adapters::db::WriteTransaction tx(s.db);
                           const auto outcome =
                               run_depository_check(s.db, s.calendar, quarter, check_day);
                           adapters::mail::Outbox outbox(s.db, s.settings);
                           const auto tally = queue_claim_notices(s, outbox, quarter);
                           step.count(static_cast<long long>(outcome.libraries),
                                      static_cast<long long>(outcome.made.size()) + tally.queued);
                           step.report(std::to_string(outcome.libraries) + " librar" +
                                       (outcome.libraries == 1 ? "y" : "ies") + " checked, " +
                                       std::to_string(outcome.made.size()) + " claim(s) made, " +
                                       std::to_string(outcome.still_open) +
                                       " gap(s) already claimed; " + tally.summary());
                           step.checkpoint();
                           tx.commit();
                       }});
    d.steps.push_back(send_notices_step(s));
    return d;
}

JobDefinition definition_of(JobServices s, const adapters::db::JobInstanceRow& instance) {
    const domain::Date day = scheduled_day(instance);
    if (instance.job == "settle")
        return settle_definition(s, domain::Period::parse(key_value(instance, "period")), day,
                                 instance.scheduled_for);
    if (instance.job == "reconcile")
        return reconcile_definition(
            s, domain::parse_date_or_throw("as_of", key_value(instance, "as_of")),
            instance.scheduled_for);
    if (instance.job == "deadlines")
        return deadlines_definition(
            s, domain::parse_date_or_throw("date", key_value(instance, "date")),
            instance.scheduled_for);
    if (instance.job == "depository")
    {
        const std::string quarter = key_value(instance, "quarter");
        quarter_start(quarter); // refuses a key that names no quarter
        return depository_definition(s, quarter, day, instance.scheduled_for);
    }
    throw domain::InvalidValue("job", instance.job,
                               "not one of settle, reconcile, deadlines, depository");
}

} // namespace govpub::jobs
