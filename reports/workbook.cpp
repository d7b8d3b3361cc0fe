// A thin RAII layer over libxlsxwriter shared by every report writer.
#include "reports/workbook.hpp"

#include "reports/cell_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <system_error>
#include <utility>
#include <xlsxwriter.h>

namespace govpub::reports {

namespace {

constexpr const char* NTD_FORMAT = "\"NT$\"#,##0";
constexpr const char* COUNT_FORMAT = "#,##0";
constexpr const char* RATE_FORMAT = "0.00%";
constexpr const char* DATE_FORMAT = "yyyy-mm-dd";
constexpr lxw_color_t HEADER_FILL = 0xDDEBF7;
constexpr double MIN_WIDTH = 6;
constexpr double MAX_WIDTH = 60;
constexpr std::uint8_t PAPER_A4 = 9;

[[noreturn]] void fail(const std::filesystem::path& file, std::string_view what,
                       const std::string& reason) {
    throw std::runtime_error("cannot write report " + file.string() + ": " + std::string(what) +
                             ": " + reason);
}

void check(lxw_error error, const std::filesystem::path& file, std::string_view what) {
    if (error != LXW_NO_ERROR) {
        fail(file, what, lxw_strerror(error));
    }
}

double clamp_width(double width) { return std::clamp(width + 2, MIN_WIDTH, MAX_WIDTH); }

} // namespace

Cell blank_cell() { return Cell{}; }
Cell text_cell(std::string text) { return Cell{Cell::Kind::text, std::move(text), 0, {}}; }
Cell ntd_cell(domain::Ntd amount) { return Cell{Cell::Kind::ntd, {}, amount, {}}; }
Cell count_cell(std::int64_t count) { return Cell{Cell::Kind::count, {}, count, {}}; }
Cell rate_cell(domain::BasisPoints rate) { return Cell{Cell::Kind::rate, {}, rate, {}}; }
Cell date_cell(std::chrono::year_month_day date) { return Cell{Cell::Kind::date, {}, 0, date}; }

std::size_t display_width(const Cell& cell) {
    switch (cell.kind) {
    case Cell::Kind::blank:
        return 0;
    case Cell::Kind::text:
        return display_width(cell.text);
    case Cell::Kind::ntd:
        return domain::format_ntd(cell.number).size() + 3; // "NT$"
    case Cell::Kind::count:
        return domain::format_ntd(cell.number).size();
    case Cell::Kind::rate:
        return domain::format_rate_percent(static_cast<domain::BasisPoints>(cell.number)).size() +
               1;
    case Cell::Kind::date:
        return 10;
    }
    return 0;
}

void ColumnWidths::measure(const Row& row) {
    for (std::size_t col = 0; col < row.cells.size(); ++col) {
        at_least(col, static_cast<double>(display_width(row.cells[col])));
    }
}

void ColumnWidths::measure_header(const std::vector<std::string>& headers) {
    for (std::size_t col = 0; col < headers.size(); ++col) {
        at_least(col, static_cast<double>(display_width(headers[col]) + 3));
    }
}

void ColumnWidths::at_least(std::size_t col, double width) {
    if (widths_.size() <= col) {
        widths_.resize(col + 1, 0);
    }
    widths_[col] = std::max(widths_[col], width);
}

std::vector<double> ColumnWidths::widths() const {
    std::vector<double> out;
    for (const double width : widths_) {
        out.push_back(clamp_width(width));
    }
    return out;
}

// The formats every report shares, made once per workbook.
struct Workbook::Formats {
    lxw_format* title = nullptr;
    lxw_format* header = nullptr;
    lxw_format* wrapped = nullptr;
    // Indexed by Cell::Kind, then plain (0) or total (1).
    lxw_format* cells[6][2] = {};
};

Workbook::Workbook(std::filesystem::path out) : out_(std::move(out)) {
    tmp_ = out_;
    tmp_ += ".tmp";
    std::filesystem::path dir = out_.parent_path();
    if (dir.empty()) {
        dir = ".";
    }
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) {
        fail(out_, "folder", dir.string() + " does not exist");
    }
    std::filesystem::remove(tmp_, error); // a leftover of a run that died
    // Constant memory spills each sheet's rows to temporary files; beside the output there is
    // room for them, while /tmp may be a small tmpfs. libxlsxwriter unlinks each just after
    // creating it, so a process killed in between leaves one behind: they go into a folder of
    // this output's own, emptied by the next writer of the same report.
    parts_ = dir / ("." + out_.filename().string() + ".parts");
    std::filesystem::remove_all(parts_, error);
    std::filesystem::create_directory(parts_, error);
    if (error)
        fail(out_, "folder", "cannot create " + parts_.string() + ": " + error.message());
    tmpdir_ = parts_.string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = tmpdir_.data();
    workbook_ = workbook_new_opt(tmp_.c_str(), &options);
    if (workbook_ == nullptr) {
        fail(out_, "opening the workbook", "libxlsxwriter could not create it");
    }
    make_formats();
}

void Workbook::make_formats() {
    formats_ = std::make_unique<Formats>();
    formats_->title = workbook_add_format(workbook_);
    format_set_bold(formats_->title);
    format_set_font_size(formats_->title, 16);
    formats_->header = workbook_add_format(workbook_);
    format_set_bold(formats_->header);
    format_set_bg_color(formats_->header, HEADER_FILL);
    format_set_pattern(formats_->header, LXW_PATTERN_SOLID);
    format_set_border(formats_->header, LXW_BORDER_THIN);
    format_set_align(formats_->header, LXW_ALIGN_CENTER);
    format_set_align(formats_->header, LXW_ALIGN_VERTICAL_CENTER);
    formats_->wrapped = workbook_add_format(workbook_);
    format_set_text_wrap(formats_->wrapped);
    format_set_align(formats_->wrapped, LXW_ALIGN_VERTICAL_TOP);
    // Indexed like Cell::Kind: blank, text, ntd, count, rate, date.
    const char* number_formats[6] = {nullptr,      nullptr,     NTD_FORMAT,
                                     COUNT_FORMAT, RATE_FORMAT, DATE_FORMAT};
    for (int kind = 0; kind < 6; ++kind) {
        for (int total = 0; total < 2; ++total) {
            lxw_format* format = workbook_add_format(workbook_);
            if (number_formats[kind] != nullptr) {
                format_set_num_format(format, number_formats[kind]);
            }
            if (total == 1) {
                format_set_bold(format);
                format_set_top(format, LXW_BORDER_THIN);
            }
            formats_->cells[kind][total] = format;
        }
    }
}

Workbook::~Workbook() {
    if (workbook_ != nullptr) {
        // lxw_workbook_free does not close the (already unlinked) file each constant-memory
        // sheet spills its rows to; left open, every abandoned report would keep a descriptor
        // and its disk space until the process ends.
        for (const auto& sheet : sheets_) {
            if (sheet->worksheet_->optimize_tmpfile != nullptr) {
                std::fclose(sheet->worksheet_->optimize_tmpfile);
                sheet->worksheet_->optimize_tmpfile = nullptr;
            }
        }
        lxw_workbook_free(workbook_);
    }
    std::error_code ignored;
    std::filesystem::remove(tmp_, ignored);
    std::filesystem::remove_all(parts_, ignored);
}

lxw_workbook* Workbook::open_workbook() const {
    if (workbook_ == nullptr) {
        throw std::logic_error("report " + out_.string() + " is already closed");
    }
    return workbook_;
}

Sheet& Workbook::add_sheet(std::string_view wanted) {
    std::string name = safe_sheet_name(wanted, sheet_names_);
    lxw_worksheet* worksheet = workbook_add_worksheet(open_workbook(), name.c_str());
    if (worksheet == nullptr) {
        fail(out_, "sheet " + name, "libxlsxwriter refused it (bad name or no temporary file)");
    }
    sheet_names_.push_back(name);
    sheets_.push_back(std::unique_ptr<Sheet>(new Sheet(*this, worksheet, std::move(name))));
    sheets_.back()->apply_page_header();
    return *sheets_.back();
}

void Workbook::set_page_header(std::string_view report, std::string_view period) {
    open_workbook();
    // &A is the sheet's name, filled in by Excel or LibreOffice when printing.
    page_header_ = "&L" + header_footer_literal(report) + "&C&A&R" + header_footer_literal(period);
    for (const auto& sheet : sheets_) {
        sheet->apply_page_header();
    }
}

void Workbook::close() {
    lxw_workbook* workbook = std::exchange(workbook_, nullptr);
    if (workbook == nullptr) {
        throw std::logic_error("report " + out_.string() + " is already closed");
    }
    std::error_code ignored;
    // workbook_close frees the workbook whatever it returns.
    const lxw_error error = workbook_close(workbook);
    if (error != LXW_NO_ERROR) {
        std::filesystem::remove(tmp_, ignored);
        fail(out_, "closing the workbook", lxw_strerror(error));
    }
    std::error_code renamed;
    std::filesystem::rename(tmp_, out_, renamed);
    if (renamed) {
        std::filesystem::remove(tmp_, ignored);
        fail(out_, "renaming " + tmp_.string(), renamed.message());
    }
}

Sheet::Sheet(Workbook& book, lxw_worksheet* worksheet, std::string name)
    : book_(&book), worksheet_(worksheet), name_(std::move(name)) {}

void Sheet::set_widths(const std::vector<double>& widths) {
    book_->open_workbook();
    for (std::size_t col = 0; col < widths.size(); ++col) {
        const auto c = static_cast<lxw_col_t>(col);
        check(worksheet_set_column(worksheet_, c, c, widths[col], nullptr), book_->out_,
              "column widths of " + name_);
    }
}

void Sheet::set_print(Orientation orientation) {
    book_->open_workbook();
    worksheet_set_paper(worksheet_, PAPER_A4);
    if (orientation == Orientation::landscape) {
        worksheet_set_landscape(worksheet_);
    } else {
        worksheet_set_portrait(worksheet_);
    }
    worksheet_fit_to_pages(worksheet_, 1, 0);
    check(worksheet_set_footer(worksheet_, "&C第 &P 頁，共 &N 頁"), book_->out_,
          "footer of " + name_);
}

void Sheet::apply_page_header() {
    if (!book_->page_header_.empty()) {
        check(worksheet_set_header(worksheet_, book_->page_header_.c_str()), book_->out_,
              "page header of " + name_);
    }
}

void Sheet::repeat_rows(std::uint32_t first_row, std::uint32_t last_row) {
    book_->open_workbook();
    check(worksheet_repeat_rows(worksheet_, first_row, last_row), book_->out_,
          "print titles of " + name_);
}

void Sheet::freeze_rows(std::uint32_t rows) {
    book_->open_workbook();
    worksheet_freeze_panes(worksheet_, rows, 0);
}

void Sheet::autofilter(std::uint32_t first_row, std::uint32_t last_row, std::uint16_t columns) {
    book_->open_workbook();
    if (columns == 0) {
        return;
    }
    check(worksheet_autofilter(worksheet_, first_row, 0, last_row,
                               static_cast<lxw_col_t>(columns - 1)),
          book_->out_, "autofilter of " + name_);
}

void Sheet::write_title(std::string_view title) {
    book_->open_workbook();
    check(worksheet_set_row(worksheet_, next_row_, 24, nullptr), book_->out_, "title of " + name_);
    check(worksheet_write_string(worksheet_, next_row_, 0, xml_safe(title).c_str(),
                                 book_->formats_->title),
          book_->out_, "title of " + name_);
    ++next_row_;
}

void Sheet::write_header(const std::vector<std::string>& headers) {
    book_->open_workbook();
    for (std::size_t col = 0; col < headers.size(); ++col) {
        check(worksheet_write_string(worksheet_, next_row_, static_cast<lxw_col_t>(col),
                                     xml_safe(headers[col]).c_str(), book_->formats_->header),
              book_->out_, "header of " + name_);
    }
    ++next_row_;
}

void Sheet::write_row(const Row& row) {
    book_->open_workbook();
    for (std::size_t col = 0; col < row.cells.size(); ++col) {
        write_cell(next_row_, static_cast<std::uint16_t>(col), row.cells[col], row.total);
    }
    ++next_row_;
}

void Sheet::write_wrapped(std::string_view text, std::uint16_t columns, unsigned lines) {
    book_->open_workbook();
    const std::string what = "sheet " + name_ + " row " + std::to_string(next_row_ + 1);
    check(worksheet_set_row(worksheet_, next_row_, 15.0 * lines, nullptr), book_->out_, what);
    if (columns > 1) {
        check(worksheet_merge_range(worksheet_, next_row_, 0, next_row_,
                                    static_cast<lxw_col_t>(columns - 1), xml_safe(text).c_str(),
                                    book_->formats_->wrapped),
              book_->out_, what);
    } else {
        check(worksheet_write_string(worksheet_, next_row_, 0, xml_safe(text).c_str(),
                                     book_->formats_->wrapped),
              book_->out_, what);
    }
    ++next_row_;
}

void Sheet::skip_rows(std::uint32_t count) { next_row_ += count; }

void Sheet::write_cell(std::uint32_t row, std::uint16_t col, const Cell& cell, bool total) {
    lxw_format* format = book_->formats_->cells[static_cast<int>(cell.kind)][total ? 1 : 0];
    lxw_error error = LXW_NO_ERROR;
    // Money and counts are integers up to the moment they become an Excel number.
    switch (cell.kind) {
    case Cell::Kind::blank:
        if (!total) {
            return;
        }
        // Formatted, so that a total's rule above runs across the whole row.
        error = worksheet_write_blank(worksheet_, row, col, format);
        break;
    case Cell::Kind::text:
        // Always a string cell: "=SUM(A1)" from an upload stays text, never a formula.
        error = worksheet_write_string(worksheet_, row, col, xml_safe(cell.text).c_str(), format);
        break;
    case Cell::Kind::ntd:
    case Cell::Kind::count:
        error =
            worksheet_write_number(worksheet_, row, col, static_cast<double>(cell.number), format);
        break;
    case Cell::Kind::rate:
        error = worksheet_write_number(
            worksheet_, row, col, static_cast<double>(cell.number) / domain::BASIS_POINTS_WHOLE,
            format);
        break;
    case Cell::Kind::date: {
        if (!cell.date.ok()) {
            fail(book_->out_, "sheet " + name_,
                 "invalid date in row " + std::to_string(row + 1) + ", column " +
                     std::to_string(col + 1));
        }
        lxw_datetime datetime{.year = static_cast<int>(cell.date.year()),
                              .month = static_cast<int>(unsigned(cell.date.month())),
                              .day = static_cast<int>(unsigned(cell.date.day())),
                              .hour = 0,
                              .min = 0,
                              .sec = 0};
        error = worksheet_write_datetime(worksheet_, row, col, &datetime, format);
        break;
    }
    }
    if (error != LXW_NO_ERROR) { // the message is built only when needed: this runs per cell
        fail(book_->out_,
             "sheet " + name_ + " row " + std::to_string(row + 1) + " column " +
                 std::to_string(col + 1),
             lxw_strerror(error));
    }
}

void Sheet::insert_bar_chart(std::uint32_t row, std::uint16_t col, const BarChart& chart,
                             double y_scale) {
    lxw_chart* bar = workbook_add_chart(book_->open_workbook(), LXW_CHART_BAR);
    if (bar == nullptr) {
        fail(book_->out_, "chart " + chart.title, "libxlsxwriter could not create it");
    }
    lxw_chart_series* series = chart_add_series(bar, nullptr, nullptr);
    if (series == nullptr) {
        fail(book_->out_, "chart " + chart.title, "libxlsxwriter could not add its series");
    }
    chart_series_set_categories(series, chart.data_sheet.c_str(), chart.first_row,
                                chart.category_col, chart.last_row, chart.category_col);
    chart_series_set_values(series, chart.data_sheet.c_str(), chart.first_row, chart.value_col,
                            chart.last_row, chart.value_col);
    chart_title_set_name(bar, xml_safe(chart.title).c_str());
    chart_legend_set_position(bar, LXW_CHART_LEGEND_NONE);
    // In libxlsxwriter's bar chart y_axis is the vertical category axis and x_axis the values.
    // Categories reversed put the first row (first in zh-Hant-TW order) on top, as in the
    // sheet; crossing at the maximum keeps the value labels at the bottom.
    chart_axis_set_reverse(bar->y_axis);
    chart_axis_set_crossing_max(bar->y_axis);
    if (chart.money) {
        chart_axis_set_num_format(bar->x_axis, NTD_FORMAT);
    }
    lxw_chart_options options{};
    options.x_scale = 1.5;
    options.y_scale = y_scale;
    check(worksheet_insert_chart_opt(worksheet_, row, col, bar, &options), book_->out_,
          "chart " + chart.title);
}

std::uint32_t write_cover_sheet(Sheet& cover, std::string_view title,
                                const std::vector<Row>& facts,
                                const std::vector<std::string>& figures_header,
                                const std::vector<Row>& figures) {
    ColumnWidths widths;
    widths.measure_header(figures_header);
    for (const auto* group : {&facts, &figures})
        for (const Row& row : *group)
            widths.measure(row);
    cover.set_widths(widths.widths());
    cover.set_print(Orientation::landscape);
    cover.write_title(title);
    cover.skip_rows();
    for (const Row& row : facts)
        cover.write_row(row);
    cover.skip_rows();
    cover.write_header(figures_header);
    const std::uint32_t first_figure = cover.next_row();
    for (const Row& row : figures)
        cover.write_row(row);
    return first_figure;
}

void write_table(Sheet& sheet, const std::vector<std::string>& headers, std::size_t row_count,
                 const std::function<Row(std::size_t)>& row_at, const TableEnd& end) {
    if (sheet.next_row() != 0) {
        throw std::logic_error("write_table needs an empty sheet: " + sheet.name());
    }
    ColumnWidths widths;
    widths.measure_header(headers);
    for (std::size_t i = 0; i < row_count; ++i) {
        widths.measure(row_at(i));
    }
    if (end.total) {
        widths.measure(*end.total);
    }
    const std::vector<double> fitted = widths.widths();
    sheet.set_widths(fitted);
    sheet.set_print(Orientation::landscape);
    sheet.repeat_rows(0, 0);
    const auto columns = static_cast<std::uint16_t>(headers.size());
    // Set before any row is written: in constant memory libxlsxwriter refuses a filter range
    // that ends above the row it is writing, and the total row comes after the range.
    sheet.freeze_rows(1);
    sheet.autofilter(0, static_cast<std::uint32_t>(row_count), columns);
    sheet.write_header(headers);
    for (std::size_t i = 0; i < row_count; ++i) {
        sheet.write_row(row_at(i));
    }
    // Constant memory writes rows in order, so whatever ends the table comes last.
    if (end.total) {
        Row total = *end.total;
        total.total = true;
        sheet.write_row(total);
    }
    if (!end.notes.empty()) {
        sheet.skip_rows();
        double table_width = 0;
        for (const double width : fitted) {
            table_width += width;
        }
        for (const std::string& note : end.notes) {
            // A little slack: CJK glyphs are a shade wider than two digits.
            const double needed = 1.1 * static_cast<double>(display_width(note));
            const auto lines =
                static_cast<unsigned>(std::ceil(needed / std::max(table_width, 1.0)));
            sheet.write_wrapped(note, columns, std::max(lines, 1U));
        }
    }
}

} // namespace govpub::reports
