// Streaming the first worksheet of an XLSX file, row by row, into TableRows.
#include "adapters/import/xlsx_reader.hpp"

#include "adapters/import/input_error.hpp"
#include "adapters/import/xlsx_package.hpp"

#include <Poco/Exception.h>
#include <Poco/XML/XMLStreamParser.h>
#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace govpub::adapters::import {

namespace {

// Excel's last column, XFD; a reference beyond it is a damaged or hostile file.
constexpr std::size_t MAX_COLUMNS = 16384;
// Excel holds at most 32767 characters in a cell; more is a damaged or hostile file, and
// stopping here keeps a compressed sheet from inflating one cell into gigabytes.
constexpr std::size_t MAX_CELL_BYTES = 1024 * 1024;

std::string column_letters(std::size_t index) {
    std::string letters;
    for (++index; index > 0; index = (index - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (index - 1) % 26));
    return letters;
}

} // namespace

// Poco's SAXParser only parses a whole document in one call, which would turn next()
// inside out (or need a thread); XMLStreamParser is Poco's pull parser over the same
// expat and lets each next() read just far enough for one row.
struct XlsxSheetReader::Sheet {
    enum class Owner { none, row, cell };

    Sheet(const std::filesystem::path& file, std::string display_name)
        : package(file, std::move(display_name)), workbook(xlsx::read_workbook(package)) {
        if (!workbook.shared_strings_part.empty())
            strings = xlsx::read_shared_strings(package, workbook.shared_strings_part);
        if (!workbook.styles_part.empty())
            for (const auto& format : xlsx::read_cell_formats(package, workbook.styles_part))
                date_styles.push_back(xlsx::is_date_format(format.id, format.code));
        stream = package.open(workbook.sheet_part);
        parser = std::make_unique<Poco::XML::XMLStreamParser>(
            *stream, workbook.sheet_part,
            Poco::XML::XMLStreamParser::RECEIVE_ELEMENTS |
                Poco::XML::XMLStreamParser::RECEIVE_CHARACTERS |
                Poco::XML::XMLStreamParser::RECEIVE_ATTRIBUTES_EVENT);
    }

    bool next(TableRow& row);
    void start_element(const std::string& name, TableRow& row);
    void take_attribute(const std::string& value);
    void add_text(const std::string& text) {
        value += text; // text may arrive in pieces
        if (value.size() > MAX_CELL_BYTES)
            fail("", "a cell holds more than " + std::to_string(MAX_CELL_BYTES) +
                         " bytes of text, more than Excel allows");
    }
    void finish_cell(TableRow& row);
    std::string cell_text();
    [[noreturn]] void fail(const std::string& value, const std::string& rule) const {
        throw InputError(package.display_name(), row_number, column_letters(column), value, rule);
    }

    xlsx::Package package;
    xlsx::Workbook workbook;
    std::vector<std::string> strings;
    std::vector<bool> date_styles;
    std::unique_ptr<xlsx::Package::PartStream> stream;
    std::unique_ptr<Poco::XML::XMLStreamParser> parser;

    Owner owner = Owner::none; // whose attributes are arriving
    std::string attribute;
    std::size_t row_number = 0;
    std::size_t column = 0;
    std::string type;
    std::size_t style = 0;
    std::string value;
    bool in_value = false; // inside <v>, or <t> of an inline string
    int phonetic_depth = 0;
};

bool XlsxSheetReader::Sheet::next(TableRow& row) {
    using Parser = Poco::XML::XMLStreamParser;
    for (;;) {
        switch (parser->next()) {
        case Parser::EV_START_ELEMENT:
            start_element(parser->localName(), row);
            break;
        case Parser::EV_START_ATTRIBUTE:
            attribute = parser->localName();
            break;
        case Parser::EV_END_ATTRIBUTE:
            attribute.clear();
            break;
        case Parser::EV_CHARACTERS:
            if (!attribute.empty())
                take_attribute(parser->value());
            else if (in_value)
                add_text(parser->value());
            break;
        case Parser::EV_END_ELEMENT: {
            const std::string& name = parser->localName();
            if (name == "v" || name == "t") {
                in_value = false;
            } else if (name == "rPh") {
                --phonetic_depth;
            } else if (name == "c") {
                finish_cell(row);
            } else if (name == "row") {
                while (!row.cells.empty() && row.cells.back().empty())
                    row.cells.pop_back();
                row.line = row_number;
                return true;
            }
            break;
        }
        case Parser::EV_EOF:
            return false;
        default:
            break;
        }
    }
}

void XlsxSheetReader::Sheet::start_element(const std::string& name, TableRow& row) {
    owner = Owner::none;
    if (name == "row") {
        owner = Owner::row;
        ++row_number; // rows without r="" follow the previous one
        column = 0;
        row.cells.clear();
    } else if (name == "c") {
        owner = Owner::cell;
        type.clear();
        style = 0;
        value.clear();
    } else if (name == "v") {
        in_value = true;
    } else if (name == "t") {
        in_value = phonetic_depth == 0;
    } else if (name == "rPh") {
        ++phonetic_depth;
    }
}

void XlsxSheetReader::Sheet::take_attribute(const std::string& text) {
    if (owner == Owner::row && attribute == "r") {
        std::size_t number = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (error == std::errc() && end == text.data() + text.size() && number > 0)
            row_number = number;
    } else if (owner == Owner::cell && attribute == "r") {
        // "C5": the letters say the column; missing cells before it stay "".
        std::size_t index = 0;
        std::size_t letters = 0;
        for (char c : text) {
            if (c < 'A' || c > 'Z')
                break;
            index = index * 26 + static_cast<std::size_t>(c - 'A' + 1);
            if (++letters > 3)
                break;
        }
        if (letters > 0) {
            column = index - 1;
            if (column >= MAX_COLUMNS)
                fail(text, "a cell reference beyond Excel's last column XFD");
        }
    } else if (owner == Owner::cell && attribute == "t") {
        type = text;
    } else if (owner == Owner::cell && attribute == "s") {
        std::from_chars(text.data(), text.data() + text.size(), style);
    }
}

void XlsxSheetReader::Sheet::finish_cell(TableRow& row) {
    if (column >= MAX_COLUMNS)
        fail("", "a cell beyond Excel's last column XFD");
    std::string text = cell_text();
    if (!text.empty()) {
        if (row.cells.size() <= column)
            row.cells.resize(column + 1);
        row.cells[column] = std::move(text);
    }
    ++column;
}

std::string XlsxSheetReader::Sheet::cell_text() {
    if (type == "s") {
        std::size_t index = 0;
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), index);
        if (error != std::errc() || end != value.data() + value.size() || index >= strings.size())
            fail(value, "refers to shared string " + value + ", but the workbook has " +
                            std::to_string(strings.size()));
        return strings[index];
    }
    if (type == "inlineStr" || type == "str") {
        xlsx::decode_escapes(value);
        return std::move(value);
    }
    if (type == "b")
        return value.empty() ? "" : (value == "1" || value == "true" ? "TRUE" : "FALSE");
    if (type == "d") // an ISO 8601 date written as text; keep the date
        return value.substr(0, value.find('T'));
    if (type == "e" || value.empty())
        return std::move(value); // "#N/A" and friends: the importer will say it is not a number
    if (style < date_styles.size() && date_styles[style]) {
        double serial = 0;
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), serial);
        if (error == std::errc() && end == value.data() + value.size())
            if (auto date = xlsx::excel_date(serial, workbook.date1904))
                return *date;
    }
    return xlsx::excel_number(value);
}

XlsxSheetReader::XlsxSheetReader(const std::filesystem::path& file, std::string display_name) {
    if (display_name.empty())
        display_name = file.filename().string();
    try {
        sheet_ = std::make_unique<Sheet>(file, display_name);
    } catch (const Poco::Exception& error) {
        // The small parts are checked as they are read; this is the worksheet's own zip entry
        // (encrypted, or compressed in a way Poco does not know).
        throw InputError(display_name, 0, "", "",
                         "is not an XLSX workbook (its worksheet cannot be opened: " +
                             error.displayText() + "); save it from Excel as .xlsx or export CSV");
    }
}

XlsxSheetReader::~XlsxSheetReader() = default;

bool XlsxSheetReader::next(TableRow& row) {
    try {
        return sheet_->next(row);
    } catch (const Poco::Exception& error) {
        throw InputError(sheet_->package.display_name(), sheet_->row_number, "", "",
                         "the worksheet cannot be read (" + error.displayText() +
                             "); save it again from Excel as .xlsx or export CSV");
    }
}

const std::string& XlsxSheetReader::display_name() const { return sheet_->package.display_name(); }

const std::string& XlsxSheetReader::sheet_name() const { return sheet_->workbook.sheet_name; }

std::uint64_t XlsxSheetReader::bytes_done() const { return sheet_->stream->bytes_read(); }

std::uint64_t XlsxSheetReader::bytes_total() const {
    return sheet_->package.size(sheet_->workbook.sheet_part);
}

XlsxTableReader::XlsxTableReader(const std::filesystem::path& file, std::string display_name,
                                 const std::string& header_example)
    : sheet_(file, std::move(display_name)) {
    TableRow row;
    while (sheet_.next(row)) {
        if (is_blank(row.cells))
            continue;
        header_ = std::move(row.cells);
        header_line_ = row.line;
        return;
    }
    throw InputError(
        sheet_.display_name(), 0, "", "",
        empty_file_rule(header_example, "first worksheet \"" + sheet_.sheet_name() + "\""));
}

bool XlsxTableReader::next(TableRow& row) {
    while (sheet_.next(row))
        if (!is_blank(row.cells))
            return true;
    return false;
}

namespace xlsx {

bool is_date_format(int id, std::string_view code) {
    if (code.empty()) {
        // Built-in formats: 14-17 and 22 everywhere; 27-31, 36, 50, 51, 54, 57 and 58 are
        // the dates of Traditional Chinese Excel (ROC era "e/m/d" and 年月日). Ids 18-21,
        // 32-35, 45-47, 52, 53, 55 and 56 are times of day only.
        static constexpr std::array DATE_IDS{14, 15, 16, 17, 22, 27, 28, 29,
                                             30, 31, 36, 50, 51, 54, 57, 58};
        return std::find(DATE_IDS.begin(), DATE_IDS.end(), id) != DATE_IDS.end();
    }
    // Keep the letters of the positive section that are format codes, not literal text.
    std::string letters;
    for (std::size_t i = 0; i < code.size() && code[i] != ';'; ++i) {
        char c = code[i];
        if (c == '"') {
            i = std::min(code.find('"', i + 1), code.size());
        } else if (c == '[') {
            i = std::min(code.find(']', i + 1), code.size()); // colour, locale, elapsed time
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i; // the next character is literal or padding
        } else {
            letters.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
    }
    for (auto at = letters.find("general"); at != std::string::npos; at = letters.find("general"))
        letters.erase(at, 7);
    auto has = [&](char c) { return letters.find(c) != std::string::npos; };
    // "e" is the ROC-era year of zh-TW formats; in "0.00E+00" it comes without a month.
    bool numeric = has('0') || has('#') || has('?');
    return has('y') || has('d') || (has('e') && has('m') && !numeric);
}

std::string excel_number(std::string_view stored) {
    double value = 0;
    auto [end, error] = std::from_chars(stored.data(), stored.data() + stored.size(), value);
    if (error != std::errc() || end != stored.data() + stored.size() || !std::isfinite(value))
        return std::string(stored);
    // Below 2^53 every integer is exact, so it prints as the digits the person typed
    // (an ISBN or GPN typed as a number keeps all 13 or 10 digits).
    if (std::abs(value) < 9007199254740992.0 && value == std::trunc(value))
        return std::to_string(static_cast<long long>(value));
    std::array<char, 32> text{};
    auto result = std::to_chars(text.data(), text.data() + text.size(), value,
                                std::chars_format::general, 15);
    return std::string(text.data(), result.ptr);
}

std::optional<std::string> excel_date(double serial, bool date1904) {
    using namespace std::chrono;
    if (!std::isfinite(serial))
        return std::nullopt;
    // Excel rounds times to the millisecond, so 0.99999999 of a day is already midnight.
    double whole_days = std::floor(serial + 0.5 / 86'400'000);
    sys_days base;
    if (date1904) {
        if (whole_days < 0 || whole_days > 2'957'003)
            return std::nullopt;
        base = sys_days{year{1904} / January / 1};
    } else {
        if (whole_days < 1 || whole_days > 2'958'465)
            return std::nullopt;
        // Lotus 1-2-3 counted 1900 as a leap year and Excel kept serial 60 as 1900-02-29,
        // so serials from 61 on are one day ahead of a plain count from 1900-01-01.
        if (whole_days == 60)
            return "1900-02-29";
        base = sys_days{year{1899} / December / (whole_days < 60 ? 31 : 30)};
    }
    year_month_day date{base + days{static_cast<long>(whole_days)}};
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return std::string(text.data());
}

} // namespace xlsx

} // namespace govpub::adapters::import
