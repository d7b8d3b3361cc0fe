// A read-only snapshot of the master data an import validates against.
#pragma once

#include "adapters/db/database.hpp"
#include "domain/money.hpp"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace govpub::adapters::db {

struct CataloguePublication {
    std::string agency;
    std::string title;
    std::string kind;
    std::optional<std::string> isbn13;
    //! (valid_from ISO date, list price), sorted by date.
    std::vector<std::pair<std::string, domain::Ntd>> prices;
};

//! Agencies, stores and publications with their price history. Small next to a sales file
//! (thousands of titles), so it is held in memory for per-line lookups.
class Catalogue {
  public:
    static Catalogue load(Database& db);

    const CataloguePublication* publication(const std::string& gpn) const;
    const std::string* gpn_for_isbn(const std::string& isbn13) const;
    //! The list price in force on `iso_date`, if the publication had one then.
    std::optional<domain::Ntd> price_on(const std::string& gpn, const std::string& iso_date) const;
    bool has_agency(const std::string& code) const { return agencies_.count(code) > 0; }
    bool has_store(const std::string& code) const { return stores_.count(code) > 0; }
    const std::string* agency_code_by_name_or_code(const std::string& text) const;
    const std::string* store_code_by_name_or_code(const std::string& text) const;
    //! The agency's name, or `code` itself when the catalogue does not know it.
    std::string agency_name(const std::string& code) const;
    //! The store's name, or `code` itself when the catalogue does not know it.
    std::string store_name(const std::string& code) const;
    //! The GPNs `agency` publishes, in order.
    std::vector<std::string> gpns_of_agency(const std::string& agency) const;

  private:
    std::unordered_map<std::string, CataloguePublication> publications_;
    std::unordered_map<std::string, std::string> gpn_by_isbn_;
    std::unordered_map<std::string, std::string> agencies_; // code → name
    std::unordered_map<std::string, std::string> stores_;   // code → name
};

} // namespace govpub::adapters::db
