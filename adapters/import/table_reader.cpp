// Choosing the reader for an uploaded table by what the file is, not what it is called.
#include "adapters/import/table_reader.hpp"

#include "adapters/import/csv_reader.hpp"
#include "adapters/import/input_error.hpp"
#include "adapters/import/xlsx_reader.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>

namespace govpub::adapters::import {

TableReader::~TableReader() = default;

bool is_blank(const std::vector<std::string>& cells) {
    return std::all_of(cells.begin(), cells.end(), [](const auto& cell) { return cell.empty(); });
}

std::string empty_file_rule(const std::string& header_example, const std::string& where) {
    std::string rule = "is empty";
    if (!where.empty())
        rule += " (" + where + ")";
    rule += ": expected a header row";
    if (!header_example.empty())
        rule += " such as " + header_example;
    return rule;
}

std::unique_ptr<TableReader> open_table(const std::filesystem::path& file, std::string display_name,
                                        const std::string& header_example) {
    if (display_name.empty())
        display_name = file.filename().string();
    std::array<char, 8> magic{};
    {
        std::ifstream in(file, std::ios::binary);
        if (!in)
            throw InputError(display_name, 0, "", "", "cannot be opened: no such readable file");
        in.read(magic.data(), magic.size());
    }
    // An .xls (Excel 97-2003) and a password-protected .xlsx are both OLE compound files.
    if (std::memcmp(magic.data(), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        throw InputError(display_name, 0, "", "",
                         "is an Excel 97-2003 (.xls) or password-protected workbook; save it "
                         "from Excel as .xlsx without a password, or export CSV");
    // The uploaded name counts too: the portal stores uploads under names of its own.
    std::string extension = file.has_extension()
                                ? file.extension().string()
                                : std::filesystem::path(display_name).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    bool zip = std::memcmp(magic.data(), "PK\x03\x04", 4) == 0;
    if (zip || extension == ".xlsx")
        return std::make_unique<XlsxTableReader>(file, std::move(display_name), header_example);
    return std::make_unique<CsvReader>(file, std::move(display_name), header_example);
}

} // namespace govpub::adapters::import
