"""What the fake API servers share: JSON answers (whole, or cut off mid-way) and the fault schedule."""
import json
import os
import random
import ssl
import threading
from http.server import BaseHTTPRequestHandler


def reply_json(handler, status, body, headers=None, cut=False):
    """Writes `body` as a JSON answer on a BaseHTTPRequestHandler; a client that gave up is ignored."""
    try:
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json; charset=utf-8")
        for k, v in (headers or {}).items():
            handler.send_header(k, v)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        if cut:
            handler.wfile.write(data[: len(data) // 2])
            handler.wfile.flush()
            handler.close_connection = True
            return
        handler.wfile.write(data)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client gave up (a "slow" fault past its timeout)


class FaultSchedule:
    """Switchable faults given as KIND:EVERY (`--fault 500:3`: every third request answers 500) or
    KIND:P% (`--fault 500:5%`: each request answers 500 with probability 5%, drawn at random).
    `kinds` maps each KIND:EVERY kind to its EVERY (0 when given without one); `next()` counts a
    request and names the fault it gets, if any (kinds starting with one of `not_per_request` are
    left out). `enabled` switches every fault off and on (the test control endpoints); `injected`
    counts the faults given, by kind."""

    def __init__(self, specs, not_per_request=()):
        self.kinds = {}
        self.rates = {}
        for spec in specs:
            kind, _, every = spec.partition(":")
            if every.endswith("%"):
                self.rates[kind] = float(every[:-1]) / 100
            else:
                self.kinds[kind] = int(every or 0)
        self.not_per_request = tuple(not_per_request)
        self.requests = 0
        self.enabled = True
        self.injected = {}
        self.random = random.Random(os.environ.get("FAKE_SEED"))
        self.lock = threading.Lock()

    def next(self):
        with self.lock:
            self.requests += 1
            n = self.requests
            draw = self.random.random()
            fault = self._pick(n, draw) if self.enabled else None
            if fault:
                self.injected[fault] = self.injected.get(fault, 0) + 1
            return fault

    def _pick(self, n, draw):
        for kind, every in self.kinds.items():
            if every and n % every == 0 and not kind.startswith(self.not_per_request):
                return kind
        for kind, rate in self.rates.items():
            if draw < rate:
                return kind
            draw -= rate
        return None

    def control(self, body):
        """The answer of the test control endpoint /_fake/faults: POST {"enabled": false} switches
        the faults off; every answer says what was injected so far."""
        if "enabled" in body:
            self.enabled = bool(body["enabled"])
        return {"enabled": self.enabled, "requests": self.requests, "injected": self.injected}


class JsonHandler(BaseHTTPRequestHandler):
    """The fakes' request handler base: keep-alive HTTP/1.1, quiet, JSON answers with `extra_headers`."""
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms delayed-ACK stall
    extra_headers = {}

    def log_message(self, *args):
        pass

    def reply(self, status, body, headers=None, cut=False):
        reply_json(self, status, body, dict(headers or {}, **self.extra_headers), cut)


def serve(server, port_file, tls_cert=None, tls_key=None):
    """Serves forever (over TLS with `tls_cert`/`tls_key`), after writing the port to `port_file`."""
    if tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(tls_cert, tls_key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    if port_file:
        with open(port_file + ".tmp", "w") as f:
            f.write(str(server.server_address[1]))
        os.rename(port_file + ".tmp", port_file)
    server.serve_forever()
