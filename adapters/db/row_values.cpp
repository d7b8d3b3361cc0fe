// Type-tolerant column reads.
#include "adapters/db/row_values.hpp"

#include <cmath>
#include <stdexcept>

namespace govpub::adapters::db {

long long int64_at(const soci::row& row, std::size_t i) {
    switch (row.get_properties(i).get_data_type()) {
    case soci::dt_integer:
        return row.get<int>(i);
    case soci::dt_long_long:
        return row.get<long long>(i);
    case soci::dt_unsigned_long_long:
        return static_cast<long long>(row.get<unsigned long long>(i));
    case soci::dt_double: {
        double d = row.get<double>(i);
        if (d != std::floor(d))
            throw std::runtime_error("column " + row.get_properties(i).get_name() +
                                     " holds a fraction where a whole number was expected");
        return static_cast<long long>(d);
    }
    case soci::dt_string:
        return std::stoll(row.get<std::string>(i));
    default:
        throw std::runtime_error("column " + row.get_properties(i).get_name() +
                                 " is not a number");
    }
}

std::optional<long long> optional_int64_at(const soci::row& row, std::size_t i) {
    if (row.get_indicator(i) == soci::i_null)
        return std::nullopt;
    return int64_at(row, i);
}

std::string text_at(const soci::row& row, std::size_t i) {
    if (row.get_indicator(i) == soci::i_null)
        return "";
    switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string:
        return row.get<std::string>(i);
    default:
        return std::to_string(int64_at(row, i));
    }
}

std::optional<std::string> optional_text_at(const soci::row& row, std::size_t i) {
    if (row.get_indicator(i) == soci::i_null)
        return std::nullopt;
    return text_at(row, i);
}

} // namespace govpub::adapters::db
