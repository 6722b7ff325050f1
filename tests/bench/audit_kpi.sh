#!/usr/bin/env bash
# Benchmark: audit and kpi on the generated 1,000,000-order shop (with its Zendesk side).
# Usage: tests/bench/audit_kpi.sh BUILD_DIR   (env WORK=dir, reusing the import benchmark's shop)
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
source "$here/big_shop.sh"
db=$work/audit.db
big_shop_store "$db" zendesk
now=2026-09-30T12:00:00Z
time_it() {  # time_it LABEL CMD...
  local label=$1 start end
  shift
  start=$(date +%s.%N)
  "$@" > "$work/out.json"
  end=$(date +%s.%N)
  printf '%-28s %6.2f s\n' "$label" "$(echo "$end - $start" | bc -l)"
}
time_it audit "$build/shopkeep" --db "$db" --now $now audit --json
echo "  $(/usr/bin/python3 -c 'import json; print(len(json.load(open("'"$work"'/out.json"))), "findings")')"
time_it "kpi (12 months)" "$build/shopkeep" --db "$db" --now $now kpi --json
time_it "kpi --by day (2 years)" "$build/shopkeep" --db "$db" --now $now kpi --by day --from 2024-10-01 --json
