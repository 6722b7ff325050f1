# carts and carts report: the recovery plan, exclusions, holdout and the uplift report.

NOW=2026-03-10T12:00:00Z
make_shop() {
  "$PYTHON" "$SHOPKEEP_SOURCE_DIR/testdata/carts/make_carts_shop.py" shop.jsonl
  "$SHOPKEEP" -q import shopify shop.jsonl
}
reason_of() {  # reason_of CHECKOUT_ID, from $OUT
  json_get "[r['reason'] for r in d if r['checkout_id'] == $1][0]"
}

TEST "the plan: due steps, segments and incentives"
make_shop
sk carts --now $NOW --holdout 0 --json
expect_rc 0
expect_eq "$(json_get '[r["checkout_id"] for r in d]')" "[3, 2, 1]" "eligible checkouts, oldest activity first"
expect_eq "$(json_get '[r["step"] for r in d]')" "[3, 2, 1]" "steps"
expect_eq "$(json_get '[r["incentive"] for r in d]')" "['10%', 'none', 'none']" "incentives"
expect_eq "$(json_get '[r["group"] for r in d]')" "['treatment', 'treatment', 'treatment']" "groups"
expect_eq "$(json_get 'd[1]["segment"]')" "returning-mid" "segment of a returning customer"
expect_eq "$(json_get 'd[0]["total_price"] + " " + d[0]["currency"]')" "20.00 EUR" "money"

TEST "--all lists every excluded checkout with its reason"
make_shop
sk carts --now $NOW --holdout 0 --all --json
expect_rc 0
expect_eq "$(reason_of 4)" no_consent "checkout 4"
expect_eq "$(reason_of 5)" completed "checkout 5"
expect_eq "$(reason_of 6)" unavailable "checkout 6"
expect_eq "$(reason_of 7)" ordered_since "checkout 7"
expect_eq "$(reason_of 8)" no_email "checkout 8"
expect_eq "$(reason_of 11)" test "checkout 11"
expect_eq "$(reason_of 12)" unavailable "checkout 12"
expect_eq "$(json_get '[r["step"] for r in d if r["checkout_id"] == 4]')" "[None]" "excluded step is null"
expect_eq "$(json_get 'sorted(r["checkout_id"] for r in d)')" "[1, 2, 3, 4, 5, 6, 7, 8, 11, 12]" "window: 9 too old, 10 too recent"

TEST "age window flags"
make_shop
sk carts --now $NOW --holdout 0 --min-age 10m --all --json
expect_eq "$(reason_of 10)" not_due "--min-age 10m brings in the 30-minute cart, before its first step"
sk carts --now $NOW --max-age 1d --json
expect_eq "$(json_get '[r["checkout_id"] for r in d]')" "[1]" "--max-age 1d"
sk carts --now $NOW --min-age soon
expect_rc 2
expect_err_contains "--min-age"

TEST "holdout is persistent per campaign and person"
make_shop
sk carts --now $NOW --holdout 100 --campaign test-hold --json
expect_eq "$(json_get '[r["group"] for r in d]')" "['holdout', 'holdout', 'holdout']" "all held out"
expect_out_contains "held out"
sk carts --now $NOW --holdout 0 --campaign test-hold --json
expect_eq "$(json_get '[r["group"] for r in d]')" "['holdout', 'holdout', 'holdout']" "stored arms are kept"
expect_eq "$(q "SELECT count(*) FROM holdout WHERE campaign = 'test-hold'")" 3 "holdout rows"

TEST "a margin guard caps the discount"
make_shop
printf '[carts]\nmin_margin = 0.74\n' > c.toml
sk --config c.toml carts --now $NOW --holdout 0 --json
# cost 5 of price 20: keeping 74% margin allows at most 1 - 5/(0.26*20) = 3.8% -> free shipping instead
expect_eq "$(json_get 'd[0]["incentive"]')" "free_shipping" "guarded incentive"

TEST "a discount before the last step is refused in config"
make_shop
printf '[carts.incentives]\nnew_1 = "15%%"\n' > c.toml
sk --config c.toml carts --now $NOW
expect_rc 2
expect_err_contains "discounts are kept for the last step"

TEST "report: groups as planned, recovery, and a too-small sample said plainly"
make_shop
sk carts --now $NOW --holdout 0 --json
# checkout 1 is completed later; checkout 2's customer orders within the window
cat > later.jsonl <<JSONL
{"id":"gid://shopify/AbandonedCheckout/1","updatedAt":"2026-03-10T13:00:00Z","completedAt":"2026-03-10T13:00:00Z","createdAt":"2026-03-10T09:50:00Z","customer":{"id":"gid://shopify/Customer/1"},"totalPriceSet":{"shopMoney":{"amount":"20.00","currencyCode":"EUR"}}}
{"id":"gid://shopify/Order/200","processedAt":"2026-03-11T09:00:00Z","updatedAt":"2026-03-11T09:00:00Z","test":false,"customer":{"id":"gid://shopify/Customer/2"},"totalPriceSet":{"shopMoney":{"amount":"35.50","currencyCode":"EUR"}}}
JSONL
"$SHOPKEEP" -q import shopify later.jsonl
sk carts report --now 2026-03-20T00:00:00Z --json
expect_rc 0
expect_eq "$(json_get 'd["treatment"]["checkouts"]')" 3 "treatment checkouts"
expect_eq "$(json_get 'd["treatment"]["recovered"]')" 2 "treatment recovered"
expect_eq "$(json_get 'd["treatment"]["revenue"]')" "55.50" "recovered revenue"
expect_eq "$(json_get 'd["holdout"]["checkouts"]')" 0 "holdout checkouts"
expect_eq "$(json_get 'd["conclusive"]')" False conclusive
expect_eq "$(json_get 'd["p_value"]')" None "no p-value without a holdout"
expect_out_contains "too few checkouts"
sk carts report --window 1h --json
expect_eq "$(json_get 'd["treatment"]["recovered"]')" 1 "a 1h window leaves out the next-day order"

TEST "report on an unknown campaign says so and lists the known ones"
make_shop
sk carts --now $NOW --campaign spring-carts --json
sk carts report --campaign nope --json
expect_rc 2
expect_err_contains "no such campaign 'nope'"
expect_err_contains "known: cart-recovery, spring-carts"
[ -z "$OUT" ] || fail "a report was printed: $OUT"
sk carts report --campaign spring-cart --json
expect_rc 2
expect_err_contains "did you mean 'spring-carts'?"
sk carts report --campaign spring-carts --json
expect_rc 0
sk carts report --json
expect_rc 0
