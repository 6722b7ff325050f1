#!/usr/bin/python3
"""A fake Shopify Admin API on 127.0.0.1 for end-to-end tests, speaking the real protocol:
GraphQL connections with cursors, pageInfo and `query:` filters on updated_at, sortKey UPDATED_AT,
nested connections with their own pages (node(id:) follow-ups), a leaky-bucket cost limit with
extensions.cost.throttleStatus and THROTTLED answers, the client-credentials token endpoint, and
switchable faults. Data: the bulk-JSONL files `import shopify` reads.

  shopify_fake.py --data FILE... [--port-file F] [--restore-rate 100] [--maximum 1000]
      [--token T] [--client-id I --client-secret S] [--fault KIND:EVERY ...] [--log F]
Faults (every Nth GraphQL request): throttle, 429, 500, slow (sleeps past the client timeout), cut
(a body cut off mid-way), expire (the token stops working once; with client credentials a new one
must be fetched)."""
import argparse
import base64
import json
import re
import threading
import time
from http.server import ThreadingHTTPServer

from fake_http import FaultSchedule, JsonHandler

CONNECTIONS = {"customers": "Customer", "orders": "Order", "products": "Product", "abandonedCheckouts": "AbandonedCheckout"}
CHILD_FIELD = {"LineItem": "lineItems", "ProductVariant": "variants", "MediaImage": "media", "Video": "media",
               "ExternalVideo": "media", "Model3d": "media", "AbandonedCheckoutLineItem": "lineItems"}


def gid_type(gid):
    return gid.split("/")[3]


class Store:
    def __init__(self, files):
        self.objects = {}  # gid -> object (without children)
        self.children = {}  # parent gid -> field -> [child]
        self.shop = None
        for name in files:
            with open(name) as f:
                for line in f:
                    if not line.strip():
                        continue
                    o = json.loads(line)
                    parent = o.pop("__parentId", None)
                    if parent:
                        self.children.setdefault(parent, {}).setdefault(CHILD_FIELD[gid_type(o["id"])], []).append(o)
                    elif gid_type(o["id"]) == "Shop":
                        self.shop = o
                    else:
                        self.objects[o["id"]] = o

    def of_type(self, type_name):
        return [o for o in self.objects.values() if gid_type(o["id"]) == type_name]


class Bucket:
    def __init__(self, maximum, restore_rate):
        self.maximum, self.rate, self.available, self.at = maximum, restore_rate, maximum, time.monotonic()
        self.lock = threading.Lock()

    def take(self, requested, actual):
        with self.lock:
            now = time.monotonic()
            self.available = min(self.maximum, self.available + (now - self.at) * self.rate)
            self.at = now
            if requested > self.available:
                return False
            self.available -= actual
            return True

    def status(self):
        return {"maximumAvailable": self.maximum, "currentlyAvailable": round(self.available), "restoreRate": self.rate}


def page(items, first, after):
    start = int(base64.b64decode(after).decode()) if after else 0
    chunk = items[start:start + first]
    end = start + len(chunk)
    cursor = base64.b64encode(str(end).encode()).decode()
    return chunk, {"hasNextPage": end < len(items), "endCursor": cursor if chunk else after}


def nested_first(query, field):
    m = re.search(field + r"\(first: (\d+)\)", query)
    return int(m.group(1)) if m else 0


class Fake:
    def __init__(self, args):
        self.store = Store(args.data)
        self.bucket = Bucket(args.maximum, args.restore_rate)
        self.args = args
        self.schedule = FaultSchedule(args.fault, not_per_request=("bulk",))
        self.faults = self.schedule.kinds
        self.bulk_ops = []
        self.busy_answers = 0
        self.port = 0
        self.expired_tokens = set()
        self.issued = 0
        self.lock = threading.Lock()
        self.log = open(args.log, "a") if args.log else None

    def record(self, text):
        if self.log:
            self.log.write(text + "\n")
            self.log.flush()

    def fault_now(self):
        return self.schedule.next()

    def token_ok(self, token):
        if self.args.client_id:
            return token.startswith("issued-") and token not in self.expired_tokens
        return token == self.args.token

    def connection(self, name, variables, query):
        type_name = CONNECTIONS[name]
        items = self.store.of_type(type_name)
        filt = variables.get("query") or ""
        m = re.search(r"updated_at:>='([^']+)'", filt)
        if m:
            items = [o for o in items if (o.get("updatedAt") or "") >= m.group(1)]
        if "sortKey: UPDATED_AT" in query:
            items.sort(key=lambda o: (o.get("updatedAt") or "", int(o["id"].split("/")[-1])))
        else:
            items.sort(key=lambda o: int(o["id"].split("/")[-1]))
        if re.search(r"nodes \{ id \} \}", query) and name == "products":
            chunk, info = page(items, variables["first"], variables.get("after"))
            return {"pageInfo": info, "nodes": [{"id": o["id"]} for o in chunk]}, len(chunk)
        chunk, info = page(items, variables["first"], variables.get("after"))
        nodes, cost = [], 0
        for o in chunk:
            node = dict(o)
            for field in ("lineItems", "variants", "media"):
                first = nested_first(query, field)
                if first:
                    kids = self.store.children.get(o["id"], {}).get(field, [])
                    kid_chunk, kid_info = page(kids, first, None)
                    node[field] = {"pageInfo": kid_info, "nodes": kid_chunk}
                    cost += len(kid_chunk)
            nodes.append(node)
            cost += 1
        return {"pageInfo": info, "nodes": nodes}, cost + 1

    def node(self, variables, query):
        field = re.search(r"\{ (lineItems|variants|media)\(first: \$first", query).group(1)
        kids = self.store.children.get(variables["id"], {}).get(field, [])
        chunk, info = page(kids, variables["first"], variables.get("after"))
        return {"node": {field: {"pageInfo": info, "nodes": chunk}}}, len(chunk) + 1

    # Bulk operations: a job per bulkOperationRunQuery, RUNNING for two polls, then COMPLETED with
    # a JSONL download on this server (or FAILED with partial data under the "bulkfail" fault).
    def run_bulk(self, variables):
        if self.faults.get("bulkbusy") and self.busy_answers < self.faults["bulkbusy"]:
            self.busy_answers += 1
            return {"bulkOperationRunQuery": {"bulkOperation": None, "userErrors": [
                {"field": None, "message": "A bulk query operation for this app and shop is already in progress", "code": "OPERATION_IN_PROGRESS"}]}}
        connection = re.search(r"\{ (\w+) \{ edges", variables["query"]).group(1)
        with self.lock:
            self.bulk_ops.append({"connection": connection, "polls": 0})
            n = len(self.bulk_ops)
        return {"bulkOperationRunQuery": {"bulkOperation": {"id": f"gid://shopify/BulkOperation/{n}", "status": "CREATED"}, "userErrors": []}}

    def poll_bulk(self, variables):
        n = int(variables["id"].split("/")[-1])
        op = self.bulk_ops[n - 1]
        op["polls"] += 1
        node = {"id": variables["id"], "status": "RUNNING", "errorCode": None, "objectCount": "0", "fileSize": None,
                "url": None, "partialDataUrl": None}
        if op["polls"] >= 3:
            lines = self.bulk_lines(op["connection"])
            node["objectCount"] = str(len(lines))
            if "bulkfail" in self.faults:
                node.update(status="FAILED", errorCode="INTERNAL_SERVER_ERROR",
                            partialDataUrl=f"http://127.0.0.1:{self.port}/bulk/{n}.jsonl?partial=1")
            else:
                node.update(status="COMPLETED", url=f"http://127.0.0.1:{self.port}/bulk/{n}.jsonl" if lines else None)
        return {"node": node}

    def bulk_lines(self, connection, partial=False):
        lines = []
        items = sorted(self.store.of_type(CONNECTIONS[connection]), key=lambda o: int(o["id"].split("/")[-1]))
        if partial:
            items = items[: len(items) // 2]
        for o in items:
            lines.append(json.dumps(o))
            for field, kids in self.store.children.get(o["id"], {}).items():
                for k in kids:
                    lines.append(json.dumps(dict(k, __parentId=o["id"])))
        return lines

    def graphql(self, body):
        query, variables = body["query"], body.get("variables") or {}
        if "bulkOperationRunQuery" in query:
            return self.run_bulk(variables), 10, 10
        if "on BulkOperation" in query:
            return self.poll_bulk(variables), 1, 1
        if "shop {" in query:
            return {"shop": self.store.shop or {"id": "gid://shopify/Shop/1", "ianaTimezone": "UTC", "currencyCode": "USD"}}, 1, 1
        if "node(id: $id)" in query:
            data, actual = self.node(variables, query)
            return data, variables["first"] + 2, actual
        name = re.search(r"\{ (\w+)\(first: \$first", query).group(1)
        first = variables["first"]
        requested = 2 + first * (1 + sum(2 + nested_first(query, f) for f in ("lineItems", "variants", "media") if nested_first(query, f)))
        conn, actual = self.connection(name, variables, query)
        return {name: conn}, requested, actual


def make_handler(fake):
    class Handler(JsonHandler):
        extra_headers = {"X-Shopify-API-Version": "2026-10"}

        def do_GET(self):
            m = re.match(r"^/bulk/(\d+)\.jsonl(\?partial=1)?$", self.path)
            if not m:
                return self.reply(404, {"errors": "Not Found"})
            op = fake.bulk_ops[int(m.group(1)) - 1]
            data = ("\n".join(fake.bulk_lines(op["connection"], partial=bool(m.group(2)))) + "\n").encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/jsonl")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length) or b"{}")
            if self.path == "/admin/oauth/access_token":
                if body.get("client_id") == fake.args.client_id and body.get("client_secret") == fake.args.client_secret:
                    fake.issued += 1
                    return self.reply(200, {"access_token": f"issued-{fake.issued}", "scope": "read_orders", "expires_in": 86399})
                return self.reply(400, {"error": "invalid_client"})
            if not re.match(r"^/admin/api/[\w-]+/graphql\.json$", self.path):
                return self.reply(404, {"errors": "Not Found"})
            token = self.headers.get("X-Shopify-Access-Token", "")
            if not fake.token_ok(token):
                return self.reply(401, {"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"})
            fault = fake.fault_now()
            fake.record(f"request fault={fault}")
            if fault == "expire":
                fake.expired_tokens.add(token)
                return self.reply(401, {"errors": "[API] Invalid API key or access token"})
            if fault == "429":
                return self.reply(429, {"errors": "Exceeded 2 calls per second for api client."}, {"Retry-After": "1.0"})
            if fault == "500":
                return self.reply(500, {"errors": "Internal Server Error"})
            if fault == "slow":
                time.sleep(fake.args.slow_seconds)
            data, requested, actual = fake.graphql(body)
            cost = {"requestedQueryCost": requested, "actualQueryCost": actual}
            if fault == "throttle" or not fake.bucket.take(requested, actual):
                fake.record("THROTTLED")
                return self.reply(200, {"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED", "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
                                        "extensions": {"cost": {"requestedQueryCost": requested, "actualQueryCost": None, "throttleStatus": fake.bucket.status()}}})
            cost["throttleStatus"] = fake.bucket.status()
            fake.record(f"ok actual={actual} at={time.monotonic():.3f}")
            self.reply(200, {"data": data, "extensions": {"cost": cost}}, cut=(fault == "cut"))

    return Handler


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", nargs="+", required=True)
    p.add_argument("--port-file")
    p.add_argument("--restore-rate", type=float, default=100)
    p.add_argument("--maximum", type=float, default=1000)
    p.add_argument("--token", default="shpat_test")
    p.add_argument("--client-id")
    p.add_argument("--client-secret")
    p.add_argument("--fault", action="append", default=[])
    p.add_argument("--slow-seconds", type=float, default=3)
    p.add_argument("--log")
    args = p.parse_args()
    fake = Fake(args)
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(fake))
    port = server.server_address[1]
    fake.port = port
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as f:
            f.write(str(port))
        import os
        os.rename(args.port_file + ".tmp", args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
