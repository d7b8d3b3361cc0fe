// Opening, migrating and dropping a test's database on either backend.
#include "tests/support/backend_database.hpp"

#include "tests/support/test_support.hpp"

namespace govpub::test {

bool BackendDatabase::open(const std::string& backend, const std::filesystem::path& dir) {
    reset();
    url_ = "sqlite:" + (dir / "govpub.db").string();
    if (backend == "mariadb") {
        auto fresh = fresh_mysql_database();
        if (!fresh)
            return false;
        url_ = *fresh;
        mysql_name_ = mysql_database_of(url_);
    }
    db_.emplace(adapters::db::DatabaseUrl::parse(url_));
    db_->migrate();
    return true;
}

void BackendDatabase::reset() {
    if (db_ && !mysql_name_.empty())
        db_->session() << "DROP DATABASE " + mysql_name_;
    db_.reset();
    mysql_name_.clear();
}

} // namespace govpub::test
