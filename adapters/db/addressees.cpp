#include "adapters/db/addressees.hpp"

#include "adapters/db/row_values.hpp"

namespace govpub::adapters::db {

const Addressee& Addressees::find(const std::map<std::string, Addressee>& in,
                                  const std::string& code) {
    // Kept per thread so that the reference stays valid while the caller uses it.
    thread_local std::map<std::string, Addressee> unknown;
    if (auto it = in.find(code); it != in.end())
        return it->second;
    auto [it, added] = unknown.try_emplace(code, Addressee{code, code, "", "", ""});
    return it->second;
}

Addressees load_addressees(Database& db) {
    Addressees all;
    auto load = [&db](const std::string& query, std::map<std::string, Addressee>& into) {
        soci::rowset<soci::row> rows = db.session().prepare << query;
        for (const auto& r : rows) {
            Addressee a{text_at(r, 0), text_at(r, 1), text_at(r, 2), text_at(r, 3),
                        text_at(r, 4)};
            into.emplace(a.code, std::move(a));
        }
    };
    load("SELECT code, name, contact, address, email FROM agency", all.agencies);
    load("SELECT code, name, '', address, email FROM store", all.stores);
    load("SELECT code, name, '', '', email FROM library", all.libraries);
    return all;
}

} // namespace govpub::adapters::db
