// Named places where the kill tests stop the process dead, as a power cut or `kill -9` would.
#pragma once

namespace govpub::adapters::config {

//! When GOVPUB_CRASH_AT is `name` (or `name:N`, the N-th time this point is passed), the
//! process sends itself SIGKILL here: no destructor, no rollback, no flush runs. Unset, it
//! costs one string comparison. Used by tests/scenario/test_kill.cpp to prove that an import,
//! a settlement or a job stopped at any of these points loses and doubles nothing.
void crash_point(const char* name);

} // namespace govpub::adapters::config
