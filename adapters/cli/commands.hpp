// The command line (SPEC §5.1): sub-commands, their options, and exit statuses.
#pragma once

#include <string>
#include <vector>

namespace govpub::cli {

//! Exit statuses: 0 done, 1 bad input or a refused action, 2 bad usage, 3 internal failure.
enum ExitStatus { EXIT_DONE = 0, EXIT_BAD_INPUT = 1, EXIT_USAGE = 2, EXIT_INTERNAL = 3 };

int run(int argc, char** argv);
//! The same, with the arguments after the program name; the demo runs its steps through it.
int run_arguments(const std::vector<std::string>& args);

} // namespace govpub::cli
