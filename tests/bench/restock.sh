#!/usr/bin/env bash
# Restock forecasts on real data: the UCI Online Retail transactions (CC BY 4.0) converted into a
# shopkeep store, `shopkeep restock evaluate` at several cut-offs (the 100 best sellers, 8 weeks
# after each cut-off), side by side with statsmodels' ExponentialSmoothing on the same series, with
# the time each took. Run on purpose, never as a test:
#   tests/bench/restock.sh BUILD_DIR [ONLINE_RETAIL_CSV[.gz] [CUTOFF...]]
# The file may also come from ONLINE_RETAIL_CSV (the UCI file, or its customer-id subset); without it
# the benchmark is skipped (it is not shipped in testdata/, only a small extract is).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: restock.sh BUILD_DIR [ONLINE_RETAIL_CSV [CUTOFF...]]}" && pwd)
file=${2:-${ONLINE_RETAIL_CSV:-}}
[ -n "$file" ] || { echo "skipped: give the Online Retail CSV as the second argument or ONLINE_RETAIL_CSV"; exit 0; }
[ -f "$file" ] || { echo "no file $file" >&2; exit 2; }
shift $(($# >= 2 ? 2 : 1))
cutoffs=("$@")
[ ${#cutoffs[@]} -gt 0 ] || cutoffs=(2011-05-02 2011-06-06 2011-07-04 2011-08-01 2011-09-05 2011-10-03)
shopkeep=$build/shopkeep
[ -x "$shopkeep" ] || { echo "no $shopkeep: build first" >&2; exit 2; }
source "$here/../../scripts/deps"
install_missing_packages python3-statsmodels bc  # the reference side (Debian's, for /usr/bin/python3)

work=$(mktemp -d "${TMPDIR:-/tmp}/shopkeep-restock-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export SHOPKEEP_DB=$work/store.db SHOPKEEP_CONFIG=$work/config.toml
: >"$SHOPKEEP_CONFIG"

seconds() { local t0=$1; echo "$(date +%s.%N) - $t0" | bc; }

t0=$(date +%s.%N)
/usr/bin/python3 "$here/online_retail_to_shopify.py" "$file" "$work/shop.jsonl"
echo "convert: $(wc -l <"$work/shop.jsonl") JSONL lines in $(seconds "$t0") s"
t0=$(date +%s.%N)
SHOPKEEP_NOW=2011-12-10T00:00:00Z "$shopkeep" -q import shopify "$work/shop.jsonl"
echo "import: $(seconds "$t0") s"

for cut in "${cutoffs[@]}"; do
  now=$(date -u -d "$cut + 56 days" +%Y-%m-%dT12:00:00Z)  # the held-out 8 weeks end the day before
  t0=$(date +%s.%N)
  "$shopkeep" restock evaluate --now "$now" --holdout-weeks 8 --top 100 --json >"$work/shopkeep_$cut.json"
  seconds "$t0" >"$work/shopkeep_${cut}_seconds"
done
/usr/bin/python3 "$here/restock_statsmodels.py" "$file" "$work" "${cutoffs[@]}"
