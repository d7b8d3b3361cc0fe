// Depository libraries and their receipts as stored (SPEC §4.9, sql/*/003).
#pragma once

#include "adapters/db/database.hpp"
#include "domain/receipt_check.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace govpub::adapters::db {

//! A row of `library` with its rows of `library_agency`.
struct LibraryRecord {
    std::string code;
    std::string name;
    domain::LibraryKind kind = domain::LibraryKind::depository;
    std::string email; //!< empty: none
    //! The agencies a depository library receives; empty: every agency's (SPEC §5.2). Always
    //! empty for the NCL and the LY, which receive everything (要點7).
    std::set<std::string> agencies;
};

//! Every library by code. Few (the NCL, the LY and some dozens of depository libraries).
std::map<std::string, LibraryRecord> load_libraries(soci::session& sql);

//! Makes the NCL or LY among `codes` a depository library for the rest of the transaction, so
//! that a file handing a kind from one library to another never holds two of it in between
//! (the database allows one of each).
void release_national_kinds(soci::session& sql, const std::vector<std::string>& codes);

//! Inserts the library or updates it in place by its code. With `replace_agencies` its list
//! of agencies becomes `record.agencies`; without, the stored list stays.
void save_library(soci::session& sql, const LibraryRecord& record, bool replace_agencies);

//! One delivery of a GPN to a library; dates ISO, empty when not (yet) known.
struct ReceiptRecord {
    std::string library;
    std::string gpn;
    long long copies = 0;
    std::string received_on;
    std::string checked_in_on;
    std::string in_service_on;
};

//! The receipt of `gpn` by `library` on `received_on` (the same receipt: sql/*/003), if stored.
std::optional<ReceiptRecord> find_receipt(soci::session& sql, const std::string& library,
                                          const std::string& gpn, const std::string& received_on);

//! Stores a new receipt recorded by the import `sha256`.
void insert_receipt(soci::session& sql, const ReceiptRecord& receipt, const std::string& sha256);

//! Fills in the check-in and service dates of the stored receipt with the same key where they
//! are still empty; a date already set is kept (the import refuses to change one).
void fill_in_receipt(soci::session& sql, const ReceiptRecord& receipt, const std::string& sha256);

//! A receipt with what its deadlines depend on (SPEC §4.9): dates ISO, empty when not set.
struct DepositoryReceipt {
    std::string library;
    std::string gpn;
    std::string title;
    std::string kind; //!< the publication's kind (book, serial, …)
    std::string received_on;
    std::string checked_in_on;
    std::string in_service_on;
    bool first_of_gpn = true; //!< no earlier receipt of this GPN by this library
};

//! Every receipt received on or before `as_of_iso`, by library, GPN and day. Check-in and
//! service dates are given as stored; the caller ignores those after its day.
std::vector<DepositoryReceipt> receipts_received_by(soci::session& sql,
                                                    const std::string& as_of_iso);

//! The same, only those not yet in service: what can still be due or overdue.
std::vector<DepositoryReceipt> receipts_not_in_service(soci::session& sql,
                                                       const std::string& as_of_iso);

//! (library, GPN) → copies received in all, whatever the day: what a library holds now.
std::map<std::pair<std::string, std::string>, long long> copies_received(soci::session& sql);

} // namespace govpub::adapters::db
