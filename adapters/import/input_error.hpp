// Bad input in an uploaded file, told the way a person can find and fix it.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace govpub::domain {
class InvalidValue;
}

namespace govpub::adapters::import {

//! One problem on one line, kept as a value so an importer can collect them in its loop
//! (`--skip-invalid`, the portal's validation report) instead of stopping at the first.
struct LineIssue {
    std::size_t line = 0; //!< 1-based; 0 = the whole file
    std::string column;   //!< header name as written in the file, or empty
    std::string value;    //!< the offending cell, or empty
    std::string rule;     //!< what the value should have been
};

//! `sales.csv line 12, column quantity: "2.5" — quantity must be a whole number`.
//! Empty parts are left out; a whole-file rule reads as a sentence about the file
//! (`sales.csv is empty: ...`), so such rules start with a verb.
std::string describe(const std::string& file, const LineIssue& issue);

//! A domain rule broken by a cell, as an issue at `line` in `column`.
LineIssue issue_from(std::size_t line, std::string column, const domain::InvalidValue& error);

//! Bad input that ends the command; nothing has been changed when it is thrown.
class InputError : public std::runtime_error {
  public:
    InputError(std::string file, std::size_t line, std::string column, std::string value,
               std::string rule);
    InputError(std::string file, LineIssue issue);

    const std::string& file() const { return file_; }
    std::size_t line() const { return issue_.line; }
    const std::string& column() const { return issue_.column; }
    const std::string& value() const { return issue_.value; }
    const std::string& rule() const { return issue_.rule; }
    const LineIssue& issue() const { return issue_; }

  private:
    std::string file_;
    LineIssue issue_;
};

} // namespace govpub::adapters::import
