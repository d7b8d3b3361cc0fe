// A thin RAII layer over libxlsxwriter shared by every report writer (SPEC §5.4).
#pragma once

#include "domain/money.hpp"
#include "reports/cell_text.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;

namespace govpub::reports {

//! One cell as a report writer sees it; the workbook picks the Excel format from the kind.
struct Cell {
    enum class Kind { blank, text, ntd, count, rate, date };
    Kind kind = Kind::blank;
    std::string text;        //!< for text
    std::int64_t number = 0; //!< NT$ for ntd, a count, basis points for rate
    std::chrono::year_month_day date{};
};

Cell blank_cell();
//! Always written as a string cell: text from uploaded files never becomes a formula.
Cell text_cell(std::string text);
//! Shown as "NT$"#,##0 everywhere, so every money cell says its currency.
Cell ntd_cell(domain::Ntd amount);
Cell count_cell(std::int64_t count);
Cell rate_cell(domain::BasisPoints rate);
//! A real Excel date shown as yyyy-mm-dd.
Cell date_cell(std::chrono::year_month_day date);

//! A row of cells; `total` rows (subtotals, totals) are bold with a rule above their cells,
//! blank ones included.
struct Row {
    std::vector<Cell> cells;
    bool total = false;
};

//! Columns Excel needs to show `cell` in its number format (see also the text overload).
std::size_t display_width(const Cell& cell);

//! Widths (in Excel character units) that fit the cells measured so far.
class ColumnWidths {
  public:
    void measure(const Row& row);
    //! Header cells are bold and carry the autofilter button, so they need more room.
    void measure_header(const std::vector<std::string>& headers);
    void at_least(std::size_t col, double width);
    std::vector<double> widths() const;

  private:
    std::vector<double> widths_;
};

enum class Orientation { landscape, portrait };

//! A horizontal bar chart of one column of a sheet against another.
struct BarChart {
    std::string title;
    std::string data_sheet;      //!< the final name, as Sheet::name() gives it
    std::uint32_t first_row = 0; //!< zero-based, inclusive
    std::uint32_t last_row = 0;
    std::uint16_t category_col = 0;
    std::uint16_t value_col = 0;
    bool money = false; //!< label the value axis in NT$
};

class Workbook;

//! A worksheet written top to bottom, one row after the other, as constant memory requires.
class Sheet {
  public:
    const std::string& name() const { return name_; }
    //! The zero-based row the next write fills.
    std::uint32_t next_row() const { return next_row_; }

    //! Column widths in Excel character units; set before the first row is written.
    void set_widths(const std::vector<double>& widths);
    //! A4, one page wide, page numbers in the footer.
    void set_print(Orientation orientation);
    //! Rows [first_row, last_row] printed again atop every page.
    void repeat_rows(std::uint32_t first_row, std::uint32_t last_row);
    //! Keeps rows [0, rows) in view while scrolling.
    void freeze_rows(std::uint32_t rows);
    void autofilter(std::uint32_t first_row, std::uint32_t last_row, std::uint16_t columns);

    //! A large bold line in column A; it overflows to the right and sizes no column.
    void write_title(std::string_view title);
    //! Bold cells with fill and border.
    void write_header(const std::vector<std::string>& headers);
    void write_row(const Row& row);
    //! `text` across columns [0, columns), wrapped, on a row tall enough for `lines` lines.
    void write_wrapped(std::string_view text, std::uint16_t columns, unsigned lines);
    void skip_rows(std::uint32_t count = 1);
    //! Places `chart` with its top-left corner at (row, col); `y_scale` 1 is 15 rows high.
    void insert_bar_chart(std::uint32_t row, std::uint16_t col, const BarChart& chart,
                          double y_scale = 1.0);

  private:
    friend class Workbook;
    Sheet(Workbook& book, lxw_worksheet* worksheet, std::string name);
    void write_cell(std::uint32_t row, std::uint16_t col, const Cell& cell, bool total);
    void apply_page_header();

    Workbook* book_;
    lxw_worksheet* worksheet_;
    std::string name_;
    std::uint32_t next_row_ = 0;
};

//! What follows a table's data: a total row right under it, then notes after an empty row,
//! each across the table's width. Both stay outside the autofilter, so sorting or filtering
//! the data never moves them or hides the total.
struct TableEnd {
    std::optional<Row> total; //!< written bold with a rule above, whatever its `total` says
    std::vector<std::string> notes;
};

//! A data sheet as SPEC §5.4 wants it: header row frozen, autofilter over the data, widths
//! fitted to the data, A4 landscape with the header on every page. `row_at(i)` is called
//! twice per row — once to size the columns, once to write — so a 100 000-row sheet never
//! holds all its cells in memory. The sheet must be empty.
void write_table(Sheet& sheet, const std::vector<std::string>& headers, std::size_t row_count,
                 const std::function<Row(std::size_t)>& row_at, const TableEnd& end = {});

//! A report's cover as both workbooks lay it out: the title, the facts (label | value rows),
//! then the figures under `figures_header`, landscape, widths fitted to all of it. Returns the
//! row of the first figure, for a chart drawn from them. The sheet must be empty.
std::uint32_t write_cover_sheet(Sheet& cover, std::string_view title,
                                const std::vector<Row>& facts,
                                const std::vector<std::string>& figures_header,
                                const std::vector<Row>& figures);

//! An .xlsx file in the making, in libxlsxwriter's constant-memory mode. It is written as
//! `<out>.tmp` and renamed to `out` only once complete, so a half-written report never sits
//! under the real name; a Workbook destroyed without close() leaves no file behind.
class Workbook {
  public:
    //! Throws std::runtime_error if the folder of `out` does not exist.
    explicit Workbook(std::filesystem::path out);
    ~Workbook();
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    //! A new sheet after the others; `wanted` goes through safe_sheet_name().
    Sheet& add_sheet(std::string_view wanted);
    //! Printed atop every page of every sheet, added before or after: `report` on the left,
    //! the sheet's name in the centre, `period` on the right; both shown as given.
    void set_page_header(std::string_view report, std::string_view period);
    //! Writes the file and renames it to `out`. On failure throws std::runtime_error naming
    //! the file and libxlsxwriter's reason, and leaves neither `out` nor `<out>.tmp`.
    void close();
    const std::filesystem::path& path() const { return out_; }

  private:
    friend class Sheet;
    struct Formats;
    void make_formats();
    lxw_workbook* open_workbook() const;

    std::filesystem::path out_;
    std::filesystem::path tmp_;
    std::filesystem::path parts_; // the sheets' spill files, one folder per output
    std::string tmpdir_; // libxlsxwriter keeps the pointer, so it must live as long as we do
    lxw_workbook* workbook_ = nullptr;
    std::unique_ptr<Formats> formats_;
    std::vector<std::unique_ptr<Sheet>> sheets_;
    std::vector<std::string> sheet_names_;
    std::string page_header_; // libxlsxwriter's header syntax; empty for none
};

} // namespace govpub::reports
