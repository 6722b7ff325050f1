# Sourced by the benchmarks that use the generated 1,000,000-order shop: sets `work` (env WORK,
# shared with the import benchmark) and provides `big_shop_store DB [zendesk]`, which generates the
# shop once and imports it into DB once.
work=${WORK:-${TMPDIR:-/tmp}/shopkeep-bench-import}
mkdir -p "$work"

big_shop_store() {
  local db=$1 with_zendesk=${2:-}
  if [ ! -f "$work/big/shopify/orders.jsonl" ]; then
    "$build/genshop" --out "$work/big" --orders 1000000 --customers 100000 --checkouts 50000 --tickets 125000 --products 5000
  fi
  if [ ! -f "$db" ]; then
    "$build/shopkeep" --db "$db" -q import shopify "$work"/big/shopify/*.jsonl
    [ -z "$with_zendesk" ] || "$build/shopkeep" --db "$db" -q import zendesk "$work"/big/zendesk/*.json
  fi
}
