#!/usr/bin/env bash
# Benchmark: next-basket recommendation on UCI Online Retail (Chen, Sain & Guo 2012; CC BY 4.0),
# converted to Shopify JSONL and imported, then `recommend evaluate -k 10` through the real binary:
# every method next to the published baselines (popularity 0.369 / 0.038, own_history 0.721 / 0.192 on
# the 3,927-customer training file), on the cli.md protocol and on the validation protocol, with
# NDCG@10 and repeat share; wall time and peak memory of each evaluation.
# Usage: tests/bench/recommend_online_retail.sh BUILD_DIR [ONLINE_RETAIL_FILE]   (or env ONLINE_RETAIL)
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
source "$here/online_retail.sh"
online_retail_store "${2:-}"
for protocol in "" --validation "--split-date 2011-10-01"; do
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$build/shopkeep" --db "$db" --now "$now" recommend evaluate $protocol -k 10 --json > "$work/evaluate.json"
  read -r wall peak < "$work/time.txt"
  /usr/bin/python3 - "$work/evaluate.json" "$wall" "$peak" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
published = {"popularity": "0.369 / 0.038", "own_history": "0.721 / 0.192"}
print(f"protocol {d['protocol']}: k={d['k']}, {d['test_customers']} test customers; "
      f"{float(sys.argv[2]):.1f} s, {int(sys.argv[3]) / 1024:.0f} MB peak")
print(f"{'method':<12} {'hit rate':>8} {'recall':>7} {'ndcg':>6} {'repeat':>7}   published (hit / recall)")
for m in d["methods"]:
    ref = published.get(m["method"], "") if d["protocol"] == "last_order" else ""
    print(f"{m['method']:<12} {m['hit_rate']:8.3f} {m['recall']:7.3f} {m['ndcg']:6.3f} {m['repeat_share']:7.3f}   {ref}")
PY
done
