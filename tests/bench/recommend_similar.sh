#!/usr/bin/env bash
# Benchmark: `shopkeep recommend --all` on the generated 100,000-customer x 5,000-product shop (1M
# orders), end to end from the store (reading it, the model, every row written), side by side in
# one run with a pandas script that reads the same store with pd.read_sql and computes the same
# co-occurrence top-k (item-to-item cosine, pairs seen twice, top 10 per product; Debian
# python3-pandas/scipy). Also times `--all` for personal (every customer). Wall time, CPU time and
# peak memory from /usr/bin/time. Both sides read the same store with a warm page cache: the whole
# file is read once before the timings, so neither pays (nor leaves the other) the first disk read.
# Usage: tests/bench/recommend_similar.sh BUILD_DIR   (env WORK=dir, reusing the import benchmark's shop)
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
source "$here/big_shop.sh"
db=$work/value.db
big_shop_store "$db"
now=2026-09-30T12:00:00Z
"$build/shopkeep" --db "$db" status > /dev/null  # migrate the store first, outside the timings
cat "$db" "$db-wal" > /dev/null 2>&1 || true      # warm the page cache for both sides (the WAL may not exist)
measure() {  # measure NAME COMMAND...: "NAME: wall s, cpu s, peak MB"
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@"
  read -r wall user sys peak < "$work/time.txt"
  printf '%-52s %7.2f s wall %7.2f s cpu %6.0f MB peak\n' "$name" "$wall" "$(echo "$user + $sys" | bc -l)" "$(echo "$peak / 1024" | bc -l)"
  echo "$wall" > "$work/$name.wall"
}
measure "shopkeep recommend --all --method similar" \
  sh -c "\"$build/shopkeep\" --db \"$db\" --now $now recommend --all --method similar -k 10 --format ndjson > \"$work/similar.ndjson\""
measure "pandas read_sql + co-occurrence top-10" \
  /usr/bin/python3 "$here/item_similarity_pandas.py" "$db" "$now" 10 "$work/pandas.ndjson"
measure "shopkeep recommend --all (personal, every customer)" \
  sh -c "\"$build/shopkeep\" --db \"$db\" --now $now recommend --all -k 10 --format ndjson > \"$work/personal.ndjson\""
echo "rows: shopkeep similar $(wc -l < "$work/similar.ndjson"), pandas $(wc -l < "$work/pandas.ndjson"), personal $(wc -l < "$work/personal.ndjson")"
sk=$(cat "$work/shopkeep recommend --all --method similar.wall")
pd=$(cat "$work/pandas read_sql + co-occurrence top-10.wall")
printf 'ratio: pandas %.2f s / shopkeep %.2f s = %.1fx (end to end, wall time)\n' "$pd" "$sk" "$(echo "$pd / $sk" | bc -l)"
