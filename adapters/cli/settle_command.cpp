// `govpub settle` and `govpub reconcile`.
#include "adapters/cli/context.hpp"

#include "domain/money.hpp"
#include "adapters/cli/commands.hpp"
#include "adapters/config/clock.hpp"
#include "adapters/db/job_store.hpp"
#include "jobs/job_catalog.hpp"
#include "jobs/job_launcher.hpp"
#include "jobs/reconcile_job.hpp"
#include "jobs/settle_job.hpp"

#include <iomanip>
#include <iostream>

namespace govpub::cli {

namespace {

void print_statements(std::ostream& out, const jobs::SettlementOutcome& o) {
    out << "settlement " << o.period << " (" << domain::to_iso(o.from) << " – "
        << domain::to_iso(o.to) << "), settled on " << domain::to_iso(o.settled_on) << ": "
        << (o.status == "closed" ? "closed" : "dry run, nothing stored") << "\n";
    if (o.statements.empty()) {
        out << "  no statements: no sales and no balance carried in\n";
        if (o.status == "closed")
            out << "  the period is closed all the same; sales lines of it that arrive later "
                   "go into the next settlement, flagged late\n";
        return;
    }
    out << "  " << std::left << std::setw(8) << "store" << std::setw(8) << "agency" << std::right
        << std::setw(12) << "list value" << std::setw(12) << "payable" << std::setw(12)
        << "commission" << std::setw(12) << "carried in" << std::setw(12) << "amount due"
        << std::setw(12) << "carried out" << "  due\n";
    domain::Ntd due_total = 0, payable_total = 0;
    for (const auto& s : o.statements) {
        out << "  " << std::left << std::setw(8) << s.store << std::setw(8) << s.agency
            << std::right << std::setw(12) << domain::format_ntd(s.list_value) << std::setw(12)
            << domain::format_ntd(s.payable) << std::setw(12) << domain::format_ntd(s.commission)
            << std::setw(12) << domain::format_ntd(s.carried_in) << std::setw(12)
            << domain::format_ntd(s.amount_due) << std::setw(12)
            << domain::format_ntd(s.carried_out) << "  " << domain::to_iso(s.due_date) << "\n";
        due_total += s.amount_due;
        payable_total += s.payable;
    }
    out << "  " << o.statements.size() << " statement(s); payable NT$"
        << domain::format_ntd(payable_total) << ", amount due NT$" << domain::format_ntd(due_total)
        << "\n";
}

void print_outcome(Context& ctx, const po::variables_map& vm, const jobs::SettlementOutcome& o) {
    if (vm.count("json"))
        ctx.out << o.json << "\n";
    else
        print_statements(ctx.out, o);
}

} // namespace

int command_settle(Context& ctx, const std::vector<std::string>& args) {
    po::options_description options("settle options");
    options.add_options()("period", po::value<std::string>()->required(), "e.g. 2026H1")(
        "as-of", po::value<std::string>(), "settlement date (default: the period's run day, e.g. 2026-06-10 for 2026H1)")(
        "dry-run", "compute without closing the period")("json", "print SPEC §5.3 JSON");
    po::positional_options_description positional;
    po::variables_map vm;
    if (!parse_command("settle", args, options, positional, vm, ctx.out,
                       "settle --period YYYYH1|YYYYH2 [--as-of DATE] [--dry-run] [--json]"))
        return 0;
    // The settlement date defaults to the period's run day (settlement.run_day of June or
    // December, 附件一 註三), so a run on another day still dates the statements officially.
    const auto period = domain::Period::parse(vm["period"].as<std::string>());
    const domain::Date as_of =
        vm.count("as-of") ? as_of_or_today(vm) : period.run_day(ctx.settings().periods);
    jobs::SettleRequest request{period, as_of, vm.count("dry-run") > 0, {}};
    jobs::SettleJob job(ctx.db(), ctx.settings(), ctx.calendar());
    if (request.dry_run) {
        auto outcome = job.run(request);
        if (outcome.already_closed)
            ctx.err << "govpub: " << outcome.period << " was closed at " << outcome.closed_at
                    << "; showing the stored result (nothing changed)\n";
        print_outcome(ctx, vm, outcome);
        return EXIT_DONE;
    }
    // Refusals that need no lock come first, so that a refused request leaves no job record.
    job.check(request);
    // A real run is the job `settle period=P` (STYLE.md "Jobs"): it runs once, a second start
    // while it runs is refused, and a run whose process died is taken over from its last step.
    jobs::SettlementOutcome closed;
    jobs::JobLauncher launcher(ctx.db(), ctx.settings().jobs, adapters::config::local_timestamp());
    jobs::JobOutcome run;
    try {
        run = launcher.run(jobs::settle_definition({ctx.db(), ctx.settings(), ctx.calendar()},
                                                   period, as_of, std::nullopt, &closed));
    } catch (const jobs::JobAlreadyCompleted& e) {
        ctx.err << "govpub: refused: " << e.what() << ". Its result:\n";
        if (auto stored = job.stored(period))
            print_outcome(ctx, vm, *stored);
        return EXIT_BAD_INPUT;
    } catch (const std::exception&) {
        // Said before the failure itself: what is kept, and how to finish.
        auto instance = adapters::db::JobStore(ctx.db()).instance("settle", "period=" + period.name());
        if (instance && instance->steps_done > 0 && instance->status != "completed")
            ctx.err << "govpub: settle " << period.name() << ": the period is closed (step "
                    << instance->steps_done << " of 2 is committed); run the same command again "
                    << "to finish from step " << instance->steps_done + 1 << "\n";
        throw;
    }
    if (run.abandoned)
        ctx.err << "govpub: took over from execution #" << *run.abandoned
                << ", whose process died; resumed at step " << run.first_step + 1 << "\n";
    // Resumed after the close was committed: the stored result is the result.
    if (closed.period.empty()) {
        auto stored = job.stored(period);
        if (!stored)
            throw domain::InvariantBroken("settle " + period.name() +
                                          " completed but the period is not closed");
        closed = std::move(*stored);
    }
    print_outcome(ctx, vm, closed);
    ctx.err << "govpub: settlement workbook written to "
            << jobs::settlement_workbook_path(ctx.settings(), period.name()).string() << "\n";
    return EXIT_DONE;
}

int command_reconcile(Context& ctx, const std::vector<std::string>& args) {
    po::options_description options("reconcile options");
    options.add_options()("as-of", po::value<std::string>(), "date (default today)")(
        "json", "print SPEC §5.3 JSON");
    po::positional_options_description positional;
    po::variables_map vm;
    if (!parse_command("reconcile", args, options, positional, vm, ctx.out,
                       "reconcile [--as-of DATE] [--json]"))
        return 0;
    auto outcome = jobs::reconcile(ctx.db(), as_of_or_today(vm));
    if (vm.count("json")) {
        jobs::write_reconciliation_json(ctx.out, outcome);
        ctx.out << "\n";
        return 0;
    }
    std::size_t flagged = 0;
    for (const auto& row : outcome.rows) {
        if (row.position.flags.empty())
            continue;
        ++flagged;
        ctx.out << "  " << row.store << " " << row.gpn << ": expected on hand "
                << row.position.expected_on_hand;
        if (row.position.movements.reported)
            ctx.out << ", counted " << *row.position.movements.reported;
        ctx.out << " —";
        for (const auto& f : row.position.flags)
            ctx.out << " " << f;
        ctx.out << "\n";
    }
    ctx.out << "reconciliation as of " << domain::to_iso(outcome.as_of) << ": "
            << outcome.rows.size() << " store/GPN rows, " << flagged << " flagged\n";
    return 0;
}

} // namespace govpub::cli
