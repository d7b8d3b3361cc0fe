// Loading the master-data snapshot in four queries.
#include "adapters/db/catalogue.hpp"

#include "adapters/db/row_values.hpp"

#include <algorithm>

namespace govpub::adapters::db {

Catalogue Catalogue::load(Database& db) {
    Catalogue c;
    auto& sql = db.session();
    {
        soci::rowset<soci::row> rows = (sql.prepare << "SELECT code, name FROM agency");
        for (const auto& r : rows)
            c.agencies_[r.get<std::string>(0)] = r.get<std::string>(1);
    }
    {
        soci::rowset<soci::row> rows = (sql.prepare << "SELECT code, name FROM store");
        for (const auto& r : rows)
            c.stores_[r.get<std::string>(0)] = r.get<std::string>(1);
    }
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT gpn, agency, title, kind, isbn13 FROM publication");
        for (const auto& r : rows) {
            CataloguePublication p;
            p.agency = r.get<std::string>(1);
            p.title = r.get<std::string>(2);
            p.kind = r.get<std::string>(3);
            if (r.get_indicator(4) == soci::i_ok) {
                p.isbn13 = r.get<std::string>(4);
                c.gpn_by_isbn_[*p.isbn13] = r.get<std::string>(0);
            }
            c.publications_.emplace(r.get<std::string>(0), std::move(p));
        }
    }
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT gpn, valid_from, list_price FROM publication_price "
                            "ORDER BY gpn, valid_from");
        for (const auto& r : rows) {
            auto it = c.publications_.find(r.get<std::string>(0));
            if (it != c.publications_.end())
                it->second.prices.emplace_back(r.get<std::string>(1), int64_at(r, 2));
        }
    }
    return c;
}

const CataloguePublication* Catalogue::publication(const std::string& gpn) const {
    auto it = publications_.find(gpn);
    return it == publications_.end() ? nullptr : &it->second;
}

const std::string* Catalogue::gpn_for_isbn(const std::string& isbn13) const {
    auto it = gpn_by_isbn_.find(isbn13);
    return it == gpn_by_isbn_.end() ? nullptr : &it->second;
}

std::optional<domain::Ntd> Catalogue::price_on(const std::string& gpn,
                                               const std::string& iso_date) const {
    const auto* p = publication(gpn);
    if (!p)
        return std::nullopt;
    std::optional<domain::Ntd> price;
    for (const auto& [from, amount] : p->prices) {
        if (from > iso_date)
            break;
        price = amount;
    }
    return price;
}

namespace {
std::string name_or_code(const std::unordered_map<std::string, std::string>& names,
                         const std::string& code) {
    auto it = names.find(code);
    return it == names.end() ? code : it->second;
}

const std::string* by_name_or_code(const std::unordered_map<std::string, std::string>& names,
                                   const std::string& text) {
    if (auto it = names.find(text); it != names.end())
        return &it->first;
    for (const auto& [code, name] : names)
        if (name == text)
            return &code;
    return nullptr;
}
} // namespace

const std::string* Catalogue::agency_code_by_name_or_code(const std::string& text) const {
    return by_name_or_code(agencies_, text);
}

const std::string* Catalogue::store_code_by_name_or_code(const std::string& text) const {
    return by_name_or_code(stores_, text);
}

std::string Catalogue::agency_name(const std::string& code) const {
    return name_or_code(agencies_, code);
}

std::string Catalogue::store_name(const std::string& code) const {
    return name_or_code(stores_, code);
}

std::vector<std::string> Catalogue::gpns_of_agency(const std::string& agency) const {
    std::vector<std::string> gpns;
    for (const auto& [gpn, publication] : publications_)
        if (publication.agency == agency)
            gpns.push_back(gpn);
    std::sort(gpns.begin(), gpns.end());
    return gpns;
}

} // namespace govpub::adapters::db
