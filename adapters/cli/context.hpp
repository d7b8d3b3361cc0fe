// What every command needs: settings, the database and the holiday calendar, opened lazily.
#pragma once

#include "adapters/config/settings.hpp"
#include "adapters/db/database.hpp"
#include "domain/holiday_calendar.hpp"
#include "domain/identifiers.hpp"

#include <boost/program_options.hpp>

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace govpub::cli {

namespace po = boost::program_options;

//! Thrown for wrong words on the command line: exit status 2 with the command's help hint.
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class Context {
  public:
    Context(std::optional<std::string> config_file, std::optional<std::string> db_url,
            std::ostream& out, std::ostream& err);

    const adapters::config::Settings& settings() const { return settings_; }
    //! The database, migrated check included: a command on an old schema says "run init".
    adapters::db::Database& db();
    //! The database without the schema check, for `init`.
    adapters::db::Database& raw_db();
    const domain::HolidayCalendar& calendar();
    domain::GpnRules gpn_rules() const;
    std::ostream& out;
    std::ostream& err;
    //! Who runs the command, for the import log: $GOVPUB_USER, $USER, else "unknown".
    std::string user() const;
    //! Whether to draw a progress bar: stderr is a terminal.
    bool interactive() const;

  private:
    adapters::config::Settings settings_;
    std::unique_ptr<adapters::db::Database> db_;
    std::optional<domain::HolidayCalendar> calendar_;
    bool checked_ = false;
};

//! Parses `args` against `options` (positional names in order); prints help and returns
//! false for --help. Throws UsageError on unknown or missing options.
bool parse_command(const std::string& command, const std::vector<std::string>& args,
                   po::options_description& options, po::positional_options_description& positional,
                   po::variables_map& vm, std::ostream& out, const std::string& usage);

//! --as-of in any accepted date form, or today.
domain::Date as_of_or_today(const po::variables_map& vm);

using Command = int (*)(Context&, const std::vector<std::string>&);
int command_init(Context&, const std::vector<std::string>&);
int command_import(Context&, const std::vector<std::string>&);
int command_settle(Context&, const std::vector<std::string>&);
int command_reconcile(Context&, const std::vector<std::string>&);
int command_report(Context&, const std::vector<std::string>&);
int command_consignment_form(Context&, const std::vector<std::string>&);
int command_demo(Context&, const std::vector<std::string>&);
int command_jobs(Context&, const std::vector<std::string>&);
int command_due(Context&, const std::vector<std::string>&);
int command_notices(Context&, const std::vector<std::string>&);

} // namespace govpub::cli
