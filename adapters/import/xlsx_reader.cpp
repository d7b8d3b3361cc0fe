// Streaming the first worksheet of an XLSX file, row by row, into TableRows.
#include "adapters/import/xlsx_reader.hpp"

#include "adapters/import/input_error.hpp"
#include "adapters/import/xlsx_package.hpp"

#include <Poco/Exception.h>
#include <Poco/XML/XMLStreamParser.h>
#include <charconv>

namespace govpub::adapters::import {

namespace {

// Excel's last column, XFD; a reference beyond it is a damaged or hostile file.
constexpr std::size_t MAX_COLUMNS = 16384;

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
            date_styles = xlsx::read_date_styles(package, workbook.styles_part);
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
    void finish_cell(TableRow& row);
    std::string cell_text();
    [[noreturn]] void fail(const std::string& value, const std::string& rule) const {
        throw InputError(package.display_name(), row_number, column_letters(column), value,
                         rule);
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
                value += parser->value(); // text may arrive in pieces
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

XlsxSheetReader::XlsxSheetReader(const std::filesystem::path& file, std::string display_name)
    : sheet_(std::make_unique<Sheet>(
          file, display_name.empty() ? file.filename().string() : std::move(display_name))) {}

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
    throw InputError(sheet_.display_name(), 0, "", "",
                     empty_file_rule(header_example, "first worksheet \"" + sheet_.sheet_name() +
                                                         "\""));
}

bool XlsxTableReader::next(TableRow& row) {
    while (sheet_.next(row))
        if (!is_blank(row.cells))
            return true;
    return false;
}

} // namespace govpub::adapters::import
