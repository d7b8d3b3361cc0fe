// govpub's settings: config/govpub.ini, overridden by --config and GOVPUB_* variables.
#pragma once

#include "domain/holiday_calendar.hpp"
#include "domain/period.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace govpub::adapters::config {

//! The job engine (STYLE.md "Jobs") and the schedule of `govpub jobs run-due`.
struct JobSettings {
    int heartbeat_seconds = 30;    //!< how often a running job writes its heartbeat
    int stale_after_seconds = 300; //!< a heartbeat older than this means the process died
    //! Job name → when it runs ("daily 06:00", "monthly 1 03:00", …); see config/govpub.ini.
    std::map<std::string, std::string> schedule;
};

struct Settings {
    std::string database_url = "sqlite:data/govpub.db";
    std::filesystem::path data_dir = "data";
    std::filesystem::path holidays_file;
    std::string gpn_types = "12";
    domain::PeriodScheme periods;
    int default_payment_days = 30;
    JobSettings jobs;

    std::filesystem::path archive_dir() const { return data_dir / "archive"; }
    //! Where scheduled jobs write their workbooks and lists.
    std::filesystem::path reports_dir() const { return data_dir / "reports"; }
};

//! Reads the defaults file (`config_file`, else the shipped config/govpub.ini), then lets
//! each GOVPUB_SECTION_NAME environment variable override its key. A bad value throws
//! domain::InvalidValue naming the key.
Settings load_settings(const std::optional<std::filesystem::path>& config_file);

//! The shipped config folder: beside the executable's ../config, else the source tree's.
std::filesystem::path shipped_config_dir();

//! Reads and parses the holiday calendar named by the settings.
domain::HolidayCalendar load_holidays(const Settings& settings);

} // namespace govpub::adapters::config
