#!/usr/bin/env bash
# How personal's defaults were chosen: a sweep of trend_days x trend_power x recency_decay on the
# validation protocol (`recommend evaluate --validation`: every customer's last order is dropped and
# the one before it held out), so the orders that `recommend evaluate` judges are never looked at.
# Three validation shops: the whole file, and two splits of its customers (ids divisible by 9, by 7)
# standing for smaller shops. The choice: the best mean gain over own_history (hit rate + recall at 10).
# Usage: tests/bench/recommend_tune.sh BUILD_DIR [ONLINE_RETAIL_FILE]   (env WORK=dir)
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
source "$here/online_retail.sh"
online_retail_store "${2:-}"
file=${2:-$ONLINE_RETAIL}
for mod in 9 7; do
  if [ ! -f "$work/split$mod.db" ]; then
    /usr/bin/python3 "$here/../tools/online_retail_to_jsonl.py" "$file" "$work/split$mod.jsonl" --only-mod $mod 2>/dev/null
    "$build/shopkeep" --db "$work/split$mod.db" -q import shopify "$work/split$mod.jsonl"
  fi
done
results=$work/tune.tsv
: > "$results"
for days in 7 14 21 28 42; do
  for power in 0.5 0.75 1.0; do
    for decay in 1.0 0.9 0.8; do
      printf '[recommend]\ntrend_days = %s\ntrend_power = %s\nrecency_decay = %s\n' "$days" "$power" "$decay" > "$work/tune.toml"
      for shop in "$db" "$work/split9.db" "$work/split7.db"; do
        SHOPKEEP_CONFIG=$work/tune.toml "$build/shopkeep" --db "$shop" --now "$now" recommend evaluate --validation -k 10 --json |
          /usr/bin/python3 -c 'import json,sys
d=json.load(sys.stdin); m={x["method"]: x for x in d["methods"]}
p, o = m["personal"], m["own_history"]
print("\t".join(sys.argv[1:] + ["%.4f" % v for v in (p["hit_rate"], p["recall"], o["hit_rate"], o["recall"])]))' \
            "$days" "$power" "$decay" "$(basename "$shop" .db)" | tee -a "$results"
      done
    done
  done
done
/usr/bin/python3 -c 'import collections, sys
gain = collections.defaultdict(list)
for l in open(sys.argv[1]):
    days, power, decay, shop, ph, pr, oh, orr = l.split()
    gain[(days, power, decay)].append(float(ph) - float(oh) + float(pr) - float(orr))
best = max(gain, key=lambda k: sum(gain[k]) / len(gain[k]))
print("best mean gain over own_history (hit + recall, 3 validation shops): trend_days %s trend_power %s recency_decay %s" % best,
      "(+%.4f)" % (sum(gain[best]) / len(gain[best])))' "$results"
