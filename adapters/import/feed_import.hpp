// The public catalogue feeds (SPEC §5.2): GPI's yearly JSON and NCL's monthly new-book CSV.
#pragma once

#include "adapters/import/import_run.hpp"
#include "domain/identifiers.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govpub::adapters::import {

//! How many records fell in each bucket of each field. A feed is public data read as
//! published, so a value that cannot be read does not refuse its record: it is stored as
//! NULL and counted here, and the summary shows the counts.
struct FeedCounts {
    std::size_t records = 0;
    std::size_t price_amount = 0;
    std::size_t price_not_for_sale = 0; //!< 非賣品 and 免費 together
    std::size_t price_missing = 0;
    std::size_t price_unreadable = 0; //!< stored as NULL, the text kept in price_text
    std::size_t isbn_valid = 0, isbn_missing = 0, isbn_invalid = 0;
    std::size_t issn_valid = 0, issn_missing = 0, issn_invalid = 0;
    std::size_t gpn_valid = 0, gpn_missing = 0, gpn_invalid = 0;
    std::size_t gpn_warned = 0; //!< valid but unusual (unknown type digit, future year): stored
    std::size_t date_full = 0;
    std::size_t date_month = 0; //!< only a year and month were given: stored as YYYY-MM
    std::size_t date_missing = 0, date_unreadable = 0;
    std::size_t title_missing = 0;
    std::size_t shortened = 0; //!< values cut to their column's length (title, publisher, …)
};

//! What both feeds share: every record goes to feed_record with its source ('gpi' or 'ncl')
//! and period (YYYY or YYYYMM, from the file name or --period). Only a file that is not the
//! feed at all (not JSON, not an array, required columns missing) is refused, as InputError.
class FeedImport : public RowSink {
  public:
    void columns_found(const ColumnMap& columns, const std::string& file,
                       std::size_t header_line) override;
    void begin(const std::string& sha256) override { sha256_ = sha256; }
    //! Never adds an issue: every value that cannot be read is counted, not refused.
    void row(const TableRow& row, const ColumnMap& columns, std::vector<LineIssue>& issues,
             std::vector<LineIssue>& warnings) override;
    void store(const std::set<std::size_t>& rejected_lines) override;
    std::vector<std::string> notes() const override;

    const FeedCounts& counts() const { return counts_; }
    //! The period in effect, known once the file has been opened.
    const std::string& period() const { return period_; }

  protected:
    //! `period` is --period when given; `period_digits` is 4 (YYYY) or 6 (YYYYMM).
    FeedImport(db::Database& db, std::string source, std::optional<std::string> period,
               std::size_t period_digits, domain::GpnRules gpn_rules);

    //! Takes --period, else the first run of digits in the file name (`2024books.json`,
    //! `202401_isbn.csv`); throws InputError when neither gives a real year or month.
    void settle_period(const std::string& display_name);
    //! "record" (a JSON array position) or "line" (a CSV line), for the examples in notes.
    virtual std::string record_word() const = 0;

  private:
    //! The fields a feed may have besides its title, as ColumnSpec ids.
    enum class Field : std::size_t { publisher, gpn, isbn, issn, pub_date, price };
    static constexpr std::size_t FIELD_COUNT = 6;
    bool has(Field field) const { return present_[static_cast<std::size_t>(field)]; }
    struct Record {
        long long record_no = 0;
        std::string gpn, isbn13, issn, title, publisher, pub_date, price_text;
        std::optional<long long> price;
    };
    void read_gpn(std::size_t record_no, std::string_view text, Record& record);
    void read_isbn(std::size_t record_no, std::string_view text, Record& record);
    void read_issn(std::size_t record_no, std::string_view text, Record& record);
    void read_date(std::size_t record_no, std::string_view text, Record& record);
    void read_price(std::size_t record_no, std::string_view text, Record& record);
    void example(const std::string& bucket, std::size_t record_no, const std::string& text);
    std::string examples_of(const std::string& bucket) const;

    db::Database& db_;
    std::string source_;
    std::optional<std::string> forced_period_;
    std::size_t period_digits_;
    domain::GpnRules gpn_rules_;
    std::string period_;
    std::string sha256_;
    std::array<bool, FIELD_COUNT> present_{}; // which fields this file has, from its header
    std::vector<Record> records_; // held until store(): a feed file is a month or a year
    FeedCounts counts_;
    std::map<std::string, std::vector<std::string>> examples_;
};

//! `govpub import gpi FILE.json`: the Government Publications Information Network's yearly
//! `<YYYY>books.json`, an array of objects whose fields are all strings.
class GpiImport : public FeedImport {
  public:
    GpiImport(db::Database& db, std::optional<std::string> period, domain::GpnRules gpn_rules)
        : FeedImport(db, "gpi", std::move(period), 4, std::move(gpn_rules)) {}
    std::string kind() const override { return "gpi"; }
    std::vector<ColumnSpec> columns() const override;
    std::string header_example() const override {
        return "[{\"bookTitle\": …, \"ISBN\": …, \"GPN\": …, \"publisher\": …, \"PublishDate\": "
               "…, \"price\": …}]";
    }
    //! Reads the JSON array instead of a table; its "lines" are the records' positions.
    std::unique_ptr<TableReader> open(const std::filesystem::path& file,
                                      const std::string& display_name) override;

  protected:
    std::string record_word() const override { return "record"; }
};

//! `govpub import ncl-isbn FILE.csv`: the National Central Library's monthly new-book list
//! `<YYYYMM>_isbn.csv` (UTF-8 with BOM; Big5 and XLSX are read too).
class NclIsbnImport : public FeedImport {
  public:
    //! The NCL list has no GPN column, so no GPN rules are needed.
    NclIsbnImport(db::Database& db, std::optional<std::string> period)
        : FeedImport(db, "ncl", std::move(period), 6, domain::GpnRules{}) {}
    std::string kind() const override { return "ncl-isbn"; }
    std::vector<ColumnSpec> columns() const override;
    std::string header_example() const override { return "申請書名,作者,出版機構,…,ISBN,…,定價,…"; }
    std::unique_ptr<TableReader> open(const std::filesystem::path& file,
                                      const std::string& display_name) override;

  protected:
    std::string record_word() const override { return "line"; }
};

} // namespace govpub::adapters::import
