// Bulk inserts: vector binding on SQLite, multi-row statements through the MySQL client.
#include "adapters/db/bulk_insert.hpp"

#include <charconv>
#include <soci/mysql/soci-mysql.h>
#include <stdexcept>

namespace govpub::adapters::db {

namespace {

// A statement also ends early at this size, far below MariaDB's default max_allowed_packet
// (16 MiB), should the rows carry long text.
constexpr std::size_t MAX_STATEMENT_BYTES = std::size_t{4} << 20;

std::size_t row_count(const std::vector<BulkColumn>& columns) {
    if (columns.empty())
        throw std::logic_error("bulk_insert needs at least one column");
    const std::size_t rows = std::visit([](auto* v) { return v->size(); }, columns[0].values);
    for (const auto& c : columns) {
        const std::size_t n = std::visit([](auto* v) { return v->size(); }, c.values);
        if (n != rows || (c.nulls && c.nulls->size() != rows))
            throw std::logic_error("bulk_insert: column " + c.name + " has " + std::to_string(n) +
                                   " values, the first column " + std::to_string(rows));
    }
    return rows;
}

std::string insert_head(const std::string& table, const std::vector<BulkColumn>& columns) {
    std::string head = "INSERT INTO " + table + " (";
    for (std::size_t i = 0; i < columns.size(); ++i)
        head += (i ? ", " : "") + columns[i].name;
    return head + ") VALUES ";
}

void insert_bound(Database& db, const std::string& table, const std::vector<BulkColumn>& columns) {
    std::string query = insert_head(table, columns) + "(";
    for (std::size_t i = 0; i < columns.size(); ++i)
        query += (i ? ", :c" : ":c") + std::to_string(i);
    query += ")";
    // A fresh statement per call: SOCI's MySQL backend re-inserts the first batch when one
    // prepared statement is re-executed with new vectors (FACTS.md); SQLite is fastest so.
    soci::statement st(db.session());
    for (const auto& c : columns) {
        std::visit(
            [&](auto* values) {
                // SOCI's signature wants a mutable indicator vector; a `use` only reads it.
                if (c.nulls)
                    st.exchange(
                        soci::use(*values, const_cast<std::vector<soci::indicator>&>(*c.nulls)));
                else
                    st.exchange(soci::use(*values));
            },
            c.values);
    }
    st.alloc();
    st.prepare(query);
    st.define_and_bind();
    st.execute(true);
}

class MysqlRows {
  public:
    explicit MysqlRows(Database& db)
        : conn_(static_cast<soci::mysql_session_backend*>(db.session().get_backend())->conn_) {}

    void append(long long value) { append_integer(value); }
    void append(int value) { append_integer(value); }
    void append(const std::string& value) {
        // Escaped for the connection's character set (utf8mb4) and its sql_mode.
        sql_ += '\'';
        const std::size_t at = sql_.size();
        sql_.resize(at + 2 * value.size() + 1);
        const unsigned long written =
            mysql_real_escape_string(conn_, sql_.data() + at, value.data(), value.size());
        if (written == static_cast<unsigned long>(-1))
            throw std::runtime_error("cannot escape a value for MySQL: " + value);
        sql_.resize(at + written);
        sql_ += '\'';
    }
    std::string& sql() { return sql_; }

    //! Sends the statement; the server must report every row of it as inserted.
    void execute(std::size_t rows) {
        if (mysql_real_query(conn_, sql_.data(), sql_.size()) != 0)
            throw soci::mysql_soci_error(mysql_error(conn_), static_cast<int>(mysql_errno(conn_)));
        const auto inserted = mysql_affected_rows(conn_);
        if (inserted != rows)
            throw soci::soci_error("a bulk insert of " + std::to_string(rows) + " rows stored " +
                                   std::to_string(inserted));
        sql_.clear();
    }

  private:
    template <typename T> void append_integer(T value) {
        char digits[24];
        auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        sql_.append(digits, end);
    }

    MYSQL* conn_;
    std::string sql_;
};

// Multi-row statements sent through the connection SOCI opened, inside its transaction.
// Not through SOCI's own query path: it would scan every value for `:name` placeholders.
void insert_multirow(Database& db, const std::string& table, const std::vector<BulkColumn>& columns,
                     std::size_t rows) {
    const std::string head = insert_head(table, columns);
    MysqlRows out(db);
    std::size_t in_statement = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        out.sql() += in_statement == 0 ? head + "(" : ",(";
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i)
                out.sql() += ',';
            const auto& c = columns[i];
            if (c.nulls && (*c.nulls)[r] == soci::i_null)
                out.sql() += "NULL";
            else
                std::visit([&](auto* values) { out.append((*values)[r]); }, c.values);
        }
        out.sql() += ')';
        if (++in_statement == MYSQL_ROWS_PER_STATEMENT || out.sql().size() >= MAX_STATEMENT_BYTES) {
            out.execute(in_statement);
            in_statement = 0;
        }
    }
    if (in_statement > 0)
        out.execute(in_statement);
}

} // namespace

std::size_t bulk_insert(Database& db, const std::string& table,
                        const std::vector<BulkColumn>& columns) {
    const std::size_t rows = row_count(columns);
    if (rows == 0)
        return 0;
    if (db.dialect() == Dialect::mysql)
        insert_multirow(db, table, columns, rows);
    else
        insert_bound(db, table, columns);
    return rows;
}

} // namespace govpub::adapters::db
