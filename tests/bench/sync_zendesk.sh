#!/usr/bin/env bash
# Benchmark: sync zendesk of a generated help desk from the fake Zendesk at a plan's account limit
# (Team: 200 requests a minute) and the export limit (10 a minute), with the "minute" shortened on
# both sides so the run takes a minute or two, and each answer delayed as a real server's round trip
# (150 ms, shortened in the same proportion). Reports the achieved request rate as a ratio of the
# account limit, and the 429 answers (should be none: shopkeep waits instead).
# Usage: tests/bench/sync_zendesk.sh BUILD_DIR
#   (env TICKETS=3000 ACCOUNT_LIMIT=200 MINUTE_SECONDS=6 LATENCY_MS=150, the latency in real-minute terms)
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
tickets=${TICKETS:-3000}
limit=${ACCOUNT_LIMIT:-200}
minute=${MINUTE_SECONDS:-6}
latency=$(/usr/bin/python3 -c "print(${LATENCY_MS:-150} * $minute / 60)")
work=$(mktemp -d)
trap 'kill $fake 2>/dev/null; rm -rf "$work"' EXIT
"$build/genshop" --out "$work/shop" --customers $((tickets * 2)) --orders $((tickets * 4)) --products 100 --checkouts 10 --tickets "$tickets" >/dev/null
/usr/bin/python3 "$here/../fakes/zendesk_fake.py" --data "$work/shop/zendesk" --port-file "$work/port" \
  --account-limit "$limit" --minute "$minute" --latency-ms "$latency" --log "$work/fake.log" &
fake=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
export ZENDESK_URL=http://127.0.0.1:$(cat "$work/port") ZENDESK_EMAIL=agent@example.com ZENDESK_API_TOKEN=zd-test-token
export SHOPKEEP_ZENDESK_MINUTE_MS=$((minute * 1000))
start=$(date +%s.%N)
"$build/shopkeep" --db "$work/s.db" sync zendesk
end=$(date +%s.%N)
/usr/bin/python3 - "$work/fake.log" "$start" "$end" "$limit" "$minute" <<'PY'
import sys
log, start, end, limit, minute = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
lines = [l for l in open(log).read().splitlines() if l.startswith("GET ")]
answered = [l for l in lines if " 429" not in l]
limited = len(lines) - len(answered)
minutes = (end - start) / minute
rate = len(answered) / minutes
print(f"{len(answered)} requests in {end - start:.1f} s = {minutes:.1f} Zendesk minutes ({minute:g} s each): "
      f"{rate:.0f} requests/minute against an account limit of {limit}/minute -> ratio {rate / limit:.2f}; 429 answers: {limited}")
PY
