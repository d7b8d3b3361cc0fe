// Validation of a library's receipts and their storage: new receipts, or dates filled in.
#include "adapters/import/receipt_import.hpp"

#include "adapters/import/cell_values.hpp"
#include "adapters/import/row_cells.hpp"

namespace govpub::adapters::import {

namespace {

std::string joined(const std::set<std::string>& codes) {
    std::string text;
    for (const auto& code : codes)
        text += (text.empty() ? "" : ", ") + code;
    return text;
}

} // namespace

std::vector<ColumnSpec> ReceiptImport::columns() const {
    return {{"library", {"library", "圖書館代碼"}, true},
            {"gpn", {"gpn", "GPN"}, true},
            {"copies", {"copies", "冊數"}, true},
            {"received_on", {"received_on", "收到日期"}, true},
            {"checked_in_on", {"checked_in_on", "點收日期"}, false},
            {"in_service_on", {"in_service_on", "提供服務日期"}, false}};
}

void ReceiptImport::begin(const std::string& sha256) {
    sha256_ = sha256;
    libraries_ = db::load_libraries(db_.session());
}

void ReceiptImport::row(const TableRow& row, const ColumnMap& columns,
                        std::vector<LineIssue>& issues, std::vector<LineIssue>& warnings) {
    const RowCells c{row, columns, issues};
    const std::size_t before = issues.size();
    const int current_year = rules_.current_roc_year ? rules_.current_roc_year + 1911 : 0;

    auto library = domain::parse_code("library", c.get("library"));
    const db::LibraryRecord* holder = nullptr;
    if (!library)
        c.add("library", c.get("library"), library.error);
    else if (auto it = libraries_.find(*library); it != libraries_.end())
        holder = &it->second;
    else
        c.add("library", *library, "is not a known library: import libraries first");
    auto gpn = domain::parse_gpn(c.get("gpn"), rules_);
    const db::CataloguePublication* publication = catalogued(c, gpn, catalogue_);
    for (const auto& w : gpn.warnings)
        warnings.push_back({row.line, columns.header_name("gpn"), c.get("gpn"), w});
    auto copies = parse_whole_number(c.get("copies"), "copies");
    if (!copies)
        c.add("copies", c.get("copies"), copies.error);
    else if (*copies <= 0)
        c.add("copies", c.get("copies"), "copies must be a positive whole number");
    // An empty optional date stays empty; any other cell must read as a plausible date.
    auto date = [&](const char* id, bool required) -> std::string {
        const std::string cell = c.get(id);
        if (cell.empty() && !required)
            return "";
        auto day = parse_business_date(cell, current_year);
        if (!day) {
            c.add(id, cell, day.error);
            return "";
        }
        return domain::to_iso(*day);
    };
    db::ReceiptRecord r;
    r.received_on = date("received_on", true);
    r.checked_in_on = date("checked_in_on", false);
    r.in_service_on = date("in_service_on", false);
    if (issues.size() != before)
        return;
    r.library = *library;
    r.gpn = gpn->digits;
    r.copies = *copies;
    if (!first_time(r.library + "/" + r.gpn + "/" + r.received_on, row,
                    columns.header_name("received_on"), issues))
        return;

    // The same library, GPN and day received is the same receipt: a later file completes it.
    const auto stored = db::find_receipt(db_.session(), r.library, r.gpn, r.received_on);
    const std::string which =
        "the receipt of GPN " + r.gpn + " by " + r.library + " on " + r.received_on;
    if (stored && stored->copies != r.copies)
        c.add("copies", c.get("copies"),
              which + " is stored with " + std::to_string(stored->copies) +
                  (stored->copies == 1 ? " copy" : " copies") +
                  ", which a later file cannot change (a delivery on another day is a receipt "
                  "of its own)");
    auto keep = [&](const char* id, const std::string& given, const std::string& recorded,
                    const char* done) {
        if (!given.empty() && !recorded.empty() && given != recorded)
            c.add(id, c.get(id),
                  which + " was " + done + " on " + recorded +
                      " by an earlier file; a date once recorded is never changed");
    };
    if (stored) {
        keep("checked_in_on", r.checked_in_on, stored->checked_in_on, "checked in");
        keep("in_service_on", r.in_service_on, stored->in_service_on, "put in service");
    }
    // SPEC §4.9: received, then checked in, then in service. A recorded date stands for the
    // cell (a different cell is refused above).
    auto effective = [&](const std::string& given, const std::string& recorded) {
        return stored && !recorded.empty() ? recorded : given;
    };
    const std::string checked =
        effective(r.checked_in_on, stored ? stored->checked_in_on : std::string());
    const std::string service =
        effective(r.in_service_on, stored ? stored->in_service_on : std::string());
    if (!checked.empty() && checked < r.received_on)
        c.add("checked_in_on", c.get("checked_in_on"),
              "checked in on " + checked + ", before it was received on " + r.received_on);
    if (!service.empty() && checked.empty())
        c.add("in_service_on", c.get("in_service_on"),
              "a publication is put in service after its check-in: give " +
                  columns.header_name("checked_in_on") + " too");
    else if (!service.empty() && service < checked)
        c.add("in_service_on", c.get("in_service_on"),
              "in service on " + service + ", before its check-in on " + checked);
    if (issues.size() != before)
        return;

    if (holder->kind == domain::LibraryKind::depository && !holder->agencies.empty() &&
        !holder->agencies.count(publication->agency))
        warnings.push_back({row.line, columns.header_name("library"), r.library,
                            "receives the publications of " + joined(holder->agencies) +
                                " only, and GPN " + r.gpn + " is " + publication->agency +
                                "'s; stored all the same"});
    if (!stored) {
        pending_.push_back(
            {row.line, [this, r](soci::session& sql) { db::insert_receipt(sql, r, sha256_); }});
        return;
    }
    const bool fills_in = (stored->checked_in_on.empty() && !r.checked_in_on.empty()) ||
                          (stored->in_service_on.empty() && !r.in_service_on.empty());
    if (fills_in) // otherwise the line says what is stored already: nothing to write
        pending_.push_back(
            {row.line, [this, r](soci::session& sql) { db::fill_in_receipt(sql, r, sha256_); }});
}

} // namespace govpub::adapters::import
