#!/usr/bin/python3
"""Writes a small shop (Shopify bulk JSONL) whose customers cover every email campaign case,
relative to NOW = 2026-03-10T12:00:00Z. Usage: make_email_shop.py OUT.jsonl [--bulk N]

- cart recovery: checkouts 1-4 due (steps 1, 2, 3, 1) from customers with an ordinary, a hostile
  ("Bob\\r\\nBcc: all@x"), a script-tag and a non-ASCII first name; 5 without consent; 6 with an
  invalid address; 7 from reject-me@shop.test (the test SMTP server refuses it); 8 and 9 both from
  customer 8 (the frequency cap lets only one through at send time); --bulk N adds N
  more due checkouts (customers bulk1..N@shop.test) for the send and crash tests;
- winback: customer 50 (Wendy) bought every month through 2024 and not since: slipping away;
  51 the same without consent; 52 buys every month until now: active;
- refill: product 1 (Espresso Beans) is re-bought every 30 days by customers 60-63 (regular: a
  consumable); 60 is due now. Product 3 (Grinder) is bought twice by 64-66 at intervals of 100, 10
  and 300 days (irregular: durable), 64 is "due" by its median and must not get refill mail;
- cross-sell: 70 placed a first order (Espresso Beans) 15 days ago: Filter Paper, bought with the
  beans by 60-63, is recommended; 71 ordered again since; 72's first order is only 5 days old;
- background: customers 100-159 with one to six orders of mugs and kettles, so RFM quintiles and
  the customer value model have data.
"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)
out = []
order_id = [1000]
line_id = [1]


def t(delta):
    return (NOW - delta).strftime("%Y-%m-%dT%H:%M:%SZ")


def money(a):
    return {"shopMoney": {"amount": a, "currencyCode": "EUR"}}


out.append({"id": "gid://shopify/Shop/1", "name": "Test Roasters", "ianaTimezone": "UTC", "currencyCode": "EUR",
            "myshopifyDomain": "test-roasters.myshopify.com"})
PRODUCTS = {1: ("Espresso Beans", "500g", "12.00"), 2: ("Filter Paper", "Pack of 100", "4.50"),
            3: ("Burr Grinder", "Steel", "89.00"), 4: ("Ceramic Mug", "Sand", "14.00"),
            5: ("Gooseneck Kettle", "Black", "49.00"), 6: ("Old Blend", "250g", "9.00")}
for pid, (title, variant, price) in PRODUCTS.items():
    out.append({"id": f"gid://shopify/Product/{pid}", "title": title, "handle": title.lower().replace(" ", "-"),
                "status": "DRAFT" if pid == 6 else "ACTIVE", "updatedAt": t(timedelta(days=400)),
                "onlineStoreUrl": f"https://test-roasters.example/products/{title.lower().replace(' ', '-')}"})
    out.append({"id": f"gid://shopify/ProductVariant/{pid}0", "title": variant, "price": price,
                "inventoryQuantity": 50, "inventoryItem": {"unitCost": {"amount": "2.00", "currencyCode": "EUR"}},
                "__parentId": f"gid://shopify/Product/{pid}"})


def customer(cid, first, email=None, state="SUBSCRIBED"):
    out.append({"id": f"gid://shopify/Customer/{cid}", "firstName": first, "updatedAt": t(timedelta(days=500)),
                "createdAt": t(timedelta(days=800)), "tags": [],
                "defaultEmailAddress": {"emailAddress": email or f"c{cid}@shop.test", "marketingState": state}})


def order(cid, when, products):
    order_id[0] += 1
    oid = order_id[0]
    total = sum(float(PRODUCTS[p][2]) for p in products)
    out.append({"id": f"gid://shopify/Order/{oid}", "processedAt": when, "createdAt": when, "updatedAt": when,
                "test": False, "customer": {"id": f"gid://shopify/Customer/{cid}"}, "email": f"c{cid}@shop.test",
                "totalPriceSet": money("%.2f" % total), "totalDiscountsSet": money("0.00"), "discountCodes": []})
    for p in products:
        line_id[0] += 1
        out.append({"id": f"gid://shopify/LineItem/{line_id[0]}", "name": PRODUCTS[p][0], "quantity": 1,
                    "currentQuantity": 1, "product": {"id": f"gid://shopify/Product/{p}"},
                    "variant": {"id": f"gid://shopify/ProductVariant/{p}0"},
                    "originalUnitPriceSet": money(PRODUCTS[p][2]), "__parentId": f"gid://shopify/Order/{oid}"})


def checkout(kid, cid, age, product=1):
    out.append({"id": f"gid://shopify/AbandonedCheckout/{kid}", "createdAt": t(age + timedelta(minutes=10)),
                "updatedAt": t(age), "totalPriceSet": money(PRODUCTS[product][2]),
                "customer": {"id": f"gid://shopify/Customer/{cid}"},
                "abandonedCheckoutUrl": f"https://test-roasters.example/checkouts/{kid}/recover"})
    out.append({"id": f"gid://shopify/AbandonedCheckoutLineItem/x{kid}?checkout={kid}&index=0", "quantity": 2,
                "title": PRODUCTS[product][0], "variantTitle": PRODUCTS[product][1],
                "product": {"id": f"gid://shopify/Product/{product}"},
                "variant": {"id": f"gid://shopify/ProductVariant/{product}0"},
                "originalUnitPriceSet": money(PRODUCTS[product][2]),
                "__parentId": f"gid://shopify/AbandonedCheckout/{kid}"})


# cart recovery
customer(1, "Ann")
customer(2, "Bob\r\nBcc: all@x")
customer(3, "<script>alert(1)</script>")
customer(4, "Zoë")
customer(5, "Nora", state="NOT_SUBSCRIBED")
customer(6, "Ivan", email="not-an-email")
customer(7, "Rex", email="reject-me@shop.test")
checkout(1, 1, timedelta(hours=2))
checkout(2, 2, timedelta(hours=30))
checkout(3, 3, timedelta(hours=80))
checkout(4, 4, timedelta(hours=5), product=2)
checkout(5, 5, timedelta(hours=5))
checkout(6, 6, timedelta(hours=5))
checkout(7, 7, timedelta(hours=3))
customer(8, "Tess")  # two carts due at once: the send-time frequency cap lets one through
checkout(8, 8, timedelta(hours=4))
checkout(9, 8, timedelta(hours=6), product=2)
bulk = int(sys.argv[sys.argv.index("--bulk") + 1]) if "--bulk" in sys.argv else 0
for i in range(1, bulk + 1):
    customer(1000 + i, f"Bulk{i}", email=f"bulk{i}@shop.test")
    checkout(1000 + i, 1000 + i, timedelta(hours=2, minutes=i % 50))

# winback
customer(50, "Wendy")
customer(51, "Walt", state="NOT_SUBSCRIBED")
customer(52, "Vera")
for m in range(12):
    for cid in (50, 51):
        order(cid, t(timedelta(days=640 - 30 * m)), [4, 5])
for m in range(20):
    order(52, t(timedelta(days=600 - 30 * m)), [4])

# refill
for cid in (60, 61, 62, 63):
    customer(cid, f"Rita{cid}")
    start = 30 + (cid - 60) * 7  # 60's last purchase is 30 days old: due
    for k in range(6):
        order(cid, t(timedelta(days=start + 30 * k, hours=cid - 60)), [1, 2])
for cid, gaps in ((64, (100,)), (65, (10,)), (66, (300,))):
    customer(cid, f"Gus{cid}")
    last = 100 if cid == 64 else 40
    order(cid, t(timedelta(days=last)), [3])
    order(cid, t(timedelta(days=last + gaps[0])), [3])

# cross-sell
customer(70, "Xena")
order(70, t(timedelta(days=15)), [1])
customer(71, "Xavi")
order(71, t(timedelta(days=15)), [1])
order(71, t(timedelta(days=3)), [4])
customer(72, "Xeno")
order(72, t(timedelta(days=5)), [1])

# background
rng = random.Random(14)
for cid in range(100, 160):
    customer(cid, f"Pat{cid}")
    for _ in range(rng.randint(1, 6)):
        order(cid, t(timedelta(days=rng.randint(1, 700), hours=rng.randint(0, 23))), [rng.choice([4, 5])])

with open(sys.argv[1], "w") as f:
    for o in out:
        f.write(json.dumps(o) + "\n")
