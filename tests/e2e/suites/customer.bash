# customer show / export / forget: one person across the store, and the right to be forgotten.

DATA=$SHOPKEEP_SOURCE_DIR/testdata/shopify
load_small_shop() {
  "$SHOPKEEP" -q import shopify "$DATA/small_shop.jsonl" "$DATA/later_lines.jsonl" "$DATA/later_orders.jsonl"
}

TEST "show: profile by email, case-insensitive and trimmed"
load_small_shop
sk customer show "  ANN@example.COM " --json
expect_rc 0
expect_eq "$(json_get 'd["customer_id"]')" 101 customer_id
expect_eq "$(json_get 'd["orders"]')" 2 orders
expect_eq "$(json_get 'd["spend"]')" "83.72" spend
expect_eq "$(json_get 'd["currency"]')" "EUR" currency
expect_eq "$(json_get 'd["first_order_at"]')" "2025-01-10T10:00:00Z" first
expect_eq "$(json_get 'd["last_order_at"]')" "2025-02-01T22:30:00Z" last
expect_eq "$(json_get 'd["email_marketing_state"]')" "SUBSCRIBED" consent
expect_eq "$(json_get 'd["tickets"]')" 0 tickets
expect_eq "$(json_get '"zendesk_user_id" in d')" True "zendesk_user_id field"

TEST "show: someone not stored exits 1"
load_small_shop
sk customer show nobody@example.com
expect_rc 1
expect_err_contains "nobody with email nobody@example.com"

TEST "export: every row about the person, raw JSON included"
load_small_shop
sk customer export bo@example.com
expect_rc 0
expect_eq "$(json_get 'len(d["tables"]["customers"])')" 1 customers
expect_eq "$(json_get 'len(d["tables"]["checkouts"])')" 1 checkouts
expect_eq "$(json_get 'len(d["tables"]["checkout_lines"])')" 1 "checkout lines"
expect_eq "$(json_get 'd["tables"]["customers"][0]["raw"]["firstName"]')" "Bo" "raw embedded as JSON"
expect_eq "$(json_get 'len(d["tables"]["orders"])')" 0 orders
sk customer export nobody@example.com
expect_rc 1

TEST "forget --dry-run changes nothing"
load_small_shop
sk customer forget ann@example.com --dry-run --json
expect_rc 0
expect_eq "$(json_get 'd["rows_deleted"]["orders"]')" 2 "orders that would go"
expect_eq "$(json_get 'd["rows_deleted"]["order_lines"]')" 2 "lines that would go"
expect_eq "$(q 'SELECT count(*) FROM orders')" 2 "orders still there"
expect_eq "$(q 'SELECT count(*) FROM suppressions')" 0 "no suppression on a dry run"

TEST "forget deletes every row, logs counts only, and a re-import does not bring them back"
load_small_shop
sk customer forget Ann@Example.com
expect_rc 0
expect_out_contains "deleted"
expect_eq "$(q "SELECT count(*) FROM customers WHERE id = 101")" 0 customer
expect_eq "$(q 'SELECT count(*) FROM orders')" 0 orders
expect_eq "$(q 'SELECT count(*) FROM order_lines')" 0 "order lines"
expect_eq "$(q "SELECT count(*) FROM customers WHERE id = 102")" 1 "other customers stay"
expect_eq "$(q "SELECT count(*) FROM privacy_log WHERE rows_deleted LIKE '%\"orders\":2%'")" 1 "privacy log entry"
if "$SHOPKEEP" sql "SELECT * FROM privacy_log" --format csv | grep -qi "ann"; then fail "privacy log holds personal data"; fi
if "$SHOPKEEP" sql "SELECT * FROM suppressions" --format csv | grep -qi "ann"; then fail "suppressions hold the email in clear"; fi
sk import shopify "$DATA/small_shop.jsonl" "$DATA/later_lines.jsonl" "$DATA/later_orders.jsonl" --json
expect_rc 0
expect_eq "$(q "SELECT count(*) FROM customers WHERE id = 101")" 0 "customer after re-import"
expect_eq "$(q 'SELECT count(*) FROM orders')" 0 "orders after re-import"
expect_eq "$(q 'SELECT count(*) FROM order_lines')" 0 "order lines after re-import"
expect_eq "$(json_get 'd["suppressed"] >= 4')" True "suppressed count"
sk customer show ann@example.com
expect_rc 1
expect_err_contains "ann@example.com was forgotten on 20"
sk customer show 101
expect_rc 1
expect_err_contains "customer 101 was forgotten on"

TEST "forget someone not stored is a no-op that exits 0"
load_small_shop
sk customer forget ghost@example.com
expect_rc 0
expect_eq "$(q 'SELECT count(*) FROM customers')" 2 customers

TEST "show: by customer id too, with contact details, last orders and lists for people"
load_small_shop
sk customer show 101 --json
expect_rc 0
expect_eq "$(json_get 'd["email"], d["orders"], len(d["last_orders"])')" "ann@example.com 2 2" "by id"
expect_eq "$(json_get 'd["last_orders"][0]["ordered_at"] >= d["last_orders"][1]["ordered_at"]')" True "newest first"
expect_eq "$(json_get 'sorted(k for k in ("phone", "country_code", "tags", "open_ticket_list", "recommendations") if k in d)')" \
  "['country_code', 'open_ticket_list', 'phone', 'recommendations', 'tags']" "fields"
sk customer show 101
expect_rc 0
expect_out_contains "Last orders:"
sk customer show 999999
expect_rc 1
expect_err_contains "no customer with id 999999"

TEST "forget --dry-run answers on stdout; export refuses csv"
load_small_shop
sk customer forget ann@example.com --dry-run
expect_rc 0
expect_out_contains "would delete"
sk customer export ann@example.com --format csv
expect_rc 2
expect_err_contains "one JSON document"
sk customer export ann@example.com --format ndjson
expect_rc 0
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" 1 "ndjson export is one line"
