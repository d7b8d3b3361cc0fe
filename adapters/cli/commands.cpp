// Dispatch of govpub's sub-commands and the mapping of failures to exit statuses.
#include "adapters/cli/commands.hpp"

#include "adapters/cli/context.hpp"
#include "adapters/import/import_run.hpp"
#include "domain/errors.hpp"

#include <soci/soci.h>

#include <iostream>
#include <map>

namespace govpub::cli {

namespace {

struct Entry {
    Command run;
    const char* summary;
};

const std::map<std::string, Entry>& commands() {
    static const std::map<std::string, Entry> all{
        {"init", {command_init, "create or migrate the database"}},
        {"demo", {command_demo, "load the shipped example data and run a full cycle"}},
        {"import", {command_import, "import agencies|stores|libraries|contracts|publications|"
                                    "consignment|sales|receipts|stock-counts|replies|disposals|"
                                    "gpi|ncl-isbn FILE"}},
        {"settle", {command_settle, "settle and close a half-year period (SPEC §4.6)"}},
        {"reconcile", {command_reconcile, "expected stock per store and GPN (SPEC §4.7)"}},
        {"report", {command_report, "write an Excel report: settlement|reconciliation|"
                                    "disposal|depository"}},
        {"due", {command_due, "every open obligation with its due date: check-ins, services, "
                              "claims, disposal replies, payments (SPEC §5.3)"}},
        {"notices", {command_notices, "list [--status S] [--json] | send: the notice log and "
                                      "a send by hand after a mail-server outage (SPEC §4.12)"}},
        {"jobs", {command_jobs, "run-due [--now DATETIME] | list | status | recover: the job "
                                "engine and its schedule"}},
        {"consignment-form",
         {command_consignment_form, "write a pre-filled 附件一 consignment list"}},
    };
    return all;
}

void print_help(std::ostream& out) {
    out << "govpub — settlement and reports for Taiwan's government publications\n\n"
           "usage: govpub [--db URL] [--config FILE] COMMAND [OPTIONS]\n\ncommands:\n";
    for (const auto& [name, entry] : commands())
        out << "  " << name << std::string(18 - name.size(), ' ') << entry.summary << "\n";
    out << "\nglobal options:\n"
           "  --db URL          sqlite:PATH or mysql://USER[:PASSWORD]@HOST[:PORT]/DB[?socket=PATH]\n"
           "                    (default: GOVPUB_DB, else database.url in the config)\n"
           "  --config FILE     settings file (default: the shipped config/govpub.ini)\n\n"
           "`govpub COMMAND --help` describes each command. Exit status: 0 done, 1 bad input or "
           "refused, 2 bad usage, 3 internal failure.\n";
}

void print_rejected(std::ostream& err, const adapters::import::ImportSummary& s) {
    err << "govpub: " << s.file << " was refused: " << s.rejected << " of " << s.lines
        << " lines are invalid. Nothing was stored.\n";
    std::size_t shown = 0;
    for (const auto& issue : s.issues) {
        if (++shown > 100) {
            err << "  … and " << (s.issues.size() - 100)
                << " more problem(s); use --skip-invalid to store the valid lines and get every rejected "
                   "line in a file to fix and upload again\n";
            break;
        }
        err << "  " << adapters::import::describe(s.file, issue) << "\n";
    }
}

} // namespace

int run(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return run_arguments(args);
}

int run_arguments(const std::vector<std::string>& all_args) {
    std::optional<std::string> config_file, db_url;
    if (const char* env = std::getenv("GOVPUB_DB"); env && *env)
        db_url = env;
    std::vector<std::string> args;
    std::size_t i = 0;
    // Global options come before the command.
    for (; i < all_args.size(); ++i) {
        const std::string& a = all_args[i];
        if ((a == "--db" || a == "--config") && i + 1 < all_args.size()) {
            (a == "--db" ? db_url : config_file) = all_args[++i];
        } else if (a.rfind("--db=", 0) == 0) {
            db_url = a.substr(5);
        } else if (a.rfind("--config=", 0) == 0) {
            config_file = a.substr(9);
        } else {
            break;
        }
    }
    if (i == all_args.size() || all_args[i] == "--help" || all_args[i] == "-h" ||
        all_args[i] == "help") {
        print_help(i == all_args.size() ? std::cerr : std::cout);
        return i == all_args.size() ? EXIT_USAGE : EXIT_DONE;
    }
    const std::string command = all_args[i];
    args.assign(all_args.begin() + static_cast<long>(i) + 1, all_args.end());
    auto entry = commands().find(command);
    if (entry == commands().end()) {
        std::cerr << "govpub: unknown command '" << command << "'\n\n";
        print_help(std::cerr);
        return EXIT_USAGE;
    }
    try {
        Context context(config_file, db_url, std::cout, std::cerr);
        return entry->second.run(context, args);
    } catch (const UsageError& e) {
        std::cerr << "govpub " << command << ": " << e.what() << "\n";
        return EXIT_USAGE;
    } catch (const adapters::import::ImportRejected& e) {
        print_rejected(std::cerr, e.summary());
        return EXIT_BAD_INPUT;
    } catch (const adapters::import::InputError& e) {
        std::cerr << "govpub: " << e.what() << "\nNothing was stored.\n";
        return EXIT_BAD_INPUT;
    } catch (const domain::InvalidValue& e) {
        std::cerr << "govpub: " << e.what() << "\n";
        return EXIT_BAD_INPUT;
    } catch (const domain::Refused& e) {
        std::cerr << "govpub: refused: " << e.what() << "\nNothing was changed.\n";
        return EXIT_BAD_INPUT;
    } catch (const domain::InvariantBroken& e) {
        std::cerr << "govpub: a money invariant failed, nothing was committed: " << e.what()
                  << "\nThis is a bug or damaged data; keep the database and report it.\n";
        return EXIT_INTERNAL;
    } catch (const adapters::db::SchemaBehind& e) {
        std::cerr << "govpub: " << e.what() << "\n";
        return EXIT_BAD_INPUT;
    } catch (const adapters::db::DatabaseError& e) {
        std::cerr << "govpub: " << e.what() << "\n";
        return EXIT_INTERNAL;
    } catch (const soci::soci_error& e) {
        std::cerr << "govpub: database failure, nothing was committed: " << e.what() << "\n";
        return EXIT_INTERNAL;
    } catch (const std::exception& e) {
        std::cerr << "govpub: internal failure: " << e.what() << "\n";
        return EXIT_INTERNAL;
    }
}

} // namespace govpub::cli
