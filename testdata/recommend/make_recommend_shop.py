#!/usr/bin/python3
"""A small shop with known recommendations, NOW = 2026-06-01T00:00:00Z.
Products: 1 Coffee (consumable), 2 Grinder, 3 Filters, 4 Mug, 5 Kettle (DRAFT), 6 Tea (out of stock).
Grinder is bought with Coffee (a durable: six customers bought it once); Coffee is re-bought every
30 days; c1's Coffee refill is due. Customers 1, 3 and 4 are subscribed to marketing mail."""
import json
import sys

out = []
def m(a): return {"shopMoney": {"amount": a, "currencyCode": "EUR"}}
for pid, title, status, qty in [(1, "Coffee", "ACTIVE", 50), (2, "Grinder", "ACTIVE", 5), (3, "Filters", "ACTIVE", None),
                                (4, "Mug", "ACTIVE", 9), (5, "Kettle", "DRAFT", 9), (6, "Tea", "ACTIVE", 0)]:
    out.append({"id": f"gid://shopify/Product/{pid}", "title": title, "handle": title.lower(), "status": status,
                "updatedAt": "2026-01-01T00:00:00Z"})
    out.append({"id": f"gid://shopify/ProductVariant/{pid}0", "price": "10.00", "inventoryQuantity": qty,
                "__parentId": f"gid://shopify/Product/{pid}"})
oid = [0]
def order(cid, day, items):
    oid[0] += 1
    out.append({"id": f"gid://shopify/Order/{oid[0]}", "processedAt": f"{day}T10:00:00Z", "test": False,
                "customer": {"id": f"gid://shopify/Customer/{cid}"}, "totalPriceSet": m("10.00")})
    for n, pid in enumerate(items):
        out.append({"id": f"gid://shopify/LineItem/{oid[0] * 10 + n}", "quantity": 1, "product": {"id": f"gid://shopify/Product/{pid}"},
                    "__parentId": f"gid://shopify/Order/{oid[0]}"})
for cid in range(1, 9):
    state = "SUBSCRIBED" if cid in (1, 3, 4) else "NOT_SUBSCRIBED"
    out.append({"id": f"gid://shopify/Customer/{cid}",
                "defaultEmailAddress": {"emailAddress": f"c{cid}@shop.test", "marketingState": state}})
# Coffee and Grinder together, often with Kettle and Tea too (which must never be recommended).
for cid in range(2, 8):
    order(cid, "2026-01-10", [1, 2, 5, 6])
    order(cid, "2026-02-10", [1, 3])
order(8, "2026-01-15", [4])
# Customer 1 (c1@shop.test) buys Coffee every 30 days; the last time 29 days before NOW.
for day in ["2026-01-03", "2026-02-02", "2026-03-04", "2026-04-03", "2026-05-03"]:
    order(1, day, [1])
with open(sys.argv[1], "w") as f:
    for o in out:
        f.write(json.dumps(o) + "\n")
