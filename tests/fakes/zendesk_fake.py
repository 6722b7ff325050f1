#!/usr/bin/python3
"""A fake Zendesk Support API on 127.0.0.1 for end-to-end tests, speaking the real protocol and
behaving as the real service does where our own code could assume otherwise:
- cursor-based incremental exports of tickets and users (start_time / cursor, per_page,
  after_cursor, end_of_stream); `include=metric_sets` puts each ticket's metrics inside it as
  `metric_set`, as the real export does;
- time-based incremental exports of ticket events (include=comment_events: Comment child events)
  and organizations (start_time, end_time, next_page, end_of_stream, up to 1000 a page);
- every export leaves out what changed within the last minute and refuses a start_time less than
  a minute old (400 StartTimeTooRecent);
- groups, per-ticket comments, satisfaction ratings (score, start_time on created_at) and CSAT
  survey responses with cursor pagination (page[size], page[after], meta.has_more);
- basic `email/token:TOKEN` and OAuth bearer auth, 403 for an agent on admin-only endpoints and for
  an OAuth token without a scope, legacy CSAT off (403);
- the account's per-minute limit with its rate headers, the export endpoints' own limit (10 a
  minute), 429 with Retry-After, maintenance (503 with Retry-After), and switchable faults.
Data: the response bodies `import zendesk` reads (genshop's zendesk/ folder; organizations.json and
groups.json when present).

  zendesk_fake.py --data DIR [--port-file F] [--email E --token T] [--oauth-token O] [--oauth-scopes LIST]
      [--role admin|agent] [--csat legacy|survey|off] [--account-limit 700] [--export-limit 10]
      [--minute 60] [--recent-seconds 60] [--reset-header ratelimit-reset] [--maintenance SECONDS]
      [--latency-ms 0] [--fault KIND:EVERY ...] [--log F] [--tls-cert PEM --tls-key PEM] [--redirect-to URL]
Faults (every Nth API request): 429, 500, 503, slow (sleeps past the client timeout), cut (a body
cut off mid-way), expire (the credentials stop working for good, as a revoked OAuth token does).
Test control: POST /_fake/tickets with a JSON ticket object updates (or adds) it with updated_at = now
(and a ticket event); a "comment" member (body, public, author_id) adds a comment; status "deleted"
deletes it. POST /_fake/ratings with a rating's id and fields changes it (updated_at = now).
GET /_fake/tickets/{id} shows a ticket as the fake holds it (no auth, no limits, no faults).
GET /_fake/data/NAME.json (tickets, users, ticket_events, satisfaction_ratings, organizations, groups,
survey_responses) answers the data as it is now as the body `import zendesk` reads. POST /_fake/faults
with {"enabled": false} switches the faults off, and says (as GET does) how many of each were given.
A fault given as KIND:P% comes at random with probability P (load tests).

Ticket updates as Zendesk's Update Ticket endpoint takes them: PUT /api/v2/tickets/{id}.json with
{"ticket": {...}}: `tags` replaces the tags (`additional_tags` and `remove_tags` are ignored there,
as by Zendesk, which honours them only in update_many), `priority` and `status` are set; with
`safe_update` and an `updated_stamp` that is not the ticket's updated_at the answer is 409
Conflict; a closed ticket answers 422; the answer is {"ticket", "audit"} and updated_at moves on;
the same faults apply (a "cut" fault drops the answer after the update was made).
GET /api/v2/tickets/{id}.json shows one ticket."""
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

from fake_http import FaultSchedule, JsonHandler, serve

ADMIN_ONLY = ("/api/v2/incremental/", "/api/v2/satisfaction_ratings", "/api/v2/guide/survey_responses")
SCOPE_OF = [("/api/v2/incremental/users", "users:read"), ("/api/v2/incremental/organizations", "organizations:read"),
            ("/api/v2/groups", "groups:read"), ("/api/v2/satisfaction_ratings", "satisfaction_ratings:read"),
            ("/api/v2/guide/survey_responses", "satisfaction_ratings:read"), ("/api/v2/", "tickets:read")]


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
        def load(name, default=None):
            path = os.path.join(folder, name)
            if not os.path.exists(path) and default is not None:
                return default
            with open(path) as f:
                return json.load(f)
        tickets = load("tickets.json")
        self.tickets = {t["id"]: t for t in tickets["tickets"]}
        # Metrics given either way: top-level metric_sets, or inside each ticket.
        self.metrics = {m["ticket_id"]: m for m in tickets.get("metric_sets", [])}
        for t in self.tickets.values():
            if isinstance(t.get("metric_set"), dict):
                self.metrics[t["id"]] = t.pop("metric_set")
        self.users = {u["id"]: u for u in load("users.json")["users"]}
        self.organizations = {o["id"]: o for o in load("organizations.json", {"organizations": []})["organizations"]}
        self.groups = sorted(load("groups.json", {"groups": []})["groups"], key=lambda g: g["id"])
        self.ratings = {r["id"]: r for r in load("satisfaction_ratings.json")["satisfaction_ratings"]}
        self.surveys = load("survey_responses.json", {"survey_responses": []})["survey_responses"]
        self.events = list(load("ticket_events.json")["ticket_events"])
        self.comments = {}  # ticket id -> [comment], oldest first
        for event in self.events:
            for child in event.get("child_events", []):
                if child.get("event_type") == "Comment":
                    self.add_comment(event["ticket_id"], child, event["created_at"], event["id"])
        self.lock = threading.Lock()
        self.next_id = 10 ** 9
        self.updates = 0

    def add_comment(self, ticket_id, child, created_at, audit_id):
        self.comments.setdefault(ticket_id, []).append({
            "id": child["id"], "type": "Comment", "author_id": child["author_id"], "body": child["body"],
            "html_body": "<p>" + child["body"] + "</p>", "plain_body": child["body"], "public": child["public"],
            "attachments": [], "audit_id": audit_id, "created_at": created_at})

    def body(self, name):
        """The data as it is now, as the response body `import zendesk` reads (`name`.json)."""
        with self.lock:
            if name == "tickets":
                return {"tickets": [dict(t, metric_set=self.metrics[t["id"]]) if t["id"] in self.metrics else dict(t)
                                    for t in self.tickets.values()], "end_of_stream": True}
            lists = {"users": list(self.users.values()), "ticket_events": list(self.events),
                     "satisfaction_ratings": list(self.ratings.values()),
                     "organizations": list(self.organizations.values()), "groups": list(self.groups),
                     "survey_responses": list(self.surveys)}
            return {name: lists[name]} if name in lists else None

    def changed(self, items, start, upto):
        """(updated_at, id) order, the export's; items changed at or after `start` and before `upto`."""
        keyed = [(epoch(o["updated_at"]), o["id"], o) for o in items]
        return sorted((k for k in keyed if start <= k[0] < upto), key=lambda k: (k[0], k[1]))

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
            now = time.time()
            stamp = iso(now)
            ticket = self.tickets.setdefault(patch["id"], {"id": patch["id"], "created_at": stamp, "status": "new"})
            comment = patch.pop("comment", None)
            ticket.update(patch)
            ticket["updated_at"] = stamp
            if ticket["id"] in self.metrics:
                self.metrics[ticket["id"]]["updated_at"] = stamp
            self.next_id += 2
            event = {"id": self.next_id, "ticket_id": ticket["id"], "timestamp": int(now), "created_at": stamp,
                     "updater_id": None, "via": "Web form", "event_type": "Audit", "child_events": []}
            if "status" in patch:
                event["child_events"].append({"id": self.next_id + 1, "event_type": "Change", "field_name": "status",
                                              "value": patch["status"]})
            if comment:
                child = {"id": self.next_id + 1, "event_type": "Comment", "body": comment["body"],
                         "public": comment.get("public", True),
                         "author_id": comment.get("author_id", ticket.get("requester_id")), "attachments": []}
                event["child_events"].append(child)
                self.add_comment(ticket["id"], child, stamp, event["id"])
            self.events.append(event)


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
        self.first_request = None
        self.lock = threading.Lock()
        self.log = open(args.log, "a") if args.log else None

    def record(self, text):
        if self.log:
            with self.lock:
                self.log.write(text + "\n")
                self.log.flush()

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

    def forbidden(self, path, header):
        """The 403 body for a request this user may not make, or None."""
        if header.startswith("Bearer ") and self.args.oauth_scopes is not None:
            scopes = set(self.args.oauth_scopes.split(","))
            needed = next(s for prefix, s in SCOPE_OF if path.startswith(prefix))
            if "read" not in scopes and needed not in scopes:
                return {"error": "Forbidden", "description": f"You are missing the following required scopes: {needed}"}
        if self.args.role == "agent" and path.startswith(ADMIN_ONLY):
            return {"error": "Forbidden", "description": "You do not have access to this page. Please contact the account owner of this help desk for further help."}
        if path.startswith("/api/v2/satisfaction_ratings") and self.args.csat != "legacy":
            return {"error": "Forbidden", "description": "Satisfaction ratings are not enabled for this account"}
        if path.startswith("/api/v2/guide/survey_responses") and self.args.csat != "survey":
            return {"error": "Forbidden", "description": "CSAT surveys are not enabled for this account"}
        return None

    def start_time(self, query):
        """The start_time asked for, or a 400 body when it is too recent."""
        start = float(query["start_time"][0])
        if start > time.time() - self.args.recent_seconds:
            return None, {"error": "StartTimeTooRecent",
                          "description": "Too recent start_time. Use a start_time at least one minute in the past"}
        return start, None

    def upto(self):
        return time.time() - self.args.recent_seconds  # what changed within the last minute is left out

    def cursor_export(self, kind, query):
        store = self.store
        per_page = min(int(query.get("per_page", ["1000"])[0]), 1000)
        if "cursor" in query:
            position = decode_cursor(query["cursor"][0])
        elif "start_time" in query:
            start, error = self.start_time(query)
            if error:
                return 400, error
            position = [start, -1]
        else:
            return 400, {"error": "InvalidValue", "description": "start_time or cursor is required"}
        items = list(store.tickets.values()) if kind == "tickets" else list(store.users.values())
        after = [k for k in store.changed(items, position[0], self.upto()) if (k[0], k[1]) > tuple(position)]
        chunk = after[:per_page]
        last = [chunk[-1][0], chunk[-1][1]] if chunk else position
        with_metrics = kind == "tickets" and "metric_sets" in query.get("include", [""])[0].split(",")
        objects = []
        for k in chunk:
            o = dict(k[2])
            if with_metrics and o["id"] in store.metrics:
                o["metric_set"] = store.metrics[o["id"]]
            objects.append(o)
        body = {kind: objects, "after_cursor": encode_cursor(last),
                "after_url": f"http://127.0.0.1:{self.port}/api/v2/incremental/{kind}/cursor.json?cursor={encode_cursor(last)}",
                "before_cursor": None, "before_url": None, "end_of_stream": len(after) <= per_page}
        return 200, body

    def time_export(self, kind, path, query):
        if "start_time" not in query:
            return 400, {"error": "InvalidValue", "description": "start_time is required"}
        start, error = self.start_time(query)
        if error:
            return 400, error
        per_page = min(int(query.get("per_page", ["1000"])[0]), 1000)
        upto = self.upto()
        if kind == "ticket_events":
            with_comments = "comment_events" in query.get("include", [""])[0].split(",")
            items = []
            for e in sorted(self.store.events, key=lambda e: (epoch(e["created_at"]), e["id"])):
                if start <= epoch(e["created_at"]) < upto:
                    e = dict(e)
                    if not with_comments:
                        e["child_events"] = [c for c in e.get("child_events", []) if c.get("event_type") != "Comment"]
                    items.append(e)
            stamp = lambda e: epoch(e["created_at"])
        else:
            items = [k[2] for k in self.store.changed(list(self.store.organizations.values()), start, upto)]
            stamp = lambda o: epoch(o["updated_at"])
        chunk = items[:per_page]
        end = len(items) <= per_page
        end_time = int(stamp(chunk[-1])) if chunk else int(start)
        if end and not chunk:
            end_time = int(max(start, upto - 1))
        return 200, {kind: chunk, "count": len(chunk), "end_time": end_time, "end_of_stream": end,
                     "next_page": None if end else f"http://127.0.0.1:{self.port}{path}?start_time={end_time}"}

    def paged(self, key, items, query):
        size = min(int(query.get("page[size]", ["100"])[0]), 100)
        start = int(decode_cursor(query["page[after]"][0])) if "page[after]" in query else 0
        chunk = items[start:start + size]
        more = start + size < len(items)
        return 200, {key: chunk, "meta": {"has_more": more, "after_cursor": encode_cursor(start + size) if more else None,
                                           "before_cursor": None},
                     "links": {"next": None, "prev": None}}

    def route(self, path, query):
        """(status, body) for an API path."""
        m = re.match(r"^/api/v2/incremental/(tickets|users)/cursor\.json$", path)
        if m:
            return self.cursor_export(m.group(1), query)
        m = re.match(r"^/api/v2/incremental/(ticket_events|organizations)\.json$", path)
        if m:
            return self.time_export(m.group(1), path, query)
        m = re.match(r"^/api/v2/tickets/(\d+)/comments\.json$", path)
        if m:
            ticket = self.store.tickets.get(int(m.group(1)))
            if ticket is None or ticket.get("status") == "deleted":
                return 404, {"error": "RecordNotFound", "description": "Not found"}
            return self.paged("comments", self.store.comments.get(ticket["id"], []), query)
        if path == "/api/v2/groups.json":
            return self.paged("groups", self.store.groups, query)
        m = re.match(r"^/api/v2/tickets/(\d+)\.json$", path)
        if m:
            ticket = self.store.tickets.get(int(m.group(1)))
            if ticket is None or ticket.get("status") == "deleted":
                return 404, {"error": "RecordNotFound", "description": "Not found"}
            return 200, {"ticket": ticket}
        if path == "/api/v2/satisfaction_ratings.json":
            start = float(query.get("start_time", ["0"])[0])  # on created_at, as Zendesk filters it
            score = query.get("score", [None])[0]
            ratings = [r for r in self.store.ratings.values() if epoch(r["created_at"]) >= start]
            if score == "received":
                ratings = [r for r in ratings if r["score"] in ("good", "bad")]
            return self.paged("satisfaction_ratings", sorted(ratings, key=lambda r: r["id"]), query)
        if path == "/api/v2/guide/survey_responses":
            start_ms = float(query.get("filter[created_at_start]", ["0"])[0])
            responses = [r for r in self.store.surveys
                         if any(epoch(a["created_at"][:19] + "Z") * 1000 >= start_ms for a in r.get("answers", []) if a.get("created_at"))]
            return self.paged("survey_responses", responses, query)
        return 404, {"error": "InvalidEndpoint", "description": "Not found"}


def make_handler(fake):
    class Handler(JsonHandler):

        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length) or b"{}")
            if self.path == "/_fake/tickets":
                fake.store.touch_ticket(body)
                return self.reply(200, {"ok": True})
            if self.path == "/_fake/faults":
                return self.reply(200, fake.schedule.control(body))
            if self.path == "/_fake/ratings":  # a rating changed by its customer: updated_at = now
                rating = fake.store.ratings[body["id"]]
                rating.update(body)
                rating["updated_at"] = iso(time.time())
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
            fake.record(f"UA {self.headers.get('User-Agent', '-')} {url.path}")
            header = self.headers.get("Authorization", "")
            if not fake.authorised(header):
                fake.record(f"{method} {url.path} 401")
                self.reply(401, {"error": "Couldn't authenticate you"})
                return None
            allowed, remaining, reset = fake.account.take()
            limits = {"X-Rate-Limit": str(fake.args.account_limit), "X-Rate-Limit-Remaining": str(remaining),
                      "ratelimit-limit": str(fake.args.account_limit), "ratelimit-remaining": str(remaining),
                      fake.args.reset_header: str(reset)}
            if not allowed:
                fake.record(f"{method} {url.path} 429 account")
                self.reply(429, {"error": "APIRateLimitExceeded"}, dict(limits, **{"Retry-After": str(reset)}))
                return None
            if fake.first_request is None:
                fake.first_request = time.monotonic()
            if time.monotonic() - fake.first_request < fake.args.maintenance:
                fake.record(f"{method} {url.path} 503 maintenance")
                self.reply(503, {"error": "ServiceUnavailable", "description": "Zendesk is down for maintenance"},
                           dict(limits, **{"Retry-After": "1"}))
                return None
            denied = fake.forbidden(url.path, header)
            if denied:
                fake.record(f"{method} {url.path} 403")
                self.reply(403, denied, limits)
                return None
            if is_export:
                ok, _, reset = fake.exports.take()
                if not ok:
                    fake.record(f"{method} {url.path} 429 export")
                    self.reply(429, {"error": "APIRateLimitExceeded", "description": "incremental export limit"},
                               dict(limits, **{"Retry-After": str(reset)}))
                    return None
            if fake.args.latency_ms:
                time.sleep(fake.args.latency_ms / 1000)  # a real server's round trip and work
            fault = fake.schedule.next()
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
            m = re.match(r"^/_fake/data/(\w+)\.json$", url.path)
            if m:
                body = fake.store.body(m.group(1))
                return self.reply(200 if body is not None else 404, body or {"error": "InvalidEndpoint"})
            if url.path == "/_fake/faults":
                return self.reply(200, fake.schedule.control({}))
            m = re.match(r"^/_fake/tickets/(\d+)$", url.path)
            if m:
                ticket = fake.store.tickets.get(int(m.group(1)))
                return self.reply(200 if ticket else 404, {"ticket": ticket})
            if fake.args.redirect_to:  # every API request sent elsewhere (a hostile or misconfigured host)
                fake.record(f"UA {self.headers.get('User-Agent', '-')} {url.path} redirected")
                self.send_response(302)
                self.send_header("Location", fake.args.redirect_to + self.path)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            gate = self.gate("GET", url, is_export=url.path.startswith("/api/v2/incremental/"))
            if gate is None:
                return
            limits, fault = gate
            with fake.store.lock:  # the data, changed through /_fake/tickets while exports read it
                status, body = fake.route(url.path, query)
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
    p.add_argument("--oauth-scopes", help="the OAuth token's scopes (comma-separated); default all")
    p.add_argument("--role", default="admin", choices=["admin", "agent"])
    p.add_argument("--csat", default="legacy", choices=["legacy", "survey", "off"])
    p.add_argument("--account-limit", type=int, default=700)
    p.add_argument("--export-limit", type=int, default=10)
    p.add_argument("--minute", type=float, default=60)
    p.add_argument("--recent-seconds", type=float, default=60,
                   help="exports leave out this last stretch and refuse a start_time inside it")
    p.add_argument("--reset-header", default="ratelimit-reset")
    p.add_argument("--maintenance", type=float, default=0, help="answer 503 Retry-After for this long at first")
    p.add_argument("--fault", action="append", default=[])
    p.add_argument("--slow-seconds", type=float, default=3)
    p.add_argument("--latency-ms", type=float, default=0)
    p.add_argument("--log")
    p.add_argument("--tls-cert")
    p.add_argument("--tls-key")
    p.add_argument("--redirect-to", help="answer every API GET with a redirect to this origin (the same path)")
    args = p.parse_args()
    fake = Fake(args)
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(fake))
    fake.port = server.server_address[1]
    serve(server, args.port_file, args.tls_cert, args.tls_key)


if __name__ == "__main__":
    main()
