#!/usr/bin/env bash
# Benchmark: item-to-item similarity ("customers who bought X also bought Y") on the generated
# 100,000-customer x 5,000-product shop: `shopkeep recommend --all --method similar` end to end
# (loading the store, the model, every product's top 10, output) against a pandas/scipy sparse
# reference doing the same co-occurrence and cosine top 10 (Debian python3-pandas/scipy).
# Usage: tests/bench/recommend_similar.sh BUILD_DIR   (env WORK=dir, reusing the import benchmark's shop)
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
source "$here/big_shop.sh"
db=$work/value.db
big_shop_store "$db"
now=2026-09-30T12:00:00Z
start=$(date +%s.%N)
"$build/shopkeep" --db "$db" --now $now recommend --all --method similar -k 10 --format ndjson > "$work/similar.ndjson"
end=$(date +%s.%N)
sk=$(echo "$end - $start" | bc -l)
echo "shopkeep recommend --all --method similar: $(printf '%.2f' "$sk") s, $(wc -l < "$work/similar.ndjson") rows"
"$build/shopkeep" --db "$db" sql "SELECT DISTINCT o.customer_id, l.product_id FROM orders o JOIN order_lines l ON l.order_id = o.id \
  WHERE o.customer_id IS NOT NULL AND o.test = 0 AND o.cancelled_at IS NULL AND l.product_id IS NOT NULL" --format csv > "$work/pairs.csv"
py=$(/usr/bin/python3 "$here/item_similarity_pandas.py" "$work/pairs.csv" 10)
echo "pandas/scipy reference: $py"
/usr/bin/python3 -c "import json,sys; p=json.loads(sys.argv[1]); print(f'ratio: pandas {p[\"seconds\"]:.2f} s (computation only) / shopkeep {float(sys.argv[2]):.2f} s (end to end) = {p[\"seconds\"]/float(sys.argv[2]):.1f}x')" "$py" "$sk"
