#!/usr/bin/python3
"""Generates the example data that `govpub demo` loads (config/demo/).

    /usr/bin/python3 config/demo/make_demo.py

Deterministic (fixed seed, fixed xlsx timestamps): running it again rewrites the same
bytes. It writes the master data, the consignment lists (CSV and one 附件一 XLSX form),
a year of sales for two stores in five file variants, stock counts, steps.txt (the
demo's script) and README.md (file guide, deliberate anomalies and the expected
settlement figures, computed here independently of govpub). Edit this script, not the
generated files. Needs Debian's python3-openpyxl (make_xlsx.py writes the .xlsx files).
"""

import csv
import datetime as dt
import io
import math
import random
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_xlsx  # noqa: E402

SEED = 20260610
D = dt.date

# ---------------------------------------------------------------------------
# Identifier check digits (SPEC §3). Generation and an independent validation.
# ---------------------------------------------------------------------------


def isbn13_check(first12):
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(first12))
    return str((10 - total % 10) % 10)


def isbn10_check(first9):
    total = sum(int(c) * (10 - i) for i, c in enumerate(first9))
    r = (11 - total % 11) % 11
    return "X" if r == 10 else str(r)


def issn_check(first7):
    total = sum(int(c) * (8 - i) for i, c in enumerate(first7))
    r = (11 - total % 11) % 11
    return "X" if r == 10 else str(r)


def digits_of(text):
    return "".join(c for c in text if c.isdigit() or c in "Xx").upper()


def valid_isbn13(text):
    d = digits_of(text)
    if len(d) != 13 or not d.isdigit() or d[:3] not in ("978", "979"):
        return False
    return sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(d)) % 10 == 0


def valid_isbn10(text):
    d = digits_of(text)
    if len(d) != 10 or not d[:9].isdigit():
        return False
    vals = [int(c) for c in d[:9]] + [10 if d[9] == "X" else int(d[9])]
    return sum(v * (10 - i) for i, v in enumerate(vals)) % 11 == 0


def valid_issn(text):
    d = digits_of(text)
    if len(d) != 8 or not d[:7].isdigit():
        return False
    vals = [int(c) for c in d[:7]] + [10 if d[7] == "X" else int(d[7])]
    return sum(v * (8 - i) for i, v in enumerate(vals)) % 11 == 0


def isbn10_to_13(text):
    d = digits_of(text)
    body = "978" + d[:9]
    return body + isbn13_check(body)


# Self-test on well-known identifiers. (SPEC §3's example message says 978957115449's
# check digit "should be 9"; by the ISBN-13 rule it is 7.)
assert valid_isbn13("9789571154497") and not valid_isbn13("9789571154490")
assert isbn13_check("978957115449") == "7"
assert valid_issn("0317-8471") and valid_issn("2434-561X")
assert valid_isbn10("0-306-40615-2") and isbn10_to_13("0-306-40615-2") == "9780306406157"

# ---------------------------------------------------------------------------
# Master data
# ---------------------------------------------------------------------------

AGENCIES = [
    # code, name, contact, phone, fax, address, email
    ("A001", "文化部", "林怡君", "02-8512-6420", "02-8512-6421",
     "242新北市新莊區中平路439號南棟13樓", "moc.pub@example.gov.tw"),
    ("A002", "國家發展委員會", "陳志明", "02-2316-5310", "02-2316-5311",
     "100臺北市中正區寶慶路3號", "ndc.pub@example.gov.tw"),
    ("A003", "內政部", "張雅婷", "02-2356-5120", "02-2356-5121",
     "100臺北市中正區徐州路5號", "moi.pub@example.gov.tw"),
    ("A004", "國史館", "黃建華", "02-2217-5530", "02-2217-5531",
     "231新北市新店區北宜路二段406號", "drnh.pub@example.gov.tw"),
    ("A005", "國立故宮博物院", "吳淑芬", "02-2881-2050", "02-2881-2051",
     "111臺北市士林區至善路二段221號", "npm.pub@example.gov.tw"),
    ("A006", "農業部", "李冠廷", "02-2312-4310", "02-2312-4311",
     "100臺北市中正區南海路37號", "moa.pub@example.gov.tw"),
    ("A007", "國立臺灣文學館", "蔡佩珊", "06-221-7240", "06-222-7195",
     "700臺南市中西區中正路1號", "nmtl.pub@example.gov.tw"),
    ("A008", "交通部觀光署", "許家豪", "02-2349-1620", "02-2771-7036",
     "106臺北市大安區忠孝東路四段290號9樓", "taiwan.pub@example.gov.tw"),
]
AGENCY = {a[0]: dict(code=a[0], name=a[1], contact=a[2], phone=a[3], fax=a[4],
                     address=a[5], email=a[6]) for a in AGENCIES}

STORES = [
    ("S01", "國家書店松江門市", "104臺北市中山區松江路209號1樓", "songjiang@example.com.tw"),
    ("S02", "五南文化廣場台中總店", "400臺中市中區中山路6號", "taichung@example.com.tw"),
]
STORE = {s[0]: dict(code=s[0], name=s[1], address=s[2], email=s[3]) for s in STORES}

# (agency, store, payout %, procurement_exempt, payment_days, valid_from)
CONTRACTS = [
    ("A001", "S01", "60", 0, 30, D(2025, 1, 1)),
    ("A001", "S01", "65", 0, 30, D(2026, 3, 1)),   # rate change inside 2026H1
    ("A002", "S01", "62.5", 0, 45, D(2025, 1, 1)),
    ("A004", "S01", "60", 0, 45, D(2025, 7, 1)),
    ("A005", "S01", "62", 0, 30, D(2025, 1, 1)),
    ("A005", "S02", "55", 1, 30, D(2025, 7, 1)),   # 公開評選: below 60 % allowed
    ("A006", "S02", "60", 0, 30, D(2025, 1, 1)),
    ("A007", "S02", "65", 0, 60, D(2025, 1, 1)),
]
DEFAULT_RATE_BP = 6000
DEFAULT_PAYMENT_DAYS = 30


def rate_bp_of(percent_text):
    whole, _, frac = percent_text.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def contract_on(agency, store, day):
    """(rate_bp, payment_days) of the contract in force on `day`."""
    best = None
    for a, s, pct, _exempt, days, since in CONTRACTS:
        if a == agency and s == store and since <= day and (best is None or since >= best[2]):
            best = (rate_bp_of(pct), days, since)
    return (best[0], best[1]) if best else (DEFAULT_RATE_BP, DEFAULT_PAYMENT_DAYS)


def exempt(agency, store):
    return any(c[0] == agency and c[1] == store and c[3] for c in CONTRACTS)


# Publications: key, agency, kind, title, list price, pub date, ISBN prefix (digits
# before the title number, with the hyphens to print) or None, serial start year for
# the GPN and ISSN body for serials.
ISBN_PREFIX = {
    "A001": "978-986-532-",
    "A002": "978-986-5457-",
    "A003": "978-626-7164-",
    "A004": "978-957-8760-",
    "A005": "978-957-562-",
    "A006": "978-626-7253-",
    "A007": "978-986-5437-",
    "A008": "978-626-7340-",
}
ISSN_BODY = {"P17": "1683069", "P22": "1011909", "P23": "1011908", "P34": "1817033"}

PUBS = [
    ("P01", "A001", "book", "臺灣文化政策白皮書（2025）", 450, D(2025, 6, 30)),
    ("P02", "A001", "book", "文化統計（113年版）", 600, D(2025, 3, 31)),
    ("P03", "A001", "book", "臺灣工藝之美：國家工藝成就獎作品集", 980, D(2024, 11, 15)),
    ("P04", "A001", "book", "臺灣文化內容產業調查報告（2025）", 500, D(2025, 9, 15)),
    ("P05", "A001", "pamphlet", "國家文化記憶庫導覽手冊", 150, D(2025, 8, 1)),
    ("P06", "A001", "book", "臺灣漫畫百年特展圖錄", 750, D(2026, 1, 20)),
    ("P07", "A002", "book", "中華民國人口推估（2024年至2070年）", 350, D(2024, 10, 1)),
    ("P08", "A002", "book", "國家發展計畫（114至117年）", 400, D(2025, 1, 15)),
    ("P09", "A002", "book", "臺灣地方創生案例集", 480, D(2025, 5, 20)),
    ("P10", "A002", "book", "臺灣2050淨零排放路徑及策略總說明", 300, D(2024, 12, 10)),
    ("P11", "A003", "book", "內政統計年報（113年）", 500, D(2025, 6, 15)),
    ("P12", "A003", "book", "臺灣地名辭書（卷二十）臺中市", 850, D(2024, 12, 20)),
    ("P13", "A003", "book", "國土計畫法令彙編", 380, D(2025, 4, 10)),
    ("P14", "A003", "electronic", "臺灣地區地形圖集（光碟版）", 600, D(2025, 7, 1)),
    ("P15", "A003", "book", "內政統計年報（114年）", 500, D(2026, 2, 10)),
    ("P16", "A003", "pamphlet", "國家公園旅遊手冊", 200, D(2026, 1, 15)),
    ("P17", "A004", "serial", "國史館館刊", 250, D(2006, 12, 1)),
    ("P18", "A004", "book", "蔣經國總統文物圖錄", 1200, D(2025, 1, 13)),
    ("P19", "A004", "book", "戰後臺灣政治案件史料彙編", 650, D(2024, 10, 25)),
    ("P20", "A004", "book", "臺灣省議會史料總集", 800, D(2025, 8, 15)),
    ("P21", "A004", "book", "國史館現藏總統副總統檔案目錄", 550, D(2026, 5, 20)),
    ("P22", "A005", "serial", "故宮文物月刊", 150, D(1983, 4, 1)),
    ("P23", "A005", "serial", "故宮學術季刊", 300, D(1983, 9, 1)),
    ("P24", "A005", "book", "國寶薈萃（增訂版）", 1000, D(2024, 12, 1)),
    ("P25", "A005", "book", "宋代書畫特展圖錄", 1200, D(2025, 10, 10)),
    ("P26", "A005", "book", "故宮清宮服飾圖典", 900, D(2025, 4, 1)),
    ("P27", "A005", "non_book", "翠玉白菜與肉形石動畫（DVD）", 350, D(2025, 2, 15)),
    ("P28", "A005", "book", "故宮經典文物圖錄", 880, D(2026, 3, 20)),
    ("P29", "A006", "book", "農業統計年報（113年）", 400, D(2025, 6, 30)),
    ("P30", "A006", "book", "臺灣農業年報（114年版）", 600, D(2025, 9, 30)),
    ("P31", "A006", "book", "臺灣茶產業發展專刊", 380, D(2025, 3, 15)),
    ("P32", "A006", "book", "臺灣原生植物圖鑑", 720, D(2024, 11, 1)),
    ("P33", "A006", "book", "臺灣農業年報（115年版）", 600, D(2026, 6, 20)),
    ("P34", "A007", "serial", "臺灣文學館通訊", 200, D(2003, 10, 1)),
    ("P35", "A007", "book", "臺灣現當代作家研究資料彙編：楊逵", 450, D(2024, 12, 15)),
    ("P36", "A007", "non_book", "臺灣文學有聲書：日治時期小說選（USB）", 480, D(2025, 5, 1)),
    ("P37", "A007", "book", "百年文學路：臺灣文學特展專刊", 420, D(2025, 10, 20)),
    ("P38", "A008", "book", "臺灣觀光年報（113年）", 380, D(2025, 5, 30)),
    ("P39", "A008", "pamphlet", "臺灣自行車旅遊地圖", 150, D(2025, 4, 1)),
    ("P40", "A008", "pamphlet", "臺灣好行旅遊手冊", 180, D(2025, 7, 15)),
    ("P41", "A008", "book", "臺灣觀光年報（114年）", 380, D(2026, 5, 15)),
]
NO_ISBN = {"P05", "P40"}         # free-standing pamphlets without an ISBN
ISBN10_WRITTEN = "P20"           # the catalogue lists this one's ISBN-10 form
POPULARITY = {"P01": 2.0, "P03": 1.2, "P05": 2.5, "P07": 1.5, "P09": 1.8, "P17": 1.5,
              "P18": 1.0, "P22": 3.0, "P23": 1.2, "P24": 1.5, "P25": 1.0, "P27": 2.0,
              "P31": 1.6, "P32": 1.3, "P34": 1.8, "P35": 1.4, "P39": 2.2, "P40": 2.0}


def roc(day):
    return day.year - 1911


def build_catalogue(rng):
    pubs = {}
    used_running = defaultdict(set)
    used_title_no = defaultdict(set)
    for key, agency, kind, title, price, pub_date in PUBS:
        assert 150 <= price <= 1200 and isinstance(price, int), key
        type_digit = "2" if kind == "serial" else "1"
        year = roc(pub_date)
        while True:
            running = rng.randint(40, 2999) if kind != "serial" else rng.randint(10, 400)
            if running not in used_running[(type_digit, year)]:
                used_running[(type_digit, year)].add(running)
                break
        gpn = f"{type_digit}{year:04d}{running:05d}"
        assert len(gpn) == 10 and gpn.isdigit()
        p = dict(key=key, agency=agency, kind=kind, title=title, price=price,
                 pub_date=pub_date, gpn=gpn, isbn13=None, isbn_written="", issn="")
        if kind == "serial":
            body = ISSN_BODY[key]
            p["issn"] = f"{body[:4]}-{body[4:]}{issn_check(body)}"
            assert valid_issn(p["issn"]), p["issn"]
        elif key not in NO_ISBN:
            prefix = ISBN_PREFIX[agency]
            width = 12 - len(digits_of(prefix))
            while True:
                title_no = rng.randint(0, 10 ** width - 1)
                body = digits_of(prefix) + f"{title_no:0{width}d}"
                if title_no in used_title_no[prefix]:
                    continue
                # Make the ISBN-10 case end in X, the interesting check digit.
                if key == ISBN10_WRITTEN and isbn10_check(body[3:]) != "X":
                    continue
                used_title_no[prefix].add(title_no)
                break
            isbn13 = body + isbn13_check(body)
            hyphenated = f"{prefix}{title_no:0{width}d}-{isbn13[-1]}"
            assert valid_isbn13(isbn13) and digits_of(hyphenated) == isbn13
            p["isbn13"] = isbn13
            p["isbn_hyphen"] = hyphenated
            if key == ISBN10_WRITTEN:
                isbn10 = body[3:] + isbn10_check(body[3:])
                written = f"{prefix[4:]}{title_no:0{width}d}-{isbn10[-1]}"
                assert valid_isbn10(written) and isbn10_to_13(written) == isbn13
                p["isbn_written"] = written
            elif int(key[1:]) % 3 == 0:
                p["isbn_written"] = hyphenated
            else:
                p["isbn_written"] = isbn13
        pubs[key] = p
    gpns = [p["gpn"] for p in pubs.values()]
    assert len(set(gpns)) == len(gpns)
    isbns = [p["isbn13"] for p in pubs.values() if p["isbn13"]]
    assert len(set(isbns)) == len(isbns)
    return pubs


# ---------------------------------------------------------------------------
# Consignment lists (附件一). A sample row only on the first list of a GPN to a store.
# ---------------------------------------------------------------------------

# (supply date, agency, store, [(pub, quantity, with sample)], headers, format)
CONSIGNMENTS = [
    (D(2025, 10, 6), "A001", "S01", [("P01", 60, 1), ("P02", 20, 1), ("P03", 30, 1),
                                     ("P04", 30, 0), ("P05", 100, 1)], "en", "csv"),
    (D(2025, 10, 8), "A002", "S01", [("P07", 40, 1), ("P08", 30, 1), ("P09", 40, 1),
                                     ("P10", 30, 0)], "en", "csv"),
    (D(2025, 10, 14), "A003", "S01", [("P11", 20, 1), ("P12", 15, 1), ("P13", 20, 0),
                                      ("P14", 10, 1)], "en", "csv"),
    (D(2025, 10, 20), "A004", "S01", [("P17", 40, 1), ("P18", 20, 1), ("P19", 20, 1),
                                      ("P20", 15, 1)], "zh", "csv"),
    (D(2025, 11, 3), "A005", "S01", [("P22", 80, 1), ("P23", 30, 1), ("P24", 30, 1),
                                     ("P25", 20, 1), ("P26", 20, 0), ("P27", 40, 1)], "en", "csv"),
    (D(2025, 11, 5), "A006", "S01", [("P29", 20, 1), ("P30", 20, 1), ("P31", 30, 1),
                                     ("P32", 30, 1)], "en", "csv"),
    (D(2025, 11, 10), "A007", "S01", [("P34", 40, 1), ("P35", 30, 1), ("P36", 20, 1),
                                      ("P37", 20, 0)], "zh", "csv"),
    (D(2025, 11, 12), "A008", "S01", [("P38", 20, 1), ("P39", 80, 0), ("P40", 80, 0)], "en", "csv"),
    (D(2025, 11, 17), "A001", "S02", [("P01", 40, 1), ("P03", 20, 1), ("P04", 20, 0)], "en", "csv"),
    (D(2025, 11, 18), "A005", "S02", [("P22", 60, 1), ("P24", 25, 1), ("P25", 15, 1),
                                      ("P26", 15, 1)], "en", "csv"),
    # P30 to S02: 5 copies and a sample; the store sells the sample copy too (oversold).
    (D(2025, 11, 19), "A006", "S02", [("P29", 20, 1), ("P30", 5, 1), ("P31", 30, 1),
                                      ("P32", 25, 0)], "en", "csv"),
    (D(2025, 11, 21), "A007", "S02", [("P34", 40, 1), ("P35", 25, 1), ("P36", 15, 0),
                                      ("P37", 20, 1)], "zh", "csv"),
    (D(2025, 11, 24), "A008", "S02", [("P38", 10, 1), ("P39", 50, 0), ("P40", 50, 0)], "en", "csv"),
    (D(2025, 11, 26), "A004", "S02", [("P17", 30, 1), ("P19", 15, 1)], "zh", "csv"),
    (D(2026, 2, 2), "A001", "S01", [("P01", 30, 0), ("P05", 60, 0), ("P06", 30, 0)], "en", "csv"),
    (D(2026, 3, 2), "A003", "S01", [("P11", 10, 0), ("P15", 20, 0), ("P16", 40, 0)], "en", "csv"),
    (D(2026, 3, 2), "A003", "S02", [("P11", 15, 0), ("P13", 12, 0), ("P15", 20, 0),
                                    ("P16", 30, 0)], "form", "xlsx"),
    (D(2026, 4, 1), "A005", "S01", [("P22", 60, 0), ("P23", 20, 0), ("P25", 15, 0),
                                    ("P28", 20, 0)], "en", "csv"),
    (D(2026, 5, 4), "A005", "S02", [("P22", 40, 0), ("P24", 10, 0), ("P26", 10, 0)], "en", "csv"),
    (D(2026, 6, 1), "A001", "S02", [("P01", 20, 0), ("P06", 15, 0)], "en", "csv"),
    (D(2026, 6, 1), "A007", "S02", [("P34", 25, 0), ("P35", 10, 0)], "zh", "csv"),
    (D(2026, 6, 15), "A006", "S02", [("P29", 10, 0), ("P31", 15, 0), ("P32", 10, 0)], "en", "csv"),
    (D(2026, 7, 1), "A006", "S01", [("P29", 15, 0), ("P31", 20, 0), ("P33", 20, 0)], "en", "csv"),
    (D(2026, 8, 3), "A004", "S01", [("P17", 30, 0), ("P18", 10, 0), ("P21", 15, 0)], "zh", "csv"),
    (D(2026, 8, 3), "A008", "S01", [("P39", 60, 0), ("P41", 20, 0)], "en", "csv"),
]

CONSIGNMENT_HEADERS = {
    "en": ["list_no", "agency", "store", "supply_date", "gpn", "title", "list_price",
           "quantity", "sample"],
    "zh": ["清單編號", "機關代碼", "門市代碼", "供貨日期", "GPN", "出版品名稱", "定價", "數量", "樣品"],
}

SALES_HEADERS_EN = ["store", "sale_date", "gpn", "isbn", "title", "quantity", "list_price",
                    "sale_price", "txn_id"]
SALES_HEADERS_ZH = ["門市代碼", "銷售日期", "GPN", "ISBN", "書名", "數量", "定價", "售價", "交易序號"]

H1_FROM, H1_TO = D(2025, 12, 1), D(2026, 5, 31)
H2_FROM, H2_TO = D(2026, 6, 1), D(2026, 11, 30)
H1_SETTLE, H2_SETTLE = D(2026, 6, 10), D(2026, 12, 10)
COUNT_DAY = D(2026, 11, 30)
LATE_FROM = D(2026, 5, 27)

OVERSOLD = ("S02", "P30")
NEGATIVE_PAIR = ("S02", "A008")
# Lines fixed by hand (store, date, pub, quantity): the oversold case, the negative
# carry-forward case and the A001 line of the late file. The random sales leave the
# (store, pub) pairs of EXCLUSIVE alone.
EXCLUSIVE = {("S02", "P30"), ("S02", "P38")}
FORCED = [
    ("S01", D(2026, 5, 28), "P01", 1),
    ("S02", D(2025, 12, 12), "P30", 2), ("S02", D(2026, 1, 20), "P30", 1),
    ("S02", D(2026, 3, 7), "P30", 2), ("S02", D(2026, 5, 16), "P30", 1),
    ("S02", D(2026, 1, 24), "P38", 1), ("S02", D(2026, 2, 14), "P38", 2),
    ("S02", D(2026, 4, 11), "P38", 1),
    ("S02", D(2026, 7, 18), "P39", 1), ("S02", D(2026, 9, 5), "P38", -2),
]
PRICE_WARNING = ("S01", "P03", 880)  # a line stating the old sticker price 880 (catalogue 980)


def days(start, end):
    d = start
    while d <= end:
        yield d
        d += dt.timedelta(days=1)


def poisson(rng, lam):
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def half_of(day):
    return "H1" if H1_FROM <= day <= H1_TO else "H2"


def simulate_sales(rng, pubs):
    """One year of sales lines per store, never selling more than was consigned (the
    forced oversold case aside) and only after a GPN's first supply to the store."""
    supplies = defaultdict(list)  # (store, pub) -> [(date, regular qty)]
    for day, _agency, store, rows, _h, _f in CONSIGNMENTS:
        for pub, qty, _sample in rows:
            supplies[(store, pub)].append((day, qty))
    forced_pairs = EXCLUSIVE
    forced_by_day = defaultdict(list)
    for s, d, p, q in FORCED:
        forced_by_day[(s, d)].append((p, q))
    lam = {"S01": 1.7, "S02": 1.2}
    lines = []
    for store in ("S01", "S02"):
        sold = defaultdict(int)  # net copies sold so far per pub
        for day in days(H1_FROM, H2_TO):
            def on_hand(pub):
                got = sum(q for d, q in supplies[(store, pub)] if d < day)
                return got - sold[pub]

            consigned_now = [p for (s, p), lst in supplies.items()
                             if s == store and any(d < day for d, _ in lst)]
            todays = []
            for pub, qty in forced_by_day[(store, day)]:
                assert any(d < day for d, _ in supplies[(store, pub)]), (store, pub, day)
                todays.append((pub, qty, True))
                sold[pub] += qty
            weekend = day.weekday() >= 5
            n = poisson(rng, lam[store] * (1.6 if weekend else 1.0))
            for _ in range(n):
                if rng.random() < 0.045:
                    # A customer returns a copy bought earlier.
                    cands = [p for p in consigned_now
                             if sold[p] > 0 and (store, p) not in forced_pairs
                             and not (store == NEGATIVE_PAIR[0] and half_of(day) == "H2"
                                      and pubs[p]["agency"] == NEGATIVE_PAIR[1])]
                    if not cands:
                        continue
                    pub = rng.choices(cands, weights=[sold[p] for p in cands])[0]
                    qty = -2 if sold[pub] >= 2 and rng.random() < 0.15 else -1
                    todays.append((pub, qty, False))
                    sold[pub] += qty
                    continue
                # A customer asks for a title; one that is sold out is a lost sale.
                cands = [p for p in consigned_now
                         if (store, p) not in forced_pairs
                         and not (store == NEGATIVE_PAIR[0] and half_of(day) == "H2"
                                  and pubs[p]["agency"] == NEGATIVE_PAIR[1])]
                if not cands:
                    continue
                weights = [POPULARITY.get(p, 0.8) for p in cands]
                pub = rng.choices(cands, weights=weights)[0]
                if on_hand(pub) <= 0:
                    continue
                r = rng.random()
                qty = 1 if r < 0.82 else 2 if r < 0.94 else 3 if r < 0.98 else rng.randint(5, 8)
                qty = min(qty, on_hand(pub))
                todays.append((pub, qty, False))
                sold[pub] += qty
            for i, (pub, qty, forced) in enumerate(todays, start=1):
                lines.append(dict(store=store, date=day, pub=pub, qty=qty, forced=forced,
                                  txn=f"{store}-{day:%Y%m%d}-{i:04d}",
                                  stated_price=pubs[pub]["price"]))
    return lines


def sale_price(rng, store, day, price):
    if store == "S01" and D(2026, 4, 18) <= day <= D(2026, 4, 26):
        return int(price * 0.79 + 0.5)   # 世界書香日 book fair, 79折
    share = 0.15 if store == "S01" else 0.35
    return int(price * 0.9 + 0.5) if rng.random() < share else price  # 9折 members


def decorate(rng, lines, pubs):
    """How each line identifies its item and what it states as prices."""
    for ln in lines:
        p = pubs[ln["pub"]]
        ln["sale_price"] = sale_price(rng, ln["store"], ln["date"], p["price"])
        r = rng.random()
        if p["isbn13"] and r < 0.08:
            ln["gpn"], ln["isbn"] = "", p["isbn_hyphen"] if rng.random() < 0.5 else p["isbn13"]
        elif p["isbn13"] and r < 0.55:
            ln["gpn"], ln["isbn"] = p["gpn"], p["isbn13"]
        else:
            ln["gpn"], ln["isbn"] = p["gpn"], ""
        ln["title"] = p["title"]


# ---------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------


def write_csv(path, header, rows, encoding="utf-8", bom=False, crlf=False):
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
    data = buf.getvalue().encode(encoding)  # strict: a character Big5 lacks fails here
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


def iso(day):
    return day.isoformat()


def roc_slash(day):
    return f"{roc(day):03d}/{day.month:02d}/{day.day:02d}"


def file_line_of(lines_in_file, target):
    """1-based line number in the file (the header is line 1)."""
    return lines_in_file.index(target) + 2


def main():
    rng = random.Random(SEED)
    out = HERE
    pubs = build_catalogue(rng)

    # --- master data ---
    write_csv(out / "agencies.csv", ["code", "name", "contact", "phone", "fax", "address", "email"],
              [[a["code"], a["name"], a["contact"], a["phone"], a["fax"], a["address"], a["email"]]
               for a in AGENCY.values()])
    write_csv(out / "stores.csv", ["門市代碼", "門市名稱", "地址", "電子郵件"],
              [[s["code"], s["name"], s["address"], s["email"]] for s in STORE.values()])
    write_csv(out / "contracts.csv", ["機關代碼", "門市代碼", "結帳比率", "公開評選", "付款天數", "生效日"],
              [[a, s, pct, ex, days_, iso(since)] for a, s, pct, ex, days_, since in CONTRACTS])
    for a, s, pct, ex, _d, _f in CONTRACTS:
        assert rate_bp_of(pct) >= 6000 or ex, (a, s)
    write_csv(out / "publications.csv",
              ["gpn", "isbn", "issn", "title", "agency", "kind", "list_price", "pub_date"],
              [[p["gpn"], p["isbn_written"], p["issn"], p["title"], p["agency"], p["kind"],
                p["price"], iso(p["pub_date"])] for p in pubs.values()])

    # --- consignments ---
    steps_consign = []
    first_supply = {}
    sampled = set()
    names = set()
    for day, agency, store, rows, headers, fmt in sorted(CONSIGNMENTS, key=lambda c: c[0]):
        for pub, qty, sample in rows:
            p = pubs[pub]
            assert p["agency"] == agency and p["pub_date"] <= day, (pub, day)
            first = (store, pub) not in first_supply
            first_supply.setdefault((store, pub), day)
            assert not sample or first, f"sample on a later list: {store} {pub}"
            if sample:
                assert (store, pub) not in sampled
                sampled.add((store, pub))
        list_no = f"{agency}-{store}-{day:%Y%m%d}"
        if fmt == "xlsx":
            name = f"consignment_form_{agency}.xlsx"
            make_xlsx.write_consignment_form(
                out / name, AGENCY[agency], STORE[store], day,
                [(pubs[p]["gpn"], pubs[p]["title"], pubs[p]["price"], q) for p, q, _s in rows])
        else:
            name = f"consignment_{day:%Y-%m}_{agency}_{store}.csv"
            table = []
            for pub, qty, sample in rows:
                p = pubs[pub]
                shown_day = roc_slash(day) if headers == "zh" else iso(day)
                table.append([list_no, agency, store, shown_day, p["gpn"], p["title"], p["price"],
                              qty, 0])
                if sample:
                    table.append([list_no, agency, store, shown_day, p["gpn"], p["title"],
                                  p["price"], 1, 1])
            write_csv(out / name, CONSIGNMENT_HEADERS[headers], table)
        assert name not in names
        names.add(name)
        steps_consign.append((day, name))

    # --- sales ---
    lines = simulate_sales(rng, pubs)
    decorate(rng, lines, pubs)
    txns = [(ln["store"], ln["txn"]) for ln in lines]
    assert len(set(txns)) == len(txns)

    # The price warning: the first S01 line of P03 in 2026 that names its GPN.
    pw = next(ln for ln in lines if ln["store"] == PRICE_WARNING[0] and ln["pub"] == PRICE_WARNING[1]
              and ln["date"] >= D(2026, 1, 1) and ln["qty"] > 0 and ln["gpn"])
    pw["stated_price"] = PRICE_WARNING[2]
    pw["sale_price"] = PRICE_WARNING[2]  # rung up at the sticker price

    s01_h1 = [ln for ln in lines if ln["store"] == "S01" and half_of(ln["date"]) == "H1"]
    s02_h1 = [ln for ln in lines if ln["store"] == "S02" and half_of(ln["date"]) == "H1"]
    s01_h2 = [ln for ln in lines if ln["store"] == "S01" and half_of(ln["date"]) == "H2"]
    s02_h2 = [ln for ln in lines if ln["store"] == "S02" and half_of(ln["date"]) == "H2"]
    assert pw in s01_h1

    # Late lines: S01's lines of 27-31 May 2026 (one of them an A001 line at 65 %) arrive
    # in a second file after H1 was settled.
    late = [ln for ln in s01_h1 if LATE_FROM <= ln["date"] <= H1_TO]
    assert 3 <= len(late) <= 12 and pw not in late, len(late)
    assert any(pubs[ln["pub"]]["agency"] == "A001" for ln in late)
    late.sort(key=lambda ln: (ln["date"], ln["txn"]))
    for ln in late:
        ln["late"] = True
    s01_h1 = [ln for ln in s01_h1 if not ln.get("late")]

    def row(ln, date_value):
        return [ln["store"], date_value, ln["gpn"], ln["isbn"], ln["title"], ln["qty"],
                ln["stated_price"], ln["sale_price"], ln["txn"]]

    write_csv(out / "sales_S01_2026H1.csv", SALES_HEADERS_EN, [row(ln, iso(ln["date"])) for ln in s01_h1])
    write_csv(out / "sales_S02_2026H1_big5.csv", SALES_HEADERS_ZH,
              [row(ln, roc_slash(ln["date"])) for ln in s02_h1], encoding="cp950", crlf=True)
    write_csv(out / "sales_S01_2026H1_late.csv", SALES_HEADERS_EN, [row(ln, iso(ln["date"])) for ln in late])
    make_xlsx.write_sales_workbook(
        out / "sales_S01_2026H2.xlsx", SALES_HEADERS_ZH,
        [[ln["store"], ln["date"], ln["gpn"] or None, ln["isbn"] or None, ln["title"], ln["qty"],
          ln["stated_price"], ln["sale_price"], ln["txn"]] for ln in s01_h2])
    write_csv(out / "sales_S02_2026H2.csv", SALES_HEADERS_EN,
              [row(ln, f"{ln['date']:%Y/%m/%d}") for ln in s02_h2], bom=True, crlf=True)

    # --- stock ledger, oversold check ---
    consigned = defaultdict(int)
    samples = defaultdict(int)
    for day, _a, store, rows, _h, _f in CONSIGNMENTS:
        for pub, qty, sample in rows:
            consigned[(store, pub)] += qty
            samples[(store, pub)] += sample
    net_sold = defaultdict(int)
    for ln in lines:
        assert ln["date"] > first_supply[(ln["store"], ln["pub"])], "sold before consigned"
        net_sold[(ln["store"], ln["pub"])] += ln["qty"]
    oversold = {k for k in consigned if consigned[k] - net_sold[k] < 0}
    assert oversold == {OVERSOLD}, oversold
    assert all(v >= 0 for v in net_sold.values())

    # --- stock counts (30 Nov 2026; nothing moves after that day) ---
    count_keys = [("S01", "P01"), ("S01", "P22"), ("S01", "P24"), ("S02", "P25"),
                  ("S02", "P34"), ("S02", "P29")]
    mismatch_key = ("S01", "P24")
    counts = []
    for store, pub in count_keys:
        expected = consigned[(store, pub)] - net_sold[(store, pub)]
        reported = expected - 2 if (store, pub) == mismatch_key else expected
        assert reported >= 0, (store, pub, expected)
        counts.append((store, pub, expected, reported))
    write_csv(out / "stock-counts.csv", ["store", "gpn", "counted_on", "quantity"],
              [[s, pubs[p]["gpn"], iso(COUNT_DAY), rep] for s, p, _e, rep in counts])

    # --- expected settlement (SPEC §4.6), computed independently of govpub ---
    # config/holidays.csv: date,name,kind (holiday, the default, or workday = a
    # Saturday made a working day); '#' comments.
    holidays, workdays = set(), set()
    hol_file = HERE.parent / "holidays.csv"
    if hol_file.exists():
        for text in hol_file.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in text.split(",")]
            try:
                day = D.fromisoformat(cells[0])
            except ValueError:
                continue  # header, comment or blank line
            kind = cells[2] if len(cells) > 2 and cells[2] else "holiday"
            (workdays if kind == "workday" else holidays).add(day)

    def next_working(day):
        while (day.weekday() >= 5 and day not in workdays) or day in holidays:
            day += dt.timedelta(days=1)
        return day

    def settle(period_lines, settled_on, carried):
        groups = defaultdict(lambda: defaultdict(int))
        for ln in period_lines:
            p = pubs[ln["pub"]]
            rate, _days = contract_on(p["agency"], ln["store"], ln["date"])
            groups[(ln["store"], p["agency"])][(p["gpn"], p["price"], rate, bool(ln.get("late")))] += ln["qty"]
        statements = []
        for pair in sorted(set(groups) | {k for k, v in carried.items() if v}):
            kept = {k: q for k, q in groups.get(pair, {}).items() if q != 0}
            carried_in = carried.get(pair, 0)
            if not kept and not carried_in:
                continue
            list_value = sum(q * lp for (g, lp, r, l), q in kept.items())
            raw = sum(q * lp * r for (g, lp, r, l), q in kept.items())
            payable = -((-raw) // 10000)  # ceiling toward +inf
            if not exempt(pair[1], pair[0]):
                assert payable >= -((-6000 * list_value) // 10000), pair
            amount = payable + carried_in
            _rate, pay_days = contract_on(pair[1], pair[0], settled_on)
            statements.append(dict(store=pair[0], agency=pair[1], list_value=list_value,
                                   payable=payable, commission=list_value - payable,
                                   carried_in=carried_in, amount_due=max(0, amount),
                                   carried_out=min(0, amount),
                                   due=next_working(settled_on + dt.timedelta(days=pay_days)),
                                   lines=len(kept), late=sum(1 for k in kept if k[3])))
        return statements

    h1 = settle(s01_h1 + s02_h1, H1_SETTLE, {})
    assert all(s["carried_out"] == 0 for s in h1)
    h2 = settle(s01_h2 + s02_h2 + late, H2_SETTLE,
                {(s["store"], s["agency"]): s["carried_out"] for s in h1})
    negative = [s for s in h2 if s["carried_out"] < 0]
    assert [(s["store"], s["agency"]) for s in negative] == [NEGATIVE_PAIR], negative

    # --- steps.txt ---
    h1_consign = [n for d, n in steps_consign if d <= H1_TO]
    h2_consign = [n for d, n in steps_consign if d > H1_TO]
    steps = [
        "# govpub demo: one command per line, without the word govpub; paths relative to",
        "# config/demo/; {out} is the demo's output folder. Generated by make_demo.py.",
        "import agencies agencies.csv",
        "import stores stores.csv",
        "import contracts contracts.csv",
        "import publications publications.csv",
        "# consignment lists up to May 2026, in supply-date order",
        *[f"import consignment {n}" for n in h1_consign],
        "# 2026H1 sales: UTF-8 CSV (English headers), Big5 CSV (Chinese headers, ROC dates)",
        "import sales sales_S01_2026H1.csv",
        "import sales --store S02 sales_S02_2026H1_big5.csv",
        f"settle --period 2026H1 --as-of {iso(H1_SETTLE)}",
        f"# S01 sends its lines of {LATE_FROM:%d}–{H1_TO:%d} May after H1 was closed: they go into 2026H2 flagged late",
        "import sales sales_S01_2026H1_late.csv",
        "# consignment lists from June 2026",
        *[f"import consignment {n}" for n in h2_consign],
        "# 2026H2 sales: XLSX with date cells (Chinese headers), UTF-8 CSV with BOM",
        "import sales sales_S01_2026H2.xlsx",
        "import sales sales_S02_2026H2.csv",
        "import stock-counts stock-counts.csv",
        f"settle --period 2026H2 --as-of {iso(H2_SETTLE)}",
        f"reconcile --as-of {iso(H2_SETTLE)}",
        "report settlement --period 2026H1 --out {out}/settlement-2026H1.xlsx",
        "report settlement --period 2026H2 --out {out}/settlement-2026H2.xlsx",
        f"report reconciliation --as-of {iso(H2_SETTLE)} --out {{out}}/reconciliation-{iso(H2_SETTLE)}.xlsx",
        "consignment-form --agency A001 --store S01 --out {out}/附件一-A001-S01.xlsx",
    ]
    (out / "steps.txt").write_text("\n".join(steps) + "\n", encoding="utf-8")

    # --- README.md ---
    write_readme(out, pubs, lines, s01_h1, s02_h1, s01_h2, s02_h2, late, pw, counts,
                 mismatch_key, consigned, samples, net_sold, h1, h2, steps_consign, holidays)


def write_readme(out, pubs, lines, s01_h1, s02_h1, s01_h2, s02_h2, late, pw, counts,
                 mismatch_key, consigned, samples, net_sold, h1, h2, steps_consign, holidays):
    def fmt(n):
        return f"{n:,}"

    os_store, os_pub = OVERSOLD
    os_lines = [(file_line_of(s02_h1, ln), ln) for ln in s02_h1
                if ln["store"] == os_store and ln["pub"] == os_pub]
    neg_lines = [(file_line_of(s02_h2, ln), ln) for ln in s02_h2
                 if pubs[ln["pub"]]["agency"] == NEGATIVE_PAIR[1]]
    returns = sum(1 for ln in lines if ln["qty"] < 0)
    isbn_only = sum(1 for ln in lines if not ln["gpn"])
    exp, rep = next((e, r) for s, p, e, r in counts if (s, p) == mismatch_key)
    isbn10_line = next(ln for ln in s01_h1 if ln["pub"] == ISBN10_WRITTEN and not ln["gpn"])
    p = pubs

    def statement_table(stmts):
        rows = ["| store | agency | lines | late | list_value | payable | commission | carried_in "
                "| amount_due | carried_out | due_date |",
                "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|"]
        for s in stmts:
            rows.append(f"| {s['store']} | {s['agency']} {AGENCY[s['agency']]['name']} | {s['lines']} "
                        f"| {s['late']} | {fmt(s['list_value'])} | {fmt(s['payable'])} "
                        f"| {fmt(s['commission'])} | {fmt(s['carried_in'])} | {fmt(s['amount_due'])} "
                        f"| {fmt(s['carried_out'])} | {s['due']} |")
        tot = lambda k: fmt(sum(s[k] for s in stmts))  # noqa: E731
        rows.append(f"| **total** | | | | {tot('list_value')} | {tot('payable')} | {tot('commission')} "
                    f"| {tot('carried_in')} | {tot('amount_due')} | {tot('carried_out')} | |")
        return "\n".join(rows)

    consign_rows = "\n".join(f"| `{n}` | {d} |" for d, n in steps_consign)
    late_rows = "\n".join(f"| {i + 2} | {ln['date']} | {ln['gpn'] or '(ISBN ' + ln['isbn'] + ')'} "
                          f"| {ln['title']} | {ln['qty']} | {ln['txn']} |" for i, ln in enumerate(late))
    os_text = "\n".join(f"  - line {n}: {ln['date']} quantity {ln['qty']} (`{ln['txn']}`)"
                        for n, ln in os_lines)
    neg_text = "\n".join(f"  - line {n}: {ln['date']} {ln['gpn'] or ln['isbn']} {ln['title']} "
                         f"quantity {ln['qty']} × {p[ln['pub']]['price']} (`{ln['txn']}`)"
                         for n, ln in neg_lines)
    recon_rows = len(consigned)
    h2_neg = next(s for s in h2 if (s["store"], s["agency"]) == NEGATIVE_PAIR)
    hol_note = ("weekends and holidays per config/holidays.csv" if holidays
                else "weekends only (config/holidays.csv did not exist when this was generated)")

    text = f"""# Demo data (`govpub demo`)

Generated by `make_demo.py` (run `/usr/bin/python3 config/demo/make_demo.py`; Debian's
python3-openpyxl is needed for the .xlsx files, written by `make_xlsx.py`). The script is
deterministic (seed {SEED}) and rewrites every file below, this README included: change
the script, not the files. Every ISBN, ISBN-10 and ISSN is checked there by assertion, as
are the rules below (no sample on a later list, list price = catalogue price, nothing sold
before its first supply, exactly one oversold pair, exactly one negative statement).

`steps.txt` is the demo's script: one govpub sub-command per line (without `govpub`),
`#` comments, paths relative to this folder, `{{out}}` = the demo's output folder.

## Files

| file | what | variant shown |
|---|---|---|
| `agencies.csv` | 8 agencies (A001 文化部 … A008 交通部觀光署); fake phones, `@example.gov.tw` mail | UTF-8, English headers `code,name,contact,phone,fax,address,email` |
| `stores.csv` | S01 國家書店松江門市, S02 五南文化廣場台中總店 | Chinese headers `門市代碼,門市名稱,地址,電子郵件` |
| `contracts.csv` | payout rates per (agency, store); pairs not listed get 60 % and the configured term | Chinese headers `機關代碼,門市代碼,結帳比率,公開評選,付款天數,生效日`; rate in percent (60, 62.5, 65, 55) |
| `publications.csv` | {len(pubs)} publications, all five kinds | English headers `gpn,isbn,issn,title,agency,kind,list_price,pub_date`; ISBNs plain, hyphenated, and one ISBN-10 |
| `consignment_*.csv` | 附件一 lists, one list per file | English headers `list_no,agency,store,supply_date,gpn,title,list_price,quantity,sample` (A004 and A007 lists: Chinese headers `清單編號,機關代碼,門市代碼,供貨日期,GPN,出版品名稱,定價,數量,樣品` and ROC dates `114/10/20`) |
| `consignment_form_A003.xlsx` | one list in the Ministry's 附件一 layout (內政部 → S02, 供貨日期 115年3月2日, no sample column) | XLSX form: title row, `label：` cells with the value to the right, table `GPN, 出版品名稱, 定價, 數量`, then the form's notes |
| `sales_S01_2026H1.csv` | S01, 2025-12-01 … {LATE_FROM - dt.timedelta(days=1)}, {len(s01_h1)} lines (the lines of {LATE_FROM:%d}–{H1_TO:%d} May come late) | (a) UTF-8, English headers, ISO dates |
| `sales_S02_2026H1_big5.csv` | S02, same period, {len(s02_h1)} lines | (b) Big5/CP950, CRLF, Chinese headers, ROC dates `115/03/15` |
| `sales_S01_2026H1_late.csv` | S01, {len(late)} lines of {LATE_FROM} … {H1_TO}, sent after H1 was settled | (e) late file: goes into 2026H2 flagged `late` |
| `sales_S01_2026H2.xlsx` | S01, 2026-06-01 … 2026-11-30, {len(s01_h2)} lines | (c) XLSX, Chinese headers, real date cells, GPN/ISBN as text |
| `sales_S02_2026H2.csv` | S02, same period, {len(s02_h2)} lines | (d) UTF-8 with BOM, CRLF, English headers, dates `2026/06/15` |
| `stock-counts.csv` | {len(counts)} store counts on {COUNT_DAY} | English headers `store,gpn,counted_on,quantity` |
| `make_demo.py`, `make_xlsx.py` | the generators | |

Sales headers are `store,sale_date,gpn,isbn,title,quantity,list_price,sale_price,txn_id` or
`門市代碼,銷售日期,GPN,ISBN,書名,數量,定價,售價,交易序號`. `sale_price` is the unit price the
customer paid (list price, 9折 member price, or 79折 during S01's 18–26 April 2026 book
fair). Transaction ids are `STORE-YYYYMMDD-NNNN`, one per line, unique per store across
all files. Of {len(lines)} lines, {returns} are customer returns (negative quantity) and
{isbn_only} name the item by ISBN only (GPN empty, ISBN plain or hyphenated). The
publication whose catalogue row gives an ISBN-10 ({p[ISBN10_WRITTEN]['isbn_written']}, GPN
{p[ISBN10_WRITTEN]['gpn']}) is sold under its ISBN-13 {p[ISBN10_WRITTEN]['isbn13']}, by ISBN only
on `sales_S01_2026H1.csv` line {file_line_of(s01_h1, isbn10_line)}. Each (store, GPN) is sold
only after its first supply date and never beyond what was consigned, except the one
oversold case below.

Consignment lists in supply-date order (a sample row — quantity 1, sample 1 — appears only
on the first list of a GPN to a store, beside the regular row):

| file | supply date |
|---|---|
{consign_rows}

## Contracts

- A001 文化部 @ S01: 60 % from 2025-01-01, **65 % from 2026-03-01** — the 2026H1
  statement for S01/A001 has lines at both 6000 and 6500 bp.
- A002 @ S01 62.5 % (45 days); A004 @ S01 60 % (45 days); A005 @ S01 62 %;
  A006 @ S02 60 %; A007 @ S02 65 % (60 days).
- **A005 國立故宮博物院 @ S02: 55 %, `公開評選` = 1** (procurement-exempt, so below 60 % is
  accepted and the 60 % floor check does not apply).
- No contract (default 60 %, configured term): A003 both stores, A001/A004/A008 @ S02,
  A006/A007/A008 @ S01.

## Deliberate anomalies

1. **Price warning** — `sales_S01_2026H1.csv` line {file_line_of(s01_h1, pw)}
   (`{pw['txn']}`, {pw['date']}): GPN {pw['gpn']} {p[PRICE_WARNING[1]]['title']} states
   list price {PRICE_WARNING[2]}; the catalogue says {p[PRICE_WARNING[1]]['price']}. A warning
   in the import report; settlement uses {p[PRICE_WARNING[1]]['price']}; reconciliation flags
   `price_mismatch` for (S01, {pw['gpn']}). It is the only line whose list price differs.
2. **Oversold** — (S02, GPN {p[os_pub]['gpn']} {p[os_pub]['title']}): consigned
   {consigned[OVERSOLD]} regular copies + {samples[OVERSOLD]} sample on 2025-11-19
   (`consignment_2025-11_A006_S02.csv`), never restocked; the store also sold its sample
   copy, so net sold = {net_sold[OVERSOLD]} and expected on hand =
   {consigned[OVERSOLD] - net_sold[OVERSOLD]}: reconciliation flags `oversold`. Lines in
   `sales_S02_2026H1_big5.csv`:
{os_text}
3. **Count mismatch** — `stock-counts.csv`: (S01, {p[mismatch_key[1]]['gpn']}
   {p[mismatch_key[1]]['title']}) counted {rep} on {COUNT_DAY}, expected {exp} (two copies
   missing); the other {len(counts) - 1} counts match: reconciliation flags `count_mismatch`
   on that row only.
4. **Negative statement, carried forward** — S02 / A008 交通部觀光署 (no contract, 60 %).
   Its 2026H2 lines in `sales_S02_2026H2.csv` are
{neg_text}
   so list_value = {h2_neg['list_value']}, payable = ⌈{h2_neg['list_value']} × 0.6⌉ =
   {h2_neg['payable']}, amount_due 0, carried_out {h2_neg['carried_out']} (into 2027H1). The
   copies returned were sold in 2026H1, so net sold stays ≥ 0.
5. **Late lines** — `sales_S01_2026H1_late.csv`, imported after `settle --period 2026H1`;
   they belong to 2026H1 by date but land in the 2026H2 statements flagged `late` (the
   A001 lines at 65 %, the rate in force on their sale dates):

| file line | sale date | GPN | title | qty | txn_id |
|---|---|---|---|--:|---|
{late_rows}

6. **Rate change inside a period** — see Contracts (A001 @ S01).

Nothing is `not_consigned`; no file has an invalid line, so every import is accepted whole.

## Expected results (computed by make_demo.py, not by govpub)

Payout at the catalogue price and the contract rate in force on the sale date; lines
grouped by (GPN, list price, rate, late), zero groups dropped; payable rounded up per
statement. Due date = settlement date + payment term, moved past {hol_note}.

### 2026H1, settled {H1_SETTLE}

{statement_table(h1)}

### 2026H2, settled {H2_SETTLE} (late lines included)

{statement_table(h2)}

### Reconciliation as of {H2_SETTLE}

{recon_rows} (store, GPN) rows; flags: `oversold` (S02, {p[os_pub]['gpn']}), `count_mismatch`
(S01, {p[mismatch_key[1]]['gpn']}), `price_mismatch` (S01, {pw['gpn']}); no other flags.

Stock counts (`expected` = consigned − net sold; samples excluded):

| store | GPN | title | expected | reported |
|---|---|---|--:|--:|
""" + "\n".join(f"| {s} | {p[k]['gpn']} | {p[k]['title']} | {e} | {r} |" for s, k, e, r in counts) + "\n"
    (out / "README.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
