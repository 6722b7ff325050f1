#!/usr/bin/python3
"""A fake Zendesk Support API on 127.0.0.1 for end-to-end tests, speaking the real protocol:
cursor-based incremental exports of tickets (with the metric_sets sideload) and users
(start_time / cursor, per_page, after_cursor, end_of_stream), per-ticket comments and satisfaction
ratings with cursor pagination (page[size], page[after], meta.has_more / meta.after_cursor),
basic `email/token:TOKEN` and OAuth bearer auth, the account's per-minute limit with its rate
headers, the export endpoints' own limit (10 a minute), 429 with Retry-After, and switchable faults.
Data: the response bodies `import zendesk` reads (genshop's zendesk/ folder).

  zendesk_fake.py --data DIR [--port-file F] [--email E --token T] [--oauth-token O]
      [--account-limit 700] [--export-limit 10] [--minute 60] [--latency-ms 0] [--fault KIND:EVERY ...] [--log F]
Faults (every Nth API request): 429, 500, 503, slow (sleeps past the client timeout), cut (a body
cut off mid-way), expire (the credentials stop working for good, as a revoked OAuth token does).
Ticket updates as Zendesk's Update Ticket endpoint takes them: PUT /api/v2/tickets/{id}.json with
{"ticket": {...}}: `tags` replaces the tags (`additional_tags` and `remove_tags` are ignored there,
as by Zendesk, which honours them only in update_many), `priority` and `status` are set; with
`safe_update` and an `updated_stamp` that is not the ticket's updated_at the answer is 409
Conflict; a closed ticket answers 422; the answer is {"ticket", "audit"} and updated_at moves on;
the same faults apply (a "cut" fault drops the answer after the update was made).
GET /api/v2/tickets/{id}.json shows one ticket.
Test control: POST /_fake/tickets with a JSON ticket object updates (or adds) it with updated_at = now;
a "comment" member (body, public, author_id) adds a comment; status "deleted" deletes it.
GET /_fake/tickets/{id} shows a ticket as the fake holds it (no auth, no limits, no faults)."""
import argparse
import base64
import json
import os
import re
import threading
import time
from datetime import datetime, timezone
from http.server import ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from fake_http import FaultSchedule, JsonHandler


def epoch(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp()


def iso(seconds):
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def encode_cursor(position):
    return base64.b64encode(json.dumps(position).encode()).decode()


def decode_cursor(text):
    return json.loads(base64.b64decode(text))


class Store:
    def __init__(self, folder):
        def load(name):
            with open(os.path.join(folder, name)) as f:
                return json.load(f)
        tickets = load("tickets.json")
        self.tickets = {t["id"]: t for t in tickets["tickets"]}
        self.metrics = {m["ticket_id"]: m for m in tickets.get("metric_sets", [])}
        self.users = {u["id"]: u for u in load("users.json")["users"]}
        self.ratings = {r["id"]: r for r in load("satisfaction_ratings.json")["satisfaction_ratings"]}
        self.comments = {}  # ticket id -> [comment], oldest first
        for event in load("ticket_events.json")["ticket_events"]:
            for child in event.get("child_events", []):
                if child.get("event_type") != "Comment":
                    continue
                self.comments.setdefault(event["ticket_id"], []).append({
                    "id": child["id"], "type": "Comment", "author_id": child["author_id"], "body": child["body"],
                    "html_body": "<p>" + child["body"] + "</p>", "plain_body": child["body"], "public": child["public"],
                    "attachments": [], "audit_id": event["id"], "created_at": event["created_at"]})
        self.lock = threading.Lock()
        self.next_comment = 10 ** 9
        self.updates = 0

    def changed(self, items, start):
        """(updated_at, id) order, the export's; items changed at or after `start` (epoch seconds)."""
        keyed = [(epoch(o["updated_at"]), o["id"], o) for o in items]
        return sorted((k for k in keyed if k[0] >= start), key=lambda k: (k[0], k[1]))

    def update_ticket(self, ticket_id, patch):
        """Zendesk's Update Ticket: (status, body)."""
        with self.lock:
            ticket = self.tickets.get(ticket_id)
            if ticket is None or ticket.get("status") == "deleted":
                return 404, {"error": "RecordNotFound", "description": "Not found"}
            if ticket.get("status") == "closed":
                return 422, {"error": "RecordInvalid", "description": "Ticket is closed"}
            if patch.get("safe_update") and patch.get("updated_stamp") and patch["updated_stamp"] != ticket.get("updated_at"):
                return 409, {"error": "UpdateConflict",
                             "description": "Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again."}
            tags = list(ticket.get("tags") or [])
            if "tags" in patch:
                tags = []
                for t in patch["tags"]:
                    if t.lower() not in tags:
                        tags.append(t.lower())
            # additional_tags and remove_tags only work through update_many (Zendesk's docs): the
            # single-ticket endpoint ignores them, as Zendesk does.
            ticket["tags"] = tags
            for key in ("priority", "status"):
                if key in patch:
                    ticket[key] = patch[key]
            # Zendesk's updated_at moves on with every update (one second at least, as tests run fast).
            previous = epoch(ticket["updated_at"]) if ticket.get("updated_at") else 0
            ticket["updated_at"] = iso(max(time.time(), previous + 1))
            self.updates += 1
            return 200, {"ticket": dict(ticket), "audit": {"id": 10 ** 12 + self.updates, "ticket_id": ticket_id,
                                                           "created_at": ticket["updated_at"], "events": []}}

    def touch_ticket(self, patch):
        with self.lock:
            now = iso(time.time())
            ticket = self.tickets.setdefault(patch["id"], {"id": patch["id"], "created_at": now, "status": "new"})
            comment = patch.pop("comment", None)
            ticket.update(patch)
            ticket["updated_at"] = now
            if ticket["id"] in self.metrics:
                self.metrics[ticket["id"]]["updated_at"] = now
            if comment:
                self.next_comment += 1
                c = {"id": self.next_comment, "type": "Comment", "author_id": comment.get("author_id", ticket.get("requester_id")),
                     "body": comment["body"], "html_body": "<p>" + comment["body"] + "</p>", "plain_body": comment["body"],
                     "public": comment.get("public", True), "attachments": [], "created_at": now}
                self.comments.setdefault(ticket["id"], []).append(c)


class Window:
    """A fixed-window counter, as Zendesk's per-minute limits behave."""

    def __init__(self, limit, seconds):
        self.limit, self.seconds = limit, seconds
        self.start, self.count = time.monotonic(), 0
        self.lock = threading.Lock()

    def take(self):
        """(allowed, remaining, seconds until the window resets)"""
        with self.lock:
            now = time.monotonic()
            if now - self.start >= self.seconds:
                self.start, self.count = now, 0
            reset = max(1, int(self.seconds - (now - self.start) + 0.999))
            if self.count >= self.limit:
                return False, 0, reset
            self.count += 1
            return True, self.limit - self.count, reset


class Fake:
    def __init__(self, args):
        self.store = Store(args.data)
        self.args = args
        self.account = Window(args.account_limit, args.minute)
        self.exports = Window(args.export_limit, args.minute)
        self.schedule = FaultSchedule(args.fault)
        self.expired = False
        self.lock = threading.Lock()
        self.log = open(args.log, "a") if args.log else None

    def record(self, text):
        if self.log:
            with self.lock:
                self.log.write(text + "\n")
                self.log.flush()

    def fault_now(self):
        return self.schedule.next()

    def authorised(self, header):
        if self.expired:
            return False
        if header.startswith("Bearer "):
            return self.args.oauth_token is not None and header[7:] == self.args.oauth_token
        if header.startswith("Basic "):
            try:
                user = base64.b64decode(header[6:]).decode()
            except ValueError:
                return False
            return user == f"{self.args.email}/token:{self.args.token}"
        return False

    def export(self, kind, query):
        store = self.store
        per_page = min(int(query.get("per_page", ["1000"])[0]), 1000)
        if "cursor" in query:
            position = decode_cursor(query["cursor"][0])
        elif "start_time" in query:
            position = [float(query["start_time"][0]), -1]
        else:
            return 400, {"error": "InvalidValue", "description": "start_time or cursor is required"}
        items = list(store.tickets.values()) if kind == "tickets" else list(store.users.values())
        after = [k for k in store.changed(items, position[0]) if (k[0], k[1]) > tuple(position)]
        chunk = after[:per_page]
        last = [chunk[-1][0], chunk[-1][1]] if chunk else position
        body = {kind: [k[2] for k in chunk], "after_cursor": encode_cursor(last),
                "after_url": f"http://127.0.0.1:{self.port}/api/v2/incremental/{kind}/cursor.json?cursor={encode_cursor(last)}",
                "before_cursor": None, "before_url": None, "end_of_stream": len(after) <= per_page}
        if kind == "tickets" and "metric_sets" in query.get("include", [""])[0].split(","):
            body["metric_sets"] = [store.metrics[k[1]] for k in chunk if k[1] in store.metrics]
        return 200, body

    def paged(self, key, items, query):
        size = min(int(query.get("page[size]", ["100"])[0]), 100)
        start = int(decode_cursor(query["page[after]"][0])) if "page[after]" in query else 0
        chunk = items[start:start + size]
        more = start + size < len(items)
        return 200, {key: chunk, "meta": {"has_more": more, "after_cursor": encode_cursor(start + size) if more else None,
                                           "before_cursor": None},
                     "links": {"next": None, "prev": None}}

    def route(self, path, query):
        """(status, body, is_export) for an API path."""
        m = re.match(r"^/api/v2/incremental/(tickets|users)/cursor\.json$", path)
        if m:
            return self.export(m.group(1), query) + (True,)
        m = re.match(r"^/api/v2/tickets/(\d+)/comments\.json$", path)
        if m:
            ticket = self.store.tickets.get(int(m.group(1)))
            if ticket is None or ticket.get("status") == "deleted":
                return 404, {"error": "RecordNotFound", "description": "Not found"}, False
            return self.paged("comments", self.store.comments.get(ticket["id"], []), query) + (False,)
        m = re.match(r"^/api/v2/tickets/(\d+)\.json$", path)
        if m:
            ticket = self.store.tickets.get(int(m.group(1)))
            if ticket is None or ticket.get("status") == "deleted":
                return 404, {"error": "RecordNotFound", "description": "Not found"}, False
            return 200, {"ticket": ticket}, False
        if path == "/api/v2/satisfaction_ratings.json":
            start = float(query.get("start_time", ["0"])[0])
            ratings = sorted((r for r in self.store.ratings.values() if epoch(r["created_at"]) >= start), key=lambda r: r["id"])
            return self.paged("satisfaction_ratings", ratings, query) + (False,)
        return 404, {"error": "InvalidEndpoint", "description": "Not found"}, False


def make_handler(fake):
    class Handler(JsonHandler):

        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length) or b"{}")
            if self.path == "/_fake/tickets":
                fake.store.touch_ticket(body)
                return self.reply(200, {"ok": True})
            self.reply(404, {"error": "InvalidEndpoint"})

        def do_PUT(self):
            url = urlparse(self.path)
            length = int(self.headers.get("Content-Length", 0))
            raw = self.rfile.read(length)
            gate = self.gate("PUT", url)
            if gate is None:
                return
            limits, fault = gate
            m = re.match(r"^/api/v2/tickets/(\d+)\.json$", url.path)
            if not m:
                fake.record(f"PUT {url.path} 404")
                return self.reply(404, {"error": "InvalidEndpoint", "description": "Not found"}, limits)
            try:
                body = json.loads(raw or b"{}")
                patch = body["ticket"]
            except (ValueError, KeyError, TypeError):
                fake.record(f"PUT {url.path} 400")
                return self.reply(400, {"error": "InvalidJSON"}, limits)
            status, answer = fake.store.update_ticket(int(m.group(1)), patch)
            fake.record(f"PUT {url.path} {status} " + json.dumps(patch, sort_keys=True) + (" cut" if fault == "cut" else ""))
            self.reply(status, answer, limits, cut=(fault == "cut"))

        def gate(self, method, url, is_export=False):
            """Auth, the account limit, the export limit (exports only) and the scheduled faults every
            API request goes through: (rate headers, fault) when the request may proceed, None when
            it was answered."""
            if not fake.authorised(self.headers.get("Authorization", "")):
                fake.record(f"{method} {url.path} 401")
                self.reply(401, {"error": "Couldn't authenticate you"})
                return None
            allowed, remaining, reset = fake.account.take()
            limits = {"X-Rate-Limit": str(fake.args.account_limit), "X-Rate-Limit-Remaining": str(remaining),
                      "ratelimit-limit": str(fake.args.account_limit), "ratelimit-remaining": str(remaining),
                      "ratelimit-reset": str(reset)}
            if not allowed:
                fake.record(f"{method} {url.path} 429 account")
                self.reply(429, {"error": "APIRateLimitExceeded"}, dict(limits, **{"Retry-After": str(reset)}))
                return None
            if is_export:
                ok, _, reset = fake.exports.take()
                if not ok:
                    fake.record(f"{method} {url.path} 429 export")
                    self.reply(429, {"error": "APIRateLimitExceeded", "description": "incremental export limit"},
                               dict(limits, **{"Retry-After": str(reset)}))
                    return None
            if fake.args.latency_ms:
                # a real server's round trip and work
                time.sleep(fake.args.latency_ms / 1000)
            fault = fake.fault_now()
            if fault == "expire":
                fake.expired = True
                fake.record(f"{method} {url.path} 401 expire")
                self.reply(401, {"error": "invalid_token", "description": "The access token provided is expired, revoked, malformed or invalid"})
                return None
            if fault == "429":
                fake.record(f"{method} {url.path} 429 fault")
                self.reply(429, {"error": "APIRateLimitExceeded"}, dict(limits, **{"Retry-After": "1"}))
                return None
            if fault in ("500", "503"):
                fake.record(f"{method} {url.path} {fault} fault")
                self.reply(int(fault), {"error": "ServerError"}, limits)
                return None
            if fault == "slow":
                fake.record(f"{method} {url.path} slow fault")
                time.sleep(fake.args.slow_seconds)
            return limits, fault

        def do_GET(self):
            url = urlparse(self.path)
            query = parse_qs(url.query)
            m = re.match(r"^/_fake/tickets/(\d+)$", url.path)
            if m:
                ticket = fake.store.tickets.get(int(m.group(1)))
                return self.reply(200 if ticket else 404, {"ticket": ticket})
            gate = self.gate("GET", url, is_export=url.path.startswith("/api/v2/incremental/"))
            if gate is None:
                return
            limits, fault = gate
            status, body, _ = fake.route(url.path, query)
            fake.record(f"GET {self.path} {status}" + (" cut" if fault == "cut" else ""))
            self.reply(status, body, limits, cut=(fault == "cut"))

    return Handler


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--port-file")
    p.add_argument("--email", default="agent@example.com")
    p.add_argument("--token", default="zd-test-token")
    p.add_argument("--oauth-token")
    p.add_argument("--account-limit", type=int, default=700)
    p.add_argument("--export-limit", type=int, default=10)
    p.add_argument("--minute", type=float, default=60)
    p.add_argument("--fault", action="append", default=[])
    p.add_argument("--slow-seconds", type=float, default=3)
    p.add_argument("--latency-ms", type=float, default=0)
    p.add_argument("--log")
    args = p.parse_args()
    fake = Fake(args)
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(fake))
    fake.port = server.server_address[1]
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as f:
            f.write(str(fake.port))
        os.rename(args.port_file + ".tmp", args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
