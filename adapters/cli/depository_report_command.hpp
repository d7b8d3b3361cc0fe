// `govpub report depository [--as-of DATE] --out FILE.xlsx` (SPEC §4.9, §5.1, §5.4).
#pragma once

#include "adapters/cli/context.hpp"
#include "domain/date.hpp"

#include <filesystem>

namespace govpub::cli {

//! Writes the depository report as of `as_of` to `out` (its folder created when missing) and
//! says where on ctx.out; returns EXIT_DONE. `report_command.cpp` parses the options.
int report_depository(Context& ctx, const std::filesystem::path& out, domain::Date as_of);

} // namespace govpub::cli
