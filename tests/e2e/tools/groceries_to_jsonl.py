#!/usr/bin/python3
"""groceries.csv (one basket a line, items comma-separated) -> Shopify bulk JSONL: one active
product per distinct item (title = the item text exactly, trailing spaces kept), one order per
basket with a line item per item, all on 2026-01-01."""
import json
import sys

src, out = sys.argv[1], sys.argv[2]
products = {}
with open(src) as f:
    baskets = [line.rstrip("\r\n").split(",") for line in f if line.strip()]
with open(out, "w") as o:
    o.write(json.dumps({"id": "gid://shopify/Shop/1", "ianaTimezone": "UTC", "currencyCode": "USD"}) + "\n")
    for basket in baskets:
        for item in basket:
            if item not in products:
                pid = len(products) + 1
                products[item] = pid
                o.write(json.dumps({"id": f"gid://shopify/Product/{pid}", "title": item, "handle": f"item-{pid}",
                                    "status": "ACTIVE", "updatedAt": "2026-01-01T00:00:00Z"}) + "\n")
                o.write(json.dumps({"id": f"gid://shopify/ProductVariant/{pid}", "price": "1.00", "inventoryQuantity": None,
                                    "__parentId": f"gid://shopify/Product/{pid}"}) + "\n")
    line_id = 0
    for n, basket in enumerate(baskets, 1):
        o.write(json.dumps({"id": f"gid://shopify/Order/{n}", "processedAt": "2026-01-01T10:00:00Z", "test": False,
                            "totalPriceSet": {"shopMoney": {"amount": "1.00", "currencyCode": "USD"}}}) + "\n")
        for item in basket:
            line_id += 1
            o.write(json.dumps({"id": f"gid://shopify/LineItem/{line_id}", "title": item, "quantity": 1,
                                "product": {"id": f"gid://shopify/Product/{products[item]}"},
                                "__parentId": f"gid://shopify/Order/{n}"}) + "\n")
