// `govpub due`: every open obligation with its due date (SPEC §5.1, §5.3).
#include "adapters/cli/commands.hpp"
#include "adapters/cli/context.hpp"

#include "jobs/due_list.hpp"

#include <iomanip>

namespace govpub::cli {

int command_due(Context& ctx, const std::vector<std::string>& args) {
    po::options_description options("due options");
    options.add_options()("as-of", po::value<std::string>(), "date (default today)")(
        "json", "print SPEC §5.3 JSON");
    po::positional_options_description positional;
    po::variables_map vm;
    if (!parse_command("due", args, options, positional, vm, ctx.out, "due [--as-of DATE] [--json]"))
        return EXIT_DONE;
    const auto list = jobs::due_list(ctx.db(), ctx.calendar(), as_of_or_today(vm));
    if (vm.count("json")) {
        ctx.out << jobs::due_json(list) << "\n";
        return EXIT_DONE;
    }
    std::size_t overdue = 0;
    for (const auto& o : list.obligations) {
        overdue += o.status == domain::ObligationStatus::overdue;
        ctx.out << "  " << domain::to_iso(o.due) << "  " << std::left << std::setw(9)
                << domain::to_string(o.status) << std::setw(10) << o.kind << std::setw(10)
                << o.who << o.subject << (o.optional ? "  (optional)" : "") << "\n";
    }
    ctx.out << "due as of " << domain::to_iso(list.as_of) << ": " << list.obligations.size()
            << " open obligation(s), " << overdue << " overdue\n";
    return EXIT_DONE;
}

} // namespace govpub::cli
