#!/usr/bin/env python3
"""A server that answers 401 to every request (both Shopify and Zendesk refuse the credentials).
Usage: deny_all.py PORT_FILE; writes the port it listens on to PORT_FILE, runs until killed."""
import http.server
import sys


class Deny(http.server.BaseHTTPRequestHandler):
    def refuse(self):
        body = b'{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}'
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = refuse

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Deny)
with open(sys.argv[1], "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
