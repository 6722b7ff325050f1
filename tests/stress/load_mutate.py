#!/usr/bin/python3
"""The shop going on while it is synced (tests/stress/load.sh): new orders and customers, changed
orders, customers and products on the fake Shopify; new tickets, comments and status changes on the
fake Zendesk. Through the fakes' test control endpoints, a change every INTERVAL seconds until
STOP_FILE exists. Prints what it did, by kind, as one JSON object at the end.

  load_mutate.py --shopify URL --zendesk URL --stop-file F [--interval 0.5] [--seed N]"""
import argparse
import copy
import json
import os
import random
import time
import urllib.request
from datetime import datetime, timezone


def call(url, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.read()


def now_iso():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Shop:
    """What the mutator knows of the Shopify data: orders with their lines, customers, products."""

    def __init__(self, url):
        self.url = url
        self.orders, self.lines, self.customers, self.products = {}, {}, {}, {}
        for line in call(url + "/_fake/data.jsonl").decode().splitlines():
            o = json.loads(line)
            kind = o["id"].split("/")[3]
            if kind == "Order":
                self.orders[o["id"]] = o
            elif kind == "LineItem":
                self.lines.setdefault(o["__parentId"], []).append(o)
            elif kind == "Customer":
                self.customers[o["id"]] = o
            elif kind == "Product":
                self.products[o["id"]] = o
        self.next_id = 9 * 10 ** 11

    def new_id(self, kind):
        self.next_id += 1
        return f"gid://shopify/{kind}/{self.next_id}"

    def put(self, objects):
        call(self.url + "/_fake/objects", {"objects": objects})

    def new_order(self, rng):
        template = self.orders[rng.choice(sorted(self.orders))]
        order = copy.deepcopy(template)
        order.update(id=self.new_id("Order"), name=f"#L{self.next_id}", createdAt=now_iso(), processedAt=now_iso(),
                     closedAt=None, cancelledAt=None, refunds=[])
        zero = {"shopMoney": {"amount": "0.00", "currencyCode": order["currencyCode"]}}
        order.update(totalRefundedSet=zero, totalRefundedShippingSet=zero)
        lines = []
        for line in self.lines.get(template["id"], []):
            line = dict(copy.deepcopy(line), id=self.new_id("LineItem"), __parentId=order["id"])
            line["currentQuantity"] = line.get("quantity")
            lines.append(line)
        self.put([order] + lines)
        self.orders[order["id"]], self.lines[order["id"]] = order, lines

    def new_customer(self, rng):
        customer = copy.deepcopy(self.customers[rng.choice(sorted(self.customers))])
        customer.update(id=self.new_id("Customer"), firstName="Load", lastName=str(self.next_id), createdAt=now_iso())
        if customer.get("defaultEmailAddress"):
            customer["defaultEmailAddress"]["emailAddress"] = f"load{self.next_id}@example.com"
        self.put([customer])
        self.customers[customer["id"]] = customer

    def change(self, rng, table, field, value):
        o = table[rng.choice(sorted(table))]
        o[field] = value
        self.put([o])


class Desk:
    """What the mutator knows of the Zendesk data: ticket and user ids."""

    def __init__(self, url):
        self.url = url
        self.tickets = [t["id"] for t in json.loads(call(url + "/_fake/data/tickets.json"))["tickets"]
                        if t.get("status") not in ("deleted", "closed")]
        self.users = [u["id"] for u in json.loads(call(url + "/_fake/data/users.json"))["users"]]
        self.next_id = 900000

    def touch(self, patch):
        call(self.url + "/_fake/tickets", patch)

    def new_ticket(self, rng):
        self.next_id += 1
        requester = rng.choice(self.users)
        self.touch({"id": self.next_id, "subject": f"Load ticket {self.next_id}", "description": "Where is my order?",
                    "status": "new", "priority": "normal", "type": "question", "requester_id": requester,
                    "submitter_id": requester, "tags": ["load"], "via": {"channel": "email"},
                    "comment": {"body": "Where is my order?", "public": True, "author_id": requester}})
        self.tickets.append(self.next_id)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--shopify", required=True)
    p.add_argument("--zendesk", required=True)
    p.add_argument("--stop-file", required=True)
    p.add_argument("--interval", type=float, default=0.5)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    rng = random.Random(args.seed)
    shop, desk = Shop(args.shopify), Desk(args.zendesk)
    n = 0
    actions = [
        ("new order", lambda: shop.new_order(rng)),
        ("new customer", lambda: shop.new_customer(rng)),
        ("changed order", lambda: shop.change(rng, shop.orders, "tags", [f"load-{rng.randrange(10 ** 6)}"])),
        ("changed customer", lambda: shop.change(rng, shop.customers, "tags", [f"load-{rng.randrange(10 ** 6)}"])),
        ("changed product", lambda: shop.change(rng, shop.products, "title", f"Load product {rng.randrange(10 ** 6)}")),
        ("new ticket", lambda: desk.new_ticket(rng)),
        ("new comment", lambda: desk.touch({"id": rng.choice(desk.tickets), "comment": {
            "body": f"Any news? ({rng.randrange(10 ** 6)})", "public": True, "author_id": rng.choice(desk.users)}})),
        ("ticket status", lambda: desk.touch({"id": rng.choice(desk.tickets), "status": rng.choice(["open", "pending", "solved"])})),
    ]
    done = {}
    while not os.path.exists(args.stop_file):
        name, action = rng.choice(actions)
        action()
        done[name] = done.get(name, 0) + 1
        n += 1
        time.sleep(args.interval * rng.uniform(0.5, 1.5))
    print(json.dumps(done, sort_keys=True))


if __name__ == "__main__":
    main()
