// The kinds of failure the rules can report; adapters add where (file, line) they happened.
#pragma once

#include <stdexcept>
#include <string>

namespace govpub::domain {

//! A value that does not follow its rule: "ISBN 9789571154490: check digit should be 9".
//! Bad input: the person who sent it can fix it.
class InvalidValue : public std::runtime_error {
  public:
    InvalidValue(std::string field, std::string value, std::string rule)
        : std::runtime_error(field + " " + value + ": " + rule), field_(std::move(field)),
          value_(std::move(value)), rule_(std::move(rule)) {}
    const std::string& field() const { return field_; }
    const std::string& value() const { return value_; }
    const std::string& rule() const { return rule_; }

  private:
    std::string field_;
    std::string value_;
    std::string rule_;
};

//! An action the regulation does not allow (a second sample copy, a rate below 60 %).
//! `point` names the regulation, e.g. "要點11(2)".
class Refused : public std::runtime_error {
  public:
    Refused(std::string message, std::string point)
        : std::runtime_error(point.empty() ? message : message + " (" + point + ")"),
          point_(std::move(point)) {}
    const std::string& point() const { return point_; }

  private:
    std::string point_;
};

//! A money invariant that failed: a bug or corrupted data, never bad input. It stops the
//! job before anything is committed and says which statement and by how much.
class InvariantBroken : public std::logic_error {
  public:
    using std::logic_error::logic_error;
};

} // namespace govpub::domain
