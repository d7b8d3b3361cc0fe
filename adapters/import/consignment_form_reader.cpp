// Finding the header block and the table of a 附件一 form by the text of its labels.
#include "adapters/import/consignment_form_reader.hpp"

#include "adapters/import/input_error.hpp"

#include <algorithm>

namespace govpub::adapters::import {

namespace {

const std::string FULL_COLON = "：";

std::string trim(const std::string& s) {
    auto a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos)
        return "";
    return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

bool ends_with_colon(const std::string& s) {
    return (s.size() >= FULL_COLON.size() &&
            s.compare(s.size() - FULL_COLON.size(), FULL_COLON.size(), FULL_COLON) == 0) ||
           (!s.empty() && s.back() == ':');
}

std::string strip_colon(std::string s) {
    if (!s.empty() && s.back() == ':')
        s.pop_back();
    else if (ends_with_colon(s))
        s.erase(s.size() - FULL_COLON.size());
    return trim(s);
}

bool is_table_header(const std::vector<std::string>& cells) {
    auto has = [&](const char* name) {
        return std::any_of(cells.begin(), cells.end(),
                           [&](const std::string& c) { return trim(c) == name; });
    };
    return (has("GPN") || has("gpn")) && has("出版品名稱") && has("定價") && has("數量");
}

} // namespace

bool ConsignmentFormReader::looks_like_form(const std::filesystem::path& file) {
    XlsxSheetReader sheet(file);
    TableRow row;
    bool saw_label = false;
    for (int n = 0; n < 40 && sheet.next(row); ++n) {
        if (is_table_header(row.cells))
            return saw_label;
        for (const auto& c : row.cells)
            saw_label = saw_label || trim(c).rfind("出版機關", 0) == 0;
    }
    return false;
}

ConsignmentFormReader::ConsignmentFormReader(const std::filesystem::path& file,
                                             std::string display_name)
    : sheet_(file, display_name) {
    TableRow row;
    while (sheet_.next(row)) {
        if (is_table_header(row.cells)) {
            for (const auto& c : row.cells)
                header_.push_back(trim(c));
            header_line_ = row.line;
            return;
        }
        // A label cell ending in a colon; its value is the next non-empty cell to its right
        // that is not itself a label. The label may also carry its value ("供貨日期：115年3月2日").
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            std::string cell = trim(row.cells[i]);
            auto colon = cell.find(FULL_COLON);
            if (colon == std::string::npos || colon == 0)
                continue;
            std::string label = strip_colon(cell.substr(0, colon + FULL_COLON.size()));
            std::string inline_value = trim(cell.substr(colon + FULL_COLON.size()));
            std::string value = inline_value;
            if (value.empty() && i + 1 < row.cells.size() && !ends_with_colon(trim(row.cells[i + 1])))
                value = trim(row.cells[i + 1]);
            if (!labels_.count(label))
                labels_[label] = value;
        }
    }
    throw InputError(sheet_.display_name(), 0, "", "",
                     "has no table with the columns GPN, 出版品名稱, 定價, 數量 (附件一)");
}

bool ConsignmentFormReader::next(TableRow& row) {
    while (!ended_ && sheet_.next(row)) {
        if (is_blank(row.cells))
            continue;
        // The footer (政府出版品展售門市：…, 註：…) ends the table.
        std::string first = row.cells.empty() ? "" : trim(row.cells[0]);
        if (first.find(FULL_COLON) != std::string::npos || first.rfind("註", 0) == 0) {
            ended_ = true;
            return false;
        }
        return true;
    }
    return false;
}

} // namespace govpub::adapters::import
