// The pre-filled 附件一 「政府出版品委託統籌展售清單」 as an .xlsx an agency completes and sends.
//
// Layout (one sheet 「委託統籌展售清單」, A4 portrait; rows as Excel numbers them):
//
//   1   A 政府出版品委託統籌展售清單 (title)
//   3   A 出版機關／單位：  B agency        D 聯絡人：  E contact
//   4   A 電話：           B phone         D 傳真：    E fax
//   5   A 地址：           B address
//   7   A 展售門市：        B store
//   8   A 供貨日期：        B "115年6月1日" (ROC), empty when not yet known
//  10   A GPN  B 出版品名稱  C 定價  D 數量  E 樣品      (table header, repeated on each page)
//  11…  one row per publication; 樣品 is left for the agency to fill in (0 or 1, 要點11(2))
//  then one empty row, and the store's receipt and the notes of the form:
//       A 政府出版品展售門市：  B (blank)  C 書局 簽收
//       A 聯絡人：             B (blank)
//       A 註：, then 一、二、三、 each across A:E
//
// A reader should find values by their labels (a cell ending in "：", value to its right)
// and the table by its header row, not by these positions. 「聯絡人：」 appears twice: the
// agency's above the table, the store's below it.
#include "reports/consignment_form.hpp"

#include "domain/date.hpp"
#include "reports/workbook.hpp"

#include <utility>

namespace govpub::reports {

namespace {

constexpr std::uint16_t FORM_COLUMNS = 5;

//! 附件一's notes, verbatim from the regulation.
const std::vector<std::string> NOTES = {
    "一、機關檢送出版品至展售門市時應填具本清單 1 式 2 份，1 份機關留存備查，1 份連同出版品送"
    "交展售門市，並由門市於貨到簽收回傳供書機關，以供核帳。",
    "二、初版之出版品請依下列指定數量送交各展售門市銷售；各展售門市得視銷售情形向機關續批取所需"
    "數量。",
    "三、展售門市於每年 6 月、12 月依實際銷售數量辦理結帳，並於約定期限內結清帳款。"};

Row labelled(std::string label, std::string value) {
    return Row{{text_cell(std::move(label)), text_cell(std::move(value))}};
}

Row two_labelled(std::string label, std::string value, std::string label2, std::string value2) {
    return Row{{text_cell(std::move(label)), text_cell(std::move(value)), blank_cell(),
                text_cell(std::move(label2)), text_cell(std::move(value2))}};
}

} // namespace

void write_consignment_form(const ConsignmentForm& form, const std::filesystem::path& out) {
    const std::vector<std::string> headers = {"GPN", "出版品名稱", "定價", "數量", "樣品"};
    const std::vector<Row> head = {
        two_labelled("出版機關／單位：", form.agency_name, "聯絡人：", form.contact),
        two_labelled("電話：", form.phone, "傳真：", form.fax),
        labelled("地址：", form.address),
        Row{},
        labelled("展售門市：", form.store_name),
        labelled("供貨日期：", form.supply_date ? domain::to_roc(*form.supply_date) : ""),
    };
    std::vector<Row> rows;
    for (const ConsignmentFormRow& r : form.rows) {
        // GPN as text: an identifier, not a quantity. As a number Excel would show
        // 1.01E+09, drop any leading zero, and hand a reader a double.
        rows.push_back(Row{{text_cell(r.gpn), text_cell(r.title), ntd_cell(r.list_price),
                            count_cell(r.quantity)}});
    }
    const std::vector<Row> receipt = {
        Row{{text_cell("政府出版品展售門市："), blank_cell(), text_cell("書局 簽收")}},
        labelled("聯絡人：", ""),
    };

    ColumnWidths widths;
    widths.measure_header(headers);
    for (const std::vector<Row>* group : {&head, &std::as_const(rows), &receipt}) {
        for (const Row& row : *group) {
            widths.measure(row);
        }
    }
    widths.at_least(1, 30); // room to write a title by hand

    Workbook book(out);
    Sheet& sheet = book.add_sheet("委託統籌展售清單");
    sheet.set_widths(widths.widths());
    sheet.set_print(Orientation::portrait);
    sheet.write_title("政府出版品委託統籌展售清單");
    sheet.skip_rows();
    for (const Row& row : head) {
        sheet.write_row(row);
    }
    sheet.skip_rows();
    sheet.repeat_rows(sheet.next_row(), sheet.next_row());
    sheet.write_header(headers);
    for (const Row& row : rows) {
        sheet.write_row(row);
    }
    sheet.skip_rows();
    for (const Row& row : receipt) {
        sheet.write_row(row);
    }
    sheet.skip_rows();
    sheet.write_row(Row{{text_cell("註：")}});
    for (const std::string& note : NOTES) {
        sheet.write_wrapped(note, FORM_COLUMNS, 2);
    }
    book.close();
}

} // namespace govpub::reports
