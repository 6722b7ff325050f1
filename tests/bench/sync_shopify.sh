#!/usr/bin/env bash
# Benchmark: paginated sync of 2,000 generated orders from the fake Shopify at a restore rate where
# the run takes a minute or two (pages are sized so that their requested cost stays within the
# 1,000-point bucket, as Shopify requires, and each waits for the bucket to refill: 10,000 orders took
# over ten minutes). Reports the achieved cost throughput (actual query cost per second)
# as a ratio of what the bucket allows (its restore rate), and whether any answer was THROTTLED.
# Then a bulk sync of 100,000 orders end to end, its time split between waiting for the job,
# downloading and importing.
# Usage: tests/bench/sync_shopify.sh BUILD_DIR   (env RESTORE=300 ORDERS=2000 BULK_ORDERS=100000)
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
restore=${RESTORE:-300}
orders=${ORDERS:-2000}
work=$(mktemp -d)
# The fake reads its whole shop before it listens: 100,000 orders take it well over ten seconds.
wait_for_fake() {
  for _ in $(seq 1200); do [ -s "$work/port" ] && return 0; sleep 0.1; done
  echo "sync_shopify: the fake Shopify did not start within 120 s" >&2
  exit 1
}
trap 'kill $fake 2>/dev/null; rm -rf "$work"' EXIT
"$build/genshop" --out "$work/shop" --orders "$orders" --customers $((orders / 10)) --products 200 --checkouts 10 --tickets 1
/usr/bin/python3 "$here/../fakes/shopify_fake.py" --data "$work"/shop/shopify/{shop,orders}.jsonl --port-file "$work/port" \
  --restore-rate "$restore" --maximum 1000 --log "$work/fake.log" &
fake=$!
wait_for_fake
export SHOPIFY_SHOP=http://127.0.0.1:$(cat "$work/port") SHOPIFY_ACCESS_TOKEN=shpat_test
start=$(date +%s.%N)
SHOPKEEP_SHOPIFY_BULK=0 "$build/shopkeep" --db "$work/s.db" -q sync --resources orders  # paginated, not bulk
end=$(date +%s.%N)
/usr/bin/python3 - "$work/fake.log" "$start" "$end" "$restore" <<'PY'
import re, sys
log, start, end, restore = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
lines = open(log).read().splitlines()
actual = sum(float(m.group(1)) for l in lines if (m := re.search(r"^ok .*actual=([\d.]+)", l)))
throttled = sum(1 for l in lines if l.startswith("THROTTLED"))
seconds = end - start
# The bucket starts full (1,000 points): what it allows over the run is that plus the restore.
allowed = (1000 + restore * seconds) / seconds
print(f"{actual:.0f} cost points in {seconds:.1f} s = {actual / seconds:.0f}/s; the limit allows {allowed:.0f}/s "
      f"(restore {restore:.0f}/s + the initial bucket) -> ratio {actual / seconds / allowed:.2f}; THROTTLED answers: {throttled}")
PY

echo
kill $fake 2>/dev/null
bulk_orders=${BULK_ORDERS:-100000}
"$build/genshop" --out "$work/bulk" --orders "$bulk_orders" --customers $((bulk_orders / 10)) --products 500 --checkouts 10 --tickets 1
rm -f "$work/port"
/usr/bin/python3 "$here/../fakes/shopify_fake.py" --data "$work"/bulk/shopify/{shop,orders}.jsonl --port-file "$work/port" &
fake=$!
wait_for_fake
export SHOPIFY_SHOP=http://127.0.0.1:$(cat "$work/port")
start=$(date +%s.%N)
"$build/shopkeep" --db "$work/bulk.db" sync --resources orders --json > "$work/bulk.json"
end=$(date +%s.%N)
/usr/bin/python3 - "$work/bulk.json" "$start" "$end" <<'PY'
import json, sys
r = [x for x in json.load(open(sys.argv[1])) if x["resource"] == "orders"][0]
total = float(sys.argv[3]) - float(sys.argv[2])
print(f"bulk sync of {r['records']} orders: {total:.1f} s end to end = {r['bulk_wait_seconds']:.1f} s waiting for the job "
      f"+ {r['bulk_download_seconds']:.1f} s downloading + {r['bulk_import_seconds']:.1f} s importing")
PY
