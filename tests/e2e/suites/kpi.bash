# kpi: hand-computed values on a two-month fixture in New York time.

DATA=$SHOPKEEP_SOURCE_DIR/testdata/kpi
load() {
  "$SHOPKEEP" -q import shopify "$DATA/shop.jsonl"
  "$SHOPKEEP" -q import zendesk "$DATA/tickets.json" "$DATA/satisfaction_ratings.json"
}
field() {  # field PERIOD_INDEX NAME
  json_get "d[$1][\"$2\"]"
}

TEST "monthly KPIs equal the hand-computed values"
load
sk kpi --from 2026-01-01 --to 2026-03-01 --json
expect_rc 0
expect_eq "$(json_get 'len(d)')" 2 periods
expect_eq "$(field 0 period_start) $(field 1 period_start)" "2026-01-01 2026-02-01" "period starts"
# January: orders 1, 2 and 3 (placed at 23:30 on 31 January, New York time).
expect_eq "$(field 0 orders) $(field 0 customers)" "3 2" "January orders and customers"
expect_eq "$(field 0 gross_sales) $(field 0 discounts) $(field 0 refunds) $(field 0 net_sales)" "50.00 2.50 5.00 42.50" "January sales"
expect_eq "$(field 0 aov) $(field 0 currency)" "15.83 USD" "January AOV"
expect_eq "$(field 0 new_customers) $(field 0 returning_customers)" "2 0" "January new and returning"
expect_eq "$(field 0 returning_customer_rate) $(field 0 repeat_purchase_rate)" "0.5 0.5" "January rates"
expect_eq "$(field 0 churn_rate)" "1.0" "January churn (December's only customer did not come back)"
expect_eq "$(field 0 checkout_conversion) $(field 0 cart_recovery_rate)" "0.75 1.0" "January checkouts"
expect_eq "$(field 0 first_reply_minutes_median) $(field 0 first_reply_minutes_p90)" "90.0 600.0" "January first reply"
expect_eq "$(field 0 full_resolution_minutes_median) $(field 0 one_touch_rate) $(field 0 csat)" "1440.0 1.0 1.0" "January support"
# February: orders 4, 7 and the guest order 8 (the test order 5 does not count).
expect_eq "$(field 1 orders) $(field 1 customers)" "3 2" "February orders and customers"
expect_eq "$(field 1 gross_sales) $(field 1 net_sales) $(field 1 aov)" "30.00 30.00 10.00" "February sales"
expect_eq "$(field 1 new_customers) $(field 1 returning_customers)" "0 2" "February new and returning"
expect_eq "$(field 1 returning_customer_rate) $(field 1 repeat_purchase_rate) $(field 1 churn_rate)" "1.0 0.0 0.5" "February rates"
expect_eq "$(field 1 checkout_conversion) $(field 1 cart_recovery_rate)" "0.75 0.5" "February checkouts"
expect_eq "$(field 1 first_reply_minutes_median) $(field 1 full_resolution_minutes_median)" "None 37000.0" "February support"
expect_eq "$(field 1 one_touch_rate) $(field 1 csat)" "0.0 0.5" "February one-touch and CSAT"

TEST "empty periods are included, weeks start on Monday"
load
sk kpi --from 2026-03-01 --to 2026-04-01 --json
expect_rc 0
expect_eq "$(field 0 orders) $(field 0 aov) $(field 0 csat)" "0 None None" "an empty month"
sk kpi --by week --from 2026-01-05 --to 2026-01-19 --json
expect_eq "$(json_get '[r["period_start"] for r in d]')" "['2026-01-05', '2026-01-12']" "ISO weeks"
expect_eq "$(field 0 orders)" 1 "week of 5 January"

TEST "default: from the 12th month before the one holding --now, to --now; the cut period is partial"
load
sk kpi --now 2026-03-15T12:00:00Z --json
expect_rc 0
expect_eq "$(json_get 'len(d)')" 13 periods
expect_eq "$(json_get 'd[0]["period_start"] + " " + d[-1]["period_start"]')" "2025-03-01 2026-03-01" "range"
expect_eq "$(json_get '[r["partial"] for r in d].count(True), d[-1]["partial"]')" "1 True" "only the current month is partial"

TEST "--to defaults to --now for every --by; a period cut by --from is partial"
load
sk kpi --by day --from 2026-02-20 --now 2026-02-22T12:00:00Z --json
expect_rc 0
expect_eq "$(json_get '[(r["period_start"], r["partial"]) for r in d]')" \
  "[('2026-02-20', False), ('2026-02-21', False), ('2026-02-22', True)]" "days up to now"
sk kpi --by week --now 2026-01-14T12:00:00Z --json
expect_rc 0
expect_eq "$(json_get 'd[-1]["period_start"], d[-1]["partial"], d[-2]["period_start"], d[-2]["partial"]')" \
  "2026-01-12 True 2026-01-05 False" "last week complete, this week partial"
sk kpi --by week --from 2026-01-07 --to 2026-01-19 --json
expect_eq "$(json_get '[r["partial"] for r in d]')" "[True, False]" "first week cut by --from"

TEST "every rate comes with its numerator and denominator"
load
sk kpi --from 2026-01-01 --to 2026-03-01 --json
expect_rc 0
"$PYTHON" - "$OUT" <<'PY' || fail "a rate lacks _n/_of or does not equal n/of"
import json, sys
for r in json.loads(sys.argv[1]):
    for k in ("returning_customer_rate", "repeat_purchase_rate", "checkout_conversion", "cart_recovery_rate",
              "churn_rate", "one_touch_rate", "csat"):
        n, of = r[k + "_n"], r[k + "_of"]
        assert isinstance(n, int) and isinstance(of, int), (k, r)
        assert (r[k] is None) if of == 0 else abs(r[k] - n / of) < 1e-12, (k, r[k], n, of)
PY

TEST "a refund falls in the period it happened, not in the order's, as in Shopify's sales report"
SALES=$SHOPKEEP_SOURCE_DIR/testdata/shopify/sales_report.jsonl
sk -q import shopify "$SALES"  # order 901 on 1 May (gross 100.00, discounts 19.00), refunded 27.00 on 20 May
sk kpi --by day --from 2025-05-01 --to 2025-05-21 --json
expect_rc 0
expect_eq "$(field 0 orders) $(field 0 gross_sales) $(field 0 discounts) $(field 0 refunds) $(field 0 net_sales)" \
  "1 100.00 19.00 0.00 81.00" "the order's day"
expect_eq "$(field 19 period_start) $(field 19 orders) $(field 19 refunds) $(field 19 net_sales)" \
  "2025-05-20 0 27.00 -27.00" "the refund's day"
sk kpi --by month --from 2025-05-01 --to 2025-06-01 --json
expect_eq "$(field 0 refunds) $(field 0 net_sales)" "27.00 54.00" "the month holds both"

TEST "--by-channel splits each period by the orders' channel; checkouts and support are null there"
sk -q import shopify "$SALES"
# The same order again as 902, sold at the till (pos), without its refund.
sed -n 1,3p "$SALES" | sed -e 's#Order/901#Order/902#' -e 's/"#1901"/"#1902"/' -e 's/"sourceName":"web"/"sourceName":"pos"/' \
  -e 's/"refunds":\[.*\]}$/"refunds":[]}/' -e 's/"totalRefundedSet":{"shopMoney":{"amount":"27.00"/"totalRefundedSet":{"shopMoney":{"amount":"0.00"/' \
  -e 's#LineItem/96#LineItem/86#' > pos.jsonl
sk -q import shopify pos.jsonl
sk kpi --by month --from 2025-05-01 --to 2025-07-01 --by-channel --json
expect_rc 0
expect_eq "$(json_get '[(r["period_start"], r["channel"]) for r in d]')" \
  "[('2025-05-01', 'pos'), ('2025-05-01', 'web'), ('2025-06-01', 'pos'), ('2025-06-01', 'web')]" "period, then channel"
expect_eq "$(field 0 orders) $(field 0 gross_sales) $(field 0 refunds) $(field 0 net_sales)" "1 100.00 0.00 81.00" "pos"
expect_eq "$(field 1 orders) $(field 1 refunds) $(field 1 net_sales)" "1 27.00 54.00" "web"
expect_eq "$(field 0 checkout_conversion) $(field 0 cart_recovery_rate) $(field 0 csat)" "None None None" "no channel"
sk kpi --by month --from 2025-05-01 --to 2025-06-01 --json
expect_eq "$(field 0 orders) $(field 0 net_sales) $(field 0 checkout_conversion)" "2 135.00 0.6666666666666666" \
  "the channels add up to the whole shop"
sk kpi --by month --from 2025-05-01 --to 2025-06-01 --by-channel
expect_rc 0
expect_out_contains "pos"

TEST "an empty store says so in words, not zeros in a currency"
sk init
sk kpi
expect_rc 0
expect_err_contains "No orders, checkouts or tickets in the store yet"
[ -z "$OUT" ] || fail "kpi printed periods for an empty store: $OUT"
sk kpi --json
expect_out_equals "[]"

TEST "bad arguments"
load
sk kpi --by year
expect_rc 2
expect_err_contains "--by"
sk kpi --from 2026-03-01 --to 2026-01-01
expect_rc 2
sk kpi --from yesterday
expect_rc 2
