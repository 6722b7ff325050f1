#!/usr/bin/python3
"""A fake Shopify Admin API on 127.0.0.1 for end-to-end tests, speaking the real protocol and
behaving as the real service does where our own code could assume otherwise:
- GraphQL parsed for real: answers hold exactly the fields asked for (a field the sync does not ask
  for is not in its store), connections with cursors, pageInfo, `query:` filters on updated_at,
  sortKey UPDATED_AT, nested connections with their own pages (node(id:) follow-ups), inline lists
  with `first` (an order's refunds), LineItem.discountedTotalSet without code discounts unless
  `withCodeDiscounts: true`;
- the requested cost by Shopify's documented rules, MAX_COST_EXCEEDED above the single-query limit,
  a leaky bucket with extensions.cost.throttleStatus and THROTTLED answers naming requestedQueryCost;
- the customers `updated_at` filter matched by whole days in the shop's time zone;
- access scopes: ACCESS_DENIED without them, orders older than 60 days hidden without
  read_all_orders, currentAppInstallation.accessScopes; the client-credentials token endpoint
  (scope, expires_in; tokens that really expire);
- bulk operations: jobs (createdAt on the fake's clock), polling, JSONL downloads projected on the
  bulk query, bulkOperations / currentBulkOperation, bulkOperationCancel, a concurrency limit.
Data: the bulk-JSONL files `import shopify` reads.

  shopify_fake.py --data FILE... [--port-file F] [--restore-rate 100] [--maximum 1000] [--max-cost 1000]
      [--extra-cost N] [--token T] [--client-id I --client-secret S] [--token-ttl S] [--scopes LIST]
      [--hide-old-orders] [--clock ISO] [--bulk-concurrency 5] [--fault KIND:EVERY ...] [--log F]
      [--tls-cert PEM --tls-key PEM] [--redirect-to URL]
Faults (every Nth GraphQL request): throttle, 429, 500, internal (INTERNAL_SERVER_ERROR in a 200
body), slow (sleeps past the client timeout), cut (a body cut off mid-way), expire (the token stops
working once). Bulk faults: bulkbusy:N and bulklimit:N (the first N starts refused with
OPERATION_IN_PROGRESS / LIMIT_REACHED), bulkfail (every job FAILED with partial data), bulkflaky:N
(the first N jobs FAILED with INTERNAL_SERVER_ERROR), bulkstuck (jobs never finish), bulkslow (each
download pauses half-way for --slow-seconds), bulkrace (two
objects change while the job runs: one before the job reads it, one after). A fault given as KIND:P%
comes at random with probability P (load tests).
Test control (no auth, no faults): POST /_fake/objects with {"objects": [...]} adds or replaces
objects in the data's JSONL shape (children with __parentId), top-level ones with updatedAt = the
fake's now; GET /_fake/data.jsonl answers the data as it is now, in the same shape (for `import
shopify`); POST /_fake/faults with {"enabled": false} switches the faults off, and says (as GET does)
how many of each were given."""
import argparse
import base64
import json
import os
import re
import threading
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from http.server import ThreadingHTTPServer
from zoneinfo import ZoneInfo

import graphql
from fake_http import FaultSchedule, JsonHandler, serve

CONNECTIONS = {"customers": "Customer", "orders": "Order", "products": "Product", "abandonedCheckouts": "AbandonedCheckout"}
CHILD_FIELD = {"LineItem": "lineItems", "ProductVariant": "variants", "MediaImage": "media", "Video": "media",
               "ExternalVideo": "media", "Model3d": "media", "AbandonedCheckoutLineItem": "lineItems"}
SCOPE_OF = {"customers": "read_customers", "orders": "read_orders", "abandonedCheckouts": "read_orders",
            "products": "read_products", "inventoryItem": "read_inventory"}


def gid_type(gid):
    return gid.split("/")[3]


def gid_number(gid):
    return int(gid.split("/")[-1].split("?")[0]) if gid.split("/")[-1].split("?")[0].isdigit() else 0


def parse_time(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def iso(t):
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


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

    def put(self, o):
        """Adds or replaces one object (a child by its id within its parent's list)."""
        o = dict(o)
        parent = o.pop("__parentId", None)
        if parent:
            kids = self.children.setdefault(parent, {}).setdefault(CHILD_FIELD[gid_type(o["id"])], [])
            kids[:] = [k for k in kids if k["id"] != o["id"]] + [o]
        elif gid_type(o["id"]) == "Shop":
            self.shop = o
        else:
            self.objects[o["id"]] = o

    def jsonl(self):
        lines = [json.dumps(self.shop)] if self.shop else []
        for gid, o in self.objects.items():
            lines.append(json.dumps(o))
            for kids in self.children.get(gid, {}).values():
                lines.extend(json.dumps(dict(k, __parentId=gid)) for k in kids)
        return "\n".join(lines) + "\n"

    def of_type(self, type_name):
        return [o for o in self.objects.values() if gid_type(o["id"]) == type_name]

    def zone(self):
        return ZoneInfo((self.shop or {}).get("ianaTimezone") or "UTC")


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


class AccessDenied(Exception):
    def __init__(self, field, scope):
        super().__init__(f"Access denied for {field} field. Required access: `{scope}` access scope.")
        self.scope = scope


class CostTooHigh(Exception):
    pass


class Fake:
    def __init__(self, args):
        self.store = Store(args.data)
        self.bucket = Bucket(args.maximum, args.restore_rate)
        self.args = args
        self.schedule = FaultSchedule(args.fault, not_per_request=("bulk",))
        self.faults = self.schedule.kinds
        self.scopes = set(s for s in (args.scopes or "").split(",") if s) if args.scopes is not None else None
        self.bulk_ops = []
        self.busy_answers = 0
        self.failed_jobs = 0
        self.port = 0
        self.issued = {}  # token -> expiry (monotonic) or None
        self.expired_tokens = set()
        self.lock = threading.Lock()
        self.data_lock = threading.RLock()  # the data, changed through /_fake/objects while queries read it
        self.log = open(args.log, "a") if args.log else None
        self.started = time.monotonic()
        self.clock = parse_time(args.clock) if args.clock else None

    def now(self):
        if self.clock:
            return self.clock + timedelta(seconds=time.monotonic() - self.started)
        return datetime.now(timezone.utc)

    def record(self, text):
        if self.log:
            with self.lock:
                self.log.write(text + "\n")
                self.log.flush()

    def granted(self, scope):
        if self.scopes is None:
            return True
        return scope in self.scopes or scope.replace("read_", "write_") in self.scopes

    def token_ok(self, token):
        if self.args.client_id:
            if token not in self.issued or token in self.expired_tokens:
                return False
            expiry = self.issued[token]
            return expiry is None or time.monotonic() < expiry
        return token == self.args.token

    # -- data as a query sees it ------------------------------------------------------------------

    def visible(self, type_name):
        items = self.store.of_type(type_name)
        if type_name == "Order" and (self.args.hide_old_orders or not self.granted("read_all_orders")):
            wall = self.now() - timedelta(days=60)
            items = [o for o in items if parse_time(o["createdAt"]) >= wall]
        return items

    def matches(self, name, obj, filt):
        m = re.search(r"updated_at:>='?([^' ]+)'?", filt or "")
        if not m:
            return True
        value, updated = m.group(1), obj.get("updatedAt")
        if not updated:
            return False
        if name == "customers":
            # Shopify matches the customers filter by whole days, in the shop's zone: the time of
            # day in the value is not used.
            day = datetime.fromisoformat(value[:10]).replace(tzinfo=self.store.zone())
            return parse_time(updated) >= day
        return parse_time(updated) >= parse_time(value)

    def check_scopes(self, fields, path=()):
        for f in graphql.flat(fields):
            scope = SCOPE_OF.get(f.name)
            if scope and not self.granted(scope):
                raise AccessDenied(f.name, scope)
            if f.selections:
                self.check_scopes(f.selections, path + (f.name,))

    def hook(self, variables):
        """Field values the data does not hold as such: child connections, and discountedTotalSet
        without code discounts."""
        def value(obj, field):
            if field.name == "defaultEmailAddress" and "defaultEmailAddress" not in obj and obj.get("email"):
                # Data in the older shape (email, emailMarketingConsent): the API of today answers
                # in the new one all the same.
                consent = obj.get("emailMarketingConsent") or {}
                return {"emailAddress": obj["email"], "marketingState": consent.get("marketingState"),
                        "marketingOptInLevel": consent.get("marketingOptInLevel"),
                        "marketingUpdatedAt": consent.get("consentUpdatedAt")}
            nested = obj.get(field.name)
            if isinstance(nested, dict) and field.selections and nested.get("id") in self.store.objects:
                return self.store.objects[nested["id"]]  # a reference resolves to the whole object
            if field.name in ("lineItems", "variants", "media") and graphql.nodes_of(field) is not None:
                kids = self.store.children.get(obj.get("id"), {}).get(field.name, [])
                first = graphql.arg(field, "first", variables) or 0
                chunk, info = page(kids, first, graphql.arg(field, "after", variables))
                node = graphql.nodes_of(field)
                parent = obj
                return {"pageInfo": info, "nodes": [self.line(parent, k, node.selections, variables) for k in chunk]}
            return NotImplemented
        return value

    def line(self, parent, kid, selections, variables):
        shown = graphql.project(kid, selections, variables)
        sel = {f.name: f for f in graphql.flat(selections)}
        f = sel.get("discountedTotalSet")
        if f is not None and gid_type(kid["id"]) == "LineItem" and graphql.arg(f, "withCodeDiscounts", variables) is not True:
            # Without withCodeDiscounts Shopify leaves code discounts out: the data's lines carry
            # them (in the generator, every line discount comes from a code).
            if parent.get("discountCodes") and kid.get("originalUnitPriceSet"):
                money = kid["originalUnitPriceSet"]["shopMoney"]
                total = Decimal(money["amount"]) * int(kid.get("quantity") or 0)
                shown["discountedTotalSet"] = graphql.project(
                    {"shopMoney": {"amount": f"{total:.2f}", "currencyCode": money["currencyCode"]}}, f.selections, variables)
        return shown

    # -- queries ----------------------------------------------------------------------------------

    def connection(self, field, variables):
        name = field.name
        items = [o for o in self.visible(CONNECTIONS[name]) if self.matches(name, o, graphql.arg(field, "query", variables))]
        if graphql.arg(field, "sortKey", variables) == "UPDATED_AT":
            items.sort(key=lambda o: (parse_time(o["updatedAt"]) if o.get("updatedAt") else datetime.min.replace(tzinfo=timezone.utc), gid_number(o["id"])))
        else:
            items.sort(key=lambda o: gid_number(o["id"]))
        first = graphql.arg(field, "first", variables) or 0
        chunk, info = page(items, first, graphql.arg(field, "after", variables))
        node = graphql.nodes_of(field)
        hook = self.hook(variables)
        nodes = [graphql.project(o, node.selections, variables, hook) for o in chunk]
        return {"pageInfo": info, "nodes": nodes}

    def node(self, field, variables):
        gid = graphql.arg(field, "id", variables)
        if gid_type(gid) == "BulkOperation":
            return self.poll_bulk(gid, field, variables)
        obj = self.store.objects.get(gid)
        if obj is None:
            return None
        return graphql.project(obj, field.selections, variables, self.hook(variables))

    def graphql(self, body):
        query, variables = body["query"], body.get("variables") or {}
        kind, fields = graphql.parse(query)
        requested = graphql.requested_cost(kind, fields, variables)
        if kind == "query":
            requested += self.args.extra_cost * sum(
                (graphql.arg(f, "first", variables) or 0) for f in fields if f.name in CONNECTIONS)
        if requested > self.args.max_cost:
            raise CostTooHigh(requested)
        self.check_scopes(fields)
        data = {}
        for f in fields:
            if f.name == "bulkOperationRunQuery":
                data[f.key] = self.run_bulk(graphql.arg(f, "query", variables))
            elif f.name == "bulkOperationCancel":
                data[f.key] = self.cancel_bulk(graphql.arg(f, "id", variables))
            elif f.name == "bulkOperations":
                data[f.key] = {"nodes": [self.job_view(op, graphql.nodes_of(f).selections, variables)
                                         for op in reversed(self.bulk_ops)][:graphql.arg(f, "first", variables) or 10]}
            elif f.name == "currentBulkOperation":
                op = self.bulk_ops[-1] if self.bulk_ops else None
                data[f.key] = self.job_view(op, f.selections, variables) if op else None
            elif f.name == "shop":
                shop = self.store.shop or {"id": "gid://shopify/Shop/1", "ianaTimezone": "UTC", "currencyCode": "USD"}
                data[f.key] = graphql.project(shop, f.selections, variables)
            elif f.name == "currentAppInstallation":
                scopes = sorted(self.scopes) if self.scopes is not None else ["read_customers", "read_products", "read_inventory", "read_orders", "read_all_orders"]
                data[f.key] = graphql.project({"accessScopes": [{"handle": s} for s in scopes]}, f.selections, variables)
            elif f.name == "node":
                data[f.key] = self.node(f, variables)
            elif f.name in CONNECTIONS:
                data[f.key] = self.connection(f, variables)
            else:
                raise ValueError(f"Field '{f.name}' doesn't exist on type 'QueryRoot'")
        actual = 10 if kind == "mutation" else graphql.actual_cost(fields, data)
        return data, requested, min(requested, actual)

    # -- bulk operations --------------------------------------------------------------------------

    def running(self):
        for op in self.bulk_ops:  # a cancellation takes a moment
            if op["status"] == "CANCELING" and time.monotonic() - op["canceled_at"] > 0.3:
                op["status"] = "CANCELED"
        return [op for op in self.bulk_ops if op["status"] in ("CREATED", "RUNNING", "CANCELING")]

    def run_bulk(self, query):
        limit_code = "LIMIT_REACHED" if self.args.api_version >= "2026-01" else "OPERATION_IN_PROGRESS"
        for kind, code in (("bulkbusy", "OPERATION_IN_PROGRESS"), ("bulklimit", "LIMIT_REACHED")):
            if self.faults.get(kind) and self.busy_answers < self.faults[kind]:
                self.busy_answers += 1
                return self.bulk_refused(code)
        if len(self.running()) >= self.args.bulk_concurrency:
            return self.bulk_refused(limit_code)
        _, fields = graphql.parse(query)
        with self.lock:
            n = len(self.bulk_ops) + 1
            op = {"id": f"gid://shopify/BulkOperation/{n}", "n": n, "query": query, "fields": fields, "polls": 0,
                  "status": "CREATED", "createdAt": iso(self.now()), "fail": None}
            if "bulkstuck" in self.faults and (self.faults["bulkstuck"] == 0 or n <= self.faults["bulkstuck"]):
                op["stuck"] = True
            if "bulkfail" in self.faults:
                op["fail"] = "INTERNAL_SERVER_ERROR"
            elif self.faults.get("bulkflaky") and self.failed_jobs < self.faults["bulkflaky"]:
                self.failed_jobs += 1
                op["fail"] = "INTERNAL_SERVER_ERROR"
            if "bulkrace" in self.faults:
                self.race(fields)
            op["lines"] = self.bulk_lines(fields)  # the job reads the shop as it is now
            if "bulkrace" in self.faults:
                self.race_after(op)
            self.bulk_ops.append(op)
        self.record(f"bulk start {op['id']}")
        return {"bulkOperation": {"id": op["id"], "status": "CREATED"}, "userErrors": []}

    def bulk_refused(self, code):
        message = ("A bulk query operation for this app and shop is already in progress" if code == "OPERATION_IN_PROGRESS"
                   else "Bulk operations limit reached. Please try again later.")
        self.record(f"bulk refused {code}")
        return {"bulkOperation": None, "userErrors": [{"field": None, "message": message, "code": code}]}

    def race(self, fields):
        """Two objects change while the job runs: X before the job reads it (the file has its old
        version), Y after X and before the job reads Y (the file has Y's new version, newer than X's)."""
        connection = graphql.flat(fields)[0].name
        items = sorted(self.visible(CONNECTIONS[connection]), key=lambda o: gid_number(o["id"]))
        self.race_x, self.race_y = items[0], items[-1]
        self.race_old_x = dict(self.race_x)
        start = self.now()
        self.race_x.update(updatedAt=iso(start + timedelta(seconds=1)), name="#RACE-X")
        self.race_y.update(updatedAt=iso(start + timedelta(minutes=20)), name="#RACE-Y")

    def race_after(self, op):
        old = json.dumps(graphql.project(self.race_old_x, graphql.nodes_of(graphql.flat(op["fields"])[0]).selections, {}))
        for i, line in enumerate(op["lines"]):
            if json.loads(line).get("id") == self.race_x["id"]:
                op["lines"][i] = old

    def bulk_lines(self, fields, partial=False):
        root = graphql.flat(fields)[0]
        node = graphql.nodes_of(root)
        items = sorted(self.visible(CONNECTIONS[root.name]), key=lambda o: gid_number(o["id"]))
        if partial:
            items = items[: len(items) // 2]
        plain = [f for f in node.selections if graphql.nodes_of(f) is None]
        nested = [f for f in node.selections if graphql.nodes_of(f) is not None]
        lines = []
        for o in items:
            lines.append(json.dumps(graphql.project(o, plain, {}, self.hook({}))))
            for f in nested:
                for k in self.store.children.get(o["id"], {}).get(f.name, []):
                    shown = self.line(o, k, graphql.nodes_of(f).selections, {})
                    shown["__parentId"] = o["id"]
                    lines.append(json.dumps(shown))
        return lines

    def cancel_bulk(self, gid):
        op = next((o for o in self.bulk_ops if o["id"] == gid), None)
        self.record(f"bulk cancel {gid}")
        if op is None or op["status"] not in ("CREATED", "RUNNING"):
            return {"bulkOperation": None, "userErrors": [{"field": ["id"], "message": "Bulk operation is not running"}]}
        op["status"], op["canceled_at"] = "CANCELING", time.monotonic()
        return {"bulkOperation": {"id": gid, "status": "CANCELING"}, "userErrors": []}

    def job_view(self, op, selections, variables):
        self.running()
        view = {"id": op["id"], "status": op["status"], "query": op["query"], "createdAt": op["createdAt"],
                "errorCode": op.get("errorCode"), "objectCount": str(len(op["lines"])), "fileSize": None,
                "url": op.get("url"), "partialDataUrl": op.get("partialDataUrl"), "type": "QUERY"}
        return graphql.project(view, selections, variables)

    def poll_bulk(self, gid, field, variables):
        op = next(o for o in self.bulk_ops if o["id"] == gid)
        op["polls"] += 1
        self.running()
        if op["status"] in ("CREATED", "RUNNING"):
            op["status"] = "RUNNING"
            if op["polls"] >= 3 and not op.get("stuck"):
                if op["fail"]:
                    op.update(status="FAILED", errorCode=op["fail"],
                              partialDataUrl=f"{self.base()}/bulk/{op['n']}.jsonl?partial=1")
                else:
                    op.update(status="COMPLETED", url=f"{self.base()}/bulk/{op['n']}.jsonl" if op["lines"] else None)
        return self.job_view(op, field.selections, variables)

    def base(self):
        return f"{'https' if self.args.tls_cert else 'http'}://127.0.0.1:{self.port}"


def make_handler(fake):
    class Handler(JsonHandler):
        extra_headers = {"X-Shopify-API-Version": "2026-10"}

        def log_request_line(self):
            fake.record(f"UA {self.headers.get('User-Agent', '-')} {self.command} {self.path}")
            if self.command == "GET" and self.headers.get("X-Shopify-Access-Token"):
                fake.record("a GET (a bulk download) carried the access token")

        def redirect(self):
            self.send_response(302)
            self.send_header("Location", fake.args.redirect_to)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def control(self, body):
            """The test control endpoints (/_fake/...): True when the request was one of them."""
            if self.path == "/_fake/faults":
                self.reply(200, fake.schedule.control(body or {}))
            elif self.path == "/_fake/objects" and body is not None:
                with fake.data_lock:
                    stamp = iso(fake.now())
                    for o in body["objects"]:
                        fake.store.put(dict(o, updatedAt=stamp) if "__parentId" not in o and "updatedAt" in o else o)
                self.reply(200, {"ok": True, "updatedAt": stamp})
            elif self.path == "/_fake/data.jsonl":
                with fake.data_lock:
                    data = fake.store.jsonl().encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/jsonl")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            else:
                return False
            return True

        def do_GET(self):
            if self.path.startswith("/_fake/"):
                if not self.control(None):
                    self.reply(404, {"errors": "Not Found"})
                return
            self.log_request_line()
            if fake.args.redirect_to:
                return self.redirect()
            m = re.match(r"^/bulk/(\d+)\.jsonl(\?partial=1)?$", self.path)
            if not m:
                return self.reply(404, {"errors": "Not Found"})
            op = fake.bulk_ops[int(m.group(1)) - 1]
            lines = op["lines"][: len(op["lines"]) // 2] if m.group(2) else op["lines"]
            data = ("\n".join(lines) + "\n").encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/jsonl")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if "bulkslow" in fake.faults:  # half the file, a pause, the rest: a download that takes a while
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                time.sleep(fake.args.slow_seconds)
                data = data[len(data) // 2:]
            self.wfile.write(data)

        def do_POST(self):
            self.log_request_line()
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length) or b"{}")
            if self.path.startswith("/_fake/") and self.control(body):
                return
            if fake.args.redirect_to:
                return self.redirect()
            if self.path == "/admin/oauth/access_token":
                if body.get("client_id") == fake.args.client_id and body.get("client_secret") == fake.args.client_secret:
                    token = f"issued-{len(fake.issued) + 1}"
                    ttl = fake.args.token_ttl
                    fake.issued[token] = time.monotonic() + ttl if ttl else None
                    scopes = sorted(fake.scopes) if fake.scopes is not None else ["read_customers", "read_products", "read_inventory", "read_orders", "read_all_orders"]
                    fake.record("token issued")
                    return self.reply(200, {"access_token": token, "scope": ",".join(scopes), "expires_in": ttl or 86399})
                return self.reply(400, {"error": "invalid_client"})
            m = re.match(r"^/admin/api/([\w-]+)/graphql\.json$", self.path)
            if not m:
                return self.reply(404, {"errors": "Not Found"})
            token = self.headers.get("X-Shopify-Access-Token", "")
            if not fake.token_ok(token):
                fake.record("401 token")
                return self.reply(401, {"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"})
            fault = fake.schedule.next()
            fake.record(f"request fault={fault}")
            if fault == "expire":
                fake.expired_tokens.add(token)
                return self.reply(401, {"errors": "[API] Invalid API key or access token"})
            if fault == "429":
                return self.reply(429, {"errors": "Exceeded 2 calls per second for api client."}, {"Retry-After": "1.0"})
            if fault == "500":
                return self.reply(500, {"errors": "Internal Server Error"})
            if fault == "internal":
                fake.record("INTERNAL_SERVER_ERROR")
                return self.reply(200, {"errors": [{"message": "Internal error. Looks like something went wrong on our end.\nRequest ID: 1f0e (include this in support requests).",
                                                     "extensions": {"code": "INTERNAL_SERVER_ERROR", "requestId": "1f0e"}}]})
            if fault == "slow":
                time.sleep(fake.args.slow_seconds)
            try:
                with fake.data_lock:
                    data, requested, actual = fake.graphql(body)
            except CostTooHigh as e:
                cost = e.args[0]
                fake.record(f"MAX_COST_EXCEEDED {cost}")
                return self.reply(200, {"errors": [{"message": f"Query cost is {cost}, which exceeds the single query max cost limit ({fake.args.max_cost}).",
                                                     "extensions": {"code": "MAX_COST_EXCEEDED", "cost": cost, "maxCost": fake.args.max_cost,
                                                                    "documentation": "https://shopify.dev/api/usage/rate-limits"}}]})
            except ValueError as e:  # a query the fake (or Shopify) cannot read
                fake.record(f"GraphQL error {e}")
                return self.reply(200, {"errors": [{"message": str(e), "locations": [], "path": []}]})
            except AccessDenied as e:
                fake.record(f"ACCESS_DENIED {e.scope}")
                return self.reply(200, {"data": None, "errors": [{"message": str(e), "extensions": {
                    "code": "ACCESS_DENIED", "documentation": "https://shopify.dev/api/usage/access-scopes",
                    "requiredAccess": f"`{e.scope}` access scope."}}]})
            cost = {"requestedQueryCost": requested, "actualQueryCost": actual}
            if fault == "throttle" or not fake.bucket.take(requested, actual):
                fake.record(f"THROTTLED requested={requested}")
                return self.reply(200, {"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED", "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
                                        "extensions": {"cost": {"requestedQueryCost": requested, "actualQueryCost": None, "throttleStatus": fake.bucket.status()}}})
            cost["throttleStatus"] = fake.bucket.status()
            fake.record(f"ok requested={requested} actual={actual} at={time.monotonic():.3f}")
            self.reply(200, {"data": data, "extensions": {"cost": cost}}, cut=(fault == "cut"))

    return Handler


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", nargs="+", required=True)
    p.add_argument("--port-file")
    p.add_argument("--restore-rate", type=float, default=10000, help="points a second (Shopify: 100 to 2000 by plan)")
    p.add_argument("--maximum", type=float, default=1000)
    p.add_argument("--max-cost", type=float, default=1000, help="the single-query limit (MAX_COST_EXCEEDED above)")
    p.add_argument("--extra-cost", type=float, default=0, help="points each root node costs beyond the default rules")
    p.add_argument("--token", default="shpat_test")
    p.add_argument("--client-id")
    p.add_argument("--client-secret")
    p.add_argument("--token-ttl", type=float, default=0, help="issued tokens expire after this many seconds")
    p.add_argument("--scopes", help="the access scopes the app was granted (comma-separated); default all")
    p.add_argument("--hide-old-orders", action="store_true", help="orders older than 60 days are not shown")
    p.add_argument("--clock", help="the fake's time at start (RFC 3339); default the real clock")
    p.add_argument("--api-version", default="2026-10")
    p.add_argument("--bulk-concurrency", type=int, default=5)
    p.add_argument("--fault", action="append", default=[])
    p.add_argument("--slow-seconds", type=float, default=3)
    p.add_argument("--log")
    p.add_argument("--tls-cert")
    p.add_argument("--tls-key")
    p.add_argument("--redirect-to", help="answer every request with a redirect there")
    args = p.parse_args()
    fake = Fake(args)
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(fake))
    fake.port = server.server_address[1]
    serve(server, args.port_file, args.tls_cert, args.tls_key)


if __name__ == "__main__":
    main()
