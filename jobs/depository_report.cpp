// Judging each receipt's check-in and service and each claim as of a day.
#include "jobs/depository_report.hpp"

#include "adapters/db/catalogue.hpp"
#include "adapters/db/claim_repository.hpp"
#include "adapters/db/library_repository.hpp"
#include "domain/deadlines.hpp"
#include "domain/retention.hpp"

#include <map>
#include <optional>

namespace govpub::jobs {

namespace {

using domain::Date;

//! A date set on or before `as_of`; one set later had not happened yet on that day.
std::optional<Date> by_day(std::string_view field, const std::string& iso, Date as_of) {
    if (iso.empty())
        return std::nullopt;
    const Date date = domain::parse_date_or_throw(field, iso);
    return date <= as_of ? std::optional<Date>(date) : std::nullopt;
}

std::int64_t days_late(Date due, Date as_of) {
    return std::max(0, domain::days_between(due, as_of));
}

} // namespace

reports::DepositoryReport depository_report(adapters::db::Database& db,
                                            const domain::HolidayCalendar& calendar, Date as_of,
                                            const std::string& generated_at) {
    auto& sql = db.session();
    const std::string day = domain::to_iso(as_of);
    const auto catalogue = adapters::db::Catalogue::load(db);
    const auto title_of = [&](const std::string& gpn) {
        const auto* p = catalogue.publication(gpn);
        return p ? p->title : std::string();
    };
    const auto libraries = adapters::db::load_libraries(sql);

    reports::DepositoryReport report;
    report.as_of = as_of;
    report.generated_at = generated_at;
    std::map<std::string, std::size_t> library_row;
    for (const auto& [code, l] : libraries) {
        library_row.emplace(code, report.libraries.size());
        report.libraries.push_back({code, l.name, std::string(domain::to_string(l.kind))});
    }
    const auto library_name = [&](const std::string& code) {
        auto it = libraries.find(code);
        return it == libraries.end() ? code : it->second.name;
    };

    for (const auto& r : adapters::db::receipts_received_by(sql, day)) {
        auto& row = report.libraries[library_row.at(r.library)];
        ++row.received;
        const auto kind = domain::parse_publication_kind_or_throw(r.kind);
        const Date received = domain::parse_date_or_throw("received_on", r.received_on);
        const auto checked = by_day("checked_in_on", r.checked_in_on, as_of);
        const auto served =
            checked ? by_day("in_service_on", r.in_service_on, as_of) : std::nullopt;
        const auto overdue = [&](const char* obligation, Date due) {
            ++row.overdue;
            report.overdue.push_back({r.library, row.name, r.gpn, r.title, obligation, received,
                                      due, days_late(due, as_of)});
        };
        // 要點6(2): check-in within a month of receipt (a serial's first issue only), service
        // within two months of the check-in; each judged once done or past due.
        if (auto due = domain::check_in_due(kind, r.first_of_gpn, received, calendar)) {
            if (checked) {
                ++row.check_ins_judged;
                row.checked_in_on_time += *checked <= *due;
            } else if (as_of > *due) {
                ++row.check_ins_judged;
                overdue("check_in", *due);
            }
        }
        if (checked) {
            const Date due = domain::service_due(*checked, calendar);
            if (served) {
                ++row.services_judged;
                row.in_service_on_time += *served <= due;
            } else if (as_of > due) {
                ++row.services_judged;
                overdue("service", due);
            }
        }
    }

    std::map<std::string, std::size_t> agency_row;
    for (const auto& standing : adapters::db::claims_as_of(sql, day)) {
        const auto& c = standing.claim;
        auto [at, added] = agency_row.emplace(c.agency, report.agencies.size());
        if (added)
            report.agencies.push_back({c.agency, catalogue.agency_name(c.agency)});
        auto& agency = report.agencies[at->second];
        if (standing.met()) {
            ++agency.met;
            continue;
        }
        const Date due = domain::parse_date_or_throw("claim due", c.due);
        const bool late =
            domain::obligation_status(due, as_of) == domain::ObligationStatus::overdue;
        ++agency.open;
        agency.optional += c.optional;
        agency.overdue += late;
        if (auto it = library_row.find(c.library); it != library_row.end())
            ++report.libraries[it->second].open_claims;
        report.claims.push_back({c.library, library_name(c.library), c.agency, agency.name, c.gpn,
                                 title_of(c.gpn), c.copies, c.quarter,
                                 domain::parse_date_or_throw("claim notice_date", c.notice_date),
                                 due, c.optional, late ? days_late(due, as_of) : 0});
    }
    return report;
}

} // namespace govpub::jobs
