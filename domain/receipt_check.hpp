// Who receives how many copies of a publication, and the quarterly check of what a library
// received against it, whose gaps become claims (要點5, 6(4), 7; SPEC §4.9).
#pragma once

#include "domain/date.hpp"
#include "domain/parsed.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace govpub::domain {

//! The libraries publications are distributed to: the National Central Library (國家圖書館),
//! the Legislative Yuan Library (立法院國會圖書館) and the depository libraries (寄存圖書館).
enum class LibraryKind { ncl, ly, depository };

//! "ncl", "ly", "depository".
std::string_view to_string(LibraryKind kind);
//! The code exactly as to_string writes it; anything else fails naming the three codes.
Parsed<LibraryKind> parse_library_kind(std::string_view code);
//! parse_library_kind for a value whose failure ends the command: throws InvalidValue.
LibraryKind parse_library_kind_or_throw(std::string_view code);

//! Copies of each publication a library should receive: 要點7 國家圖書館應送二份，立法院國會
//! 圖書館一份; a depository library one (要點5, SPEC §4.9).
std::int64_t copies_due(LibraryKind kind);

//! A library and, for a depository library, the agencies whose publications it receives.
struct Library {
    std::string code;
    LibraryKind kind = LibraryKind::depository;
    std::set<std::string> agencies; //!< empty: every agency; ignored for NCL and LY
};

//! Whether `library` should receive `agency`'s publications: NCL and LY always (要點7); a
//! depository library when the agency is among those it receives (要點5).
bool receives(const Library& library, std::string_view agency);

//! A publication an agency issued, as the receipt check needs it.
struct IssuedPublication {
    std::string gpn;
    std::string agency;
    std::optional<Date> published; //!< unknown dates are still owed, never optional
};

//! A publication the library has not received in full: a claim to its agency.
struct MissingDeposit {
    std::string gpn;
    std::string agency;
    std::int64_t copies_missing = 0;
    //! 要點6(4) 後段: more than a year past publication on the check date, so the agency may
    //! decline. A claim notice sent later is judged again by claim_due (deadlines.hpp).
    bool optional = false;
    bool operator==(const MissingDeposit&) const = default;
};

//! 要點6(4) 寄存圖書館應每三個月檢查政府出版品收受情形: for each publication in `issued`
//! from an agency `library` receives and published on or before `check_date` (a later one
//! cannot be owed yet), the copies due less the copies in `received` (GPN → copies, all
//! receipts so far), when that is positive. Sorted by agency, then GPN. Extra copies and
//! GPNs not in `issued` are not this check's business and are ignored.
//!
//! Serials are checked "視其出版頻率" (要點6(4) proviso): the caller puts a serial in `issued`
//! only when an issue is expected by its frequency.
//!
//! A GPN listed twice in `issued` or a negative count in `received` throws InvalidValue:
//! the check would otherwise claim too much or too little.
std::vector<MissingDeposit> check_receipts(const Library& library,
                                           const std::vector<IssuedPublication>& issued,
                                           const std::map<std::string, std::int64_t>& received,
                                           Date check_date);

} // namespace govpub::domain
