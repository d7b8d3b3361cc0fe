// The one place that reads the wall clock; the domain is always handed its dates.
#pragma once

#include "domain/date.hpp"

#include <optional>
#include <string>

namespace govpub::adapters::config {

//! "2026-06-10T01:30:00Z", for audit columns.
std::string utc_timestamp();
//! Seconds since the epoch of a utc_timestamp(); nothing when `text` is not one.
std::optional<long long> utc_seconds(const std::string& text);
//! "2026-06-10 09:30" in the machine's local time zone, for report headers.
std::string local_timestamp();
//! Today in the machine's local time zone (Taiwan's offices run on Asia/Taipei).
domain::Date local_today();

} // namespace govpub::adapters::config
