// Writing the scenario's input files (see three_periods_files.hpp).
#include "tests/scenario/three_periods_files.hpp"

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace govpub::test::three_periods {
namespace {

std::string csv_cell(const std::string& v) {
    if (v.find_first_of(",\"\r\n") == std::string::npos)
        return v;
    std::string q = "\"";
    for (char c : v)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string csv_text(const std::vector<std::vector<std::string>>& rows, bool crlf) {
    std::string out;
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i)
            out += (i ? "," : "") + csv_cell(row[i]);
        out += crlf ? "\r\n" : "\n";
    }
    return out;
}

const char* const TO_XLSX = R"PY(
# to_xlsx.py IN.csv OUT.xlsx DATE_COLUMNS INT_COLUMNS: a real workbook with date cells,
# numbers as numbers and everything else (GPN, ISBN) as text.
import csv, datetime, sys
from openpyxl import Workbook
src, dst = sys.argv[1], sys.argv[2]
dates = set(filter(None, sys.argv[3].split(",")))
ints = set(filter(None, sys.argv[4].split(",")))
with open(src, encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
wb = Workbook()
ws = wb.active
ws.title = "data"
ws.append(rows[0])
for r in rows[1:]:
    cells = []
    for h, v in zip(rows[0], r):
        if h in dates and v:
            cells.append(datetime.datetime.strptime(v, "%Y-%m-%d"))
        elif h in ints and v:
            cells.append(int(v))
        else:
            cells.append(v)
    ws.append(cells)
for row in ws.iter_rows(min_row=2):
    for c in row:
        if isinstance(c.value, datetime.datetime):
            c.number_format = "yyyy-mm-dd"
wb.save(dst)
)PY";

const char* const TO_CP950 = R"PY(
# to_cp950.py IN OUT: the bytes a Taiwanese spreadsheet writes when it exports Big5.
import sys
text = open(sys.argv[1], encoding="utf-8", newline="").read()
open(sys.argv[2], "wb").write(text.encode("cp950"))
)PY";

} // namespace

RunResult run_python(const std::filesystem::path& dir, const std::string& script,
                     const std::string& args) {
    return run_command(
        "PYTHONIOENCODING=utf-8 " + sh_quote(GOVPUB_PYTHON3) + " " + script + " " + args, dir);
}

void require(const RunResult& r, const std::string& what) {
    if (r.status != 0)
        throw std::runtime_error(what + " failed with status " + std::to_string(r.status) + ":\n" +
                                 r.out + r.err);
}

void InputFiles::write_scripts() const {
    write_file(path("to_xlsx.py"), TO_XLSX);
    write_file(path("to_cp950.py"), TO_CP950);
}

std::string InputFiles::txn(const Sale& s) {
    std::string ymd = s.date.substr(0, 4) + s.date.substr(5, 2) + s.date.substr(8, 2);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d", ++txn_counter_[s.store + ymd]);
    return s.store + "-" + ymd + "-" + buf;
}

void InputFiles::write_master_data() const {
    write_file(path("agencies.csv"), "code,name,contact,phone,email\n"
                                     "M01,文化部,林怡君,02-8512-0001,m01@example.gov.tw\n"
                                     "M02,國立故宮博物院,吳淑芬,02-2881-0002,m02@example.gov.tw\n"
                                     "M03,農業部,陳志明,02-2381-0003,m03@example.gov.tw\n");
    // Chinese headers, as the demo's stores.csv.
    write_file(path("stores.csv"),
               "門市代碼,門市名稱,地址,電子郵件\n"
               "T01,國家書店松江門市,臺北市中山區松江路209號,t01@example.com\n"
               "T02,五南文化廣場台中總店,臺中市南區復興路二段10號,t02@example.com\n"
               "T03,府城書坊台南門市,臺南市中西區民生路一段1號,t03@example.com\n");
    std::vector<std::vector<std::string>> rows = {
        {"機關代碼", "門市代碼", "結帳比率", "公開評選", "付款天數", "生效日"}};
    for (const auto& c : contracts())
        rows.push_back({c.agency, c.store, c.rate_text, c.exempt ? "1" : "0",
                        std::to_string(c.payment_days), c.valid_from});
    write_file(path("contracts.csv"), csv_text(rows, false));
    rows = {{"gpn", "isbn", "issn", "title", "agency", "kind", "list_price", "pub_date"}};
    for (const auto& [key, p] : pubs())
        rows.push_back({p.gpn, p.isbn_in_catalogue, p.issn, p.title, p.agency, p.kind,
                        std::to_string(p.prices.front().second), "2025-04-01"});
    write_file(path("publications.csv"), csv_text(rows, false));
    // SPEC §4.5: a price change names the day it takes effect, so earlier sales keep theirs.
    const Publication& p12 = pub("P12");
    rows = {{"gpn", "isbn", "title", "agency", "kind", "list_price", "price_valid_from"},
            {p12.gpn, p12.isbn_in_catalogue, p12.title, p12.agency, p12.kind,
             std::to_string(p12.prices.back().second), p12.prices.back().first}};
    write_file(path("publications_price_change.csv"), csv_text(rows, false));
}

void InputFiles::write_consignment(const ConsList& list) const {
    const bool zh = list.format == ConsFormat::csv_zh_roc;
    std::vector<std::vector<std::string>> rows;
    if (zh)
        rows.push_back({"清單編號", "機關代碼", "門市代碼", "供貨日期", "GPN", "出版品名稱", "定價",
                        "數量", "樣品"});
    else
        rows.push_back({"list_no", "agency", "store", "supply_date", "gpn", "title", "list_price",
                        "quantity", "sample"});
    DateStyle style = list.format == ConsFormat::csv_zh_roc     ? DateStyle::roc_slash
                      : list.format == ConsFormat::csv_en_slash ? DateStyle::slash
                                                                : DateStyle::iso;
    for (const auto& l : list.lines) {
        const Publication& p = pub(l.pub);
        std::string price = std::to_string(price_on(p, list.supply_date));
        std::vector<std::string> row = {
            list.list_no, list.agency, list.store, written_date(list.supply_date, style),
            p.gpn,        p.title,     price,      std::to_string(l.quantity),
            "0"};
        rows.push_back(row);
        if (l.with_sample) { // 要點11(2): one sample copy, first list only
            row[7] = "1";
            row[8] = "1";
            rows.push_back(row);
        }
    }
    if (list.format == ConsFormat::xlsx_en) {
        write_file(path(list.file + ".src.csv"), csv_text(rows, false));
        require(python("to_xlsx.py", list.file + ".src.csv " + list.file +
                                         " supply_date list_price,quantity,sample"),
                "writing " + list.file);
    } else {
        write_file(path(list.file), csv_text(rows, false));
    }
}

void InputFiles::write_sales(const SalesFile& f) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> en = {"store",    "sale_date",  "gpn",        "isbn",  "title",
                                   "quantity", "list_price", "sale_price", "txn_id"};
    std::vector<std::string> zh = {"門市代碼", "銷售日期", "GPN",  "ISBN",    "書名",
                                   "數量",     "定價",     "售價", "交易序號"};
    std::vector<std::string> header = f.zh_headers ? zh : en;
    if (!f.store_column)
        header.erase(header.begin());
    rows.push_back(header);
    int n = 0;
    for (const auto& s : f.lines) {
        const Publication& p = pub(s.pub);
        std::string gpn, isbn;
        switch (s.id) {
        case Id::gpn:
            gpn = p.gpn;
            break;
        case Id::gpn_printed:
            gpn = "GPN：" + p.gpn;
            break;
        case Id::gpn_and_isbn:
            gpn = p.gpn;
            isbn = p.isbn13;
            break;
        case Id::isbn13_hyphen:
            isbn = p.isbn_in_catalogue; // the hyphenated form
            break;
        case Id::isbn13_plain:
            isbn = p.isbn13;
            break;
        case Id::isbn10:
            isbn = p.isbn10_printed;
            break;
        }
        long long list_price = s.stated_price.value_or(price_on(p, s.date));
        long long sale_price = (++n % 3 == 0) ? list_price * 9 / 10 : list_price; // 9折
        std::string date =
            f.enc == Enc::xlsx ? s.date : written_date(s.date, s.style.value_or(f.dates));
        std::vector<std::string> row = {s.store,
                                        date,
                                        gpn,
                                        isbn,
                                        p.title,
                                        std::to_string(s.quantity),
                                        std::to_string(list_price),
                                        std::to_string(sale_price),
                                        txn(s)};
        if (!f.store_column)
            row.erase(row.begin());
        rows.push_back(row);
    }
    std::string text = csv_text(rows, f.crlf);
    switch (f.enc) {
    case Enc::utf8:
        write_file(path(f.name), text);
        break;
    case Enc::utf8_bom:
        write_file(path(f.name), "\xEF\xBB\xBF" + text);
        break;
    case Enc::cp950:
        write_file(path(f.name + ".utf8"), text);
        require(python("to_cp950.py", f.name + ".utf8 " + f.name), "writing " + f.name);
        break;
    case Enc::xlsx:
        write_file(path(f.name + ".src.csv"), text);
        require(
            python("to_xlsx.py", f.name + ".src.csv " + f.name + " " +
                                     (f.zh_headers ? "銷售日期 數量,定價,售價"
                                                   : "sale_date quantity,list_price,sale_price")),
            "writing " + f.name);
        break;
    }
}

} // namespace govpub::test::three_periods
