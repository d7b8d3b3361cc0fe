// The result of checking one input value: a value or a reason, plus warnings worth showing.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace govpub::domain {

//! What validating one value inside an import loop gives back. A rejected row is expected
//! there, so it is a value to report, not an exception that ends the command (STYLE.md
//! "Errors"). `error` is a whole message naming the field and the value; `warnings` may be
//! present on a value that was accepted (an unknown GPN type digit, a future year).
template <class T> struct Parsed {
    std::optional<T> value;
    std::string error;
    std::vector<std::string> warnings;

    explicit operator bool() const { return value.has_value(); }

    //! Only on success; reading the value of a failure is a programmer error.
    const T& operator*() const {
        assert(value.has_value());
        return *value;
    }
    const T* operator->() const {
        assert(value.has_value());
        return &*value;
    }

    static Parsed ok(T accepted) {
        Parsed result;
        result.value = std::move(accepted);
        return result;
    }

    static Parsed fail(std::string message) {
        Parsed result;
        result.error = std::move(message);
        return result;
    }
};

} // namespace govpub::domain
