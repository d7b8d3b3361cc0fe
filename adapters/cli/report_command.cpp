// `govpub report settlement|reconciliation|disposal|depository` and `govpub consignment-form`.
#include "adapters/cli/context.hpp"
#include "adapters/cli/depository_report_command.hpp"
#include "adapters/config/clock.hpp"
#include "adapters/db/catalogue.hpp"
#include "adapters/db/master_repository.hpp"
#include "domain/errors.hpp"
#include "jobs/disposal_report.hpp"
#include "jobs/reconcile_job.hpp"
#include "jobs/settlement_report.hpp"
#include "reports/consignment_form.hpp"
#include "reports/disposal_workbook.hpp"
#include "reports/reconciliation_workbook.hpp"
#include "reports/settlement_workbook.hpp"

#include <algorithm>
#include <iostream>

namespace govpub::cli {

int command_report(Context& ctx, const std::vector<std::string>& args) {
    po::options_description options("report options");
    options.add_options()("which", po::value<std::string>()->required(),
                          "settlement|reconciliation|disposal|depository")(
        "period", po::value<std::string>(),
        "settlement: the period, e.g. 2026H1; disposal: its lists only (default: all)")(
        "as-of", po::value<std::string>(),
        "reconciliation: the date; settlement of an open period: the dry-run date; disposal, "
        "depository: the day statuses are judged on")(
        "notice", po::value<std::string>(),
        "disposal: write just this list (e.g. D2026H1-S01-A001), as sent to its agency")(
        "out", po::value<std::string>()->required(), "the .xlsx file to write");
    po::positional_options_description positional;
    positional.add("which", 1);
    po::variables_map vm;
    if (!parse_command("report", args, options, positional, vm, ctx.out,
                       "report settlement --period P --out FILE.xlsx | report reconciliation "
                       "[--as-of DATE] --out FILE.xlsx | report disposal [--period P] [--as-of "
                       "DATE] [--notice NO] --out FILE.xlsx | report depository [--as-of DATE] "
                       "--out FILE.xlsx"))
        return 0;
    const std::string which = vm["which"].as<std::string>();
    if (vm.count("notice") && which != "disposal")
        throw UsageError("--notice goes with `report disposal` only");
    const std::filesystem::path out = vm["out"].as<std::string>();
    if (out.has_parent_path())
        std::filesystem::create_directories(out.parent_path());
    const std::string generated_at = adapters::config::local_timestamp();
    if (which == "settlement") {
        if (!vm.count("period"))
            throw UsageError("report settlement needs --period, e.g. --period 2026H1");
        // A closed period gives its stored statements; an open one a dry run, marked so.
        jobs::SettleJob job(ctx.db(), ctx.settings(), ctx.calendar());
        const auto period = domain::Period::parse(vm["period"].as<std::string>());
        auto outcome = job.run({period,
                                vm.count("as-of") ? as_of_or_today(vm)
                                                  : period.run_day(ctx.settings().periods),
                                true, {}});
        reports::write_settlement_workbook(
            jobs::settlement_report(ctx.db(), outcome, generated_at), out);
        ctx.out << "settlement report " << outcome.period << " (" << outcome.status
                << ") written to " << out.string() << "\n";
        return 0;
    }
    if (which == "reconciliation") {
        auto outcome = jobs::reconcile(ctx.db(), as_of_or_today(vm));
        reports::write_reconciliation_workbook(
            jobs::reconciliation_report(ctx.db(), outcome, generated_at), out);
        ctx.out << "reconciliation report as of " << domain::to_iso(outcome.as_of)
                << " written to " << out.string() << "\n";
        return 0;
    }
    if (which == "disposal") {
        std::optional<domain::Period> period;
        if (vm.count("period"))
            period = domain::Period::parse(vm["period"].as<std::string>());
        const auto as_of = as_of_or_today(vm);
        auto report = jobs::disposal_report(ctx.db(), ctx.settings().periods, period, as_of,
                                            generated_at);
        if (vm.count("notice")) {
            const std::string notice = vm["notice"].as<std::string>();
            const bool listed = std::any_of(
                report.rows.begin(), report.rows.end(),
                [&](const reports::DisposalReportRow& r) { return r.notice_no == notice; });
            if (!listed)
                throw domain::InvalidValue("--notice", notice,
                                           "is not a disposal list noticed by " +
                                               domain::to_iso(as_of) +
                                               (period ? " in " + period->name() : ""));
            reports::write_disposal_list_workbook(report, notice, out);
            ctx.out << "disposal list " << notice << " written to " << out.string() << "\n";
            return 0;
        }
        reports::write_disposal_workbook(report, out);
        ctx.out << "disposal report " << (period ? period->name() : "of every period")
                << " as of " << domain::to_iso(as_of) << " (" << report.rows.size()
                << " rows) written to " << out.string() << "\n";
        return 0;
    }
    if (which == "depository")
        return report_depository(ctx, out, as_of_or_today(vm));
    throw UsageError("unknown report '" + which +
                     "': use settlement, reconciliation, disposal or depository");
}

int command_consignment_form(Context& ctx, const std::vector<std::string>& args) {
    po::options_description options("consignment-form options");
    options.add_options()("agency", po::value<std::string>()->required(), "agency code")(
        "store", po::value<std::string>()->required(), "store code")(
        "supply-date", po::value<std::string>(), "the supply date to print (optional)")(
        "out", po::value<std::string>()->required(), "the .xlsx file to write");
    po::positional_options_description positional;
    po::variables_map vm;
    if (!parse_command("consignment-form", args, options, positional, vm, ctx.out,
                       "consignment-form --agency CODE --store CODE [--supply-date DATE] --out "
                       "FILE.xlsx"))
        return 0;
    auto& db = ctx.db();
    const std::string agency = vm["agency"].as<std::string>();
    const std::string store = vm["store"].as<std::string>();
    auto catalogue = adapters::db::Catalogue::load(db);
    auto contact = adapters::db::find_agency_contact(db, agency);
    if (!contact)
        throw domain::InvalidValue("--agency", agency, "is not a known agency");
    if (!catalogue.has_store(store))
        throw domain::InvalidValue("--store", store, "is not a known store");
    reports::ConsignmentForm form;
    form.agency_name = contact->name;
    form.contact = contact->contact;
    form.phone = contact->phone;
    form.fax = contact->fax;
    form.address = contact->address;
    form.store_name = catalogue.store_name(store);
    domain::Date day = vm.count("supply-date")
                           ? domain::parse_date_or_throw("--supply-date",
                                                         vm["supply-date"].as<std::string>())
                           : adapters::config::local_today();
    if (vm.count("supply-date"))
        form.supply_date = day;
    for (const auto& gpn : catalogue.gpns_of_agency(agency)) {
        auto price = catalogue.price_on(gpn, domain::to_iso(day));
        if (price) // quantities are the agency's to fill in
            form.rows.push_back({gpn, catalogue.publication(gpn)->title, *price, 0});
    }
    const std::filesystem::path out = vm["out"].as<std::string>();
    if (out.has_parent_path())
        std::filesystem::create_directories(out.parent_path());
    reports::write_consignment_form(form, out);
    ctx.out << "附件一 consignment list for " << agency << " → " << store << " ("
            << form.rows.size() << " publications) written to " << out.string() << "\n";
    return 0;
}

} // namespace govpub::cli
