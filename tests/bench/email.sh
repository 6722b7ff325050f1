#!/usr/bin/env bash
# Benchmark: campaign email.
# 1. Rendering: 100,000 messages (winback templates, three recommended products each) composed from
#    the sample shop's store through the code of `email render` (tests/tools/render_bench: message
#    loader, Mustache, GMime, .eml files on every core). Target: at least 10,000 messages/s on 2 cores.
# 2. Sending: 10,000 cart-recovery messages to the loopback SMTP sink (tests/fakes/smtp_sink.py
#    --fast, aiosmtpd) with `email send --rate 0`: messages/s and the share of the time spent in SMTP
#    transactions (the rest: planning, re-checks, composing, and the durable `sending` write before
#    each transaction). Beside it, the same 10,000 rendered messages sent by Python's smtplib over one
#    connection, which keeps no log: the floor a sender without the at-most-once protocol pays.
# Usage: tests/bench/email.sh BUILD_DIR   (env WORK=dir for the scratch files)
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
source=$(cd "$here/../.." && pwd)
work=${WORK:-${TMPDIR:-/tmp}/shopkeep-bench-email}
mkdir -p "$work"
cores=$(nproc)

echo "-- rendering 100,000 messages ($cores cores)"
if [ ! -f "$work/shop.db" ]; then
  "$build/genshop" --out "$work/shop" >/dev/null
  "$build/shopkeep" --db "$work/shop.db" -q import shopify "$work"/shop/shopify/*.jsonl
fi
# Into the work folder (the disk), and into tmpfs when there is one, which leaves out the filesystem's
# cost of creating 100,000 files.
targets=("$work/rendered")
[ -d /dev/shm ] && [ -w /dev/shm ] && targets+=("/dev/shm/shopkeep-bench-rendered")
for out in "${targets[@]}"; do
  rm -rf "$out"
  result=$("$build/render_bench" --db "$work/shop.db" --out "$out" --count 100000)
  /usr/bin/python3 - "$result" "$out" <<'PY'
import json, os, sys
r = json.loads(sys.argv[1])
files = [f for f in os.listdir(sys.argv[2]) if f.endswith(".eml")]
size = sum(os.path.getsize(os.path.join(sys.argv[2], f)) for f in files[:1000]) / 1000
print(f'into {sys.argv[2]}: {r["messages"]} messages ({len(files)} .eml files, {size / 1024:.1f} KiB each): '
      f'gathering {r["load_seconds"]:.2f} s, composing and writing {r["render_seconds"]:.2f} s '
      f'-> {r["messages_per_second"]:,.0f} messages/s (target 10,000); one thread: templates '
      f'{r["one_thread_templates_us"]:.0f} us, MIME {r["one_thread_mime_us"]:.0f} us per message')
PY
  rm -rf "$out"
done
echo "   (load average while rendering: $(cut -d' ' -f1-3 /proc/loadavg))"

echo "-- sending 10,000 messages to a loopback SMTP sink"
rm -rf "$work/send" && mkdir -p "$work/send" && cd "$work/send"
/usr/bin/python3 "$source/testdata/email/make_email_shop.py" shop.jsonl --bulk 10000
"$build/shopkeep" --db send.db -q import shopify shop.jsonl
cat > c.toml <<'TOML'
[carts]
holdout = 0
[email]
from = "Test Roasters <hello@test-roasters.example>"
postal_address = "Test Roasters, 1 Bean Street, 12345 Roastville"
unsubscribe_url = "https://test-roasters.example/unsubscribe?t={{token}}"
[email.discount_codes]
percent_10 = "COMEBACK10"
TOML
cp send.db peer.db
/usr/bin/python3 "$source/tests/fakes/smtp_sink.py" --port-file sink.port --out sink --fast 2>/dev/null &
sink=$!
trap 'kill $sink 2>/dev/null' EXIT
for _ in $(seq 100); do [ -s sink.port ] && break; sleep 0.1; done
port=$(cat sink.port)
now=2026-03-10T12:00:00Z
start=$(date +%s.%N)
"$build/shopkeep" --db send.db --config c.toml --now $now -v email send cart-recovery \
  --smtp smtp://127.0.0.1:$port --rate 0 --json > send.json 2> send.err
end=$(date +%s.%N)
"$build/shopkeep" --db peer.db --config c.toml --now $now -q email render cart-recovery --out peer > /dev/null
/usr/bin/python3 - "$port" <<'PY' > peer.txt
import os, smtplib, sys, time
files = sorted(f for f in os.listdir("peer") if f.endswith(".eml"))
t = time.perf_counter()
with smtplib.SMTP("127.0.0.1", int(sys.argv[1])) as s:
    for f in files:
        data = open(os.path.join("peer", f), "rb").read()
        to = data.split(b"\r\nTo: ", 1)[1].split(b"\r\n", 1)[0].decode()
        s.sendmail("hello@test-roasters.example", [to[to.rfind("<") + 1:-1] if "<" in to else to], data)
print(len(files), time.perf_counter() - t)
PY
/usr/bin/python3 - "$start" "$end" <<'PY'
import json, re, sys
start, end = float(sys.argv[1]), float(sys.argv[2])
counts = json.load(open("send.json"))
timing = re.search(r"sent in ([0-9.]+) s, ([0-9.]+) s of it in SMTP", open("send.err").read())
loop, smtp = float(timing.group(1)), float(timing.group(2))
total = end - start
n, peer = open("peer.txt").read().split()
n, peer = int(n), float(peer)
print(f'shopkeep email send: {counts["sent"]} sent in {total:.2f} s end to end ({counts["sent"] / total:,.0f} messages/s); '
      f'the send loop {loop:.2f} s ({counts["sent"] / loop:,.0f} messages/s), {100 * smtp / loop:.0f}% of it in SMTP transactions')
print(f'python smtplib, pre-rendered files, no log: {n} sent in {peer:.2f} s ({n / peer:,.0f} messages/s); '
      f'shopkeep\'s send loop takes {loop / peer:.2f}x as long')
PY
