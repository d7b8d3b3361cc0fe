// Wall-clock readings, formatted with strftime (g++ 12 has no std::format).
#include "adapters/config/clock.hpp"

#include <chrono>
#include <ctime>

namespace govpub::adapters::config {

namespace {

std::string format_now(const char* pattern, bool utc) {
    std::time_t t = std::time(nullptr);
    std::tm parts{};
    if (utc)
        gmtime_r(&t, &parts);
    else
        localtime_r(&t, &parts);
    char buffer[64];
    std::size_t n = std::strftime(buffer, sizeof buffer, pattern, &parts);
    return std::string(buffer, n);
}

} // namespace

std::string utc_timestamp() { return format_now("%Y-%m-%dT%H:%M:%SZ", true); }
std::optional<long long> utc_seconds(const std::string& text) {
    std::tm parts{};
    const char* end = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &parts);
    if (end == nullptr || *end != '\0')
        return std::nullopt;
    return static_cast<long long>(timegm(&parts));
}

std::string local_timestamp() { return format_now("%Y-%m-%d %H:%M", false); }

domain::Date local_today() {
    std::time_t t = std::time(nullptr);
    std::tm parts{};
    localtime_r(&t, &parts);
    return domain::Date{std::chrono::year{parts.tm_year + 1900},
                        std::chrono::month{static_cast<unsigned>(parts.tm_mon + 1)},
                        std::chrono::day{static_cast<unsigned>(parts.tm_mday)}};
}

} // namespace govpub::adapters::config
