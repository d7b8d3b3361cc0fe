// Where settlements live: unsettled sales in, closed statements out.
#pragma once

#include "adapters/db/database.hpp"
#include "domain/settlement.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace govpub::adapters::db {

struct UnsettledSale {
    std::string store;
    std::string gpn;
    std::string sale_date; //!< ISO
    long long quantity;
    long long list_price; //!< the catalogue's on the sale date
};

struct ClosedSettlement {
    std::string period;
    std::string from;
    std::string to;
    std::string settled_on;
    std::string closed_at;
    std::string result_json;
};

//! A closed statement's payment to the agency (amount due > 0).
struct PaymentDue {
    std::string period;
    std::string store;
    std::string agency;
    long long amount_due = 0;
    std::string due_date; //!< ISO
};

class SettlementRepository {
  public:
    explicit SettlementRepository(Database& db) : db_(db) {}

    std::optional<ClosedSettlement> closed(const std::string& period);
    //! The latest closed period ("2026H1" names sort in time order), if any.
    std::optional<std::string> latest_closed();
    //! The earliest sale date not yet settled that lies before `iso_date`, if any.
    std::optional<std::string> earliest_unsettled_before(const std::string& iso_date);
    //! Streams every unsettled sale dated on or before `iso_date`, in batches.
    void for_each_unsettled(const std::string& iso_date,
                            const std::function<void(const UnsettledSale&)>& visit);
    //! (store, agency) → the carried_out of that pair's latest statement before `period`.
    std::map<std::pair<std::string, std::string>, long long>
    carried_balances(const std::string& period);
    //! Stores the statements, marks the sales settled and closes the period; the caller
    //! holds the write transaction. `through` is the last sale date the run took.
    void close(const ClosedSettlement& settlement, const std::vector<domain::Statement>& statements,
               const std::string& through);
    //! The statements of a closed period, as stored.
    std::vector<domain::Statement> statements(const std::string& period);

    //! Every statement with an amount due of the settlements dated on or before `iso_date`
    //! (what had been settled by that day), by due date, store and agency.
    std::vector<PaymentDue> payments_due(const std::string& iso_date);

  private:
    Database& db_;
};

} // namespace govpub::adapters::db
