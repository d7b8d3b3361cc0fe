// Reading the public feeds as published: every record kept, every unreadable value counted.
#include "adapters/import/feed_import.hpp"

#include "adapters/db/bulk_insert.hpp"

#include "domain/date.hpp"
#include "domain/price_text.hpp"

#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>

namespace govpub::adapters::import {

namespace fs = std::filesystem;

namespace {

// One bulk INSERT per this many records keeps SOCI's bound vectors small.
constexpr std::size_t BATCH = 1000;
// A few examples per bucket tell a person what went wrong; the counts say how often.
constexpr std::size_t KEPT_EXAMPLES = 3;
// feed_record's column lengths in characters (MySQL counts VARCHAR in characters).
constexpr std::size_t TITLE_CHARS = 500;
constexpr std::size_t PUBLISHER_CHARS = 300;
constexpr std::size_t PRICE_TEXT_CHARS = 200;

constexpr std::array<std::string_view, 6> FIELD_IDS{"publisher", "gpn",      "isbn",
                                                    "issn",      "pub_date", "price"};

//! Cuts `text` to at most `max_chars` UTF-8 characters; true when it had to.
bool fit(std::string& text, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars++ == max_chars) {
            text.resize(i);
            return true;
        }
    return false;
}

std::optional<int> number(std::string_view s, std::size_t min_digits, std::size_t max_digits) {
    if (s.size() < min_digits || s.size() > max_digits)
        return std::nullopt;
    int value = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

//! "2024-01" from a year and month alone: 2024/01, 2024-01, 113/01, 113年1月, 民國113年1月,
//! 202401. A planned publication date (預訂出版日) is often no more precise than that, and
//! the month is worth keeping; inventing a day would not be.
std::optional<std::string> year_month(std::string_view text) {
    std::string normal = domain::nfkc(text);
    std::string_view s = trim(normal);
    constexpr std::string_view ERA = "民國", YEAR = "年", MONTH = "月";
    bool era = s.substr(0, ERA.size()) == ERA;
    if (era)
        s = trim(s.substr(ERA.size()));
    std::string_view year, month;
    if (auto y = s.find(YEAR); y != std::string_view::npos) {
        auto rest = s.substr(y + YEAR.size());
        if (rest.size() < MONTH.size() || rest.substr(rest.size() - MONTH.size()) != MONTH)
            return std::nullopt;
        year = trim(s.substr(0, y));
        month = trim(rest.substr(0, rest.size() - MONTH.size()));
    } else if (auto sep = s.find_first_of("-/."); sep != std::string_view::npos) {
        year = s.substr(0, sep);
        month = s.substr(sep + 1);
    } else if (!era && s.size() == 6) {
        year = s.substr(0, 4);
        month = s.substr(4);
    } else {
        return std::nullopt;
    }
    // As in domain::parse_date: four digits are Gregorian, two or three the ROC year.
    auto gregorian = era ? std::nullopt : number(year, 4, 4);
    auto roc = number(year, 2, 3);
    auto m = number(month, 1, 2);
    if ((!gregorian && !roc) || !m || *m < 1 || *m > 12)
        return std::nullopt;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d",
                  gregorian ? *gregorian : *roc + domain::ROC_YEAR_OFFSET, *m);
    return std::string(buffer);
}

//! The ISBN without a trailing qualifier such as "(平裝)" or "（精裝）", which listings print
//! after the number; what is left must still be one valid ISBN.
std::string without_qualifier(std::string_view raw) {
    std::string s(trim(domain::nfkc(raw))); // full-width brackets become ASCII
    if (!s.empty() && s.back() == ')')
        if (auto open = s.rfind('('); open != std::string::npos && open > 0)
            s = std::string(trim(std::string_view(s).substr(0, open)));
    return s;
}

std::string count(std::size_t n) { return std::to_string(n); }

//! The GPI yearly file as a table: the header is every key any record has, in the order first
//! seen, and each record is a row whose "line" is its position in the array (1-based).
//! Poco's parser builds the whole array in memory; for a yearly file (thousands of records,
//! a few MB) that is acceptable and simpler than a streaming parse. The file's text is
//! dropped once parsed, and rows are made one at a time.
class JsonArrayReader final : public TableReader {
  public:
    JsonArrayReader(const fs::path& file, const std::string& display_name,
                    const std::string& header_example) {
        std::ifstream in(file, std::ios::binary);
        if (!in)
            throw InputError(display_name, 0, "", "", "cannot be opened: no such readable file");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        bytes_total_ = text.size();
        const std::string expected = "expected an array of book records such as " + header_example;
        if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) // a BOM is not JSON, but editors add one
            text.erase(0, 3);
        if (trim(text).empty())
            throw InputError(display_name, 0, "", "", "is empty: " + expected);
        Poco::Dynamic::Var root;
        try {
            Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
            root = parser.parse(text);
        } catch (const Poco::Exception& e) {
            throw InputError(display_name, 0, "", "",
                             "is not valid JSON (" + e.displayText() + "): " + expected);
        }
        text = std::string();
        if (root.type() != typeid(Poco::JSON::Array::Ptr))
            throw InputError(
                display_name, 0, "", "",
                std::string("is a JSON ") +
                    (root.type() == typeid(Poco::JSON::Object::Ptr) ? "object" : "value") +
                    ", not an array: " + expected);
        records_ = root.extract<Poco::JSON::Array::Ptr>();
        if (records_->size() == 0)
            throw InputError(display_name, 0, "", "", "is an empty JSON array: no records");
        for (std::size_t i = 0; i < records_->size(); ++i) {
            auto record = records_->getObject(static_cast<unsigned>(i));
            if (!record)
                throw InputError(display_name, 0, "", "",
                                 "has record " + std::to_string(i + 1) +
                                     " that is not a JSON object {…}: " + expected);
            for (const auto& key : record->getNames())
                if (index_.emplace(key, header_.size()).second)
                    header_.push_back(key);
        }
    }

    const std::vector<std::string>& header() const override { return header_; }
    std::size_t header_line() const override { return 0; }
    std::string format() const override { return "json"; }
    std::uint64_t bytes_total() const override { return bytes_total_; }
    std::uint64_t bytes_done() const override {
        return records_->size() ? bytes_total_ * next_ / records_->size() : bytes_total_;
    }

    bool next(TableRow& row) override {
        while (next_ < records_->size()) {
            auto record = records_->getObject(static_cast<unsigned>(next_++));
            row.line = next_;
            row.cells.assign(header_.size(), std::string());
            for (const auto& key : record->getNames())
                row.cells[index_.at(key)] = cell_text(record->get(key));
            if (!is_blank(row.cells))
                return true;
        }
        return false;
    }

  private:
    // Every GPI field is a string; a number or true/false is read as its text all the same,
    // and a nested value as its JSON, so nothing is lost or refused.
    static std::string cell_text(const Poco::Dynamic::Var& value) {
        if (value.isEmpty())
            return {};
        if (value.isString())
            return value.extract<std::string>();
        if (value.type() == typeid(Poco::JSON::Object::Ptr) ||
            value.type() == typeid(Poco::JSON::Array::Ptr)) {
            std::ostringstream json;
            Poco::JSON::Stringifier::condense(value, json);
            return json.str();
        }
        return value.convert<std::string>();
    }

    Poco::JSON::Array::Ptr records_;
    std::vector<std::string> header_;
    std::map<std::string, std::size_t> index_;
    std::size_t next_ = 0;
    std::uint64_t bytes_total_ = 0;
};

} // namespace

FeedImport::FeedImport(db::Database& db, std::string source, std::optional<std::string> period,
                       std::size_t period_digits, domain::GpnRules gpn_rules)
    : db_(db), source_(std::move(source)), forced_period_(std::move(period)),
      period_digits_(period_digits), gpn_rules_(std::move(gpn_rules)) {}

void FeedImport::settle_period(const std::string& display_name) {
    const bool year = period_digits_ == 4;
    const std::string form = year ? "YYYY" : "YYYYMM";
    std::string period;
    if (forced_period_) {
        period = std::string(trim(*forced_period_));
    } else {
        const std::string name = fs::path(display_name).filename().string();
        auto first = name.find_first_of("0123456789");
        auto end = first == std::string::npos ? first : name.find_first_not_of("0123456789", first);
        if (first != std::string::npos)
            period = name.substr(first, end == std::string::npos ? end : end - first);
        if (period.size() != period_digits_)
            throw InputError(display_name, 0, "", "",
                             "does not say its " + std::string(year ? "year" : "month") +
                                 ": name it like " + (year ? "2024books.json" : "202401_isbn.csv") +
                                 " or give --period " + form);
    }
    bool real = period.size() == period_digits_;
    if (real) {
        auto y = number(std::string_view(period).substr(0, 4), 4, 4);
        auto m = year ? std::optional<int>(1) : number(std::string_view(period).substr(4), 2, 2);
        real = y && *y >= 1900 && *y <= 2999 && m && *m >= 1 && *m <= 12;
    }
    if (!real)
        throw InputError(display_name, 0, forced_period_ ? "--period" : "", period,
                         "must be a " + std::string(year ? "year " : "month ") + form +
                             (year ? " such as 2024" : " such as 202401"));
    period_ = period;
}

void FeedImport::columns_found(const ColumnMap& columns, const std::string& /*file*/,
                               std::size_t /*header_line*/) {
    std::vector<std::string> ids;
    for (const auto& spec : this->columns())
        ids.push_back(spec.id);
    for (std::size_t f = 0; f < FIELD_COUNT; ++f)
        present_[f] = std::find(ids.begin(), ids.end(), FIELD_IDS[f]) != ids.end() &&
                      columns.has(FIELD_IDS[f]);
}

void FeedImport::row(const TableRow& row, const ColumnMap& columns, std::vector<LineIssue>&,
                     std::vector<LineIssue>&) {
    auto cell = [&](Field f) { return columns.get(row, FIELD_IDS[static_cast<std::size_t>(f)]); };
    const std::size_t no = row.line;
    Record r;
    r.record_no = static_cast<long long>(no);
    ++counts_.records;
    r.title = std::string(columns.get(row, "title"));
    if (r.title.empty()) {
        ++counts_.title_missing;
        example("title", no, "no title");
    }
    if (has(Field::publisher))
        r.publisher = std::string(cell(Field::publisher));
    counts_.shortened += fit(r.title, TITLE_CHARS) + fit(r.publisher, PUBLISHER_CHARS);
    if (has(Field::gpn))
        read_gpn(no, cell(Field::gpn), r);
    if (has(Field::isbn))
        read_isbn(no, cell(Field::isbn), r);
    if (has(Field::issn))
        read_issn(no, cell(Field::issn), r);
    if (has(Field::pub_date))
        read_date(no, cell(Field::pub_date), r);
    if (has(Field::price))
        read_price(no, cell(Field::price), r);
    records_.push_back(std::move(r));
}

void FeedImport::read_gpn(std::size_t no, std::string_view text, Record& r) {
    if (text.empty()) {
        ++counts_.gpn_missing;
        return;
    }
    auto gpn = domain::parse_gpn(text, gpn_rules_);
    if (!gpn) {
        ++counts_.gpn_invalid;
        example("gpn", no, gpn.error);
        return;
    }
    ++counts_.gpn_valid;
    r.gpn = gpn->digits;
    if (!gpn.warnings.empty()) {
        ++counts_.gpn_warned;
        example("gpn warning", no, gpn.warnings.front());
    }
}

void FeedImport::read_isbn(std::size_t no, std::string_view text, Record& r) {
    if (text.empty()) {
        ++counts_.isbn_missing;
        return;
    }
    auto isbn = domain::parse_isbn(without_qualifier(text));
    if (!isbn) {
        ++counts_.isbn_invalid;
        example("isbn", no, isbn.error);
        return;
    }
    ++counts_.isbn_valid;
    r.isbn13 = *isbn;
}

void FeedImport::read_issn(std::size_t no, std::string_view text, Record& r) {
    if (text.empty()) {
        ++counts_.issn_missing;
        return;
    }
    auto issn = domain::parse_issn(text);
    if (!issn) {
        ++counts_.issn_invalid;
        example("issn", no, issn.error);
        return;
    }
    ++counts_.issn_valid;
    r.issn = *issn;
}

void FeedImport::read_date(std::size_t no, std::string_view text, Record& r) {
    if (text.empty()) {
        ++counts_.date_missing;
        return;
    }
    auto date = domain::parse_date(text);
    // 20240115, as some exports write it, is the same date without separators.
    if (!date && number(text, 8, 8)) {
        std::string s(text);
        if (auto compact =
                domain::parse_date(s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2)))
            date = compact;
    }
    if (date) {
        ++counts_.date_full;
        r.pub_date = domain::to_iso(*date);
    } else if (auto month = year_month(text)) {
        ++counts_.date_month;
        r.pub_date = *month;
    } else {
        ++counts_.date_unreadable;
        example("date", no, date.error);
    }
}

void FeedImport::read_price(std::size_t no, std::string_view text, Record& r) {
    r.price_text = std::string(text); // kept as published, whatever it says
    counts_.shortened += fit(r.price_text, PRICE_TEXT_CHARS);
    auto price = domain::parse_price_text(text);
    switch (price.kind) {
    case domain::PriceTextKind::amount:
        ++counts_.price_amount;
        r.price = *price.amount;
        break;
    case domain::PriceTextKind::not_for_sale:
    case domain::PriceTextKind::free:
        ++counts_.price_not_for_sale;
        break;
    case domain::PriceTextKind::missing:
        ++counts_.price_missing;
        break;
    case domain::PriceTextKind::unreadable:
        ++counts_.price_unreadable;
        example("price", no, "\"" + std::string(text) + "\"");
        break;
    }
}

void FeedImport::example(const std::string& bucket, std::size_t record_no,
                         const std::string& text) {
    auto& kept = examples_[bucket];
    if (kept.size() < KEPT_EXAMPLES)
        kept.push_back(record_word() + " " + std::to_string(record_no) + ": " + text);
}

std::string FeedImport::examples_of(const std::string& bucket) const {
    auto it = examples_.find(bucket);
    if (it == examples_.end())
        return "";
    std::string text = " — e.g. ";
    for (std::size_t i = 0; i < it->second.size(); ++i)
        text += (i ? "; " : "") + it->second[i];
    return text;
}

std::vector<std::string> FeedImport::notes() const {
    const auto& c = counts_;
    std::vector<std::string> notes;
    if (has(Field::price))
        notes.push_back("price: " + count(c.price_amount) + " readable, " +
                        count(c.price_not_for_sale) + " not for sale (非賣品/免費), " +
                        count(c.price_missing) + " not given, " + count(c.price_unreadable) +
                        " unreadable (no price stored, the text kept)" + examples_of("price"));
    if (has(Field::isbn))
        notes.push_back("ISBN: " + count(c.isbn_valid) + " valid, " + count(c.isbn_missing) +
                        " not given, " + count(c.isbn_invalid) + " invalid (not stored)" +
                        examples_of("isbn"));
    if (has(Field::gpn)) {
        notes.push_back("GPN: " + count(c.gpn_valid) + " valid, " + count(c.gpn_missing) +
                        " not given, " + count(c.gpn_invalid) + " invalid (not stored)" +
                        examples_of("gpn"));
        if (c.gpn_warned)
            notes.push_back("GPN: " + count(c.gpn_warned) + " stored with a warning" +
                            examples_of("gpn warning"));
    }
    if (has(Field::issn))
        notes.push_back("ISSN: " + count(c.issn_valid) + " valid, " + count(c.issn_missing) +
                        " not given, " + count(c.issn_invalid) + " invalid (not stored)" +
                        examples_of("issn"));
    if (has(Field::pub_date))
        notes.push_back("publication date: " + count(c.date_full) + " readable, " +
                        count(c.date_month) + " month only (stored as YYYY-MM), " +
                        count(c.date_missing) + " not given, " + count(c.date_unreadable) +
                        " unreadable (not stored)" + examples_of("date"));
    if (c.title_missing)
        notes.push_back("title: " + count(c.title_missing) + " record(s) without one" +
                        examples_of("title"));
    if (c.shortened)
        notes.push_back(count(c.shortened) +
                        " value(s) longer than their column were cut to fit (title 500, "
                        "publisher 300, price text 200 characters)");
    return notes;
}

void FeedImport::store(const std::set<std::size_t>& rejected_lines) {
    std::vector<long long> no, price;
    std::vector<std::string> sha, source, period, gpn, isbn, issn, title, publisher, date, text;
    std::vector<soci::indicator> price_ind, gpn_ind, isbn_ind, issn_ind, publisher_ind, date_ind,
        text_ind;
    auto flush = [&] {
        if (no.empty())
            return;
        db::bulk_insert(db_, "feed_record",
                        {{"import_sha256", sha},
                         {"record_no", no},
                         {"source", source},
                         {"source_period", period},
                         {"gpn", gpn, gpn_ind},
                         {"isbn13", isbn, isbn_ind},
                         {"issn", issn, issn_ind},
                         {"title", title},
                         {"publisher", publisher, publisher_ind},
                         {"pub_date", date, date_ind},
                         {"price", price, price_ind},
                         {"price_text", text, text_ind}});
        for (auto* v : {&no, &price})
            v->clear();
        for (auto* v :
             {&sha, &source, &period, &gpn, &isbn, &issn, &title, &publisher, &date, &text})
            v->clear();
        for (auto* v :
             {&price_ind, &gpn_ind, &isbn_ind, &issn_ind, &publisher_ind, &date_ind, &text_ind})
            v->clear();
    };
    auto nullable = [](std::vector<std::string>& values, std::vector<soci::indicator>& inds,
                       std::string& value) {
        inds.push_back(value.empty() ? soci::i_null : soci::i_ok);
        values.push_back(std::move(value));
    };
    for (auto& r : records_) {
        if (rejected_lines.count(static_cast<std::size_t>(r.record_no)))
            continue;
        sha.push_back(sha256_);
        no.push_back(r.record_no);
        source.push_back(source_);
        period.push_back(period_);
        nullable(gpn, gpn_ind, r.gpn);
        nullable(isbn, isbn_ind, r.isbn13);
        nullable(issn, issn_ind, r.issn);
        title.push_back(std::move(r.title));
        nullable(publisher, publisher_ind, r.publisher);
        nullable(date, date_ind, r.pub_date);
        price.push_back(r.price.value_or(0)); // not read: the NULL indicator below decides
        price_ind.push_back(r.price ? soci::i_ok : soci::i_null);
        nullable(text, text_ind, r.price_text);
        if (no.size() == BATCH)
            flush();
    }
    flush();
    records_ = {};
}

std::vector<ColumnSpec> GpiImport::columns() const {
    // The keys GPI publishes; header matching ignores case, so "isbn" would do as well.
    return {{"title", {"bookTitle"}, true},      {"gpn", {"GPN"}, true},
            {"isbn", {"ISBN"}, false},           {"issn", {"ISSN"}, false},
            {"publisher", {"publisher"}, false}, {"pub_date", {"PublishDate"}, false},
            {"price", {"price"}, true}};
}

std::unique_ptr<TableReader> GpiImport::open(const fs::path& file,
                                             const std::string& display_name) {
    settle_period(display_name);
    return std::make_unique<JsonArrayReader>(file, display_name, header_example());
}

std::vector<ColumnSpec> NclIsbnImport::columns() const {
    return {{"title", {"申請書名"}, true},
            {"isbn", {"ISBN"}, true},
            {"publisher", {"出版機構"}, false},
            {"pub_date", {"預訂出版日"}, false},
            {"price", {"定價"}, true}};
}

std::unique_ptr<TableReader> NclIsbnImport::open(const fs::path& file,
                                                 const std::string& display_name) {
    settle_period(display_name);
    return RowSink::open(file, display_name);
}

} // namespace govpub::adapters::import
