// Distribution to libraries and the quarterly receipt check (要點5, 6(4), 7; SPEC §4.9).
#include "domain/receipt_check.hpp"

#include "domain/deadlines.hpp"
#include "domain/errors.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <tuple>

namespace govpub::domain {

namespace {

constexpr std::array<LibraryKind, 3> LIBRARY_KINDS = {LibraryKind::ncl, LibraryKind::ly,
                                                      LibraryKind::depository};
constexpr std::string_view LIBRARY_KIND_RULE = "must be ncl, ly or depository (要點5, 7)";

} // namespace

std::string_view to_string(LibraryKind kind) {
    switch (kind) {
    case LibraryKind::ncl:
        return "ncl";
    case LibraryKind::ly:
        return "ly";
    case LibraryKind::depository:
        return "depository";
    }
    assert(false && "unhandled LibraryKind");
    return "";
}

Parsed<LibraryKind> parse_library_kind(std::string_view code) {
    for (auto kind : LIBRARY_KINDS) {
        if (to_string(kind) == code) {
            return Parsed<LibraryKind>::ok(kind);
        }
    }
    return Parsed<LibraryKind>::fail("library kind " + std::string(code) + ": " +
                                     std::string(LIBRARY_KIND_RULE));
}

LibraryKind parse_library_kind_or_throw(std::string_view code) {
    auto parsed = parse_library_kind(code);
    if (!parsed) {
        throw InvalidValue("library kind", std::string(code), std::string(LIBRARY_KIND_RULE));
    }
    return *parsed;
}

std::int64_t copies_due(LibraryKind kind) {
    switch (kind) {
    case LibraryKind::ncl:
        return 2;
    case LibraryKind::ly:
        return 1;
    case LibraryKind::depository:
        return 1;
    }
    assert(false && "unhandled LibraryKind");
    return 1;
}

bool receives(const Library& library, std::string_view agency) {
    // A depository library with no agencies listed receives every agency's (SPEC §5.2:
    // "empty = all"), as the NCL and the LY do.
    if (library.kind != LibraryKind::depository || library.agencies.empty()) {
        return true;
    }
    return library.agencies.find(std::string(agency)) != library.agencies.end();
}

std::vector<MissingDeposit> check_receipts(const Library& library,
                                           const std::vector<IssuedPublication>& issued,
                                           const std::map<std::string, std::int64_t>& received,
                                           Date check_date) {
    for (const auto& [gpn, copies] : received) {
        if (copies < 0) {
            throw InvalidValue("copies received", std::to_string(copies),
                               "library " + library.code + ", GPN " + gpn +
                                   ": a count of copies cannot be negative");
        }
    }
    const std::int64_t due = copies_due(library.kind);
    std::set<std::string> seen;
    std::vector<MissingDeposit> missing;
    for (const auto& publication : issued) {
        if (!seen.insert(publication.gpn).second) {
            throw InvalidValue("GPN", publication.gpn,
                               "listed twice among the publications the receipt check of "
                               "library " +
                                   library.code + " compares against");
        }
        if (!receives(library, publication.agency)) {
            continue;
        }
        if (publication.published && *publication.published > check_date) {
            continue;
        }
        auto it = received.find(publication.gpn);
        const std::int64_t got = it == received.end() ? 0 : it->second;
        if (got >= due) {
            continue;
        }
        missing.push_back({publication.gpn, publication.agency, due - got,
                           publication.published.has_value() &&
                               claim_is_optional(*publication.published, check_date)});
    }
    std::sort(missing.begin(), missing.end(), [](const MissingDeposit& a, const MissingDeposit& b) {
        return std::tie(a.agency, a.gpn) < std::tie(b.agency, b.gpn);
    });
    return missing;
}

} // namespace govpub::domain
