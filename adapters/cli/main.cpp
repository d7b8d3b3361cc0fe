// govpub's entry point: hands the arguments to the command dispatcher.
#include "adapters/cli/commands.hpp"

int main(int argc, char** argv) { return govpub::cli::run(argc, argv); }
