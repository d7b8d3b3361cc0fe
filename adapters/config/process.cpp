// POSIX process identity: gethostname, getpid and kill(pid, 0).
#include "adapters/config/process.hpp"

#include <cerrno>
#include <fstream>
#include <sstream>
#include <csignal>
#include <unistd.h>

namespace govpub::adapters::config {

std::string host_name() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0)
        return "unknown";
    return name;
}

std::string process_start(long pid) {
    std::ifstream boot("/proc/sys/kernel/random/boot_id");
    std::string boot_id;
    std::getline(boot, boot_id);
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    // Field 22, starttime; fields are counted after the command name, which may hold spaces
    // and parentheses but ends at the last ')'.
    const auto close = text.rfind(')');
    if (boot_id.empty() || close == std::string::npos)
        return "";
    std::istringstream fields(text.substr(close + 1));
    std::string field;
    for (int n = 3; n <= 22 && fields >> field; ++n)
        if (n == 22)
            return boot_id + "/" + field;
    return "";
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
