// Validation and upsert of the libraries file.
#include "adapters/import/library_import.hpp"

#include "adapters/import/row_cells.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace govpub::adapters::import {

namespace {

using domain::LibraryKind;

//! Enough to catch a name or a telephone number typed into the column: one "@" between a
//! name and a domain with a dot, no spaces. Delivery is the mail server's to judge.
bool plausible_email(std::string_view e) {
    const auto at = e.find('@');
    if (at == std::string_view::npos || at == 0 || e.find('@', at + 1) != std::string_view::npos)
        return false;
    const auto domain = e.substr(at + 1);
    const auto dot = domain.find('.');
    return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() &&
           std::none_of(e.begin(), e.end(),
                        [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

std::string role_name(LibraryKind kind) {
    return kind == LibraryKind::ncl ? "National Central Library (國家圖書館)"
                                    : "Legislative Yuan Library (立法院國會圖書館)";
}

} // namespace

std::optional<LibraryKind> library_kind(std::string_view text) {
    std::string t(text);
    std::transform(t.begin(), t.end(), t.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (t == "國家圖書館")
        return LibraryKind::ncl;
    if (t == "立法院國會圖書館" || t == "國會圖書館")
        return LibraryKind::ly;
    if (t == "寄存圖書館")
        return LibraryKind::depository;
    auto kind = domain::parse_library_kind(t);
    return kind ? std::optional(*kind) : std::nullopt;
}

std::vector<std::string> agency_list(std::string_view text) {
    // The full-width separators become spaces; then ASCII separators split the codes.
    static const std::array<std::string_view, 4> WIDE = {"、", "；", "，", "\u3000"};
    std::string s(text);
    for (auto sep : WIDE)
        for (auto at = s.find(sep); at != std::string::npos; at = s.find(sep, at))
            s.replace(at, sep.size(), " ");
    std::vector<std::string> codes;
    std::string current;
    for (char c : s + " ") {
        if (c == ';' || c == ',' || std::isspace(static_cast<unsigned char>(c))) {
            if (!current.empty())
                codes.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    return codes;
}

std::vector<ColumnSpec> LibraryImport::columns() const {
    return {{"code", {"code", "圖書館代碼"}, true},
            {"name", {"name", "圖書館名稱"}, true},
            {"kind", {"kind", "類型"}, true},
            {"email", {"email", "電子郵件"}, false},
            {"agencies", {"agencies", "寄存機關"}, false}};
}

void LibraryImport::begin(const std::string&) { stored_ = db::load_libraries(db_.session()); }

void LibraryImport::row(const TableRow& row, const ColumnMap& columns,
                        std::vector<LineIssue>& issues, std::vector<LineIssue>&) {
    const RowCells c{row, columns, issues};
    const std::size_t before = issues.size();
    auto code = domain::parse_code("code", c.get("code"));
    if (!code)
        c.add("code", c.get("code"), code.error);
    const std::string name = c.get("name");
    if (name.empty())
        c.add("name", "", "a library needs its name");
    const auto kind = library_kind(c.get("kind"));
    if (!kind)
        c.add("kind", c.get("kind"),
              "must be ncl (國家圖書館), ly (立法院國會圖書館) or depository (寄存圖書館) (要點5, "
              "7)");
    const std::string email = c.get("email");
    if (!email.empty() && !plausible_email(email))
        c.add("email", email,
              "is not an e-mail address (name@example.gov.tw): the library's notices go there");
    const std::string list = c.get("agencies");
    std::set<std::string> agencies;
    for (const auto& token : agency_list(list)) {
        auto agency = domain::parse_code("agency", token);
        if (!agency)
            c.add("agencies", token, agency.error);
        else if (!catalogue_.has_agency(*agency))
            c.add("agencies", *agency, "is not a known agency: import agencies first");
        else
            agencies.insert(*agency);
    }
    if (kind && *kind != LibraryKind::depository && !list.empty())
        c.add("agencies", list,
              "are listed for a depository library only: the NCL and the LY receive every "
              "agency's publications (要點7)");
    if (issues.size() != before || !first_time(*code, row, columns.header_name("code"), issues))
        return;
    entries_.push_back({row.line, db::LibraryRecord{*code, name, *kind, email, agencies},
                        columns.has("agencies"), c.get("kind"), columns.header_name("kind")});
}

void LibraryImport::check(std::vector<LineIssue>& issues) {
    std::set<std::string> in_file;
    for (const auto& e : entries_)
        in_file.insert(e.record.code);
    for (auto kind : {LibraryKind::ncl, LibraryKind::ly}) {
        // Who holds the role once the file is applied: a stored library the file leaves as it
        // is (the schema allows one), else the first line that claims it.
        std::optional<std::string> holder;
        std::string where;
        for (const auto& [code, stored] : stored_)
            if (stored.kind == kind && !in_file.count(code)) {
                holder = code;
                where = "stored";
            }
        for (const auto& e : entries_) {
            if (e.record.kind != kind)
                continue;
            if (!holder) {
                holder = e.record.code;
                where = "line " + std::to_string(e.line);
                continue;
            }
            issues.push_back({e.line, e.kind_column, e.kind_cell,
                              "would make " + e.record.code + " a second " + role_name(kind) +
                                  ": " + *holder + " (" + where +
                                  ") is that library, and there is one (要點7); to "
                                  "hand the role over, give " +
                                  *holder + " another kind in the same file"});
        }
    }
}

void LibraryImport::store(const std::set<std::size_t>& rejected_lines) {
    auto& sql = db_.session();
    std::vector<std::string> leaving; // stored NCL or LY that the file gives another kind
    for (const auto& e : entries_) {
        auto s = stored_.find(e.record.code);
        if (!rejected_lines.count(e.line) && s != stored_.end() &&
            s->second.kind != LibraryKind::depository && s->second.kind != e.record.kind)
            leaving.push_back(e.record.code);
    }
    db::release_national_kinds(sql, leaving);
    for (const auto& e : entries_)
        if (!rejected_lines.count(e.line))
            // The NCL and the LY keep no list, whether or not the file has the column.
            db::save_library(sql, e.record,
                             e.agencies_given || e.record.kind != LibraryKind::depository);
}

} // namespace govpub::adapters::import
