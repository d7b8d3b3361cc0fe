"""A real SMTP server for the notice tests (Debian's python3-aiosmtpd), started by smtp_server.sh.

Listens on 127.0.0.1:PORT (a free one when PORT is 0) and writes each message it accepts to
DIR/messages/NNNN.eml (the bytes as received) with NNNN.json (envelope sender, recipients, the
login and AUTH mechanism used, whether over TLS), each renamed into place only when whole.
Writes DIR/port once it listens.

Options:
  --auth USER:PASSWORD    refuse mail until the client logs in with these (AUTH PLAIN, LOGIN)
  --only-login            offer AUTH LOGIN alone, not PLAIN
  --starttls CERT KEY     offer STARTTLS with this certificate and refuse mail before it
  --hold-first SECONDS    take the first message, then wait this long before answering 250,
                          so that a test can kill the client in between
Recipients whose address starts with "unknown" are refused with 550.
"""
import argparse
import asyncio
import json
import os
import socket
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Saver:
    def __init__(self, folder, hold_first):
        self.folder = folder
        self.hold_first = hold_first
        self.count = len([f for f in os.listdir(folder) if f.endswith(".eml")])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("unknown"):
            return "550 5.1.1 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.folder, "%04d" % self.count)
        login = session.login_data.decode() if session.login_data else None
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "login": login,
                "mechanism": getattr(session, "mechanism", None), "tls": session.ssl is not None}
        for suffix, data in ((".json", json.dumps(meta).encode()), (".eml", envelope.original_content)):
            with open(base + suffix + ".tmp", "wb") as out:
                out.write(data)
            os.rename(base + suffix + ".tmp", base + suffix)
        if self.hold_first and self.count == 1:
            await asyncio.sleep(self.hold_first)
        return "250 OK queued as %04d" % self.count


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("port", type=int)
    parser.add_argument("--auth")
    parser.add_argument("--only-login", action="store_true")
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--hold-first", type=float, default=0)
    args = parser.parse_args()

    folder = os.path.join(args.dir, "messages")
    os.makedirs(folder, exist_ok=True)
    options = {}
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and data.login == user.encode() \
                and data.password == password.encode()
            session.mechanism = mechanism
            # handled=False: aiosmtpd answers 535 itself (with True it would answer nothing).
            return AuthResult(success=ok, handled=False, auth_data=data)

        options.update(authenticator=authenticator, auth_required=True,
                       auth_require_tls=bool(args.starttls))
        if args.only_login:
            options["auth_exclude_mechanism"] = ["PLAIN"]
    if args.starttls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*args.starttls)
        options.update(tls_context=context, require_starttls=True)

    port = args.port or free_port()
    controller = Controller(Saver(folder, args.hold_first), hostname="127.0.0.1", port=port,
                            **options)
    controller.start()
    with open(os.path.join(args.dir, "port.tmp"), "w") as out:
        out.write(str(port))
    os.rename(os.path.join(args.dir, "port.tmp"), os.path.join(args.dir, "port"))
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    sys.exit(main())
