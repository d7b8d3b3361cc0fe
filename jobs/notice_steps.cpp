#include "jobs/notice_steps.hpp"

#include "adapters/mail/notice_store.hpp"
#include "domain/errors.hpp"

namespace govpub::jobs {

std::string NoticeTally::summary() const {
    std::string line = std::to_string(queued) + " notice(s) queued";
    if (already)
        line += ", " + std::to_string(already) + " already queued before";
    if (!not_queued.empty()) {
        line += ", " + std::to_string(not_queued.size()) + " not queued:";
        for (const auto& why : not_queued)
            line += "\n  " + why;
    }
    return line;
}

void queue_counted(adapters::mail::Outbox& outbox, const adapters::mail::Notice& notice,
                   NoticeTally& tally) {
    const std::string what = std::string(adapters::mail::notice_type_name(notice.type)) + " " +
                             notice.subject_key + " (" + notice.period + ") to " +
                             notice.recipient;
    if (notice.email.empty()) {
        tally.not_queued.push_back(what + ": no e-mail address in the master data; add one and "
                                          "the next run queues it");
        return;
    }
    try {
        auto result = outbox.queue(notice);
        ++(result.already ? tally.already : tally.queued);
    } catch (const domain::InvalidValue& e) {
        tally.not_queued.push_back(what + ": " + e.what());
    }
}

bool already_queued(JobServices s, adapters::mail::NoticeType type, const std::string& subject_key,
                    const std::string& period, NoticeTally& tally) {
    const bool found = adapters::mail::NoticeStore(s.db)
                           .find(std::string(adapters::mail::notice_type_name(type)), subject_key,
                                 period)
                           .has_value();
    tally.already += found;
    return found;
}

JobStep send_notices_step(JobServices s) {
    return {"send the queued notices", [s](StepContext& step) {
                adapters::mail::Outbox outbox(s.db, s.settings);
                const auto summary = outbox.send_queued();
                step.count(0, summary.sent);
                step.report(summary.message);
            }};
}

} // namespace govpub::jobs
