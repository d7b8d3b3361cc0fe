// Who this process is, and whether a process recorded by a job execution is still alive.
#pragma once

#include <string>

namespace govpub::adapters::config {

//! This machine's host name, as recorded on a job execution.
std::string host_name();
//! This process's id.
long process_id();
//! What tells this life of process `pid` from a later process given the same id (after a
//! reboot, or when ids wrap around): the boot id and the process's start time since boot, as
//! "BOOT_ID/START_TICKS". Empty when /proc cannot tell.
std::string process_start(long pid);
//! Whether process `pid` exists on this machine. Only meaningful when the execution was
//! recorded on this host; another host's process can only be judged by its heartbeat.
bool process_alive(long pid);

} // namespace govpub::adapters::config
