// Who a notice goes to (SPEC §4.12): the name, contact person, address and e-mail of an agency,
// a store or a library, as the master data hold them.
#pragma once

#include "adapters/db/database.hpp"

#include <map>
#include <string>

namespace govpub::adapters::db {

struct Addressee {
    std::string code;
    std::string name;
    std::string contact; //!< a person; empty for stores and libraries, or when not given
    std::string address; //!< empty when not given
    std::string email;   //!< empty when not given: the notice cannot be sent
};

//! Every agency, store and library, by code. Master rows are few (tens to hundreds), and a job
//! that sends notices needs most of them, so they are read once.
struct Addressees {
    std::map<std::string, Addressee> agencies;
    std::map<std::string, Addressee> stores;
    std::map<std::string, Addressee> libraries;

    //! The agency, store or library `code`; one with only its code when the master data lack it
    //! (the notice then names the code and cannot be sent for want of an address).
    const Addressee& agency(const std::string& code) const { return find(agencies, code); }
    const Addressee& store(const std::string& code) const { return find(stores, code); }
    const Addressee& library(const std::string& code) const { return find(libraries, code); }

  private:
    static const Addressee& find(const std::map<std::string, Addressee>& in,
                                 const std::string& code);
};

Addressees load_addressees(Database& db);

} // namespace govpub::adapters::db
