// Lazy opening of what commands share, and option parsing with Boost.Program_options.
#include "adapters/cli/context.hpp"

#include "adapters/config/clock.hpp"

#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace govpub::cli {

Context::Context(std::optional<std::string> config_file, std::optional<std::string> db_url,
                 std::ostream& out_stream, std::ostream& err_stream)
    : out(out_stream), err(err_stream),
      settings_(adapters::config::load_settings(
          config_file ? std::optional<std::filesystem::path>(*config_file) : std::nullopt)) {
    if (db_url)
        settings_.database_url = *db_url;
}

adapters::db::Database& Context::raw_db() {
    if (!db_)
        db_ = std::make_unique<adapters::db::Database>(
            adapters::db::DatabaseUrl::parse(settings_.database_url));
    return *db_;
}

adapters::db::Database& Context::db() {
    auto& db = raw_db();
    if (!checked_) {
        db.require_current_schema();
        checked_ = true;
    }
    return db;
}

const domain::HolidayCalendar& Context::calendar() {
    if (!calendar_)
        calendar_ = adapters::config::load_holidays(settings_);
    return *calendar_;
}

domain::GpnRules Context::gpn_rules() const {
    domain::GpnRules rules;
    rules.known_types = settings_.gpn_types;
    rules.current_roc_year = domain::roc_year(adapters::config::local_today());
    return rules;
}

std::string Context::user() const {
    for (const char* name : {"GOVPUB_USER", "USER", "LOGNAME"})
        if (const char* v = std::getenv(name); v && *v)
            return v;
    return "unknown";
}

bool Context::interactive() const { return ::isatty(STDERR_FILENO) == 1; }

namespace {

// Boost names positional arguments as if they were options ("the option '--file' is
// required"); people typed no such option, so say it with the argument's name.
std::string plain_words(const po::error& e, const po::positional_options_description& positional) {
    if (const auto* missing = dynamic_cast<const po::required_option*>(&e)) {
        std::string name = missing->get_option_name();
        if (name.rfind("--", 0) == 0)
            name = name.substr(2);
        for (unsigned i = 0; i < positional.max_total_count(); ++i)
            if (positional.name_for_position(i) == name) {
                for (auto& c : name)
                    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                return name + " is missing";
            }
    }
    if (dynamic_cast<const po::too_many_positional_options_error*>(&e))
        return "too many arguments: give one of each, and run the command once per file";
    return e.what();
}

} // namespace

bool parse_command(const std::string& command, const std::vector<std::string>& args,
                   po::options_description& options, po::positional_options_description& positional,
                   po::variables_map& vm, std::ostream& out, const std::string& usage) {
    options.add_options()("help,h", "show this help");
    try {
        po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
        if (vm.count("help")) {
            out << "usage: govpub " << usage << "\n\n" << options << "\n";
            return false;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(plain_words(e, positional) + "\nusage: govpub " + usage +
                         "\n(see `govpub " + command + " --help`)");
    }
    return true;
}

domain::Date as_of_or_today(const po::variables_map& vm) {
    if (vm.count("as-of"))
        return domain::parse_date_or_throw("--as-of", vm["as-of"].as<std::string>());
    return adapters::config::local_today();
}

} // namespace govpub::cli
