# recommend: rules reproduce the published Groceries results; methods on a shop with known answers.

NOW=2026-06-01T00:00:00Z
load_groceries() {
  "$PYTHON" "$SHOPKEEP_SOURCE_DIR/tests/e2e/tools/groceries_to_jsonl.py" "$SHOPKEEP_REFERENCE/analytics/groceries.csv" g.jsonl
  "$SHOPKEEP" -q import shopify g.jsonl
}
load_shop() {
  "$PYTHON" "$SHOPKEEP_SOURCE_DIR/testdata/recommend/make_recommend_shop.py" shop.jsonl
  "$SHOPKEEP" -q import shopify shop.jsonl
}

TEST "groceries: support 0.006, confidence 0.25 give the published 463 rules"
load_groceries
sk recommend rules --min-support 0.006 --min-confidence 0.25 --json --now $NOW
expect_rc 0
expect_eq "$(json_get 'len(d)')" 463 rules
expect_eq "$(json_get '[sum(1 for r in d if len(r["antecedent"]) + 1 == n) for n in (2, 3, 4)]')" "[150, 297, 16]" "rules by length"
expect_eq "$(json_get '[d[0]["antecedent"], d[0]["consequent"]]')" "[['herbs'], 'root vegetables']" "highest lift"
expect_eq "$(json_get '[round(d[0]["lift"], 3), round(d[0]["confidence"], 3), d[0]["count"]]')" "[3.956, 0.431, 69]" "its figures"

TEST "groceries: support 0.001, confidence 0.8 give the published 410 rules"
load_groceries
sk recommend rules --min-support 0.001 --min-confidence 0.8 --json --now $NOW
expect_eq "$(json_get 'len(d)')" 410 rules

TEST "rules: bad thresholds are usage errors"
load_groceries
sk recommend rules --min-support 2
expect_rc 2
sk recommend rules --max-length 1
expect_rc 2

TEST "fbt: bought together, never the product itself, never inactive or out of stock"
load_shop
sk recommend --product coffee --json --now $NOW
expect_rc 0
expect_eq "$(json_get '[r["title"] for r in d]')" "['Grinder', 'Filters']" "fbt for coffee"
expect_eq "$(json_get '[d[0]["method"], d[0]["product_id"], d[0]["handle"]]')" "['fbt', 2, 'grinder']" "fields"
sk recommend --product 2 --json --now $NOW
expect_eq "$(json_get '[r["title"] for r in d]')" "['Coffee']" "fbt for grinder by id"
sk recommend --product nothing-like-it --now $NOW
expect_rc 1

TEST "similar, personal and refill"
load_shop
sk recommend --product grinder --method similar --json --now $NOW
expect_eq "$(json_get '"Coffee" in [r["title"] for r in d] and "Grinder" not in [r["title"] for r in d]')" True "similar"
sk recommend --customer c1@shop.test --json --now $NOW
expect_eq "$(json_get 'd[0]["title"]')" Coffee "personal brings back what they buy again and again"
expect_eq "$(json_get 'all(r["title"] not in ("Kettle", "Tea") for r in d)')" True "no inactive or out-of-stock product"
sk recommend --customer c1@shop.test --method refill --json --now $NOW
expect_eq "$(json_get '[r["title"] for r in d]')" "['Coffee']" "refill due"
# intervals: 30 days (customer 1, four times) and 31 days (six customers): the median is 31
expect_out_contains "bought 29 days ago; usually re-bought every 31 days"
sk recommend --customer c1@shop.test --method refill --json --now 2026-05-10T00:00:00Z
expect_eq "$(json_get 'len(d)')" 0 "not due a week after buying"
sk recommend --customer nobody@shop.test --now $NOW
expect_rc 1

TEST "--all streams per product or per customer"
load_shop
sk recommend --all --method fbt --format ndjson --now $NOW
expect_rc 0
expect_eq "$(printf '%s\n' "$OUT" | head -1 | "$PYTHON" -c 'import json,sys; print(sorted(json.load(sys.stdin)))')" \
  "['for_product_id', 'handle', 'method', 'product_id', 'reason', 'score', 'title']" "fields with --all for products"
sk recommend --all --method refill --json --now $NOW
expect_eq "$(json_get '[(r["customer_id"], r["email"], r["title"]) for r in d]')" "[(1, 'c1@shop.test', 'Coffee')]" "refills due"

TEST "argument errors"
load_shop
sk recommend --now $NOW
expect_rc 2
sk recommend --product coffee --customer c1@shop.test
expect_rc 2
sk recommend --product coffee --method refill
expect_rc 2
sk recommend --all --method magic
expect_rc 2

TEST "evaluate: protocol, baselines and every method"
load_shop
sk recommend evaluate -k 2 --json --now $NOW
expect_rc 0
expect_eq "$(json_get '[d["k"], d["test_customers"]]')" "[2, 7]" "k and test customers (two or more orders)"
expect_eq "$(json_get '[m["method"] for m in d["methods"]]')" "['popularity', 'own_history', 'fbt', 'similar', 'personal', 'refill']" methods
# Customers 2-7 hold out [Coffee, Filters]; customer 1 holds out Coffee. own_history (top 2 of their
# own products) finds both for 2-7 and Coffee for 1.
expect_eq "$(json_get '[(m["hit_rate"], round(m["recall"], 4)) for m in d["methods"] if m["method"] == "own_history"]')" "[(1.0, 0.5714)]" "own_history"
