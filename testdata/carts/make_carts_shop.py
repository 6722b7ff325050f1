#!/usr/bin/python3
"""Writes a small shop whose abandoned checkouts cover every cart-recovery case, relative to
NOW = 2026-03-10T12:00:00Z. Usage: make_carts_shop.py OUT.jsonl"""
import json
import sys
from datetime import datetime, timedelta, timezone

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)
out = []


def t(delta):
    return (NOW - delta).strftime("%Y-%m-%dT%H:%M:%SZ")


def money(a):
    return {"shopMoney": {"amount": a, "currencyCode": "EUR"}}


out.append({"id": "gid://shopify/Shop/1", "ianaTimezone": "UTC", "currencyCode": "EUR"})
for pid, status, qty in [(1, "ACTIVE", 10), (2, "DRAFT", 10), (3, "ACTIVE", 0)]:
    out.append({"id": f"gid://shopify/Product/{pid}", "title": f"P{pid}", "handle": f"p{pid}", "status": status,
                "updatedAt": t(timedelta(days=100))})
    out.append({"id": f"gid://shopify/ProductVariant/{pid}0", "price": "20.00", "inventoryQuantity": qty,
                "inventoryItem": {"unitCost": {"amount": "5.00", "currencyCode": "EUR"}},
                "__parentId": f"gid://shopify/Product/{pid}"})


def customer(cid, state="SUBSCRIBED", tags=()):
    out.append({"id": f"gid://shopify/Customer/{cid}", "updatedAt": t(timedelta(days=50)), "tags": list(tags),
                "defaultEmailAddress": {"emailAddress": f"c{cid}@shop.test", "marketingState": state}})


def checkout(kid, cid, age, product=1, completed=None):
    k = {"id": f"gid://shopify/AbandonedCheckout/{kid}", "createdAt": t(age + timedelta(minutes=10)),
         "updatedAt": t(age), "completedAt": completed, "totalPriceSet": money("20.00"),
         "abandonedCheckoutUrl": f"https://shop.test/recover/{kid}"}
    if cid:
        k["customer"] = {"id": f"gid://shopify/Customer/{cid}"}
    out.append(k)
    out.append({"id": f"gid://shopify/AbandonedCheckoutLineItem/x{kid}?checkout={kid}&index=0", "quantity": 1,
                "product": {"id": f"gid://shopify/Product/{product}"},
                "variant": {"id": f"gid://shopify/ProductVariant/{product}0"},
                "originalUnitPriceSet": money("20.00"), "__parentId": f"gid://shopify/AbandonedCheckout/{kid}"})


def order(oid, cid, when):
    out.append({"id": f"gid://shopify/Order/{oid}", "processedAt": when, "updatedAt": when, "test": False,
                "customer": {"id": f"gid://shopify/Customer/{cid}"}, "email": f"c{cid}@shop.test",
                "totalPriceSet": money("20.00"), "discountCodes": []})


for cid in range(1, 12):
    customer(cid, "NOT_SUBSCRIBED" if cid == 4 else "SUBSCRIBED", ["test"] if cid == 11 else [])
checkout(1, 1, timedelta(hours=2))                       # step 1, new customer
order(100, 2, t(timedelta(days=40)))
checkout(2, 2, timedelta(hours=30))                      # step 2, returning
checkout(3, 3, timedelta(hours=80))                      # step 3, new: 10% off
checkout(4, 4, timedelta(hours=5))                       # no consent
checkout(5, 5, timedelta(hours=5), completed=t(timedelta(hours=4)))  # completed
checkout(6, 6, timedelta(hours=5), product=3)            # out of stock
checkout(7, 7, timedelta(hours=5))                       # ordered since
order(101, 7, t(timedelta(hours=3)))
checkout(8, None, timedelta(hours=5))                    # no email
checkout(9, 9, timedelta(days=8))                        # too old: not in the plan at all
checkout(10, 10, timedelta(minutes=30))                  # too recent
checkout(11, 11, timedelta(hours=5))                     # test customer
checkout(12, 1, timedelta(hours=6), product=2)           # only a draft product: unavailable

with open(sys.argv[1], "w") as f:
    for o in out:
        f.write(json.dumps(o) + "\n")
