// Writing many rows at once, the fastest safe way for each dialect (FACTS.md).
#pragma once

#include "adapters/db/database.hpp"

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace govpub::adapters::db {

//! One column of a bulk insert: its name, its values (one per row) and, optionally, which of
//! them are NULL. It points at the caller's vectors, which must outlive the insert.
struct BulkColumn {
    using Values = std::variant<const std::vector<long long>*, const std::vector<int>*,
                                const std::vector<std::string>*>;

    template <typename T>
    BulkColumn(std::string column, const std::vector<T>& column_values)
        : name(std::move(column)), values(&column_values) {}
    template <typename T>
    BulkColumn(std::string column, const std::vector<T>& column_values,
               const std::vector<soci::indicator>& column_nulls)
        : name(std::move(column)), values(&column_values), nulls(&column_nulls) {}

    std::string name;
    Values values;
    const std::vector<soci::indicator>* nulls = nullptr; //!< i_null marks a NULL
};

//! Rows per statement on MySQL: large enough that a round trip costs little next to the
//! rows, small enough to stay far below max_allowed_packet.
inline constexpr std::size_t MYSQL_ROWS_PER_STATEMENT = 1000;

//! Inserts every row of `columns` (all of one length) into `table` inside the caller's
//! transaction, and returns how many rows it sent. SQLite: one fresh statement bound to the
//! vectors. MySQL: multi-row `INSERT … VALUES (…),(…)` statements of at most
//! MYSQL_ROWS_PER_STATEMENT rows, the values escaped by the client library for the
//! connection's character set; SOCI 4.0.3's MySQL backend would run a vector-bound statement
//! once per row (92 s per million) and re-insert the first batch when one is re-executed.
//! Throws soci::soci_error when the database refuses a row.
std::size_t bulk_insert(Database& db, const std::string& table,
                        const std::vector<BulkColumn>& columns);

} // namespace govpub::adapters::db
