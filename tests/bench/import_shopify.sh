#!/usr/bin/env bash
# Benchmark: `shopkeep import shopify` of the generated 1,000,000-order shop, side by side in the same
# run with `sqlite-utils insert` (orders and line items as two newline-delimited JSON files into two
# tables) and the sqlite3 shell's `.import` of the same rows as CSV (the floor: no JSON parsing).
# Usage: tests/bench/import_shopify.sh BUILD_DIR   (env: ORDERS=1000000 CUSTOMERS=100000 WORK=dir)
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
orders=${ORDERS:-1000000}
customers=${CUSTOMERS:-100000}
work=${WORK:-${TMPDIR:-/tmp}/shopkeep-bench-import}
mkdir -p "$work"

need=()
command -v sqlite-utils >/dev/null || need+=(sqlite-utils)
command -v sqlite3 >/dev/null || need+=(sqlite3)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  sudo=(); [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi

# measure LABEL CMD...: wall seconds and peak RSS (MiB) of CMD, appended to results.
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null
  read -r secs kib < "$work/time.txt"
  printf '%-34s %8.1f s %8d MiB\n' "$label" "$secs" $((kib / 1024))
  LAST_SECS=$secs
  LAST_MIB=$((kib / 1024))
}

gen() {  # gen DIR ORDERS CUSTOMERS
  if [ ! -f "$1/shopify/orders.jsonl" ]; then
    "$build/genshop" --out "$1" --orders "$2" --customers "$3" --checkouts $(($2 / 20)) --tickets $(($2 / 8)) --products 5000
  fi
}

echo "generating the shop ($orders orders, $customers customers) in $work ..."
gen "$work/big" "$orders" "$customers"
gen "$work/small" $((orders / 10)) $((customers / 10))

orders_file=$work/big/shopify/orders.jsonl
records=$(wc -l < "$orders_file")
order_rows=$(grep -vc '"__parentId"' "$orders_file" || true)
line_rows=$((records - order_rows))
echo "orders.jsonl: $(du -h "$orders_file" | cut -f1), $order_rows orders + $line_rows line items = $records records"

# Inputs for the peers, prepared outside the timings.
if [ ! -f "$work/orders.ndjson" ]; then
  /usr/bin/python3 "$here/split_orders.py" "$orders_file" "$work"
fi

echo
echo "-- orders + line items ($records records)"
rm -f "$work/shopkeep.db"*
measure "shopkeep import shopify" "$build/shopkeep" --db "$work/shopkeep.db" -q import shopify "$orders_file"
sk_secs=$LAST_SECS; sk_mib=$LAST_MIB

rm -f "$work/su.db"*
measure "sqlite-utils insert (orders)" sqlite-utils insert "$work/su.db" orders "$work/orders.ndjson" --nl --pk id
su1=$LAST_SECS
measure "sqlite-utils insert (line items)" sqlite-utils insert "$work/su.db" line_items "$work/lines.ndjson" --nl --pk id
su_secs=$(echo "$su1 + $LAST_SECS" | bc -l)

rm -f "$work/floor.db"*
cat > "$work/floor.sql" <<SQL
PRAGMA journal_mode=WAL;
.mode csv
.import $work/orders.csv orders
.import $work/lines.csv line_items
SQL
measure "sqlite3 .import CSV (floor)" sqlite3 "$work/floor.db" ".read $work/floor.sql"
floor_secs=$LAST_SECS

echo
echo "-- whole shop import, memory against input size"
rm -f "$work/all.db"*
measure "shopkeep, whole shop (1x)" "$build/shopkeep" --db "$work/all.db" -q import shopify "$work"/big/shopify/*.jsonl
big_mib=$LAST_MIB; big_secs=$LAST_SECS
rm -f "$work/all.db"*
measure "shopkeep, whole shop (0.1x)" "$build/shopkeep" --db "$work/all.db" -q import shopify "$work"/small/shopify/*.jsonl
small_mib=$LAST_MIB
all_records=$(cat "$work"/big/shopify/*.jsonl | wc -l)

echo
printf 'shopkeep:      %10.0f records/s (orders + line items), peak %d MiB\n' "$(echo "$records / $sk_secs" | bc -l)" "$sk_mib"
printf 'sqlite-utils:  %10.0f records/s  -> shopkeep is %.1fx faster\n' "$(echo "$records / $su_secs" | bc -l)" "$(echo "$su_secs / $sk_secs" | bc -l)"
printf 'sqlite3 floor: %10.0f records/s  -> shopkeep takes %.2fx the floor time\n' "$(echo "$records / $floor_secs" | bc -l)" "$(echo "$sk_secs / $floor_secs" | bc -l)"
printf 'whole shop:    %10.0f records/s (%d records); peak memory %d MiB at 1x vs %d MiB at 0.1x input\n' \
  "$(echo "$all_records / $big_secs" | bc -l)" "$all_records" "$big_mib" "$small_mib"
