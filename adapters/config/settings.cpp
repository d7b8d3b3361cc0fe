// Loading settings with Poco's INI reader and an environment-variable layer on top.
#include "adapters/config/settings.hpp"

#include "domain/errors.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/Util/IniFileConfiguration.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace govpub::adapters::config {

namespace fs = std::filesystem;

namespace {

std::string env_name(const std::string& key) {
    std::string name = "GOVPUB_";
    for (char c : key)
        name += c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return name;
}

class Layered {
  public:
    explicit Layered(Poco::AutoPtr<Poco::Util::IniFileConfiguration> ini) : ini_(std::move(ini)) {}
    std::optional<std::string> get(const std::string& key) const {
        if (const char* v = std::getenv(env_name(key).c_str()))
            return std::string(v);
        if (ini_ && ini_->hasProperty(key))
            return ini_->getString(key);
        return std::nullopt;
    }
    int get_int(const std::string& key, int fallback, int low, int high) const {
        auto v = get(key);
        if (!v)
            return fallback;
        try {
            std::size_t used = 0;
            int n = std::stoi(*v, &used);
            if (used == v->size() && n >= low && n <= high)
                return n;
        } catch (const std::exception&) {
        }
        throw domain::InvalidValue(key, *v,
                                   "expected a whole number from " + std::to_string(low) +
                                       " to " + std::to_string(high));
    }

  private:
    Poco::AutoPtr<Poco::Util::IniFileConfiguration> ini_;
};

fs::path executable_dir() {
    std::error_code ec;
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

//! [smtp] and [notices]. The sender is checked here, not when the first notice is queued.
void load_smtp(const Layered& conf, const fs::path& file, Settings& s) {
    s.smtp.host = conf.get("smtp.host").value_or("");
    s.smtp.port = conf.get_int("smtp.port", 25, 1, 65535);
    if (auto v = conf.get("smtp.from"); v && !v->empty())
        s.smtp.from = *v;
    if (s.smtp.from.find('@') == std::string::npos)
        throw domain::InvalidValue("smtp.from", s.smtp.from,
                                   "expected an address such as govpub@example.gov.tw, or "
                                   "\"Name <address>\"");
    s.smtp.user = conf.get("smtp.user").value_or("");
    s.smtp.password = conf.get("smtp.password").value_or("");
    const std::string tls = conf.get("smtp.tls").value_or("none");
    if (tls == "none" || tls.empty())
        s.smtp.tls = SmtpTls::none;
    else if (tls == "starttls")
        s.smtp.tls = SmtpTls::starttls;
    else
        throw domain::InvalidValue("smtp.tls", tls, "expected none or starttls");
    if (auto v = conf.get("smtp.ca_file"); v && !v->empty()) {
        fs::path ca = *v;
        s.smtp.ca_file = ca.is_absolute() ? ca : file.parent_path() / ca;
    }
    s.smtp.timeout_seconds = conf.get_int("smtp.timeout", 30, 1, 600);
    if (auto v = conf.get("notices.outbox"); v && !v->empty())
        s.outbox = *v;
    if (auto v = conf.get("notices.office"); v && !v->empty())
        s.notices.office = *v;
    s.notices.contact = conf.get("notices.contact").value_or("");
    s.notices.phone = conf.get("notices.phone").value_or("");
    s.notices.email = conf.get("notices.email").value_or("");
    s.notices.payment_reminder_days = conf.get_int("notices.payment_reminder_days", 7, 0, 60);
}

} // namespace

fs::path shipped_config_dir() {
    for (const fs::path& candidate :
         {executable_dir() / ".." / "config", executable_dir() / ".." / "share" / "govpub",
          fs::path(GOVPUB_SOURCE_DIR) / "config"}) {
        if (fs::exists(candidate / "govpub.ini"))
            return fs::weakly_canonical(candidate);
    }
    return fs::path(GOVPUB_SOURCE_DIR) / "config";
}

Settings load_settings(const std::optional<fs::path>& config_file) {
    fs::path file = config_file ? *config_file : shipped_config_dir() / "govpub.ini";
    if (const char* env = std::getenv("GOVPUB_CONFIG"); env && !config_file)
        file = env;
    Poco::AutoPtr<Poco::Util::IniFileConfiguration> ini;
    if (!fs::exists(file))
        throw domain::InvalidValue("--config", file.string(), "no such file");
    try {
        ini = new Poco::Util::IniFileConfiguration(file.string());
    } catch (const Poco::Exception& e) {
        throw domain::InvalidValue("--config", file.string(), e.displayText());
    }
    Layered conf(ini);
    Settings s;
    if (auto v = conf.get("database.url"))
        s.database_url = *v;
    if (auto v = conf.get("data.dir"))
        s.data_dir = *v;
    fs::path holidays = conf.get("calendar.holidays").value_or("holidays.csv");
    s.holidays_file = holidays.is_absolute() ? holidays : file.parent_path() / holidays;
    if (auto v = conf.get("identifiers.gpn_types"))
        s.gpn_types = *v;
    if (auto v = conf.get("settlement.period_end_months")) {
        unsigned a = 0, b = 0;
        char comma = 0;
        std::istringstream in(*v);
        if (!(in >> a >> comma >> b) || comma != ',')
            throw domain::InvalidValue("settlement.period_end_months", *v,
                                       "expected two months such as 5,11");
        s.periods.h1_end_month = a;
        s.periods.h2_end_month = b;
    }
    s.periods.run_day = static_cast<unsigned>(conf.get_int("settlement.run_day", 10, 1, 28));
    domain::validate(s.periods);
    s.default_payment_days = conf.get_int("settlement.payment_days", 30, 0, 366);
    s.jobs.heartbeat_seconds = conf.get_int("jobs.heartbeat_seconds", 30, 1, 3600);
    s.jobs.stale_after_seconds = conf.get_int("jobs.stale_after_seconds", 300, 1, 86400);
    // A live job on another machine misses a beat now and then; three in a row before it is
    // taken for dead, or it would be taken over while it works.
    if (s.jobs.stale_after_seconds < 3 * s.jobs.heartbeat_seconds)
        throw domain::InvalidValue("jobs.stale_after_seconds",
                                   std::to_string(s.jobs.stale_after_seconds),
                                   "must be at least three times jobs.heartbeat_seconds (" +
                                       std::to_string(s.jobs.heartbeat_seconds) + ")");
    for (const char* job : {"settle", "reconcile", "deadlines", "depository"})
        if (auto when = conf.get(std::string("schedule.") + job); when && !when->empty())
            s.jobs.schedule[job] = *when;
    load_smtp(conf, file, s);
    return s;
}

domain::HolidayCalendar load_holidays(const Settings& settings) {
    std::ifstream in(settings.holidays_file, std::ios::binary);
    if (!in)
        throw domain::InvalidValue("calendar.holidays", settings.holidays_file.string(),
                                   "cannot read the holiday calendar");
    std::ostringstream text;
    text << in.rdbuf();
    return domain::HolidayCalendar::parse_csv(text.str(), settings.holidays_file.string());
}

} // namespace govpub::adapters::config
