// What every job's steps work with: the database, the settings and the holiday calendar.
#pragma once

#include "adapters/config/settings.hpp"
#include "adapters/db/database.hpp"
#include "domain/holiday_calendar.hpp"

namespace govpub::jobs {

struct JobServices {
    adapters::db::Database& db;
    const adapters::config::Settings& settings;
    const domain::HolidayCalendar& calendar;
};

} // namespace govpub::jobs
