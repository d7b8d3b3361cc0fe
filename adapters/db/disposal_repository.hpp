// Disposal lists, agencies' replies and stores' disposals as stored (SPEC §4.8, sql/*/005).
#pragma once

#include "adapters/db/database.hpp"
#include "domain/reconciliation.hpp"
#include "domain/retention.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace govpub::adapters::db {

//! A list's header. Dates are ISO.
struct DisposalListRecord {
    long long id = 0; //!< 0 until saved
    std::string notice_no;
    std::string period;
    std::string store;
    std::string agency;
    std::string notice_date;
    std::string reply_due;
};

//! A row as the agency was shown it (要點11(4)): the stock on hand at the settlement date.
struct DisposalRowRecord {
    std::string gpn;
    std::int64_t on_hand = 0;
    std::string ground;         //!< retention_ended, weeding_reason
    std::string reason;         //!< a 要點6(6) id, empty when none
    std::string first_supplied; //!< ISO
    std::string retention_end;  //!< ISO
};

//! An agency's answer to one row.
struct DisposalReplyRecord {
    long long list_id = 0;
    std::string gpn;
    std::string action; //!< return, donate, destroy, keep
    std::int64_t quantity = 0;
    std::string recipient; //!< empty when none
    std::string replied_on;
    std::string import_sha256;
    std::optional<long long> movement_id; //!< the stock it moved; nothing for keep
};

//! "D2026H1-S01-A001": readable, and unique because (period, store, agency) is.
std::string disposal_notice_no(const std::string& period, const std::string& store,
                               const std::string& agency);

//! Inserts the list and its rows; returns the list's id. Works inside the caller's transaction.
long long save_disposal_list(soci::session& sql, const DisposalListRecord& list,
                             const std::vector<DisposalRowRecord>& rows);

std::optional<DisposalListRecord> find_disposal_list(soci::session& sql,
                                                     const std::string& notice_no);
std::optional<DisposalListRecord> find_disposal_list(soci::session& sql, const std::string& period,
                                                     const std::string& store,
                                                     const std::string& agency);
//! The lists of a period, by store then agency.
std::vector<DisposalListRecord> disposal_lists_of_period(soci::session& sql,
                                                         const std::string& period);
//! Every list, by period, store, agency.
std::vector<DisposalListRecord> all_disposal_lists(soci::session& sql);

//! A list's rows, by GPN.
std::vector<DisposalRowRecord> disposal_rows(soci::session& sql, long long list_id);
//! A list's replies, by GPN.
std::vector<DisposalReplyRecord> disposal_replies(soci::session& sql, long long list_id);

//! A list with a row still unanswered on `as_of` (ISO): what `govpub due` shows as a
//! disposal_reply obligation of the agency (who = agency, subject = notice_no), and what a
//! reminder notice is sent for (SPEC §4.8). A reply recorded later than `as_of` does not count.
struct UnansweredList {
    std::string notice_no;
    std::string store;
    std::string agency;
    std::string period;
    std::string notice_date;
    std::string reply_due;
    std::size_t open_rows = 0;
};
//! Lists made on or before `as_of` with at least one row without a reply, by reply_due then
//! notice_no.
std::vector<UnansweredList> unanswered_disposal_lists(soci::session& sql, const std::string& as_of);

//! Everything that moved `gpn` in each store up to and including `as_of` (ISO), by store:
//! the stock rules of SPEC §4.7 for one publication, without reading every other one.
std::map<std::string, domain::StockMovements>
gpn_movements(soci::session& sql, const std::string& gpn, const std::string& as_of);

//! What the agency holds of `gpn` for the last-copy rule (要點7), from gpn_movements as of
//! `as_of`: the copies expected on hand in every store (a store below 0 counts 0) plus every
//! copy returned to the agency, which went back to it and so is still its own. Copies sold
//! are the buyers'. has_e_file stays false until deposits (附件三) are stored.
domain::AgencyHoldings agency_holdings(const std::map<std::string, domain::StockMovements>& stock);
//! agency_holdings of gpn_movements(sql, gpn, as_of).
domain::AgencyHoldings agency_holdings(soci::session& sql, const std::string& gpn,
                                       const std::string& as_of);

//! A stock movement (sql/*/001 stock_movement); returns its id.
long long insert_stock_movement(soci::session& sql, const std::string& store,
                                const std::string& gpn, const std::string& action,
                                std::int64_t quantity, const std::string& done_on,
                                const std::string& recipient, const std::string& import_sha256);

//! Stores a reply. Its movement, if any, must be inserted first.
void insert_disposal_reply(soci::session& sql, const DisposalReplyRecord& reply);

//! An applied reply of a store's GPN whose instruction the store has not yet reported fully
//! carried out: `open` copies of `quantity` are still to be confirmed by a disposals file.
struct OpenInstruction {
    long long list_id = 0;
    std::string notice_no;
    std::string notice_date;
    std::string action;
    std::string recipient;
    std::int64_t quantity = 0;
    std::int64_t open = 0;
};
//! Every applied return, donation or destruction of `store`'s `gpn` with copies still to
//! confirm, oldest list first.
std::vector<OpenInstruction> open_instructions(soci::session& sql, const std::string& store,
                                               const std::string& gpn);

//! One line of a store's disposals file as stored (sql/*/005 store_disposal).
struct StoreDisposalRecord {
    std::string store;
    std::string gpn;
    std::string action;
    std::int64_t quantity = 0;
    std::string done_on;
    std::string recipient;
    std::string reason;
    std::string import_sha256;
    std::size_t line_no = 0;
    std::optional<long long> confirms_list;
    std::int64_t confirmed = 0;
    std::optional<long long> movement_id;
};
void insert_store_disposal(soci::session& sql, const StoreDisposalRecord& record);

//! The first day each (store, GPN) was supplied on or before `as_of` (ISO): where a store's
//! retention counts from (SPEC §4.1).
std::map<std::pair<std::string, std::string>, std::string>
first_supply_dates(soci::session& sql, const std::string& as_of);

} // namespace govpub::adapters::db
