# recommend: rules reproduce the published Groceries results; methods on a shop with known answers;
# the published next-basket protocol on a sample of UCI Online Retail (testdata/recommend).

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
  "['for_product_id', 'handle', 'method', 'product_id', 'reason', 'repeat', 'score', 'title']" "fields with --all for products"
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

TEST "personal: consumables come back, durables never (the grinder), nothing inactive or out of stock"
load_shop
sk recommend --customer c2@shop.test --json --now $NOW
expect_rc 0
expect_eq "$(json_get '[d[0]["title"], d[0]["repeat"]]')" "['Coffee', True]" "the consumable first"
expect_eq "$(json_get '[r["title"] for r in d if r["title"] in ("Grinder", "Kettle", "Tea")]')" "[]" "no durable again, nothing unavailable"
expect_eq "$(json_get 'all(r["score"] > 0 and r["reason"] for r in d)')" True "scores and reasons"

TEST "--all --marketable: only customers subscribed to marketing mail and not suppressed"
load_shop
sk recommend --all --method personal --marketable --json --now $NOW
expect_rc 0
expect_eq "$(json_get 'sorted({r["customer_id"] for r in d})')" "[1, 3, 4]" "subscribed customers"
"$PYTHON" - "$SHOPKEEP_DB" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
h = hashlib.sha256(b"email:c4@shop.test").hexdigest()
db.execute("INSERT INTO suppressions (hash, kind, created_at) VALUES (?, 'email', '2026-05-01T00:00:00Z')", (h,))
db.commit()
PY
sk recommend --all --method personal --marketable --json --now $NOW
expect_eq "$(json_get 'sorted({r["customer_id"] for r in d})')" "[1, 3]" "a suppressed customer is left out"
sk recommend --all --json --now $NOW
expect_eq "$(json_get 'len({r["customer_id"] for r in d})')" 8 "without --marketable: every customer with orders"
sk recommend --customer c1@shop.test --marketable --now $NOW
expect_rc 2
sk recommend --all --method fbt --marketable --now $NOW
expect_rc 2

TEST "rules carry product ids besides titles"
load_shop
sk recommend rules --min-support 0.3 --min-confidence 0.5 --json --now $NOW
expect_rc 0
expect_eq "$(json_get 'all(len(r["antecedent_ids"]) == len(r["antecedent"]) and isinstance(r["consequent_id"], int) for r in d)')" True "ids"
expect_eq "$(json_get 'sorted({(r["consequent"], r["consequent_id"]) for r in d})')" "[('Coffee', 1), ('Grinder', 2), ('Kettle', 5), ('Tea', 6)]" "ids match titles"

TEST "evaluate: NDCG, repeat share, --validation and --split-date"
load_shop
sk recommend evaluate -k 2 --json --now $NOW
expect_eq "$(json_get 'sorted(d["methods"][0])')" "['hit_rate', 'method', 'ndcg', 'new_share', 'recall', 'repeat_share']" "fields per method"
expect_eq "$(json_get 'd["protocol"]')" last_order protocol
# own_history at 2: c1 gets Coffee (theirs) and Grinder (a best seller), c2-7 two of their own: 13 of 14
expect_eq "$(json_get '[(round(m["repeat_share"], 4), round(m["new_share"], 4)) for m in d["methods"] if m["method"] == "own_history"]')" "[(0.9286, 0.0714)]" "repeat share"
sk recommend evaluate -k 2 --validation --json --now $NOW
expect_rc 0
# one order earlier: without their last orders customers 2-7 have one order left, c1 four
expect_eq "$(json_get '[d["protocol"], d["test_customers"]]')" "['validation', 1]" "validation"
sk recommend evaluate -k 2 --split-date 2026-02-01 --json --now $NOW
expect_rc 0
expect_eq "$(json_get '[d["protocol"], d["split_date"], d["test_customers"]]')" "['split_date', '2026-02-01T00:00:00Z', 7]" "split date"
sk recommend evaluate --split-date 2026-07-01 --now $NOW
expect_rc 2
sk recommend evaluate --split-date 2026-02-01 --validation --now $NOW
expect_rc 2

TEST "Online Retail sample: the baselines match an independent count, personal beats own_history"
"$PYTHON" "$SHOPKEEP_SOURCE_DIR/tests/tools/online_retail_to_jsonl.py" "$SHOPKEEP_SOURCE_DIR/testdata/recommend/online_retail_sample.csv.gz" or.jsonl 2>/dev/null
"$SHOPKEEP" -q import shopify or.jsonl
sk recommend evaluate -k 10 --json --now 2011-12-10T00:00:00Z
expect_rc 0
echo "$OUT" > evaluation.json
reference=$("$PYTHON" - "$SHOPKEEP_SOURCE_DIR/testdata/recommend/online_retail_sample.csv.gz" <<'PY'
# The published protocol counted straight from the CSV: invoices (not C...), positive lines, the last
# invoice of each customer with two or more held out; popularity and own history (ties by
# popularity, then stock code).
import collections, csv, gzip, sys
orders = {}
for r in csv.DictReader(gzip.open(sys.argv[1], "rt")):
    if r["InvoiceNo"].startswith("C") or not r["CustomerID"] or int(r["Quantity"]) <= 0 or float(r["UnitPrice"]) <= 0:
        continue
    o = orders.setdefault(r["InvoiceNo"], {"c": r["CustomerID"], "t": r["InvoiceDate"], "items": set()})
    o["items"].add(r["StockCode"].upper())
by = collections.defaultdict(list)
for n, o in sorted(orders.items(), key=lambda x: (x[1]["t"], int(x[0]))):
    by[o["c"]].append(o)
tests = {c: l[-1] for c, l in by.items() if len(l) >= 2}
train = [o for c, l in by.items() for o in (l[:-1] if len(l) >= 2 else l)]
pop = collections.Counter(i for o in train for i in o["items"])
ranked = sorted(pop, key=lambda i: (-pop[i], i))
def score(recs):
    hit = sum(1 for c in tests if recs[c] & tests[c]["items"]) / len(tests)
    rec = sum(len(recs[c] & tests[c]["items"]) / len(tests[c]["items"]) for c in tests) / len(tests)
    return "%.4f/%.4f" % (hit, rec)
own = {}
for c in tests:
    h = collections.Counter(i for o in by[c][:-1] for i in o["items"])
    top = sorted(h, key=lambda i: (-h[i], -pop[i], i))[:10]
    top += [i for i in ranked if i not in h][: 10 - len(top)]
    own[c] = set(top)
print(len(tests), score({c: set(ranked[:10]) for c in tests}), score(own))
PY
)
got=$("$PYTHON" -c 'import json; d=json.load(open("evaluation.json")); m={x["method"]: x for x in d["methods"]}
print(d["test_customers"], *["%.4f/%.4f" % (m[n]["hit_rate"], m[n]["recall"]) for n in ("popularity", "own_history")])')
expect_eq "$got" "$reference" "test customers, popularity and own_history against the count from the CSV"
expect_eq "$(json_get '[m["method"] for m in d["methods"]]')" "['popularity', 'own_history', 'fbt', 'similar', 'personal', 'refill']" methods
# 65 test customers: the recall gain shows, the hit rate at least holds (the full file: docs/recommend.md)
expect_eq "$(json_get '(lambda m: m["personal"]["hit_rate"] >= m["own_history"]["hit_rate"] and m["personal"]["recall"] > m["own_history"]["recall"] + 0.005)({x["method"]: x for x in d["methods"]})')" True "personal beats own_history"
sk recommend --all --method fbt --json --now 2011-12-10T00:00:00Z
expect_eq "$(json_get 'len(d) > 100 and min(int(r["reason"].split("%")[0][3:]) for r in d) >= 2')" True "no 'in 0% of the orders': at least the 2% minimum confidence"

TEST "only counted orders and units still on the order are purchases"
"$PYTHON" "$SHOPKEEP_SOURCE_DIR/testdata/recommend/make_recommend_shop.py" shop.jsonl
"$PYTHON" - shop.jsonl <<'PY'
# Customer 8's Mug (order 13) was refunded (currentQuantity 0); their Filters order is cancelled and
# their Grinder order is a test order: none of it is a purchase.
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
for l in lines:
    if l.get("__parentId") == "gid://shopify/Order/13":
        l["currentQuantity"] = 0
def order(n, extra, product):
    lines.append(dict({"id": f"gid://shopify/Order/{n}", "processedAt": "2026-04-01T10:00:00Z", "test": False,
                       "customer": {"id": "gid://shopify/Customer/8"}}, **extra))
    lines.append({"id": f"gid://shopify/LineItem/{n}0", "quantity": 1, "product": {"id": f"gid://shopify/Product/{product}"},
                  "__parentId": f"gid://shopify/Order/{n}"})
order(90, {"cancelledAt": "2026-04-02T10:00:00Z"}, 3)
order(91, {"test": True}, 2)
with open(sys.argv[1], "w") as f:
    f.write("".join(json.dumps(l) + "\n" for l in lines))
PY
"$SHOPKEEP" -q import shopify shop.jsonl
sk recommend --customer c8@shop.test --json --now $NOW
expect_rc 0
expect_eq "$(json_get '[r["repeat"] for r in d if r["repeat"]]')" "[]" "nothing of theirs counts as bought"
sk recommend evaluate -k 2 --json --now $NOW
expect_eq "$(json_get 'd["test_customers"]')" 7 "customer 8 has no counted purchase"
sk sql "SELECT count(*) AS n FROM order_lines WHERE order_id = 13 AND current_quantity = 0" --format csv
expect_out_contains "1"
