#!/usr/bin/python3
"""A real SMTP server on loopback for the email tests and benchmarks (Debian's python3-aiosmtpd).

Every accepted message is written to OUT/NNNNNN.eml and listed in OUT/received.jsonl
({"file", "mail_from", "rcpt_tos", "message_id"}), flushed before the 250 reply goes out, so a test
that kills the client at any point still sees exactly what the server accepted.

Faults, each switchable: --starttls CERT KEY (STARTTLS required before MAIL), --tls CERT KEY (TLS
from the first byte, as smtps:// expects), --auth USER:PASS
(AUTH PLAIN/LOGIN required), --transient N (answer "451 4.3.0 try again later" to the first N
messages), --reject SUBSTRING (550 5.1.1 at RCPT for recipients containing it), --delay-ms MS
(sleep before answering each message, so a kill can land in between), --drop N (close the
connection without answering the Nth message, after reading it). --fast (benchmarks): only the
jsonl line, no message file and no fsync. Writes its port to --port-file.
"""
import argparse
import asyncio
import email.parser
import json
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Sink:
    def __init__(self, args):
        self.args = args
        self.count = 0
        self.seen = 0
        os.makedirs(args.out, exist_ok=True)
        self.log = open(os.path.join(args.out, "received.jsonl"), "a", buffering=1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.args.reject and self.args.reject in address:
            return "550 5.1.1 <%s>: recipient address rejected" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        self.seen += 1
        if self.args.delay_ms:
            await asyncio.sleep(self.args.delay_ms / 1000.0)
        if self.seen <= self.args.transient:
            return "451 4.3.0 try again later"
        if self.args.drop and self.seen == self.args.drop:
            server.transport.close()  # read it, never answer
            return "421 4.4.2 closing"
        self.count += 1
        name = "%06d.eml" % self.count
        data = envelope.original_content or envelope.content
        if not self.args.fast:
            with open(os.path.join(self.args.out, name), "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        headers = email.parser.BytesHeaderParser().parsebytes(data)
        self.log.write(json.dumps({"file": name, "mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                                   "message_id": (headers.get("Message-ID") or "").strip()}) + "\n")
        self.log.flush()
        if not self.args.fast:
            os.fsync(self.log.fileno())
        return "250 2.0.0 OK queued as sink-%d" % self.count


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port-file", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    p.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    p.add_argument("--auth")
    p.add_argument("--transient", type=int, default=0)
    p.add_argument("--reject")
    p.add_argument("--delay-ms", type=int, default=0)
    p.add_argument("--drop", type=int, default=0)
    p.add_argument("--fast", action="store_true")
    args = p.parse_args()
    sink = Sink(args)
    tls = None
    if args.starttls:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(*args.starttls)
    implicit = None
    if args.tls:
        implicit = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        implicit.load_cert_chain(*args.tls)
    authenticator = None
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and \
                auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False)  # False: the server answers 535 itself

    def factory():
        return SMTP(sink, hostname="sink.test", tls_context=tls, require_starttls=bool(tls),
                    authenticator=authenticator, auth_required=bool(args.auth),
                    auth_require_tls=bool(tls or implicit), data_size_limit=10 * 1024 * 1024)

    async def serve():
        server = await asyncio.get_running_loop().create_server(factory, args.host, 0, ssl=implicit)
        port = server.sockets[0].getsockname()[1]
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(str(port))
        os.rename(tmp, args.port_file)
        async with server:
            await server.serve_forever()

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
