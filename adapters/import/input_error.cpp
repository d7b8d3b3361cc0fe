// Formatting of bad-input messages, shared by InputError and LineIssue.
#include "adapters/import/input_error.hpp"

#include "domain/errors.hpp"

namespace govpub::adapters::import {

namespace {

// A whole 1 MiB cell in a message hides the rule; the start is enough to find it.
constexpr std::size_t MAX_SHOWN_VALUE = 80;

std::string shown_value(const std::string& value) {
    if (value.size() <= MAX_SHOWN_VALUE)
        return value;
    std::size_t cut = MAX_SHOWN_VALUE;
    // Cut on a UTF-8 character boundary so the message stays valid text.
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80)
        --cut;
    return value.substr(0, cut) + "…";
}

} // namespace

std::string describe(const std::string& file, const LineIssue& issue) {
    std::string where = issue.line > 0 ? "line " + std::to_string(issue.line) : "";
    if (!issue.column.empty())
        where += (where.empty() ? "column " : ", column ") + issue.column;
    // An empty file name gives the fragment alone ("line 3: ..."), for lists under a heading.
    std::string text = file.empty() ? where : where.empty() ? file : file + " " + where;
    std::string separator = text.empty() ? "" : ": ";
    if (!issue.value.empty())
        return text + separator + "\"" + shown_value(issue.value) + "\" — " + issue.rule;
    if (where.empty()) // a rule about the whole file reads as a sentence: "sales.csv is empty"
        return text.empty() ? issue.rule : text + " " + issue.rule;
    return text + separator + issue.rule;
}

LineIssue issue_from(std::size_t line, std::string column, const domain::InvalidValue& error) {
    return LineIssue{line, std::move(column), error.value(), error.rule()};
}

InputError::InputError(std::string file, std::size_t line, std::string column, std::string value,
                       std::string rule)
    : InputError(std::move(file),
                 LineIssue{line, std::move(column), std::move(value), std::move(rule)}) {}

InputError::InputError(std::string file, LineIssue issue)
    : std::runtime_error(describe(file, issue)), file_(std::move(file)), issue_(std::move(issue)) {}

} // namespace govpub::adapters::import
