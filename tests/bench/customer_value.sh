#!/usr/bin/env bash
# Benchmark: BG/NBD on the generated 100,000-customer / 1,000,000-order shop. Both fitters start
# from the same per-customer summary (written from `shopkeep customers value --json`): shopkeep's
# (tests/tools/fit_bgnbd) and a Python reference with lifetimes' likelihood and optimiser
# (bgnbd_lifetimes_reference.py, Debian python3-scipy). Reports parameters, fit times and their
# ratio, and separately the end-to-end time of `customers value` from the store.
# Usage: tests/bench/customer_value.sh BUILD_DIR   (env WORK=dir, reusing the import benchmark's shop)
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
source "$here/big_shop.sh"
db=$work/value.db
big_shop_store "$db"
now=2026-09-30T12:00:00Z

start=$(date +%s.%N)
"$build/shopkeep" --db "$db" --now $now customers value --json > "$work/values.json"
end=$(date +%s.%N)
echo "customers value from the store, end to end: $(echo "$end - $start" | bc -l | cut -c1-6) s"

/usr/bin/python3 - "$work/values.json" "$work/summary.csv" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
with open(sys.argv[2], "w") as f:
    f.write("frequency,recency,T\n")
    for r in rows:
        f.write(f'{r["frequency"]},{r["recency_weeks"]!r},{r["age_weeks"]!r}\n')
print(f"summary: {len(rows)} customers")
PY

cpp=$("$build/fit_bgnbd" "$work/summary.csv")
py=$(/usr/bin/python3 "$here/bgnbd_lifetimes_reference.py" "$work/summary.csv")
/usr/bin/python3 - "$cpp" "$py" <<'PY'
import json, sys
c, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f'{"":10} {"shopkeep":>12} {"python/scipy":>12}')
for k in ("r", "alpha", "a", "b", "log_likelihood"):
    print(f"{k:10} {c[k]:12.6g} {p[k]:12.6g}")
same = all(abs(c[k] - p[k]) <= 0.5e-4 * abs(p[k]) for k in ("r", "alpha", "a", "b"))
print(f'fit time:  shopkeep {c["seconds"]:.3f} s, python {p["seconds"]:.3f} s -> {p["seconds"] / c["seconds"]:.1f}x')
print("same parameters to 4 significant digits:", "yes" if same else "NO")
PY
