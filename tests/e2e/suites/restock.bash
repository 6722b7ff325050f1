# restock: forecasts, reorder points and the backtest through the real binary, on an extract of the
# UCI Online Retail transactions (testdata/restock/README.md) with stock counts of our own.

DATA=$SHOPKEEP_SOURCE_DIR/testdata/restock
NOW=2011-07-01T12:00:00Z
convert() {  # convert STOCK_CSV OUT_JSONL
  "$PYTHON" "$SHOPKEEP_SOURCE_DIR/tests/bench/online_retail_to_shopify.py" "$DATA/online_retail_extract.csv" "$2" \
    --stock "$1"
}
load() {
  convert "$DATA/stock.csv" shop.jsonl
  SHOPKEEP_NOW=$NOW "$SHOPKEEP" -q import shopify shop.jsonl
}
row() {  # row SKU FIELD: a field of the --all listing in $OUT
  json_get "[r[\"$2\"] for r in d if r[\"sku\"] == \"$1\"][0]"
}

TEST "restock lists the variants to reorder now, worst first, with the contract's fields"
load
sk restock --now $NOW --json
expect_rc 0
expect_eq "$(json_get '[r["sku"] for r in d]')" "['84879', '85123A', '22423']" "order: out of stock, then soonest stockout"
for field in variant_id product_id sku title on_hand demand_per_day lead_time_days days_of_cover stockout_date \
  reorder_point reorder_quantity stock_value currency overstock method; do
  expect_eq "$(json_get "all('$field' in r for r in d)")" True "field $field"
done
expect_eq "$(row 84879 on_hand) $(row 84879 days_of_cover) $(row 84879 stockout_date)" "0 0.0 2011-07-01" "out of stock today"
expect_eq "$(row 85123A stock_value) $(row 85123A currency)" "165.00 GBP" "150 x 1.10 at unit cost"
expect_eq "$(row 22423 stock_value)" "4725.00" "900 x 5.25"
expect_eq "$(json_get 'all(r["reorder_quantity"] > 0 and r["on_hand"] <= r["reorder_point"] for r in d)')" True \
  "listed = at or below the reorder point, with something to order"
expect_eq "$(json_get 'all(r["reorder_point"] >= r["demand_per_day"] * r["lead_time_days"] for r in d)')" True \
  "reorder point covers at least the lead-time demand"
# Stockout date = today + days of cover (85123A: 150 units at about 70 a day).
expect_eq "$(row 85123A stockout_date)" "2011-07-04" "stockout date"
# The untracked product (47566, inventory NULL) is never listed.
expect_eq "$(json_get '[r for r in d if r["sku"] == "47566"]')" "[]" "untracked variant"

TEST "--all lists every tracked active variant; a large stock is flagged as overstock"
sed 's/^22423,900,/22423,90000,/' "$DATA/stock.csv" >stock.csv
convert stock.csv shop.jsonl
SHOPKEEP_NOW=$NOW "$SHOPKEEP" -q import shopify shop.jsonl
sk restock --now $NOW --json
expect_eq "$(json_get '[r["sku"] for r in d]')" "['84879', '85123A']" "to reorder"
sk restock --now $NOW --all --json
expect_rc 0
expect_eq "$(json_get 'len(d)')" 3 "every tracked variant"
expect_eq "$(row 22423 overstock) $(row 22423 reorder_quantity)" "True 0" "overstock, nothing to order"
expect_eq "$(row 85123A overstock)" False "not overstocked"
sk restock --now $NOW --all --format csv
expect_rc 0
expect_eq "$(head -1 stdout.txt | cut -d, -f1-4)" "variant_id,product_id,sku,title" "csv header"

TEST "lead times: per vendor beats per product type beats the default; --lead-time beats all"
load
cat >config.toml <<'TOML'
[restock]
lead_time_days = 10
[restock.lead_time_by_vendor]
"Cake Co" = 7
[restock.lead_time_by_product_type]
"Candle holders" = 21
Ornaments = 3
[restock.lead_time_by_vendor."Bird & Co"]
TOML
sk --config config.toml restock --now $NOW --all --json
expect_rc 2
expect_err_contains "restock.lead_time_by_vendor.Bird & Co"
sed -i '$d' config.toml
sk --config config.toml restock --now $NOW --all --json
expect_rc 0
expect_eq "$(row 22423 lead_time_days) $(row 85123A lead_time_days) $(row 84879 lead_time_days)" "7 21 3" "lead times"
sk --config config.toml restock --now $NOW --all --lead-time 2.5 --json
expect_eq "$(json_get 'sorted(set(r["lead_time_days"] for r in d))')" "[3]" "--lead-time rounds up and beats the config"
a=$(row 85123A demand_horizon)
sk --config config.toml restock --now $NOW --all --horizon 60 --json
expect_eq "$(json_get '[r["horizon_days"] for r in d][0]')" 60 "horizon"
expect_eq "$("$PYTHON" -c "print($(row 85123A demand_horizon) > $a)")" True "a longer horizon needs more"

TEST "bad flags and config values are usage errors (exit 2)"
load
for args in "--horizon 0" "--horizon -3" "--horizon inf" "--horizon nan" "--horizon abc" "--horizon 5000" \
  "--lead-time 0" "--service-level 1" "--service-level 0" "--service-level 1.5" "--service-level nan" \
  "evaluate --holdout-weeks 0" "evaluate --holdout-weeks x" "evaluate --service-level 2"; do
  sk restock $args --now $NOW
  expect_rc 2
done
sk restock --horizon 0 --now $NOW
expect_err_contains "--horizon"
printf '[restock]\nservice_level = 95\n' >bad.toml
sk --config bad.toml restock --now $NOW
expect_rc 2
expect_err_contains "restock.service_level"

TEST "a higher service level means higher reorder points"
load
sk restock --now $NOW --all --service-level 0.5 --json
low=$(json_get 'sum(r["reorder_point"] for r in d)')
sk restock --now $NOW --all --service-level 0.99 --json
high=$(json_get 'sum(r["reorder_point"] for r in d)')
expect_eq "$("$PYTHON" -c "print($high > $low)")" True "reorder points at 0.99 ($high) above 0.5 ($low)"

TEST "days out of stock are not zero demand: the snapshot at import censors them"
load
# 30 days later nothing more sold. 84879 was at 0 when imported: its demand is what it sold while
# in stock. 85123A had 150 units that did not sell: those 30 quiet days are real and lower its rate.
sk restock --now $NOW --all --json
ornament=$(row 84879 demand_per_day)
heart=$(row 85123A demand_per_day)
sk restock --now 2011-07-31T12:00:00Z --all --json
expect_rc 0
expect_eq "$(row 84879 censored_days)" 31 "censored: the sell-out day and the 30 days after"
expect_eq "$(row 85123A censored_days)" 0 "in stock: nothing censored"
expect_eq "$("$PYTHON" -c "print(abs($(row 84879 demand_per_day) - $ornament) < 0.25 * $ornament)")" True \
  "out-of-stock demand kept ($(row 84879 demand_per_day) vs $ornament)"
expect_eq "$("$PYTHON" -c "print($(row 85123A demand_per_day) < 0.75 * $heart)")" True \
  "quiet days in stock lower the rate ($(row 85123A demand_per_day) vs $heart)"
expect_eq "$(q "SELECT count(*) FROM inventory_snapshots")" 3 "one snapshot per tracked variant"
expect_eq "$(q "SELECT day FROM inventory_snapshots WHERE variant_id = 3")" "2011-07-01" "snapshot day"

TEST "a later import adds a snapshot; the delivery between is seen"
load
sed 's/^84879,0,/84879,40,/' "$DATA/stock.csv" >stock.csv
convert stock.csv later.jsonl
sed -i 's/"updatedAt":"\([^"]*\)"/"updatedAt":"2011-07-20T09:00:00Z"/' later.jsonl
SHOPKEEP_NOW=2011-07-20T10:00:00Z "$SHOPKEEP" -q import shopify later.jsonl
expect_eq "$(q "SELECT group_concat(day || ':' || inventory_quantity, ' ') FROM inventory_snapshots WHERE variant_id = 3")" \
  "2011-07-01:0 2011-07-20:40" "two snapshots"
sk restock --now 2011-07-25T12:00:00Z --all --json
expect_eq "$(row 84879 on_hand)" 40 "on hand after the delivery"
# Sold out on 30 June, seen empty on 1 July, seen with 40 on 20 July, nothing sold since: 30 June to
# 19 July are censored (waiting for the delivery); from 20 July it had stock and sold none: zero demand.
expect_eq "$(row 84879 censored_days)" 20 "censored until the delivery"

TEST "restock evaluate: every method against the naive baselines, and the reorder points' coverage"
load
sk restock evaluate --now $NOW --holdout-weeks 4 --json
expect_rc 0
expect_eq "$(json_get 'd["holdout_weeks"]') $(json_get 'd["series"]') $(json_get 'd["cutoff"]')" "4 4 2011-06-03" "header"
expect_eq "$(json_get 'sorted(d["methods"][0].keys())[:4]')" "['bias', 'fallbacks', 'mase', 'method']" "method fields"
expect_eq "$(json_get '[m["method"] for m in d["methods"]]')" \
  "['naive_4w', 'naive_8w', 'blend_4w_8w', 'seasonal_naive', 'seasonal_naive_year', 'seasonal_rate', 'ses', 'croston', 'sba', 'tsb', 'auto']" \
  "methods"
expect_eq "$(json_get '[m["total_vs_naive"] for m in d["methods"] if m["method"] == "naive_8w"][0]')" 1.0 "baseline ratio"
expect_eq "$(json_get 'all(m["mase"] > 0 and m["rmsse"] > 0 for m in d["methods"])')" True "MASE and RMSSE"
expect_eq "$(json_get '[m["fallbacks"] for m in d["methods"] if m["method"] == "seasonal_naive_year"][0]')" 4 \
  "no year of history: the yearly method falls back"
expect_eq "$(json_get '0 <= d["reorder_points"]["coverage"] <= 1 and d["reorder_points"]["checked"] > 0')" True "coverage"
sk restock evaluate --now $NOW --holdout-weeks 4 --top 2 --json
expect_eq "$(json_get 'd["series"]')" 2 "--top"
sk restock evaluate --now $NOW --holdout-weeks 4
expect_rc 0
expect_out_contains "naive_8w"
expect_out_contains "reorder_points.coverage"
sk restock evaluate --now 2011-01-02T00:00:00Z
expect_rc 1
expect_err_contains "nothing to evaluate"

TEST "the audit warns about products that run out within their lead time"
load
sk audit --now $NOW --only catalog.runs_out_within_lead_time --json
expect_rc 0
expect_eq "$(json_get 'len(d)')" 1 "one finding"
expect_eq "$(json_get 'd[0]["message"].split(":")[0]')" "2 products run out within their lead time" "message"
expect_out_contains "ASSORTED COLOUR BIRD ORNAMENT"

TEST "an empty store: nothing to reorder, exit 0"
sk init
sk restock --json
expect_rc 0
expect_out_equals "[]"
