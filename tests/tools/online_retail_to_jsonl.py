#!/usr/bin/python3
"""UCI Online Retail (Chen, Sain & Guo 2012; CC BY 4.0) -> Shopify bulk JSONL for `shopkeep import shopify`.

Input: the CSV (InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country),
plain or gzipped, or UCI's own "Online Retail.xlsx" (read with the standard library).
Output: a Shop line (Europe/London, GBP), one Customer per CustomerID, one active Product (with one
untracked ProductVariant) per StockCode, one Order per invoice with a LineItem per stock code.

Rules (those of the published next-basket baselines): invoices starting with C are cancellations and
are dropped; lines without a customer, or with a non-positive quantity or price, are dropped; the
lines of an invoice are merged per stock code (quantities added); an invoice left without lines is
dropped. Invoice times are the shop's local time (UK) and are written in UTC.

Usage: online_retail_to_jsonl.py INPUT OUTPUT.jsonl [--exclude-mod N | --only-mod N]
  --exclude-mod N   leave out the customers whose id is a multiple of N
  --only-mod N      keep only the customers whose id is a multiple of N
Prints a one-line JSON summary (customers, products, orders, lines) to stderr.
"""
import argparse
import csv
import gzip
import io
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
COLUMNS = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"]


def xlsx_rows(path):
    """Rows of the first sheet of an .xlsx file as lists of strings (dates as ISO text)."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.parse(z.open("xl/sharedStrings.xml")).getroot().findall("m:si", ns):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
        sheet = ET.parse(z.open("xl/worksheets/sheet1.xml")).getroot()
        for row in sheet.iter("{%s}row" % ns["m"]):
            values = {}
            for c in row.findall("m:c", ns):
                col = re.match(r"[A-Z]+", c.get("r")).group(0)
                index = 0
                for ch in col:
                    index = index * 26 + ord(ch) - 64
                v = c.find("m:v", ns)
                text = "" if v is None else v.text or ""
                if c.get("t") == "s":
                    text = shared[int(text)]
                elif c.get("t") == "inlineStr":
                    text = "".join(t.text or "" for t in c.iter("{%s}t" % ns["m"]))
                values[index - 1] = text
            yield [values.get(i, "") for i in range(max(values) + 1 if values else 0)]


def excel_date(text):
    """An Excel serial day number (1900 system) as 'YYYY-MM-DD HH:MM:SS'."""
    days = Decimal(text)
    seconds = int((days - 25569) * 86400 + Decimal("0.5"))
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def read_rows(path):
    if path.endswith(".xlsx"):
        rows = xlsx_rows(path)
        header = next(rows)
        for r in rows:
            d = dict(zip(header, r))
            if d.get("InvoiceDate") and re.fullmatch(r"[0-9.]+", d["InvoiceDate"]):
                d["InvoiceDate"] = excel_date(d["InvoiceDate"])
            yield d
        return
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            sys.exit(f"online_retail_to_jsonl: {path}: missing columns {', '.join(missing)}")
        yield from reader


def customer_number(text):
    text = (text or "").strip()
    if not text:
        return None
    try:
        return int(Decimal(text))
    except InvalidOperation:
        return None


def to_utc(local):
    """'2010-12-01 08:34:00' (or with a 'T', or '12/1/2010 8:26') in UK time -> RFC 3339 UTC."""
    local = local.strip().replace("T", " ")
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%m/%d/%Y %H:%M"):
        try:
            t = datetime.strptime(local, fmt)
            break
        except ValueError:
            continue
    else:
        raise ValueError(f"unreadable InvoiceDate '{local}'")
    return t.replace(tzinfo=LONDON).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def convert(rows, keep_customer):
    products = {}  # stock code -> [id, title, price]
    invoices = {}  # invoice -> {"customer", "at", "lines": {code: [qty, price]}}
    for line, r in enumerate(rows, 2):
        invoice = (r["InvoiceNo"] or "").strip()
        if not invoice or invoice.upper().startswith("C"):
            continue
        customer = customer_number(r["CustomerID"])
        if customer is None or not keep_customer(customer):
            continue
        try:
            quantity = int(Decimal(r["Quantity"]))
            price = Decimal(r["UnitPrice"])
        except InvalidOperation:
            sys.exit(f"online_retail_to_jsonl: line {line}: unreadable Quantity or UnitPrice")
        if quantity <= 0 or price <= 0:
            continue
        code = r["StockCode"].strip().upper()
        if code not in products:
            products[code] = [0, (r["Description"] or "").strip() or code, price]
        inv = invoices.setdefault(invoice, {"customer": customer, "at": to_utc(r["InvoiceDate"]), "lines": {}})
        merged = inv["lines"].setdefault(code, [0, price])
        merged[0] += quantity
    # Product ids in stock-code order, so that ties (equal scores, equal popularity) break by stock
    # code, as in the published baselines.
    for pid, code in enumerate(sorted(products), 1):
        products[code][0] = pid
    return products, invoices


def money(amount):
    return {"shopMoney": {"amount": str(amount), "currencyCode": "GBP"}}


def write(products, invoices, out):
    first_seen = {}
    for number, inv in invoices.items():
        first_seen.setdefault(inv["customer"], inv["at"])
        first_seen[inv["customer"]] = min(first_seen[inv["customer"]], inv["at"])
    line_id = 0
    with open(out, "w") as o:
        def put(obj):
            o.write(json.dumps(obj, separators=(",", ":")) + "\n")

        put({"id": "gid://shopify/Shop/1", "name": "Online Retail (UCI)", "ianaTimezone": "Europe/London",
             "currencyCode": "GBP"})
        for code, (pid, title, price) in products.items():
            handle = "sku-" + re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-")
            put({"id": f"gid://shopify/Product/{pid}", "title": title, "handle": handle, "status": "ACTIVE",
                 "createdAt": "2010-12-01T00:00:00Z", "updatedAt": "2010-12-01T00:00:00Z"})
            put({"id": f"gid://shopify/ProductVariant/{pid}", "sku": code, "price": str(price),
                 "inventoryQuantity": None, "__parentId": f"gid://shopify/Product/{pid}"})
        for customer, since in sorted(first_seen.items()):
            put({"id": f"gid://shopify/Customer/{customer}", "createdAt": since, "updatedAt": since,
                 "defaultEmailAddress": {"emailAddress": f"customer{customer}@online-retail.example"}})
        for number, inv in invoices.items():
            total = sum(q * p for q, p in inv["lines"].values())
            put({"id": f"gid://shopify/Order/{number}", "name": f"#{number}", "createdAt": inv["at"],
                 "processedAt": inv["at"], "updatedAt": inv["at"], "test": False, "currencyCode": "GBP",
                 "customer": {"id": f"gid://shopify/Customer/{inv['customer']}"},
                 "totalPriceSet": money(total), "subtotalPriceSet": money(total)})
            for code, (quantity, price) in inv["lines"].items():
                line_id += 1
                pid = products[code][0]
                put({"id": f"gid://shopify/LineItem/{line_id}", "name": products[code][1], "sku": code,
                     "quantity": quantity, "currentQuantity": quantity,
                     "product": {"id": f"gid://shopify/Product/{pid}"},
                     "variant": {"id": f"gid://shopify/ProductVariant/{pid}"},
                     "originalUnitPriceSet": money(price), "discountedTotalSet": money(quantity * price),
                     "__parentId": f"gid://shopify/Order/{number}"})
    return line_id


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input")
    ap.add_argument("output")
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--exclude-mod", type=int)
    group.add_argument("--only-mod", type=int)
    a = ap.parse_args()
    keep = lambda c: True
    if a.exclude_mod:
        keep = lambda c: c % a.exclude_mod != 0
    elif a.only_mod:
        keep = lambda c: c % a.only_mod == 0
    products, invoices = convert(read_rows(a.input), keep)
    lines = write(products, invoices, a.output)
    customers = len({inv["customer"] for inv in invoices.values()})
    print(json.dumps({"customers": customers, "products": len(products), "orders": len(invoices), "lines": lines}),
          file=sys.stderr)


if __name__ == "__main__":
    main()
