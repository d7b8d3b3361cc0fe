// What both notice-template test files need: the sender every sample notice is signed by, and
// the test that no Gregorian date reaches people (SPEC §4.2: they read ROC dates).
#pragma once

#include "reports/notice_templates.hpp"

#include <regex>
#include <string>

namespace govpub::test {

using reports::NoticeSender;

inline NoticeSender sender() {
    return {"國家書店 政府出版品結算作業", "陳怡君", "02-2518-0207", "gpn@example.tw",
            "https://gpn.example.tw/portal"};
}

//! A date written the Gregorian way (2026-07-10, 2026/7/10, 2026年7月10日).
inline bool has_gregorian_date(const std::string& text) {
    static const std::regex GREGORIAN(R"((19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})");
    return std::regex_search(text, GREGORIAN);
}

} // namespace govpub::test
