#!/usr/bin/python3
"""CDNOW_sample.txt (master_id sample_id YYYYMMDD cds dollars) -> Shopify bulk JSONL orders.
The customer is the sample id (1..2357, the ids of the published summaries); each row is one
order at noon UTC with its dollar value as the order total, in a shop whose zone is UTC."""
import json
import sys

src, out = sys.argv[1], sys.argv[2]
with open(src) as f, open(out, "w") as o:
    o.write(json.dumps({"id": "gid://shopify/Shop/1", "ianaTimezone": "UTC", "currencyCode": "USD"}) + "\n")
    for n, line in enumerate(f, 1):
        parts = line.split()
        if not parts:
            continue
        _, sample_id, day, _, dollars = parts
        when = f"{day[:4]}-{day[4:6]}-{day[6:]}T12:00:00Z"
        o.write(json.dumps({
            "id": f"gid://shopify/Order/{n}", "processedAt": when, "createdAt": when, "updatedAt": when,
            "test": False, "customer": {"id": f"gid://shopify/Customer/{int(sample_id)}"},
            "totalPriceSet": {"shopMoney": {"amount": f"{float(dollars):.2f}", "currencyCode": "USD"}},
        }) + "\n")
