// Header matching for uploaded tables: English or Chinese names, any case or width.
#include "adapters/import/column_map.hpp"

#include <algorithm>
#include <stdexcept>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace govpub::adapters::import {

namespace {

// NFKC_Casefold turns full-width letters into ASCII, folds case and drops invisible marks
// such as a stray byte order mark, which is what a person means by "the same header".
std::string match_key(std::string_view header) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU has no NFKC_Casefold data: ") +
                                 u_errorName(status));
    icu::UnicodeString folded =
        nfkc_cf->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                               header.data(), static_cast<int32_t>(header.size()))),
                           status);
    std::string key;
    folded.toUTF8String(key);
    return std::string(trim(key));
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
    std::string text;
    for (const auto& part : parts)
        text += (text.empty() ? "" : separator) + part;
    return text;
}

// "quantity (數量)": the first accepted name and the others that differ from it.
std::string accepted_names(const ColumnSpec& spec) {
    std::vector<std::string> others;
    std::vector<std::string> keys;
    for (const auto& name : spec.names) {
        std::string key = match_key(name);
        if (std::find(keys.begin(), keys.end(), key) != keys.end())
            continue;
        keys.push_back(key);
        if (&name != &spec.names.front())
            others.push_back(name);
    }
    std::string first = spec.names.empty() ? spec.id : spec.names.front();
    return others.empty() ? first : first + " (" + joined(others, ", ") + ")";
}

} // namespace

std::string_view trim(std::string_view text) {
    static constexpr std::string_view SPACES[] = {
        " ", "\t", "\r", "\n", "\v", "\f", "\xE3\x80\x80", "\xC2\xA0", "\xEF\xBB\xBF"};
    for (bool changed = true; changed && !text.empty();) {
        changed = false;
        for (auto space : SPACES) {
            if (text.starts_with(space)) {
                text.remove_prefix(space.size());
                changed = true;
            }
            if (text.ends_with(space)) {
                text.remove_suffix(space.size());
                changed = true;
            }
        }
    }
    return text;
}

ColumnMap::ColumnMap(const std::vector<std::string>& header, const std::vector<ColumnSpec>& specs,
                     const std::string& file, std::size_t header_line)
    : width_(header.size()) {
    std::vector<std::vector<std::string>> spec_keys;
    for (const auto& spec : specs) {
        columns_.push_back(
            {spec.id, std::string::npos, spec.names.empty() ? spec.id : spec.names.front()});
        spec_keys.emplace_back();
        for (const auto& name : spec.names)
            spec_keys.back().push_back(match_key(name));
    }
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string key = match_key(header[i]);
        if (key.empty())
            continue;
        for (std::size_t s = 0; s < specs.size(); ++s) {
            const auto& keys = spec_keys[s];
            if (std::find(keys.begin(), keys.end(), key) == keys.end())
                continue;
            Column& column = columns_[s];
            if (column.index != std::string::npos)
                throw InputError(file, header_line, std::string(trim(header[i])), "",
                                 "the column " + accepted_names(specs[s]) +
                                     " appears twice (columns " + std::to_string(column.index + 1) +
                                     " and " + std::to_string(i + 1) + "); keep one");
            column.index = i;
            column.name = std::string(trim(header[i]));
            break;
        }
    }
    std::vector<std::string> missing;
    for (std::size_t s = 0; s < specs.size(); ++s)
        if (specs[s].required && columns_[s].index == std::string::npos)
            missing.push_back(accepted_names(specs[s]));
    if (!missing.empty()) {
        std::vector<std::string> found;
        for (const auto& cell : header)
            if (!trim(cell).empty())
                found.emplace_back(trim(cell));
        throw InputError(file, header_line, "", "",
                         std::string(missing.size() == 1 ? "missing column " : "missing columns ") +
                             joined(missing, ", ") + "; the header row has " +
                             (found.empty() ? "no names" : joined(found, ", ")));
    }
}

const ColumnMap::Column& ColumnMap::column(std::string_view id) const {
    for (const auto& column : columns_)
        if (column.id == id)
            return column;
    throw std::logic_error("ColumnMap: no column spec \"" + std::string(id) + "\"");
}

bool ColumnMap::has(std::string_view id) const { return column(id).index != std::string::npos; }

std::string_view ColumnMap::get(const TableRow& row, std::string_view id) const {
    std::size_t index = column(id).index;
    return index < row.cells.size() ? trim(row.cells[index]) : std::string_view();
}

const std::string& ColumnMap::header_name(std::string_view id) const { return column(id).name; }

std::optional<LineIssue> ColumnMap::extra_cells(const TableRow& row) const {
    std::size_t last = row.cells.size();
    while (last > width_ && trim(row.cells[last - 1]).empty())
        --last;
    if (last <= width_)
        return std::nullopt;
    std::size_t first = width_;
    while (trim(row.cells[first]).empty())
        ++first;
    return LineIssue{row.line, "", std::string(trim(row.cells[first])),
                     "the row has " + std::to_string(last) + " cells but the header has " +
                         std::to_string(width_) +
                         " columns; a value that contains a comma must be in quotes"};
}

std::string header_example(const std::vector<ColumnSpec>& specs) {
    std::vector<std::string> first;
    std::vector<std::string> last;
    for (const auto& spec : specs) {
        if (!spec.required || spec.names.empty())
            continue;
        first.push_back(spec.names.front());
        last.push_back(spec.names.back());
    }
    std::string example = joined(first, ",");
    return last == first ? example : example + " (" + joined(last, ",") + ")";
}

} // namespace govpub::adapters::import
