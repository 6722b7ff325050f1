#!/usr/bin/python3
"""Converts the UCI Online Retail transactions (CSV, optionally gzipped) into Shopify bulk-operation
JSONL that `shopkeep import shopify` loads. Standard library only.

Rules (shared with the statsmodels reference, which imports this module):
- the shop is in Europe/London and sells in GBP; InvoiceDate is London time;
- only stock codes that start with a digit are products (POST, M, DOT, BANK CHARGES... are not);
- one product with one variant per stock code, titled with its first description, priced at its
  last unit price, created at its first sale; inventory not tracked (the file has none);
- one order per invoice; an invoice starting with C is a cancellation: each of its lines takes its
  units off the same customer's latest earlier lines of that stock code (currentQuantity), as Shopify
  reports refunded units; a cancellation without such a line is dropped.

usage: online_retail_to_shopify.py INPUT.csv[.gz] OUTPUT.jsonl [--stock STOCK.csv]
STOCK.csv (optional, for tests): StockCode,inventory_quantity,unit_cost,vendor,product_type,status per
product that should have tracked inventory, a unit cost and so on (empty cells keep the defaults).
"""
import argparse
import csv
import datetime
import gzip
import io
import json
import sys
import zoneinfo

LONDON = zoneinfo.ZoneInfo("Europe/London")


def open_text(path):
    raw = gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")
    return io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")


def utc_text(local):
    t = datetime.datetime.strptime(local, "%Y-%m-%d %H:%M:%S").replace(tzinfo=LONDON)
    return t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def london_day(local):
    return local[:10]


def read_shop(path):
    """Products (by first appearance), invoices and their lines with current quantities."""
    products = {}   # stock code -> {"id", "title", "price", "created"}
    invoices = {}   # invoice -> {"date", "customer", "lines": [[line_id, product_id, qty, current, price]]}
    by_customer_code = {}  # (customer, code) -> list of lines (latest last)
    next_line = 1
    cancellations = []
    with open_text(path) as f:
        for row in csv.DictReader(f):
            code = row["StockCode"].strip()
            if not code[:1].isdigit():
                continue
            qty = int(row["Quantity"])
            if row["InvoiceNo"].startswith("C"):
                cancellations.append((row["InvoiceDate"], row["CustomerID"], code, -qty))
                continue
            if qty <= 0:
                continue
            p = products.get(code)
            if p is None:
                p = products[code] = {"id": len(products) + 1, "title": row["Description"].strip() or code,
                                      "created": row["InvoiceDate"]}
            p["price"] = row["UnitPrice"]
            inv = invoices.setdefault(row["InvoiceNo"], {"date": row["InvoiceDate"], "customer": row["CustomerID"],
                                                         "lines": []})
            line = [next_line, p["id"], qty, qty, row["UnitPrice"]]
            next_line += 1
            inv["lines"].append(line)
            by_customer_code.setdefault((row["CustomerID"], code), []).append((row["InvoiceDate"], line))
    for date, customer, code, units in cancellations:
        for bought, line in reversed(by_customer_code.get((customer, code), [])):
            if units <= 0:
                break
            if bought > date or line[3] == 0:
                continue
            taken = min(units, line[3])
            line[3] -= taken
            units -= taken
    return products, invoices


def daily_units(path):
    """{variant id: {London day: current units}} and {variant id: first sale day}, as the store sees them."""
    products, invoices = read_shop(path)
    units, first = {}, {}
    for inv in invoices.values():
        day = london_day(inv["date"])
        for _, pid, _, current, _ in inv["lines"]:
            units.setdefault(pid, {})
            units[pid][day] = units[pid].get(day, 0) + current
            first[pid] = min(first.get(pid, day), day)
    return units, first


def money(amount):
    return {"shopMoney": {"amount": amount, "currencyCode": "GBP"}}


def price_text(value):
    return "%.2f" % float(value)


def read_stock(path):
    if not path:
        return {}
    with open(path, newline="") as f:
        return {row["StockCode"]: row for row in csv.DictReader(f)}


def main():
    parser = argparse.ArgumentParser(description="UCI Online Retail CSV -> Shopify bulk JSONL")
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--stock", help="CSV of StockCode,inventory_quantity,unit_cost,vendor,product_type,status")
    args = parser.parse_args()
    products, invoices = read_shop(args.input)
    stock = read_stock(args.stock)
    with open(args.output, "w") as out:
        def put(obj):
            out.write(json.dumps(obj, separators=(",", ":")) + "\n")
        put({"id": "gid://shopify/Shop/1", "name": "Online Retail (UCI)", "ianaTimezone": "Europe/London",
             "currencyCode": "GBP"})
        for code, p in products.items():
            created = utc_text(p["created"])
            s = stock.get(code, {})
            put({"id": f"gid://shopify/Product/{p['id']}", "title": p["title"], "handle": code.lower(),
                 "status": s.get("status") or "ACTIVE", "vendor": s.get("vendor") or "Online Retail",
                 "productType": s.get("product_type") or None, "createdAt": created, "updatedAt": created})
            variant = {"id": f"gid://shopify/ProductVariant/{p['id']}", "title": "Default Title", "sku": code,
                       "price": price_text(p["price"]),
                       "inventoryQuantity": int(s["inventory_quantity"]) if s.get("inventory_quantity") else None,
                       "__parentId": f"gid://shopify/Product/{p['id']}"}
            if s.get("unit_cost"):
                variant["inventoryItem"] = {"unitCost": {"amount": s["unit_cost"], "currencyCode": "GBP"}}
            put(variant)
        for number, inv in invoices.items():
            at = utc_text(inv["date"])
            cents = sum(round(float(price) * 100) * qty for _, _, qty, _, price in inv["lines"])
            put({"id": f"gid://shopify/Order/{number}", "name": f"#{number}", "createdAt": at, "processedAt": at,
                 "updatedAt": at, "test": False, "currencyCode": "GBP",
                 "totalPriceSet": money("%d.%02d" % divmod(cents, 100)),
                 "customer": {"id": f"gid://shopify/Customer/{inv['customer']}"}})
            for line_id, pid, qty, current, price in inv["lines"]:
                put({"id": f"gid://shopify/LineItem/{line_id}", "quantity": qty, "currentQuantity": current,
                     "variant": {"id": f"gid://shopify/ProductVariant/{pid}"},
                     "product": {"id": f"gid://shopify/Product/{pid}"},
                     "originalUnitPriceSet": money(price_text(price)), "__parentId": f"gid://shopify/Order/{number}"})


if __name__ == "__main__":
    main()
