#!/usr/bin/env bash
# Benchmark: what one store holds. The generated 1,000,000-order shop (100,000 customers, 5,000
# products, 50,000 abandoned checkouts, 125,000 tickets): import time, store size, and the wall
# time and peak memory of every read command, as a user runs them (docs/scale.md).
# Usage: tests/bench/scale.sh BUILD_DIR   (env WORK=dir, reusing the import benchmark's shop)
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
source "$here/big_shop.sh"
db=$work/scale.db
now=2026-09-30T12:00:00Z

# measure LABEL CMD...: wall seconds and peak resident memory (GNU time), output discarded.
measure() {
  local label=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt" || {
    echo "$label: failed ($(tail -1 "$work/err.txt"))"
    return 0
  }
  read -r seconds kib < "$work/time.txt"
  printf '%-40s %8.2f s %8d MiB\n' "$label" "$seconds" $((kib / 1024))
}

if [ ! -f "$work/big/shopify/orders.jsonl" ]; then
  measure "genshop (1M orders)" "$build/genshop" --out "$work/big" --orders 1000000 --customers 100000 \
    --checkouts 50000 --tickets 125000 --products 5000
fi
echo "input: $(du -sh "$work/big/shopify" | cut -f1) Shopify JSONL, $(du -sh "$work/big/zendesk" | cut -f1) Zendesk JSON"
rm -f "$db" "$db-wal" "$db-shm"
sk=("$build/shopkeep" --db "$db" --now $now -q)
measure "import shopify" "${sk[@]}" import shopify "$work"/big/shopify/*.jsonl
measure "import zendesk" "${sk[@]}" import zendesk "$work"/big/zendesk/*.json
sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE);' > /dev/null
echo "store: $(stat -c %s "$db" | awk '{printf "%.0f MiB", $1 / 1048576}')"
sqlite3 "$db" "SELECT 'rows: ' || (SELECT count(*) FROM orders) || ' orders, ' || (SELECT count(*) FROM order_lines) \
  || ' order lines, ' || (SELECT count(*) FROM customers) || ' customers, ' || (SELECT count(*) FROM tickets) \
  || ' tickets, ' || (SELECT count(*) FROM ticket_comments) || ' comments'"

email=$(sqlite3 "$db" "SELECT email FROM customers WHERE email IS NOT NULL ORDER BY number_of_orders DESC LIMIT 1")
product=$(sqlite3 "$db" "SELECT handle FROM products ORDER BY id LIMIT 1")
measure "status" "${sk[@]}" status --json
measure "sql (orders per month)" "${sk[@]}" sql "SELECT substr(ordered_at, 1, 7) AS month, count(*) FROM counted_orders GROUP BY 1" --json
measure "audit" "${sk[@]}" audit --json
measure "kpi (12 months)" "${sk[@]}" kpi --json
measure "kpi --by day (2 years)" "${sk[@]}" kpi --by day --from 2024-10-01 --json
measure "customers rfm" "${sk[@]}" customers rfm --json
measure "customers value" "${sk[@]}" customers value --json
measure "customer show" "${sk[@]}" customer show "$email" --json
measure "customer export" "${sk[@]}" customer export "$email"
measure "carts" "${sk[@]}" carts --all --json
measure "carts report" "${sk[@]}" carts report --json
measure "recommend --product (fbt)" "${sk[@]}" recommend --product "$product" --json
measure "recommend --customer (personal)" "${sk[@]}" recommend --customer "$email" --json
measure "recommend --all --method similar" "${sk[@]}" recommend --all --method similar --format ndjson
measure "recommend rules (support 0.001)" "${sk[@]}" recommend rules --min-support 0.001 --json
measure "recommend evaluate" "${sk[@]}" recommend evaluate --json
measure "customer forget --dry-run" "${sk[@]}" customer forget "$email" --dry-run --json
