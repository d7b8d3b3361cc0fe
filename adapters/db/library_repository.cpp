// Libraries and receipts: one statement per record, for both dialects.
#include "adapters/db/library_repository.hpp"

#include "adapters/db/row_values.hpp"

namespace govpub::adapters::db {

namespace {

soci::indicator null_if_empty(const std::string& s) {
    return s.empty() ? soci::i_null : soci::i_ok;
}

} // namespace

std::map<std::string, LibraryRecord> load_libraries(soci::session& sql) {
    std::map<std::string, LibraryRecord> libraries;
    soci::rowset<soci::row> rows = sql.prepare << "SELECT code, name, kind, email FROM library";
    for (const auto& r : rows) {
        LibraryRecord l;
        l.code = text_at(r, 0);
        l.name = text_at(r, 1);
        l.kind = domain::parse_library_kind_or_throw(text_at(r, 2)); // CHECKed by the schema
        l.email = text_at(r, 3);
        libraries.emplace(l.code, std::move(l));
    }
    soci::rowset<soci::row> lists = sql.prepare << "SELECT library, agency FROM library_agency";
    for (const auto& r : lists)
        libraries[text_at(r, 0)].agencies.insert(text_at(r, 1));
    return libraries;
}

void release_national_kinds(soci::session& sql, const std::vector<std::string>& codes) {
    for (const auto& code : codes)
        sql << "UPDATE library SET kind = 'depository' WHERE code = :c AND kind <> 'depository'",
            soci::use(code);
}

void save_library(soci::session& sql, const LibraryRecord& record, bool replace_agencies) {
    int known = 0;
    sql << "SELECT COUNT(*) FROM library WHERE code = :c", soci::into(known),
        soci::use(record.code);
    const std::string kind(domain::to_string(record.kind));
    soci::indicator email = null_if_empty(record.email);
    sql << (known ? "UPDATE library SET name = :n, kind = :k, email = :e WHERE code = :c"
                  : "INSERT INTO library (name, kind, email, code) VALUES (:n, :k, :e, :c)"),
        soci::use(record.name), soci::use(kind), soci::use(record.email, email),
        soci::use(record.code);
    if (!replace_agencies)
        return;
    sql << "DELETE FROM library_agency WHERE library = :c", soci::use(record.code);
    for (const auto& agency : record.agencies)
        sql << "INSERT INTO library_agency (library, agency) VALUES (:l, :a)",
            soci::use(record.code), soci::use(agency);
}

std::optional<ReceiptRecord> find_receipt(soci::session& sql, const std::string& library,
                                          const std::string& gpn, const std::string& received_on) {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT copies, checked_in_on, in_service_on FROM receipt "
                        "WHERE library = :l AND gpn = :g AND received_on = :r",
         soci::use(library), soci::use(gpn), soci::use(received_on));
    auto it = rows.begin();
    if (it == rows.end())
        return std::nullopt;
    return ReceiptRecord{library,        gpn, int64_at(*it, 0), received_on, text_at(*it, 1),
                         text_at(*it, 2)};
}

void insert_receipt(soci::session& sql, const ReceiptRecord& r, const std::string& sha256) {
    soci::indicator checked = null_if_empty(r.checked_in_on);
    soci::indicator service = null_if_empty(r.in_service_on);
    sql << "INSERT INTO receipt (library, gpn, copies, received_on, checked_in_on, "
           "in_service_on, import_sha256) VALUES (:l, :g, :n, :r, :c, :s, :h)",
        soci::use(r.library), soci::use(r.gpn), soci::use(r.copies), soci::use(r.received_on),
        soci::use(r.checked_in_on, checked), soci::use(r.in_service_on, service), soci::use(sha256);
}

void fill_in_receipt(soci::session& sql, const ReceiptRecord& r, const std::string& sha256) {
    soci::indicator checked = null_if_empty(r.checked_in_on);
    soci::indicator service = null_if_empty(r.in_service_on);
    sql << "UPDATE receipt SET checked_in_on = COALESCE(checked_in_on, :c), "
           "in_service_on = COALESCE(in_service_on, :s), updated_sha256 = :h "
           "WHERE library = :l AND gpn = :g AND received_on = :r",
        soci::use(r.checked_in_on, checked), soci::use(r.in_service_on, service), soci::use(sha256),
        soci::use(r.library), soci::use(r.gpn), soci::use(r.received_on);
}

namespace {

//! One statement for both lists: the receipts of a day, all or only those not in service.
std::vector<DepositoryReceipt> receipts_until(soci::session& sql, const std::string& as_of_iso,
                                              bool only_not_in_service) {
    std::vector<DepositoryReceipt> receipts;
    const std::string and_open = only_not_in_service ? " AND r.in_service_on IS NULL" : "";
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT r.library, r.gpn, p.title, p.kind, r.received_on, "
                        "r.checked_in_on, r.in_service_on, (SELECT COUNT(*) FROM receipt e WHERE "
                        "e.library = r.library AND e.gpn = r.gpn AND e.received_on < "
                        "r.received_on) FROM receipt r JOIN publication p ON p.gpn = r.gpn WHERE "
                        "r.received_on <= :d" +
                            and_open + " ORDER BY r.library, r.gpn, r.received_on",
         soci::use(as_of_iso));
    for (const auto& r : rows)
        receipts.push_back({text_at(r, 0), text_at(r, 1), text_at(r, 2), text_at(r, 3),
                            text_at(r, 4), text_at(r, 5), text_at(r, 6), int64_at(r, 7) == 0});
    return receipts;
}

} // namespace

std::vector<DepositoryReceipt> receipts_received_by(soci::session& sql,
                                                    const std::string& as_of_iso) {
    return receipts_until(sql, as_of_iso, false);
}

std::vector<DepositoryReceipt> receipts_not_in_service(soci::session& sql,
                                                       const std::string& as_of_iso) {
    return receipts_until(sql, as_of_iso, true);
}

std::map<std::pair<std::string, std::string>, long long> copies_received(soci::session& sql) {
    std::map<std::pair<std::string, std::string>, long long> copies;
    soci::rowset<soci::row> rows =
        sql.prepare << "SELECT library, gpn, SUM(copies) FROM receipt GROUP BY library, gpn";
    for (const auto& r : rows)
        copies[{text_at(r, 0), text_at(r, 1)}] = int64_at(r, 2);
    return copies;
}

} // namespace govpub::adapters::db
