// Stock and first supply from the database, the choice of rows from the domain.
#include "jobs/disposal_lists.hpp"

#include "adapters/db/catalogue.hpp"
#include "adapters/db/stock_repository.hpp"
#include "domain/deadlines.hpp"
#include "domain/disposal_list.hpp"
#include "domain/reconciliation.hpp"

#include <map>
#include <utility>

namespace govpub::jobs {

namespace db = adapters::db;

std::vector<MadeDisposalList> make_disposal_lists(db::Database& db,
                                                  const domain::HolidayCalendar& calendar,
                                                  const std::string& period,
                                                  domain::Date settlement_date) {
    const std::string as_of = domain::to_iso(settlement_date);
    const auto catalogue = db::Catalogue::load(db);
    const auto first_supplied = db::first_supply_dates(db.session(), as_of);
    std::vector<domain::StoreStock> stock;
    for (const auto& [key, movements] : db::stock_movements(db, as_of)) {
        const auto* publication = catalogue.publication(key.second);
        auto first = first_supplied.find(key);
        // Sold without ever being supplied (not_consigned): there is no copy to dispose of.
        if (!publication || first == first_supplied.end())
            continue;
        domain::StoreStock s;
        s.store = key.first;
        s.agency = publication->agency;
        s.gpn = key.second;
        s.kind = domain::parse_publication_kind_or_throw(publication->kind);
        s.first_supplied = domain::parse_date_or_throw("supply_date", first->second);
        s.on_hand = domain::reconcile(movements).expected_on_hand;
        stock.push_back(std::move(s));
    }
    std::map<std::pair<std::string, std::string>, std::vector<db::DisposalRowRecord>> by_pair;
    for (const auto& row : domain::disposal_list(stock, settlement_date))
        by_pair[{row.stock.store, row.stock.agency}].push_back(
            {row.stock.gpn, row.stock.on_hand, std::string(domain::to_string(row.ground)),
             row.stock.reason ? std::string(domain::to_string(*row.stock.reason)) : "",
             domain::to_iso(row.stock.first_supplied), domain::to_iso(row.retention_end)});

    // Every list of the period stays as made, even one whose stock has since gone.
    std::map<std::pair<std::string, std::string>, MadeDisposalList> lists;
    for (auto& stored : db::disposal_lists_of_period(db.session(), period)) {
        const auto count = db::disposal_rows(db.session(), stored.id).size();
        std::pair<std::string, std::string> key{stored.store, stored.agency};
        lists.emplace(std::move(key), MadeDisposalList{std::move(stored), count, true});
    }
    for (const auto& [pair, rows] : by_pair) {
        if (lists.count(pair))
            continue;
        const auto& [store, agency] = pair;
        db::DisposalListRecord list{
            0,
            db::disposal_notice_no(period, store, agency),
            period,
            store,
            agency,
            as_of,
            domain::to_iso(domain::disposal_reply_due(settlement_date, calendar))};
        list.id = db::save_disposal_list(db.session(), list, rows);
        lists.emplace(pair, MadeDisposalList{std::move(list), rows.size(), false});
    }
    std::vector<MadeDisposalList> made;
    for (auto& [pair, list] : lists)
        made.push_back(std::move(list));
    return made;
}

} // namespace govpub::jobs
