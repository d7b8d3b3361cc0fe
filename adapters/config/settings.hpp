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

//! How notices leave the outbox (SPEC §4.12); config/govpub.ini [smtp].
enum class SmtpTls { none, starttls };

//! The mail server notices are sent through (config/govpub.ini [smtp], SPEC §5.6).
struct SmtpSettings {
    std::string host; //!< empty: no mail server, notices wait in the outbox
    int port = 25;
    std::string from = "govpub@localhost"; //!< "address" or "Name <address>"
    std::string user;                      //!< empty: no login
    std::string password;
    SmtpTls tls = SmtpTls::none;
    std::filesystem::path ca_file; //!< for starttls; empty: the system's certificate authorities
    int timeout_seconds = 30;      //!< to connect, and for each answer of the server

    bool configured() const { return !host.empty(); }
};

//! What notices say about their sender and when reminders go out (config/govpub.ini [notices]).
struct NoticeSettings {
    //! The office that signs every notice, e.g. "國家書店 政府出版品結算作業".
    std::string office = "政府出版品結算作業";
    //! Who answers questions, and how to reach them, printed at the end of every notice; each
    //! left out when empty.
    std::string contact;
    std::string phone;
    std::string email;
    //! A payment-due notice goes to the store this many days before the due date.
    int payment_reminder_days = 7;
};

struct Settings {
    std::string database_url = "sqlite:data/govpub.db";
    std::filesystem::path data_dir = "data";
    std::filesystem::path holidays_file;
    std::string gpn_types = "12";
    domain::PeriodScheme periods;
    int default_payment_days = 30;
    JobSettings jobs;
    SmtpSettings smtp;
    std::filesystem::path outbox = "outbox"; //!< [notices] outbox, relative to data_dir
    NoticeSettings notices;

    std::filesystem::path archive_dir() const { return data_dir / "archive"; }
    //! Where every notice is archived as <Message-ID key>.eml before it counts as queued.
    std::filesystem::path outbox_dir() const {
        return outbox.is_absolute() ? outbox : data_dir / outbox;
    }
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
