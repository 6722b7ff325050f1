#!/usr/bin/env bash
# How personal's defaults were chosen: a sweep of trend_days x trend_power x recency_decay on the
# validation protocol (`recommend evaluate --validation`: every customer's last order is dropped and
# the one before it held out), so the orders that `recommend evaluate` judges are never looked at.
# Prints one line per setting and the best by hit rate + recall at 10.
# Usage: tests/bench/recommend_tune.sh BUILD_DIR [ONLINE_RETAIL_FILE]   (env WORK=dir)
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
source "$here/online_retail.sh"
online_retail_store "${2:-}"
results=$work/tune.tsv
: > "$results"
for days in 7 14 21 28 42; do
  for power in 0.5 0.75 1.0; do
    for decay in 1.0 0.9 0.8; do
      printf '[recommend]\ntrend_days = %s\ntrend_power = %s\nrecency_decay = %s\n' "$days" "$power" "$decay" > "$work/tune.toml"
      SHOPKEEP_CONFIG=$work/tune.toml "$build/shopkeep" --db "$db" --now "$now" recommend evaluate --validation -k 10 --json |
        /usr/bin/python3 -c 'import json,sys
d=json.load(sys.stdin); m=[m for m in d["methods"] if m["method"]=="personal"][0]
print("\t".join(sys.argv[1:] + ["%.4f" % m["hit_rate"], "%.4f" % m["recall"]]))' "$days" "$power" "$decay" | tee -a "$results"
    done
  done
done
/usr/bin/python3 -c 'import sys
rows=[l.split("\t") for l in open(sys.argv[1]) if l.strip()]
best=max(rows, key=lambda r: float(r[3]) + float(r[4]))
print("best on validation (hit + recall): trend_days %s trend_power %s recency_decay %s: %s / %s" % tuple(x.strip() for x in best))' "$results"
