// The depository report: model from the database, written by reports/.
#include "adapters/cli/depository_report_command.hpp"

#include "adapters/cli/commands.hpp"
#include "adapters/config/clock.hpp"
#include "jobs/depository_report.hpp"
#include "reports/depository_workbook.hpp"

#include <ostream>

namespace govpub::cli {

int report_depository(Context& ctx, const std::filesystem::path& out, domain::Date as_of) {
    if (out.has_parent_path())
        std::filesystem::create_directories(out.parent_path());
    const auto report = jobs::depository_report(ctx.db(), ctx.calendar(), as_of,
                                                adapters::config::local_timestamp());
    reports::write_depository_workbook(report, out);
    ctx.out << "depository report as of " << domain::to_iso(as_of) << " ("
            << report.libraries.size() << " libraries, " << report.overdue.size() << " overdue, "
            << report.claims.size() << " open claims) written to " << out.string() << "\n";
    return EXIT_DONE;
}

} // namespace govpub::cli
