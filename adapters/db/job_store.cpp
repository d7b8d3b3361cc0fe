// SQL of the job repository, the same statements on SQLite and MariaDB.
#include "adapters/db/job_store.hpp"

#include "adapters/db/row_values.hpp"

namespace govpub::adapters::db {

namespace {

const char* const INSTANCE_COLUMNS =
    "SELECT id, job, job_key, scheduled_for, created_at, status, running_execution, steps_done, "
    "result FROM job_instance ";

const char* const EXECUTION_COLUMNS =
    "SELECT id, instance_id, status, started_at, ended_at, heartbeat_at, clock_at, host, pid, "
    "first_step, read_count, write_count, message, process_start FROM job_execution ";

JobInstanceRow instance_of(const soci::row& r) {
    JobInstanceRow i;
    i.id = int64_at(r, 0);
    i.job = text_at(r, 1);
    i.key = text_at(r, 2);
    i.scheduled_for = optional_text_at(r, 3);
    i.created_at = text_at(r, 4);
    i.status = text_at(r, 5);
    i.running_execution = optional_int64_at(r, 6);
    i.steps_done = static_cast<int>(int64_at(r, 7));
    i.result = optional_text_at(r, 8);
    return i;
}

JobExecutionRow execution_of(const soci::row& r) {
    JobExecutionRow e;
    e.id = int64_at(r, 0);
    e.instance_id = int64_at(r, 1);
    e.status = text_at(r, 2);
    e.started_at = text_at(r, 3);
    e.ended_at = optional_text_at(r, 4);
    e.heartbeat_at = text_at(r, 5);
    e.clock_at = text_at(r, 6);
    e.host = text_at(r, 7);
    e.pid = static_cast<long>(int64_at(r, 8));
    e.first_step = static_cast<int>(int64_at(r, 9));
    e.read_count = int64_at(r, 10);
    e.write_count = int64_at(r, 11);
    e.message = optional_text_at(r, 12);
    e.process_start = text_at(r, 13);
    return e;
}

template <typename Row, typename Convert>
std::vector<Row> all_of(soci::rowset<soci::row>& rows, Convert convert) {
    std::vector<Row> out;
    for (const auto& r : rows)
        out.push_back(convert(r));
    return out;
}

} // namespace

std::optional<JobInstanceRow> JobStore::instance(const std::string& job, const std::string& key) {
    soci::rowset<soci::row> rows =
        (db_.session().prepare << std::string(INSTANCE_COLUMNS) +
                                      "WHERE job = :j AND job_key = :k",
         soci::use(job), soci::use(key));
    for (const auto& r : rows)
        return instance_of(r);
    return std::nullopt;
}

std::optional<JobInstanceRow> JobStore::instance(long long id) {
    soci::rowset<soci::row> rows =
        (db_.session().prepare << std::string(INSTANCE_COLUMNS) + "WHERE id = :i", soci::use(id));
    for (const auto& r : rows)
        return instance_of(r);
    return std::nullopt;
}

JobInstanceRow JobStore::find_or_create(const std::string& job, const std::string& key,
                                        const std::optional<std::string>& scheduled_for,
                                        const std::string& created_at) {
    if (auto found = instance(job, key)) {
        // An instance started by hand that did not complete is taken over by the schedule.
        if (scheduled_for && !found->scheduled_for && found->status != "completed") {
            db_.session() << "UPDATE job_instance SET scheduled_for = :s WHERE id = :i",
                soci::use(*scheduled_for), soci::use(found->id);
            found->scheduled_for = scheduled_for;
        }
        return *found;
    }
    soci::indicator when = scheduled_for ? soci::i_ok : soci::i_null;
    std::string scheduled = scheduled_for.value_or("");
    db_.session() << "INSERT INTO job_instance (job, job_key, scheduled_for, created_at, status, "
                     "steps_done) VALUES (:j, :k, :s, :c, 'pending', 0)",
        soci::use(job), soci::use(key), soci::use(scheduled, when), soci::use(created_at);
    return *instance(job, key);
}

std::optional<long long> JobStore::start_execution(const JobInstanceRow& instance,
                                                   const ExecutionStart& start) {
    long long pid = start.pid;
    db_.session() << "INSERT INTO job_execution (instance_id, status, started_at, heartbeat_at, "
                     "clock_at, host, pid, process_start, first_step) VALUES (:i, 'running', :s, "
                     ":h, :c, :host, :pid, :ps, :f)",
        soci::use(instance.id), soci::use(start.started_at), soci::use(start.started_at),
        soci::use(start.clock_at), soci::use(start.host), soci::use(pid),
        soci::use(start.process_start), soci::use(instance.steps_done);
    long long id = 0;
    if (!db_.session().get_last_insert_id("job_execution", id))
        throw DatabaseError("the database did not report the new job execution's id");
    // The claim: only one execution can move the holder from empty to itself.
    soci::statement claim =
        (db_.session().prepare << "UPDATE job_instance SET running_execution = :e, status = "
                                  "'running' WHERE id = :i AND running_execution IS NULL",
         soci::use(id), soci::use(instance.id));
    claim.execute(true);
    if (claim.get_affected_rows() != 1) {
        db_.session() << "DELETE FROM job_execution WHERE id = :e", soci::use(id);
        return std::nullopt;
    }
    return id;
}

void JobStore::checkpoint(long long instance_id, long long execution_id, int steps_done,
                          long long read_count, long long write_count, const std::string& at) {
    soci::statement held =
        (db_.session().prepare << "UPDATE job_instance SET steps_done = :d WHERE id = :i AND "
                                  "running_execution = :e",
         soci::use(steps_done), soci::use(instance_id), soci::use(execution_id));
    held.execute(true);
    // MySQL counts changed rows, not matched ones; steps_done always grows here, so a row
    // that still matches always changes.
    if (held.get_affected_rows() != 1)
        throw ClaimLost("job execution #" + std::to_string(execution_id) +
                        " no longer holds its job: another process took it over (its heartbeat "
                        "was stale, or `govpub jobs recover` ended it). This run stops and its "
                        "step is rolled back; the other one carries on");
    db_.session() << "UPDATE job_execution SET read_count = :r, write_count = :w, heartbeat_at "
                     "= :h WHERE id = :e",
        soci::use(read_count), soci::use(write_count), soci::use(at), soci::use(execution_id);
}

void JobStore::heartbeat(long long execution_id, const std::string& at) {
    db_.session() << "UPDATE job_execution SET heartbeat_at = :h WHERE id = :e AND status = "
                     "'running'",
        soci::use(at), soci::use(execution_id);
}

bool JobStore::finish(long long execution_id, const std::string& status,
                      const std::string& ended_at, const std::string& message,
                      const std::string& instance_status,
                      const std::optional<std::string>& result) {
    soci::statement ended =
        (db_.session().prepare << "UPDATE job_execution SET status = :s, ended_at = :t, message "
                                  "= :m WHERE id = :e AND status = 'running'",
         soci::use(status), soci::use(ended_at), soci::use(message), soci::use(execution_id));
    ended.execute(true);
    const bool was_running = ended.get_affected_rows() == 1;
    soci::indicator has_result = result ? soci::i_ok : soci::i_null;
    std::string text = result.value_or("");
    db_.session() << "UPDATE job_instance SET status = :s, running_execution = NULL, result = "
                     "COALESCE(:r, result) WHERE running_execution = :e",
        soci::use(instance_status), soci::use(text, has_result), soci::use(execution_id);
    return was_running;
}

void JobStore::forget(long long instance_id) {
    db_.session() << "DELETE FROM job_execution WHERE instance_id = :i", soci::use(instance_id);
    db_.session() << "DELETE FROM job_instance WHERE id = :i", soci::use(instance_id);
}

std::string JobStore::now() {
    std::string at;
    db_.session() << (db_.dialect() == Dialect::mysql
                          ? "SELECT DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%dT%H:%i:%sZ')"
                          : "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"),
        soci::into(at);
    return at;
}

std::optional<JobExecutionRow> JobStore::execution(long long id) {
    soci::rowset<soci::row> rows =
        (db_.session().prepare << std::string(EXECUTION_COLUMNS) + "WHERE id = :i",
         soci::use(id));
    for (const auto& r : rows)
        return execution_of(r);
    return std::nullopt;
}

std::vector<JobExecutionRow> JobStore::executions(long long instance_id) {
    soci::rowset<soci::row> rows =
        (db_.session().prepare << std::string(EXECUTION_COLUMNS) +
                                      "WHERE instance_id = :i ORDER BY id",
         soci::use(instance_id));
    return all_of<JobExecutionRow>(rows, execution_of);
}

std::vector<JobExecutionRow> JobStore::recent_executions(int limit) {
    soci::rowset<soci::row> rows =
        (db_.session().prepare << std::string(EXECUTION_COLUMNS) + "ORDER BY id DESC LIMIT " +
                                      std::to_string(limit));
    return all_of<JobExecutionRow>(rows, execution_of);
}

std::vector<JobInstanceRow> JobStore::instances(const std::string& job, int limit) {
    soci::rowset<soci::row> rows =
        (db_.session().prepare << std::string(INSTANCE_COLUMNS) +
                                      "WHERE (:j = '' OR job = :j2) ORDER BY id DESC LIMIT " +
                                      std::to_string(limit),
         soci::use(job), soci::use(job));
    return all_of<JobInstanceRow>(rows, instance_of);
}

std::vector<JobInstanceRow> JobStore::unfinished_scheduled() {
    soci::rowset<soci::row> rows =
        (db_.session().prepare << std::string(INSTANCE_COLUMNS) +
                                      "WHERE scheduled_for IS NOT NULL AND status <> 'completed' "
                                      "ORDER BY scheduled_for, id");
    return all_of<JobInstanceRow>(rows, instance_of);
}

std::optional<std::string> JobStore::checked_until(const std::string& job) {
    soci::indicator ind = soci::i_null;
    std::string until;
    db_.session() << "SELECT checked_until FROM job_schedule WHERE job = :j", soci::into(until, ind),
        soci::use(job);
    if (!db_.session().got_data() || ind != soci::i_ok)
        return std::nullopt;
    return until;
}

void JobStore::set_checked_until(const std::string& job, const std::string& until) {
    if (checked_until(job))
        db_.session() << "UPDATE job_schedule SET checked_until = :u WHERE job = :j",
            soci::use(until), soci::use(job);
    else
        db_.session() << "INSERT INTO job_schedule (job, checked_until) VALUES (:j, :u)",
            soci::use(job), soci::use(until);
}

} // namespace govpub::adapters::db
