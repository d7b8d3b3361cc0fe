#!/usr/bin/python3
"""Writes the demo's Excel inputs: the 附件一 consignment form and a sales workbook.

Run with Debian's interpreter (python3-openpyxl): `/usr/bin/python3 config/demo/make_xlsx.py`
regenerates the whole demo data set (it calls make_demo.py, which calls the two writers
below with the data it computed). The files are byte-for-byte reproducible: the document
properties carry a fixed date and the zip entries a fixed timestamp, so regenerating
leaves git clean.

Layout of the 附件一 form (要點 11(1); seed 004, "附件一 政府出版品委託統籌展售清單"):

    row 1   政府出版品委託統籌展售清單                       (title, merged A1:D1)
    row 3   出版機關／單位： | agency name | 聯絡人： | contact
    row 4   電話：           | phone       | 傳真：   | fax
    row 5   地址：           | address
    row 6   展售門市：       | store name (as in stores.csv)
    row 7   供貨日期：       | ROC text, e.g. 115年3月2日
    row 9   GPN | 出版品名稱 | 定價 | 數量                   (table header)
    row 10… one row per publication; GPN as text, 定價 and 數量 as numbers
    then a blank row, the store's signature line (政府出版品展售門市：＿＿書局 簽收) and the
    form's notes (註：一、…) in column A, as on the paper form; neither cell ends with "：",
    so neither is a label, and a reader stops the table at the first of them.
"""

import datetime as dt
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

FIXED_TIME = dt.datetime(2026, 1, 1, 0, 0, 0)
FORM_TITLE = "政府出版品委託統籌展售清單"
FORM_NOTES = [
    "政府出版品展售門市：＿＿＿＿＿＿＿＿書局 簽收",
    "註：一、機關檢送出版品至展售門市時應填具本清單1式2份，1份機關留存備查，"
    "1份連同出版品送交展售門市，並由門市於貨到簽收回傳供書機關，以供核帳。",
    "二、初版之出版品請依下列指定數量送交各展售門市銷售；各展售門市得視銷售情形向機關續批取所需數量。",
    "三、展售門市於每年6月、12月依實際銷售數量辦理結帳，並於約定期限內結清帳款。",
]


def roc_date_text(day):
    """2026-03-02 -> '115年3月2日' (the way the paper form is filled in)."""
    return f"{day.year - 1911}年{day.month}月{day.day}日"


def _save_reproducibly(wb, path):
    """Saves `wb` to `path` with fixed metadata and zip timestamps."""
    wb.properties.creator = "govpub demo (config/demo/make_xlsx.py)"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    wb.save(raw)
    raw.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    Path(path).write_bytes(out.getvalue())


def write_consignment_form(path, agency, store, supply_date, rows):
    """附件一 for one consignment list.

    agency: dict with name, contact, phone, fax, address; store: dict with name;
    supply_date: datetime.date; rows: [(gpn, title, list_price, quantity)].
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "委託統籌展售清單"
    bold = Font(bold=True)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    ws["A1"] = FORM_TITLE
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A1:D1")

    header_block = [
        (3, "出版機關／單位：", agency["name"], "聯絡人：", agency["contact"]),
        (4, "電話：", agency["phone"], "傳真：", agency["fax"]),
        (5, "地址：", agency["address"], None, None),
        (6, "展售門市：", store["name"], None, None),
        (7, "供貨日期：", roc_date_text(supply_date), None, None),
    ]
    for row, label1, value1, label2, value2 in header_block:
        ws.cell(row=row, column=1, value=label1).font = bold
        ws.cell(row=row, column=2, value=value1)
        if label2 is not None:
            ws.cell(row=row, column=3, value=label2).font = bold
            ws.cell(row=row, column=4, value=value2)

    table_row = 9
    for col, label in enumerate(["GPN", "出版品名稱", "定價", "數量"], start=1):
        cell = ws.cell(row=table_row, column=col, value=label)
        cell.font = bold
        cell.border = box
        cell.alignment = Alignment(horizontal="center")
    r = table_row
    for gpn, title, price, quantity in rows:
        r += 1
        gpn_cell = ws.cell(row=r, column=1, value=str(gpn))
        gpn_cell.number_format = "@"
        ws.cell(row=r, column=2, value=title)
        ws.cell(row=r, column=3, value=int(price)).number_format = "#,##0"
        ws.cell(row=r, column=4, value=int(quantity))
        for col in range(1, 5):
            ws.cell(row=r, column=col).border = box

    r += 2
    for note in FORM_NOTES:
        ws.cell(row=r, column=1, value=note)
        r += 1

    for col, width in zip("ABCD", (18, 44, 12, 30)):
        ws.column_dimensions[col].width = width
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    _save_reproducibly(wb, path)


def write_sales_workbook(path, headers, rows, sheet_title="銷售明細"):
    """A store's sales export. `rows` hold datetime.date objects for date columns
    (written as real date cells), str for identifiers (written as text) and int for
    quantities and prices."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(row)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(cell.value, str):
                cell.number_format = "@"
    ws.freeze_panes = "A2"
    widths = {"A": 10, "B": 12, "C": 13, "D": 19, "E": 44, "F": 8, "G": 8, "H": 8, "I": 20}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    _save_reproducibly(wb, path)


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import make_demo

    make_demo.main()
