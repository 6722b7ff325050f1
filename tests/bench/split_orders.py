#!/usr/bin/python3
"""Prepares the peers' inputs for the import benchmark from a bulk orders.jsonl:
orders.ndjson + lines.ndjson for sqlite-utils (one JSON object per line, as it expects), and
orders.csv + lines.csv for the sqlite3 shell's .import: the same typed columns shopkeep stores,
plus the raw JSON text, so the floor writes the same rows with no JSON parsing at all."""
import csv
import json
import sys

src, out = sys.argv[1], sys.argv[2]


def num(gid):
    return gid.rsplit("/", 1)[1] if gid else ""


def money(obj, key):
    v = obj.get(key)
    return v["shopMoney"]["amount"] if v else ""


with open(src) as f, open(f"{out}/orders.ndjson", "w") as on, open(f"{out}/lines.ndjson", "w") as ln, \
        open(f"{out}/orders.csv", "w", newline="") as oc, open(f"{out}/lines.csv", "w", newline="") as lc:
    ow, lw = csv.writer(oc), csv.writer(lc)
    ow.writerow(["id", "name", "customer_id", "email", "created_at", "updated_at", "processed_at",
                 "cancelled_at", "test", "currency", "total_price", "subtotal_price", "total_discounts",
                 "total_refunded", "raw"])
    lw.writerow(["id", "order_id", "product_id", "variant_id", "sku", "title", "quantity", "unit_price", "raw"])
    for line in f:
        d = json.loads(line)
        d["id"] = int(num(d["id"]))
        if "__parentId" in d:
            ln.write(json.dumps(d) + "\n")
            lw.writerow([d["id"], num(d["__parentId"]), num((d.get("product") or {}).get("id")),
                         num((d.get("variant") or {}).get("id")), d.get("sku") or "", d.get("name") or "",
                         d.get("quantity"), money(d, "originalUnitPriceSet"), line.rstrip("\n")])
        else:
            on.write(json.dumps(d) + "\n")
            ow.writerow([d["id"], d.get("name"), num((d.get("customer") or {}).get("id")), d.get("email") or "",
                         d.get("createdAt"), d.get("updatedAt"), d.get("processedAt"), d.get("cancelledAt") or "",
                         int(bool(d.get("test"))), d.get("currencyCode"), money(d, "totalPriceSet"),
                         money(d, "subtotalPriceSet"), money(d, "totalDiscountsSet"), money(d, "totalRefundedSet"),
                         line.rstrip("\n")])
