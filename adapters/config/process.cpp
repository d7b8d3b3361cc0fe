// POSIX process identity: gethostname, getpid and kill(pid, 0).
#include "adapters/config/process.hpp"

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace govpub::adapters::config {

std::string host_name() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0)
        return "unknown";
    return name;
}

long process_id() { return static_cast<long>(::getpid()); }

bool process_alive(long pid) {
    if (pid <= 0)
        return false;
    // Signal 0 checks for existence without disturbing it. EPERM: it exists but belongs to
    // someone else, which is alive all the same.
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

} // namespace govpub::adapters::config
