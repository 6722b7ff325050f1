# audit: every check fires on a shop built to trigger it and stays silent on a clean one.

NOW=2026-06-01T12:00:00Z
load() {  # load clean|dirty
  "$PYTHON" "$SHOPKEEP_SOURCE_DIR/testdata/audit/make_audit_shop.py" "$1" shop
  "$SHOPKEEP" -q import shopify shop/shop.jsonl
  "$SHOPKEEP" -q import zendesk shop/users.json shop/tickets.json shop/ratings.json
}
checks_found() {
  json_get '" ".join(sorted(set(f["check"] for f in d)))'
}

TEST "a clean shop has no warnings or errors"
load clean
sk audit --now $NOW --json
expect_rc 0
expect_eq "$(json_get '[f["check"] for f in d if f["severity"] != "info"]')" "[]" "warn/error findings"
sk audit --now $NOW --fail-on warn
expect_rc 0

TEST "every check fires on the dirty shop, with subjects per record"
load dirty
sk audit --now $NOW --json
expect_rc 0
found=$(checks_found)
for check in data.completeness catalog.no_images catalog.no_description catalog.no_seo catalog.media_without_alt \
  catalog.zero_price catalog.compare_at_not_above catalog.negative_inventory catalog.best_seller_out_of_stock \
  catalog.missing_sku catalog.duplicate_sku customers.duplicate_email customers.invalid_email customers.unknown_consent \
  orders.unfulfilled orders.refund_rate orders.test_orders support.first_reply_overdue support.unsolved \
  support.bad_csat_no_followup compliance.retention data.sync_freshness data.zendesk_match; do
  [[ " $found " == *" $check "* ]] || fail "check $check did not fire (found: $found)"
done
expect_eq "$(json_get 'sorted(f["subject"] for f in d if f["check"] == "customers.duplicate_email")')" "['customers:1', 'customers:3']" "one finding per duplicate"
expect_eq "$(json_get '[f["subject"] for f in d if f["check"] == "catalog.zero_price"]')" "['variants:70']" "zero price subject"
expect_eq "$(json_get '[f["subject"] for f in d if f["check"] == "catalog.best_seller_out_of_stock"]')" "['products:1']" "best seller"
expect_eq "$(json_get '[f["subject"] for f in d if f["check"] == "support.bad_csat_no_followup"]')" "['tickets:2']" "bad csat"
expect_eq "$(json_get 'sorted(set(f["category"] for f in d))')" "['catalog', 'compliance', 'customers', 'data', 'orders', 'support']" "categories"
expect_eq "$(json_get 'all(set(f) == {"check","category","severity","subject","message"} for f in d)')" True "fields"

TEST "forgotten people who come back are a compliance error"
load dirty
"$SHOPKEEP" -q customer forget bo@example.com
"$SHOPKEEP" -q import shopify shop/shop.jsonl
sk audit --now $NOW --only compliance --json
expect_eq "$(json_get '[f["check"] for f in d if f["check"] == "compliance.suppressed_present"]')" "[]" "suppressed people stay out"

TEST "--only selects categories and checks; a bad name is a usage error"
load dirty
sk audit --now $NOW --only catalog --json
expect_eq "$(json_get 'sorted(set(f["category"] for f in d))')" "['catalog']" "--only catalog"
sk audit --now $NOW --only support.unsolved,customers.invalid_email --json
expect_eq "$(checks_found)" "customers.invalid_email support.unsolved" "--only with check ids"
sk audit --only catalgo
expect_rc 2
expect_err_contains "unknown check or category 'catalgo'"

TEST "--fail-on makes a cron job fail with exit 5"
load dirty
sk audit --now $NOW --fail-on error --json
expect_rc 5
expect_err_contains "error-level findings"
[ -n "$OUT" ] || fail "findings were not printed before failing"
sk audit --now $NOW --only customers --fail-on error
expect_rc 0
sk audit --now $NOW --fail-on fatal
expect_rc 2

TEST "table output summarises per check"
load dirty
sk audit --now $NOW
expect_rc 0
expect_out_contains "catalog.zero_price"
expect_out_contains ". Every finding: shopkeep audit --json"
sk audit --now $NOW --json
errors=$(json_get 'sum(f["severity"] == "error" for f in d)')
total=$(json_get 'len(d)')
sk audit --now $NOW
expect_out_contains "$total findings: $errors error"
# the worst first: no error row after a warn row, no warn row after an info row
"$PYTHON" - stdout.txt <<'PY' || fail "the table is not sorted by severity: $OUT"
import sys
rank = {"error": 0, "warn": 1, "info": 2}
rows = [line.split()[0] for line in open(sys.argv[1]) if line.split() and line.split()[0] in rank]
assert rows == sorted(rows, key=rank.get), rows
PY

TEST "thresholds come from config"
load dirty
printf '[audit]\nunsolved_days = 30\n' > c.toml
sk --config c.toml audit --now $NOW --only support.unsolved --json
expect_eq "$(json_get 'len(d)')" 0 "unsolved findings with a 30-day threshold"

TEST "an import-only store is judged by the age of its newest order (audit.stale_import_days)"
load clean
newest=$(q "SELECT max(ordered_at) FROM counted_orders")
later=$("$PYTHON" -c "import datetime,sys; t=datetime.datetime.fromisoformat(sys.argv[1].replace('Z','+00:00')); print((t+datetime.timedelta(days=20)).strftime('%Y-%m-%dT%H:%M:%SZ'))" "$newest")
sk audit --now "$later" --only data.sync_freshness --json
expect_rc 0
expect_eq "$(json_get '[f["severity"] for f in d]')" "['warn']" "stale import is a warning"
expect_out_contains "file imports"
expect_out_contains "20 days before now"
printf '[audit]\nstale_import_days = 30\n' > c.toml
sk --config c.toml audit --now "$later" --only data.sync_freshness --json
expect_eq "$(json_get '[f["severity"] for f in d]')" "['info']" "with a 30-day threshold it is only said"

TEST "table mode says which checks ran, were clean or were skipped for lack of data"
"$PYTHON" "$SHOPKEEP_SOURCE_DIR/testdata/audit/make_audit_shop.py" dirty shop
"$SHOPKEEP" -q import shopify shop/shop.jsonl
sk audit --now $NOW
expect_rc 0
expect_err_contains "support checks skipped: no tickets in the store."
expect_err_contains "data.zendesk_match skipped: no tickets in the store."
expect_err_contains "checks ran: "
expect_err_contains "Clean: "
[[ "$OUT" != *"support."* ]] || fail "support checks listed without tickets: $OUT"
sk audit --now $NOW --json
expect_eq "$(json_get 'type(d).__name__')" list "--json stays the array of findings"
[[ "$ERR" != *"checks ran"* ]] || fail "the checks summary is for table mode: $ERR"
sk audit --now $NOW -q
[ -z "$ERR" ] || fail "-q still printed: $ERR"
"$SHOPKEEP" -q import zendesk shop/users.json shop/tickets.json shop/ratings.json
sk audit --now $NOW
[[ "$ERR" != *"support checks skipped"* ]] || fail "support checks skipped although tickets were imported: $ERR"
expect_err_contains "compliance.mail_without_consent skipped: no email rendered or sent yet."

TEST "no '1 errors', and a rate at its threshold is not shown equal to it"
"$PYTHON" "$SHOPKEEP_SOURCE_DIR/testdata/audit/make_audit_shop.py" dirty shop
"$SHOPKEEP" -q import shopify shop/shop.jsonl
"$SHOPKEEP" -q import zendesk shop/users.json shop/tickets.json shop/ratings.json
sk audit --now $NOW
"$PYTHON" - stdout.txt stderr.txt <<'PY' || fail "bad plural or equal percentages: $OUT"
import re, sys
text = open(sys.argv[1]).read() + open(sys.argv[2]).read()
bad = re.findall(r"\b1 (errors|warnings|findings|days|tickets|minutes|hours|checks)\b", text)
assert not bad, bad
for a, b in re.findall(r"(\d+\.\d+%)[^%]*(?:above|threshold) (\d+\.\d+%)", text):
    assert a != b, (a, b)
PY
