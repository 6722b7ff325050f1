#!/usr/bin/python3
"""Writes a small shop for `audit` tests relative to NOW = 2026-06-01T12:00:00Z.
Usage: make_audit_shop.py clean|dirty OUT_DIR  ->  OUT_DIR/shop.jsonl, OUT_DIR/zendesk.json
'clean' triggers no warn/error finding; 'dirty' triggers every check at least once."""
import json
import os
import sys

kind, out = sys.argv[1], sys.argv[2]
dirty = kind == "dirty"
os.makedirs(out, exist_ok=True)
lines = [{"id": "gid://shopify/Shop/1", "ianaTimezone": "UTC", "currencyCode": "EUR"}]


def m(a):
    return {"shopMoney": {"amount": a, "currencyCode": "EUR"}}


def product(pid, title, price="10.00", compare=None, inventory=5, sku=None, media=True, alt="photo", desc="<p>Good</p>",
            seo=True):
    lines.append({"id": f"gid://shopify/Product/{pid}", "title": title, "handle": f"p{pid}", "status": "ACTIVE",
                  "updatedAt": "2026-01-01T00:00:00Z", "descriptionHtml": desc,
                  "seo": {"title": title, "description": title} if seo else {"title": None, "description": None}})
    lines.append({"id": f"gid://shopify/ProductVariant/{pid}0", "title": "Default Title", "price": price,
                  "compareAtPrice": compare, "inventoryQuantity": inventory, "sku": sku if sku is not None else f"SKU-{pid}",
                  "__parentId": f"gid://shopify/Product/{pid}"})
    if media:
        lines.append({"id": f"gid://shopify/MediaImage/{pid}9", "alt": alt, "mediaContentType": "IMAGE",
                      "__parentId": f"gid://shopify/Product/{pid}"})


def customer(cid, email, state="SUBSCRIBED", updated="2026-05-01T00:00:00Z"):
    lines.append({"id": f"gid://shopify/Customer/{cid}", "updatedAt": updated, "createdAt": updated,
                  "defaultEmailAddress": {"emailAddress": email, "marketingState": state}})


def order(oid, cid, at, product_id=1, qty=1, financial="PAID", fulfillment="FULFILLED", refunded="0.00", test=False):
    lines.append({"id": f"gid://shopify/Order/{oid}", "name": f"#{oid}", "processedAt": at, "updatedAt": at, "test": test,
                  "customer": {"id": f"gid://shopify/Customer/{cid}"}, "displayFinancialStatus": financial,
                  "displayFulfillmentStatus": fulfillment, "totalPriceSet": m("10.00"), "totalRefundedSet": m(refunded)})
    lines.append({"id": f"gid://shopify/LineItem/{oid}1", "quantity": qty, "product": {"id": f"gid://shopify/Product/{product_id}"},
                  "originalUnitPriceSet": m("10.00"), "__parentId": f"gid://shopify/Order/{oid}"})


product(1, "Coffee")
product(2, "Tea")
customer(1, "ann@example.com")
customer(2, "bo@example.com")
for i in range(30):
    order(100 + i, 1 + i % 2, f"2026-05-{1 + i % 28:02d}T10:00:00Z", product_id=1 + i % 2)
users = [{"id": 900, "email": "ann@example.com", "name": "Ann", "updated_at": "2026-05-01T00:00:00Z"},
         {"id": 901, "email": "agent@shop.example", "name": "Agent", "role": "agent", "updated_at": "2026-05-01T00:00:00Z"}]
tickets = [{"id": 1, "requester_id": 900, "status": "solved", "priority": "normal", "subject": "Where is my order?",
            "created_at": "2026-05-20T10:00:00Z", "updated_at": "2026-05-20T12:00:00Z"}]
metrics = [{"id": 501, "ticket_id": 1, "reply_time_in_minutes": {"calendar": 30}, "replies": 1,
            "solved_at": "2026-05-20T12:00:00Z", "updated_at": "2026-05-20T12:00:00Z"}]
ratings = []

if dirty:
    product(3, "No Image", media=False)
    product(4, "No Description", desc="")
    product(5, "No SEO", seo=False)
    product(6, "No Alt", alt=None)
    product(7, "Free", price="0.00")
    product(8, "Fake Sale", price="20.00", compare="20.00")
    product(9, "Oversold", inventory=-2)
    product(10, "No SKU", sku="")
    product(11, "Twin A", sku="DUP")
    product(12, "Twin B", sku="DUP")
    lines[:] = [l for l in lines if l.get("id") != "gid://shopify/ProductVariant/10"]
    lines.append({"id": "gid://shopify/ProductVariant/10", "title": "Default Title", "price": "10.00", "inventoryQuantity": 0,
                  "sku": "SKU-1", "__parentId": "gid://shopify/Product/1"})                     # best seller out of stock
    customer(3, "Ann@Example.com ")                                                              # duplicate of customer 1
    customer(4, "bo@@example.com")                                                               # invalid
    customer(5, "cy@example.com", state=None)                                                    # unknown consent
    customer(6, "old@example.com", updated="2020-01-01T00:00:00Z")                               # beyond retention
    order(200, 2, "2026-05-01T10:00:00Z", fulfillment="UNFULFILLED")                             # unfulfilled
    order(201, 2, "2026-05-02T10:00:00Z", refunded="10.00")                                      # refunds
    for i in range(5):
        order(210 + i, 1, f"2026-05-{3 + i:02d}T10:00:00Z", refunded="10.00")
    order(202, 2, "2026-05-03T10:00:00Z", test=True)                                             # test order
    lines.append({"id": "gid://shopify/Order/203", "processedAt": "2026-05-04T10:00:00Z", "test": False,
                  "totalPriceSet": m("10.00")})                                                   # guest order (completeness)
    tickets += [
        {"id": 2, "requester_id": 900, "status": "solved", "priority": "urgent", "subject": "Broken", "created_at": "2026-05-21T10:00:00Z",
         "updated_at": "2026-05-22T10:00:00Z"},
        {"id": 3, "requester_id": 900, "status": "open", "priority": "normal", "subject": "Refund?", "created_at": "2026-05-10T10:00:00Z",
         "updated_at": "2026-05-10T10:00:00Z"},
    ]
    metrics += [{"id": 502, "ticket_id": 2, "reply_time_in_minutes": {"calendar": 300}, "replies": 1,
                 "solved_at": "2026-05-22T10:00:00Z", "updated_at": "2026-05-22T10:00:00Z"}]
    ratings.append({"id": 1, "ticket_id": 2, "requester_id": 900, "score": "bad", "created_at": "2026-05-23T10:00:00Z",
                    "updated_at": "2026-05-23T10:00:00Z"})

with open(f"{out}/shop.jsonl", "w") as f:
    for l in lines:
        f.write(json.dumps(l) + "\n")
json.dump({"users": users}, open(f"{out}/users.json", "w"))
json.dump({"tickets": tickets, "metric_sets": metrics}, open(f"{out}/tickets.json", "w"))
json.dump({"satisfaction_ratings": ratings}, open(f"{out}/ratings.json", "w"))
