// Reading soci::row columns whatever type the backend reports for them.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>

namespace govpub::adapters::db {

//! SOCI types a column by its declared SQL type, and SQLite aggregates and MySQL SUM() come
//! back as other types than the table's; these read any integer-like column as 64 bits.
long long int64_at(const soci::row& row, std::size_t i);
std::optional<long long> optional_int64_at(const soci::row& row, std::size_t i);
std::string text_at(const soci::row& row, std::size_t i);
std::optional<std::string> optional_text_at(const soci::row& row, std::size_t i);

} // namespace govpub::adapters::db
