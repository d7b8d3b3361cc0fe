// The three-period scenario's own tables: dates, master data, contracts, consignments, sales.
//
// The scenario (its own data, not the demo's): agencies M01 文化部, M02 國立故宮博物院,
// M03 農業部; stores T01, T02, T03; 15 publications (books, serials, a pamphlet at NT$99 so
// that 60 % of it is not a whole number, a DVD). Consignments 附件一 as an English CSV, a
// Chinese-header CSV with ROC dates and an XLSX with date cells; sales over 2025H2, 2026H1 and
// 2026H2 as UTF-8 CSV, UTF-8 with BOM and CRLF, Big5/CP950 with Chinese headers and ROC dates,
// XLSX with date cells, a file without the store column imported with --store, lines named by
// ISBN only (hyphenated ISBN-13, ISBN-10 ending in X), a GPN printed "GPN：…", customer returns,
// list prices on the lines that differ from the catalogue, a catalogue price change, a late
// file, two pairs whose period nets negative (one absorbed next period, one carried with no
// activity), a pair whose lines all net to zero, and a rate change inside a period.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace govpub::test::three_periods {

// ---------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------

enum class DateStyle { iso, slash, roc_slash, roc_dot, roc_words };

//! `iso_date` (YYYY-MM-DD) written in `style`: 2025/07/04, 114/07/07, 115.05.31, 民國115年4月1日.
std::string written_date(const std::string& iso_date, DateStyle style);

//! SPEC §4.2 (民法第122條): a deadline on a Saturday, Sunday or holiday moves to the next
//! working day.
std::string deadline(const std::string& start, int days_after);

// ---------------------------------------------------------------------------------------
// The settlement periods (附件一 註三: two half-years, settled in June and December)
// ---------------------------------------------------------------------------------------

struct PeriodDef {
    std::string name, from, to;
};

inline const PeriodDef P2025H2{"2025H2", "2025-06-01", "2025-11-30"};
inline const PeriodDef P2026H1{"2026H1", "2025-12-01", "2026-05-31"};
inline const PeriodDef P2026H2{"2026H2", "2026-06-01", "2026-11-30"};

// ---------------------------------------------------------------------------------------
// The scenario's master data
// ---------------------------------------------------------------------------------------

struct Publication {
    std::string gpn;
    std::string isbn_in_catalogue; //!< as written in publications.csv ("" = none)
    std::string isbn13;            //!< digits, for lines that name the item by ISBN
    std::string isbn10_printed;    //!< hyphenated ISBN-10, for the one line that uses it
    std::string issn;
    std::string title;
    std::string agency;
    std::string kind;
    std::vector<std::pair<std::string, long long>> prices; //!< (valid from, list price)
};

//! The scenario's 15 publications, by key "P1" … "P15".
const std::map<std::string, Publication>& pubs();
const Publication& pub(const std::string& key);
//! The catalogue list price of `p` in force on `iso_date` (SPEC §4.5).
long long price_on(const Publication& p, const std::string& iso_date);

struct Contract {
    std::string agency, store, rate_text;
    int rate_bp;
    bool exempt;
    int payment_days;
    std::string valid_from;
};

//! The scenario's contracts, as written to contracts.csv.
const std::vector<Contract>& contracts();

struct Terms {
    int rate_bp = 6000;
    int payment_days = 30;
};

//! The rate and payment term of (agency, store) in force on `day`.
Terms in_force(const std::string& agency, const std::string& store, const std::string& day);

// ---------------------------------------------------------------------------------------
// Consignments (附件一) and sales
// ---------------------------------------------------------------------------------------

enum class ConsFormat { csv_en_iso, csv_en_slash, csv_zh_roc, xlsx_en };

struct ConsLine {
    std::string pub;
    long long quantity;
    bool with_sample = false; //!< adds the demo-style sample row (quantity 1, sample 1)
};

struct ConsList {
    std::string file;
    ConsFormat format;
    std::string list_no, agency, store, supply_date;
    std::vector<ConsLine> lines;
};

//! The first consignment list of every (agency, store) pair, supplied in May 2025.
const std::vector<ConsList>& first_consignments();
//! M03's second list to T01, after the price change of P12.
const ConsList& restock();

enum class Id { gpn, gpn_printed, gpn_and_isbn, isbn13_hyphen, isbn13_plain, isbn10 };

struct Sale {
    std::string store;
    std::string date; //!< ISO
    std::string pub;
    long long quantity;
    //! a list price on the line that differs from the catalogue
    std::optional<long long> stated_price = std::nullopt;
    Id id = Id::gpn;
    std::optional<DateStyle> style = std::nullopt; //!< overrides the file's date style
};

enum class Enc { utf8, utf8_bom, cp950, xlsx };

struct SalesFile {
    std::string name;
    Enc enc;
    bool zh_headers;
    bool store_column;
    bool crlf;
    DateStyle dates;
    std::string store_option; //!< --store CODE, or ""
    std::vector<Sale> lines;
};

struct Scenario {
    std::map<std::string, SalesFile> files;
};

//! Every sales file of the three periods, by file name.
Scenario make_scenario();

} // namespace govpub::test::three_periods
