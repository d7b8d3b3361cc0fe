// The numbered schema steps in sql/<dialect>/, compiled into the binary.
#pragma once

#include <string>
#include <vector>

namespace govpub::adapters::db {

struct Migration {
    std::string dialect; //!< "sqlite" or "mysql"
    int version;         //!< the NNN of NNN_name.sql
    std::string name;    //!< the file, for messages
    std::string sql;
};

//! Every migration of every dialect, sorted by dialect then version.
const std::vector<Migration>& embedded_migrations();

} // namespace govpub::adapters::db
