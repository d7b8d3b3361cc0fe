// `govpub init` and `govpub import KIND FILE`.
#include "adapters/cli/context.hpp"

#include "adapters/config/clock.hpp"
#include "adapters/db/catalogue.hpp"
#include "adapters/db/contracts.hpp"
#include "adapters/import/consignment_import.hpp"
#include "adapters/import/disposal_import.hpp"
#include "adapters/import/feed_import.hpp"
#include "adapters/import/library_import.hpp"
#include "adapters/import/master_import.hpp"
#include "adapters/import/receipt_import.hpp"
#include "adapters/import/reply_import.hpp"
#include "adapters/import/sales_import.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <iostream>

namespace govpub::cli {

namespace imp = adapters::import;

int command_init(Context& ctx, const std::vector<std::string>& args) {
    po::options_description options("init options");
    po::positional_options_description positional;
    po::variables_map vm;
    if (!parse_command("init", args, options, positional, vm, ctx.out, "init"))
        return 0;
    auto& db = ctx.raw_db();
    int applied = db.migrate();
    ctx.out << "database " << db.url().shown << ": schema version " << db.schema_version()
            << (applied ? " (" + std::to_string(applied) + " migration(s) applied)"
                        : " (already current)")
            << "\n";
    return 0;
}

namespace {

imp::Progress progress_bar(Context& ctx, const std::string& name) {
    if (!ctx.interactive())
        return {};
    return [&ctx, name](std::uint64_t done, std::uint64_t total) {
        int pct = total ? static_cast<int>(done * 100 / total) : 100;
        int bars = pct / 4;
        ctx.err << "\r  " << name << " [" << std::string(bars, '#') << std::string(25 - bars, ' ')
                << "] " << pct << "%" << (pct == 100 ? "\n" : "") << std::flush;
    };
}

void print_summary(Context& ctx, const imp::ImportSummary& s, bool json) {
    if (json) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("file", s.file);
        o->set("kind", s.kind);
        o->set("sha256", s.sha256);
        o->set("already_imported", s.already_imported);
        o->set("format", s.format);
        o->set("lines", static_cast<Poco::UInt64>(s.lines));
        o->set("accepted", static_cast<Poco::UInt64>(s.accepted));
        o->set("rejected", static_cast<Poco::UInt64>(s.rejected));
        o->set("warnings", static_cast<Poco::UInt64>(s.warning_count));
        o->set("rejects_file", s.rejects_file.string());
        Poco::JSON::Array::Ptr notes = new Poco::JSON::Array;
        for (const auto& n : s.notes)
            notes->add(n);
        o->set("notes", notes);
        Poco::JSON::Stringifier::condense(o, ctx.out);
        ctx.out << "\n";
        return;
    }
    if (s.already_imported) {
        ctx.out << s.file << ": these exact bytes were already imported on " << s.imported_at
                << " (SHA-256 " << s.sha256.substr(0, 12) << "…); nothing changed\n";
        return;
    }
    ctx.out << s.file << " (" << s.kind << ", " << s.format << "): " << s.lines << " lines, "
            << s.accepted << " stored, " << s.rejected << " rejected, " << s.warning_count
            << " warning(s)\n";
    for (const auto& n : s.notes)
        ctx.out << "  " << n << "\n";
    for (const auto& w : s.warnings)
        ctx.out << "  warning: " << w << "\n";
    if (!s.rejects_file.empty())
        ctx.out << "  rejected lines, with the reason beside each, are in " << s.rejects_file.string()
                << ": fix them there and import that file\n";
    ctx.out << "  archived as " << s.archived_as.string() << "\n";
}

} // namespace

int command_import(Context& ctx, const std::vector<std::string>& args) {
    po::options_description options("import options");
    options.add_options()("kind", po::value<std::string>()->required(),
                          "agencies|stores|libraries|contracts|publications|consignment|sales|"
                          "receipts|stock-counts|replies|disposals|gpi|ncl-isbn")(
        "file", po::value<std::string>()->required(),
        "CSV (UTF-8 or Big5) or XLSX file; JSON for gpi")("store", po::value<std::string>(),
                                                          "sales: the store the file belongs to")(
        "period", po::value<std::string>(),
        "gpi: the year YYYY, ncl-isbn: the month YYYYMM (default: from the file name)")(
        "skip-invalid", "store the valid lines; write the rejected ones to a file to fix")(
        "json", "print the summary as JSON");
    po::positional_options_description positional;
    positional.add("kind", 1).add("file", 1);
    po::variables_map vm;
    if (!parse_command("import", args, options, positional, vm, ctx.out,
                       "import KIND FILE [--store CODE] [--period P] [--skip-invalid] [--json]"))
        return 0;
    const std::string kind = vm["kind"].as<std::string>();
    const std::filesystem::path file = vm["file"].as<std::string>();
    auto& db = ctx.db();
    auto catalogue = adapters::db::Catalogue::load(db);
    auto contracts = adapters::db::load_contract_book(db, ctx.settings().default_payment_days);
    std::unique_ptr<imp::RowSink> sink;
    if (kind == "agencies")
        sink = std::make_unique<imp::AgencyImport>(db, catalogue);
    else if (kind == "stores")
        sink = std::make_unique<imp::StoreImport>(db, catalogue);
    else if (kind == "libraries")
        sink = std::make_unique<imp::LibraryImport>(db, catalogue);
    else if (kind == "receipts")
        sink = std::make_unique<imp::ReceiptImport>(db, catalogue, ctx.gpn_rules());
    else if (kind == "contracts")
        sink = std::make_unique<imp::ContractImport>(db, catalogue,
                                                     ctx.settings().default_payment_days);
    else if (kind == "publications")
        sink = std::make_unique<imp::PublicationImport>(db, catalogue, ctx.gpn_rules());
    else if (kind == "stock-counts")
        sink = std::make_unique<imp::StockCountImport>(db, catalogue, ctx.gpn_rules());
    else if (kind == "replies")
        sink = std::make_unique<imp::ReplyImport>(db, catalogue, ctx.gpn_rules(),
                                                  adapters::config::local_today());
    else if (kind == "disposals")
        sink = std::make_unique<imp::DisposalImport>(db, catalogue, ctx.gpn_rules(),
                                                     adapters::config::local_today());
    else if (kind == "consignment")
        sink = std::make_unique<imp::ConsignmentImport>(db, catalogue, contracts, ctx.gpn_rules());
    else if (kind == "sales")
        sink = std::make_unique<imp::SalesImport>(
            db, catalogue, ctx.gpn_rules(),
            vm.count("store") ? std::optional<std::string>(vm["store"].as<std::string>())
                              : std::nullopt);
    else if (kind == "gpi" || kind == "ncl-isbn") {
        auto period =
            vm.count("period") ? std::optional(vm["period"].as<std::string>()) : std::nullopt;
        if (kind == "gpi")
            sink = std::make_unique<imp::GpiImport>(db, period, ctx.gpn_rules());
        else
            sink = std::make_unique<imp::NclIsbnImport>(db, period);
    } else
        throw UsageError("unknown import kind '" + kind +
                         "': use agencies, stores, libraries, contracts, publications, "
                         "consignment, sales, receipts, stock-counts, replies, disposals, gpi or "
                         "ncl-isbn");
    if (vm.count("store") && kind != "sales")
        throw UsageError("--store goes with `import sales` only");
    if (vm.count("period") && kind != "gpi" && kind != "ncl-isbn")
        throw UsageError("--period goes with `import gpi` and `import ncl-isbn` only");
    imp::ImportOptions opts;
    // A feed is read as published: a record whose cells run past the header (the only thing
    // that can reject one) goes to the rejects file instead of refusing the whole feed.
    opts.skip_invalid = vm.count("skip-invalid") > 0 || kind == "gpi" || kind == "ncl-isbn";
    opts.user = ctx.user();
    opts.progress = progress_bar(ctx, file.filename().string());
    auto summary = imp::run_import(db, ctx.settings(), file, *sink, opts);
    print_summary(ctx, summary, vm.count("json") > 0);
    return 0;
}

} // namespace govpub::cli
