// GOVPUB_CRASH_AT: SIGKILL at a named point, for the kill tests.
#include "adapters/config/crash_point.hpp"

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

namespace govpub::adapters::config {

void crash_point(const char* name) {
    static const char* wanted = std::getenv("GOVPUB_CRASH_AT");
    if (wanted == nullptr || *wanted == '\0')
        return;
    const std::size_t n = std::strlen(name);
    if (std::strncmp(wanted, name, n) != 0 || (wanted[n] != '\0' && wanted[n] != ':'))
        return;
    static std::map<std::string, long> passed;
    const long times = ++passed[name];
    const long at = wanted[n] == ':' ? std::atol(wanted + n + 1) : 1;
    if (times == at)
        std::raise(SIGKILL);
}

} // namespace govpub::adapters::config
