#!/usr/bin/env bash
# Every benchmark that has a peer, in one run, as one table side by side: import against sqlite-utils
# and the sqlite3 .import floor, sync against the rate-limit floor (Shopify cost points, Zendesk
# requests per minute), the BG/NBD fit against the scipy reference, item similarity against pandas,
# email rendering and sending against Python's smtplib, restock forecasts against statsmodels (with
# the Online Retail CSV), and the whole pipeline on the 1,000,000-order shop against its goal
# (under 60 s and 300 MB peak for import, audit, kpi, rfm, value, carts, rules, recommend --all,
# recommend evaluate). Each benchmark's full output is kept in $WORK/summary/NAME.log.
# Usage: tests/bench/summary.sh BUILD_DIR [ONLINE_RETAIL_CSV] [--quick] [--only NAME...] [--table]
#   --quick: without the 1M pipeline; --only: run just these benchmarks (their logs replace the old
#   ones), then print the table from every log; --table: print the table from the logs of an earlier
#   run, running nothing.
# Takes about twenty minutes on two cores (the 1M-order shop is generated once, in $WORK, and kept).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: tests/bench/summary.sh BUILD_DIR [ONLINE_RETAIL_CSV] [--quick]}" && pwd)
shift
csv="" quick=0 table_only=0 only=() reading_only=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1; reading_only=0 ;;
    --table) table_only=1; reading_only=0 ;;
    --only) reading_only=1 ;;
    *) if [ $reading_only -eq 1 ]; then only+=("$arg"); else csv=$arg; fi ;;
  esac
done
work=${WORK:-${TMPDIR:-/tmp}/shopkeep-bench-import}
logs=$work/summary
mkdir -p "$logs"

# bench NAME [ARGS...]: runs tests/bench/NAME.sh, its output to $logs/NAME.log; says how long it took.
bench() {
  local name=$1; shift
  [ $table_only -eq 1 ] && return 0
  if [ ${#only[@]} -gt 0 ] && [[ " ${only[*]} " != *" $name "* ]]; then return 0; fi
  echo "running $name ..." >&2
  local start=$SECONDS
  WORK=$work bash "$here/$name.sh" "$build" "$@" > "$logs/$name.log" 2>&1 || echo "($name exited $?)" >> "$logs/$name.log"
  echo "  $name: $((SECONDS - start)) s" >&2
}
# line NAME PATTERN: the first line of NAME's log matching PATTERN (extended regex), or a pointer to the log.
line() { grep -m1 -E "$2" "$logs/$1.log" 2>/dev/null | sed 's/^ *//' || true; }
row() {  # row WHAT SHOPKEEP PEER
  printf '| %s | %s | %s |\n' "$1" "${2:-(no figure: see $logs)}" "${3:--}"
}

bench import_shopify
bench sync_shopify
bench sync_zendesk
bench customer_value
bench recommend_similar
bench email
[ -n "$csv" ] && bench restock "$csv"
[ $quick -eq 1 ] || bench scale

echo
echo "| benchmark | shopkeep | peer |"
echo "| --- | --- | --- |"
row "import shopify (orders + line items)" "$(line import_shopify '^shopkeep:')" \
  "$(line import_shopify '^sqlite-utils:'); $(line import_shopify '^sqlite3 floor:')"
row "sync shopify, paginated (cost points)" "$(line sync_shopify 'ratio [0-9.]+')" "the rate limit's floor: ratio 1.00"
row "sync shopify, bulk" "$(line sync_shopify '^bulk sync of')" "-"
row "sync zendesk (requests per minute)" "$(line sync_zendesk 'requests in')" "the account's rate limit"
row "BG/NBD fit (customers value)" "$(line customer_value '^fit time:')" "$(line customer_value '^same parameters')"
row "recommend --all --method similar" "$(line recommend_similar '^shopkeep recommend --all --method similar')" \
  "$(line recommend_similar '^pandas'); $(line recommend_similar '^ratio:')"
row "email render" "$(line email '^into ')" "-"
row "email send (loopback SMTP)" "$(line email '^shopkeep email send:')" "$(line email '^python smtplib')"
if [ -n "$csv" ] || { { [ $table_only -eq 1 ] || [ ${#only[@]} -gt 0 ]; } && [ -s "$logs/restock.log" ]; }; then
  # The first cut-off's figures (the log has all six).
  row "restock forecast (Online Retail, first cut-off)" "$(line restock '^shopkeep auto'); $(line restock '^time: ')" \
    "$(line restock '^statsmodels')"
else
  row "restock forecast (Online Retail)" "skipped: give the UCI Online Retail CSV" "statsmodels"
fi
if [ $quick -eq 0 ]; then
  # The pipeline: the steps a shop's nightly run takes, summed; peak memory is the largest step's.
  pipeline=$(awk '
    /^(import shopify|import zendesk|audit|kpi \(12 months\)|customers rfm|customers value|carts|recommend rules \(support 0\.001\)|recommend --all --method similar|recommend evaluate) +[0-9]/ {
      for (i = 1; i <= NF; ++i) if ($(i + 1) == "s") { s += $i; if ($(i + 2) > mib) mib = $(i + 2); break }
      steps++
    }
    END { if (steps) printf "%d steps: %.1f s, %d MiB peak", steps, s, mib }' "$logs/scale.log")
  row "pipeline at 1,000,000 orders" "${pipeline:-}" "goal: under 60 s, under 300 MB peak"
fi
