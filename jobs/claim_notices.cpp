#include "jobs/claim_notices.hpp"

#include "adapters/db/addressees.hpp"
#include "adapters/db/catalogue.hpp"
#include "adapters/db/claim_repository.hpp"
#include "jobs/notice_maker.hpp"

#include <map>

namespace govpub::jobs {

NoticeTally queue_claim_notices(JobServices s, adapters::mail::Outbox& outbox,
                                const std::string& quarter) {
    NoticeTally tally;
    const auto claims = adapters::db::claims_of_quarter(s.db.session(), quarter);
    if (claims.empty())
        return tally;
    const auto to = adapters::db::load_addressees(s.db);
    const auto catalogue = adapters::db::Catalogue::load(s.db);
    const auto sender = notice_sender(s.settings);
    std::map<std::pair<std::string, std::string>, reports::ClaimNotice> letters; // agency, library
    for (const auto& c : claims) {
        auto& n = letters[{c.agency, c.library}];
        n.agency = notice_recipient(to.agency(c.agency));
        n.library_name = to.library(c.library).name;
        n.quarter = quarter;
        n.dated = domain::parse_date_or_throw("notice_date", c.notice_date);
        // One check, one notice date and one due date for all of a quarter's claims.
        n.due = domain::parse_date_or_throw("due", c.due);
        const auto* p = catalogue.publication(c.gpn);
        // The publication date is left out: the claim's optional mark already says what it
        // means for the agency (要點6(4) 後段).
        n.rows.push_back({c.gpn, p ? p->title : c.gpn, c.copies, std::nullopt, c.optional});
    }
    for (const auto& [key, n] : letters)
        queue_counted(outbox,
                      make_notice(adapters::mail::NoticeType::claim, key.second + "/" + key.first,
                                  quarter, to.agency(key.first), reports::render_claim(n, sender)),
                      tally);
    return tally;
}

} // namespace govpub::jobs
