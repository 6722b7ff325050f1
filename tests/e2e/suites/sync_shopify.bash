# sync shopify against the fake Shopify server: the store equals an import of the same data, with
# or without faults; auth, lock, cursors and incremental reads; what real shops do that our own code
# could assume away (query cost, scopes, bulk jobs that fail or linger). Endpoint URLs, redirects and TLS
# are in the security suite.

FAKE=$SHOPKEEP_SOURCE_DIR/tests/fakes/shopify_fake.py
NOW=2026-10-01T00:00:00Z
export SHOPKEEP_SHOPIFY_BULK_BACKOFF_MS=50  # waits between bulk job reruns, shortened

make_shop() {  # a small generated shop, once per suite
  if [ ! -d "$E2E_ROOT/shop" ]; then
    "$GENSHOP" --out "$E2E_ROOT/shop" --customers 120 --orders 400 --products 30 --checkouts 40 --tickets 5 --seed 3 || fail "genshop"
  fi
}
start_fake() {  # start_fake ARGS...: serves the shop on the fake's clock ($NOW); sets SHOPIFY_SHOP and the token
  launch_fake "$FAKE" port --clock $NOW "$@"
  export SHOPIFY_SHOP=http://127.0.0.1:$(cat port) SHOPIFY_ACCESS_TOKEN=shpat_test SHOPKEEP_HTTP_TIMEOUT=2
}
dump_store() {  # every Shopify row without synced_at and raw (a sync's raw has another field order)
  dump_tables --db "$1" --no-raw shop customers orders order_lines refunds products variants media checkouts checkout_lines
}
reference_dump() {  # the same data through import shopify
  "$SHOPKEEP" --db ref.db -q import shopify "$E2E_ROOT"/shop/shopify/*.jsonl
  dump_store ref.db
}
expect_equals_import() { [ "$(dump_store store.db)" == "$(reference_dump)" ] || fail "${1:-synced store differs from the imported one}"; }
expect_tables_equal_import() {  # expect_tables_equal_import TABLE...: those tables equal the import's
  "$SHOPKEEP" --db ref.db -q import shopify "$E2E_ROOT"/shop/shopify/*.jsonl
  [ "$(dump_tables --db store.db --no-raw "$@")" == "$(dump_tables --db ref.db --no-raw "$@")" ] || fail "$* differ from the import"
}
cursor_of() { q "SELECT cursor FROM sync_state WHERE source = 'shopify' AND resource = '$1'"; }

TEST "a first sync (bulk operations) equals an import of the same data, refunds and attribution included"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --log fake.log
sk sync --now $NOW
expect_rc 0
expect_err_contains "synced shopify"
expect_err_contains "400 orders"
expect_equals_import
# The fake answers only what is asked for: these would be missing if the queries left them out.
[ "$(q 'SELECT count(*) FROM refunds')" -gt 0 ] || fail "no refunds"
[ "$(q 'SELECT count(*) FROM orders WHERE last_visit_source IS NOT NULL')" -gt 0 ] || fail "no attribution"
[ "$(q 'SELECT count(*) FROM order_lines WHERE current_quantity < quantity')" -gt 0 ] || fail "no current quantities"
[ "$(q "SELECT count(*) FROM orders WHERE cart_discount_amount <> '0.00'")" -gt 0 ] || fail "no order-level discounts"
! grep '^UA' fake.log | grep -vq 'UA shopkeep/[0-9.]* ' || fail "a request without shopkeep's User-Agent"
sk status --json
expect_eq "$(json_get 'sorted(s["resource"] for s in d["sources"])')" "['checkouts', 'customers', 'orders', 'products', 'shop']" "status sources"
expect_eq "$(json_get 'all(s["last_success"] == "'$NOW'" for s in d["sources"])')" True "last success"
stop_fakes

TEST "a first sync by pagination equals an import; no page asks for more than 1,000 points"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --log fake.log
SHOPKEEP_SHOPIFY_BULK=0 sk sync --now $NOW --json
expect_rc 0
expect_eq "$(json_get '[r["bulk"] for r in d]')" "[False, False, False, False, False]" "no bulk job"
expect_equals_import
grep -q MAX_COST_EXCEEDED fake.log && fail "a page was over the single-query limit"
max=$(grep -o 'requested=[0-9.]*' fake.log | cut -d= -f2 | sort -g | tail -1)
"$PYTHON" -c "import sys; sys.exit(0 if 500 < float('$max') <= 1000 else 1)" || fail "largest page cost $max"
stop_fakes

TEST "Shopify's own cost beats the estimate: MAX_COST_EXCEEDED halves the page, THROTTLED waits for requestedQueryCost"
make_shop
# Each root node costs 9 points more than the documented defaults say (fields with costs of their own).
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --log fake.log --extra-cost 9 --restore-rate 400
SHOPKEEP_SHOPIFY_BULK=0 sk sync --now $NOW -v --resources customers,products
expect_rc 0
expect_err_contains "exceeds Shopify's limit of 1000"
grep -q MAX_COST_EXCEEDED fake.log || fail "the test did not exceed the limit"
throttled=$(grep -c THROTTLED fake.log)
[ "$throttled" -le 6 ] || fail "THROTTLED $throttled times: the client re-sent without waiting for the requested cost"
expect_tables_equal_import customers products variants media
stop_fakes

TEST "a lower single-query limit: pages halve until they fit"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --log fake.log --max-cost 150
SHOPKEEP_SHOPIFY_BULK=0 sk sync --now $NOW --resources orders,products
expect_rc 0
expect_tables_equal_import orders order_lines refunds products variants media
stop_fakes

TEST "bulk: the app's bulk limit held (OPERATION_IN_PROGRESS, LIMIT_REACHED) is waited for; timings are reported"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --fault bulkbusy:1 --fault bulklimit:2
sk sync --now $NOW --json -v
expect_rc 0
expect_err_contains "OPERATION_IN_PROGRESS"
expect_err_contains "LIMIT_REACHED"
expect_eq "$(json_get 'all(r["bulk"] for r in d if r["resource"] != "shop")')" True "bulk jobs"
expect_eq "$(json_get 'all("bulk_wait_seconds" in r for r in d if r["resource"] != "shop")')" True "timings"
expect_equals_import "store differs"
stop_fakes

TEST "bulk: a FAILED job is run again, then keeps its partial data without moving the cursor (exit 4)"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --fault bulkfail --log fake.log
sk sync --now $NOW --resources orders
expect_rc 4
expect_err_contains "running it again"
expect_err_contains "the bulk job failed (INTERNAL_SERVER_ERROR, 4 runs); the partial data it wrote was kept"
expect_eq "$(grep -c 'bulk start' fake.log)" 4 "jobs run"
[ "$(q 'SELECT count(*) FROM orders')" -gt 0 ] || fail "partial data was not kept"
[ "$(q 'SELECT count(*) FROM orders')" -lt 400 ] || fail "more than the partial data"
expect_eq "$(cursor_of orders)" "" "cursor after a partial job"
expect_eq "$(q "SELECT last_error IS NOT NULL FROM sync_state WHERE resource = 'orders'")" 1 "error recorded"
stop_fakes

TEST "bulk: an intermittent INTERNAL_SERVER_ERROR is a new job, not a failed cron run"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --fault bulkflaky:2 --fault internal:7
sk sync --now $NOW
expect_rc 0
expect_err_contains "running it again"
expect_equals_import
stop_fakes

TEST "bulk: the cursor is the job's createdAt, so what changed while it ran is read next time"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --fault bulkrace
sk sync --now $NOW --resources orders
expect_rc 0
[[ "$(cursor_of orders)" == 2026-10-01T00:00:* ]] || fail "cursor $(cursor_of orders) is not the job's start"
sk sync --now $NOW --resources orders
expect_rc 0
expect_eq "$(q "SELECT count(*) FROM orders WHERE name IN ('#RACE-X', '#RACE-Y')")" 2 "both changes"
stop_fakes

TEST "bulk: a job left running by a killed sync is cancelled before a new one; an overall time limit"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --fault bulkstuck:1 --bulk-concurrency 1 --log fake.log
"$SHOPKEEP" --now $NOW sync --resources orders >/dev/null 2>&1 &
victim=$!
for _ in $(seq 50); do grep -q 'bulk start' fake.log && break; sleep 0.1; done
sleep 0.5
kill -9 $victim 2>/dev/null
wait $victim 2>/dev/null
sk sync --now $NOW --resources orders
expect_rc 0
expect_err_contains "left running by an interrupted sync"
grep -q 'bulk cancel gid://shopify/BulkOperation/1' fake.log || fail "the abandoned job was not cancelled"
expect_eq "$(q 'SELECT count(*) FROM orders')" 400 orders
stop_fakes
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --fault bulkstuck:9 --log fake2.log
SHOPKEEP_SHOPIFY_BULK_TIMEOUT=3 sk sync --now $NOW --full --resources products
expect_rc 1
expect_err_contains "the bulk job for products did not finish within 3 s; it was cancelled"
grep -q 'bulk cancel' fake2.log || fail "the job was not cancelled"
stop_fakes

TEST "--full marks what is gone from Shopify as deleted"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl
"$SHOPKEEP" -q sync --now $NOW
stop_fakes
gone=$(grep -m1 '"gid://shopify/Customer/' "$E2E_ROOT/shop/shopify/customers.jsonl" | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["id"].split("/")[-1])')
grep -v "Customer/$gone\"" "$E2E_ROOT/shop/shopify/customers.jsonl" > customers.jsonl
start_fake --data "$E2E_ROOT"/shop/shopify/{shop,products,orders,checkouts}.jsonl customers.jsonl
sk sync --full --now $NOW --resources customers
expect_rc 0
expect_err_contains "1 marked deleted"
expect_eq "$(q "SELECT deleted_at FROM customers WHERE id = $gone")" "$NOW" "deleted_at"
expect_eq "$(q 'SELECT count(*) FROM customers WHERE deleted_at IS NULL')" 119 "live customers"
stop_fakes

for fault in throttle:3 429:4 500:3 internal:3 cut:4 slow:5; do
TEST "fault $fault: the final store equals the no-fault one"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --fault "$fault" --slow-seconds 4
SHOPKEEP_SHOPIFY_BULK=0 sk sync --now $NOW -v
expect_rc 0
expect_err_contains "retrying Shopify request"
expect_equals_import "store differs after fault $fault"
stop_fakes
done

TEST "a cost bucket that refills slowly: waits instead of being throttled"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --restore-rate 400 --maximum 1000 --log fake.log
SHOPKEEP_SHOPIFY_BULK=0 sk sync --now $NOW --resources customers,products
expect_rc 0
grep -q THROTTLED fake.log && fail "the client was throttled"
expect_tables_equal_import customers products variants media
stop_fakes

TEST "a wrong token exits 3 with a hint; nothing configured exits 2"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl
SHOPIFY_ACCESS_TOKEN=wrong sk sync --now $NOW
expect_rc 3
expect_err_contains "SHOPIFY_ACCESS_TOKEN"
[[ "$ERR" == *wrong* ]] && fail "the token appears in the message"
unset SHOPIFY_SHOP
sk sync
expect_rc 2
expect_err_contains "no source is configured"
sk sync zendesk
expect_rc 2
stop_fakes

TEST "client credentials: a short-lived token, renewed ahead of its expiry and after a 401"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --client-id app --client-secret s3cret --fault expire:7
unset SHOPIFY_ACCESS_TOKEN
SHOPIFY_CLIENT_ID=app SHOPIFY_CLIENT_SECRET=s3cret sk sync --now $NOW -v
expect_rc 0
expect_err_contains "renewed the Shopify access token after a 401"
expect_equals_import "store differs"
SHOPIFY_CLIENT_ID=app SHOPIFY_CLIENT_SECRET=nope sk sync --now $NOW
expect_rc 3
stop_fakes
# Tokens that expire after 1.5 s and a sync that takes longer: renewed before they stop working.
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --client-id app --client-secret s3cret --token-ttl 1.5 \
  --restore-rate 5000 --log fake.log
unset SHOPIFY_ACCESS_TOKEN
rm -f store.db
SHOPKEEP_SHOPIFY_BULK=0 SHOPIFY_CLIENT_ID=app SHOPIFY_CLIENT_SECRET=s3cret sk sync --now $NOW -v
expect_rc 0
expect_err_contains "renewed the Shopify access token ahead of its expiry"
grep -q '401 token' fake.log && fail "a request went out with an expired token"
stop_fakes

TEST "access scopes: missing ones fail their resource with the scope named, or warn"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --client-id app --client-secret s3cret \
  --scopes read_customers,read_products,read_orders
unset SHOPIFY_ACCESS_TOKEN
export SHOPIFY_CLIENT_ID=app SHOPIFY_CLIENT_SECRET=s3cret
sk sync --now $NOW
expect_rc 0
expect_err_contains "lacks the read_all_orders access scope"
expect_err_contains "lacks the read_inventory access scope"
expect_eq "$(q 'SELECT count(*) FROM variants WHERE unit_cost IS NOT NULL')" 0 "unit costs without read_inventory"
[ "$(q 'SELECT count(*) FROM variants')" -gt 0 ] || fail "no variants"
[ "$(q "SELECT count(*) FROM orders WHERE created_at < '2026-08-01'")" -eq 0 ] || fail "orders beyond 60 days"
stop_fakes
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --client-id app --client-secret s3cret --scopes read_customers,read_products
unset SHOPIFY_ACCESS_TOKEN
rm -f store.db
sk sync --now $NOW
expect_rc 4
expect_err_contains "the app lacks the read_orders access scope, which orders need"
expect_err_contains "Admin API access scopes"
[ "$(q 'SELECT count(*) FROM customers')" -gt 0 ] || fail "the other resources were not synced"
unset SHOPIFY_CLIENT_ID SHOPIFY_CLIENT_SECRET
stop_fakes

TEST "orders stop at 60 days while customers count more: the wall is named"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --hide-old-orders
sk sync --now $NOW
expect_rc 0
expect_err_contains "no order is older than 60 days"
expect_err_contains "read_all_orders"
stop_fakes

TEST "incremental: a changed order is picked up; older versions never win"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl
"$SHOPKEEP" -q sync --now $NOW
stop_fakes
order=$(grep -m1 '"gid://shopify/Order/' "$E2E_ROOT/shop/shopify/orders.jsonl")
id=$(printf '%s' "$order" | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
printf '%s' "$order" | "$PYTHON" -c 'import json,sys
o=json.load(sys.stdin); o["updatedAt"]="2026-10-01T00:30:00Z"; o["name"]="#EDITED"; print(json.dumps(o))' > changed.jsonl
grep -v "\"$id\"" "$E2E_ROOT/shop/shopify/orders.jsonl" > rest.jsonl
launch_fake "$FAKE" port --clock 2026-10-01T01:00:00Z --data "$E2E_ROOT"/shop/shopify/{shop,customers,products,checkouts}.jsonl rest.jsonl changed.jsonl --log fake.log
export SHOPIFY_SHOP=http://127.0.0.1:$(cat port)
sk sync --now $NOW --resources orders
expect_rc 0
expect_err_contains "orders"
expect_eq "$(q "SELECT name FROM orders WHERE id = ${id##*/}")" "#EDITED" "changed order"
sk sync --now $NOW --resources orders --since 2020-01-01
expect_rc 0
expect_eq "$(q "SELECT name FROM orders WHERE id = ${id##*/}")" "#EDITED" "a re-read changes nothing"
sk sync --resources bogus
expect_rc 2
stop_fakes

TEST "customers: Shopify's updated_at filter matches whole days in the shop's zone; no change at a day boundary is missed"
make_shop
"$PYTHON" -c 'import json,sys; s=json.load(open(sys.argv[1])); s["ianaTimezone"]="America/Los_Angeles"; print(json.dumps(s))' \
  "$E2E_ROOT/shop/shopify/shop.jsonl" > shop.jsonl
launch_fake "$FAKE" port --clock 2026-10-01T03:00:00Z --data shop.jsonl "$E2E_ROOT"/shop/shopify/customers.jsonl
export SHOPIFY_SHOP=http://127.0.0.1:$(cat port) SHOPIFY_ACCESS_TOKEN=shpat_test
sk sync --now $NOW --resources customers
expect_rc 0
stop_fakes
# Changed at 03:30 UTC: 20:30 the day before in Los Angeles.
customer=$(grep -m1 '"gid://shopify/Customer/' "$E2E_ROOT/shop/shopify/customers.jsonl")
cid=$(printf '%s' "$customer" | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
printf '%s' "$customer" | "$PYTHON" -c 'import json,sys
c=json.load(sys.stdin); c["updatedAt"]="2026-10-01T03:30:00Z"; c["firstName"]="Boundary"; print(json.dumps(c))' > changed.jsonl
grep -v "\"$cid\"" "$E2E_ROOT/shop/shopify/customers.jsonl" > rest.jsonl
launch_fake "$FAKE" port --clock 2026-10-01T04:00:00Z --data shop.jsonl rest.jsonl changed.jsonl
export SHOPIFY_SHOP=http://127.0.0.1:$(cat port)
sk sync --now $NOW --resources customers
expect_rc 0
expect_eq "$(q "SELECT first_name FROM customers WHERE id = ${cid##*/}")" "Boundary" "change at the day boundary"
stop_fakes

TEST "kill -9 mid-sync, then sync again: the store equals an uninterrupted sync"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --restore-rate 60 --maximum 1000
SHOPKEEP_SHOPIFY_BULK=0 "$SHOPKEEP" --now $NOW sync >/dev/null 2>&1 &
victim=$!
sleep 1.5
kill -9 $victim 2>/dev/null || fail "the sync had ended before the kill: nothing was interrupted"
wait $victim 2>/dev/null
stop_fakes
# The kill must have landed mid-sync: some pages committed, not all of them.
rows_at_kill=$(dump_store store.db | wc -l)
rows_in_shop=$(reference_dump | wc -l)
[ "$rows_at_kill" -gt 0 ] && [ "$rows_at_kill" -lt "$rows_in_shop" ] ||
  fail "the kill did not land mid-sync ($rows_at_kill of $rows_in_shop rows were in the store)"
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl
sk sync --now $NOW
expect_rc 0
expect_equals_import "store differs after a crash and a resumed sync"
stop_fakes

TEST "two syncs of one store never run at once"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --restore-rate 30 --maximum 1000
SHOPKEEP_SHOPIFY_BULK=0 "$SHOPKEEP" --now $NOW sync >/dev/null 2>&1 &
first=$!
sleep 0.5
sk sync --now $NOW
expect_rc 1
expect_err_contains "another sync of this store is running"
kill $first 2>/dev/null
wait $first 2>/dev/null
stop_fakes

TEST "an order with more line items and refunds than a page: nested connections and lists are read whole"
make_shop
"$PYTHON" - "$E2E_ROOT/shop/shopify/orders.jsonl" > big_order.jsonl <<'PY'
import json, sys
first = json.loads(open(sys.argv[1]).readline())
refunds = [{"id": f"gid://shopify/Refund/77700{n}", "createdAt": f"2026-09-0{n + 1}T00:00:00Z",
            "totalRefundedSet": {"shopMoney": {"amount": "1.00", "currencyCode": "EUR"}}} for n in range(7)]
order = dict(first, id="gid://shopify/Order/999999001", name="#BIG", updatedAt="2026-09-01T00:00:00Z", refunds=refunds)
print(json.dumps(order))
for n in range(45):
    print(json.dumps({"id": f"gid://shopify/LineItem/88800{n:03d}", "name": f"Item {n}", "quantity": 1,
                      "product": None, "variant": None, "__parentId": order["id"]}))
PY
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl big_order.jsonl --log fake.log
SHOPKEEP_SHOPIFY_BULK=0 sk sync --now $NOW --resources orders
expect_rc 0
expect_eq "$(q 'SELECT count(*) FROM order_lines WHERE order_id = 999999001')" 45 "line items of the big order"
expect_eq "$(q 'SELECT count(*) FROM refunds WHERE order_id = 999999001')" 7 "refunds of the big order"
stop_fakes

TEST "a product deleted in Shopify is marked deleted with its variants and media by the next incremental sync"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl
"$SHOPKEEP" -q sync --now $NOW
stop_fakes
gone=$(grep -m1 '"gid://shopify/Product/' "$E2E_ROOT/shop/shopify/products.jsonl" | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["id"].split("/")[-1])')
grep -v "Product/$gone\"" "$E2E_ROOT/shop/shopify/products.jsonl" > products.jsonl
start_fake --data "$E2E_ROOT"/shop/shopify/{shop,customers,orders,checkouts}.jsonl products.jsonl
sk sync --now $NOW --resources products
expect_rc 0
expect_eq "$(q "SELECT deleted_at FROM products WHERE id = $gone")" "$NOW" "deleted product"
expect_eq "$(q 'SELECT count(*) FROM products WHERE deleted_at IS NULL')" 29 "live products"
expect_eq "$(q "SELECT count(*) FROM variants WHERE product_id = $gone AND deleted_at IS NULL")" 0 "live variants of the deleted product"
expect_eq "$(q "SELECT count(*) FROM media WHERE product_id = $gone AND deleted_at IS NULL")" 0 "live media of the deleted product"
# What is live equals a fresh sync of the same shop.
live() { "$SHOPKEEP" --db "$1" sql "SELECT id FROM variants WHERE deleted_at IS NULL UNION ALL SELECT id FROM media WHERE deleted_at IS NULL ORDER BY 1" --format csv; }
SHOPKEEP_DB=fresh.db "$SHOPKEEP" -q sync --now $NOW --resources products
[ "$(live store.db)" == "$(live fresh.db)" ] || fail "live variants and media differ from a fresh sync"
stop_fakes

TEST "a host that refuses connections or does not resolve: exit 1 at once, naming the host"
make_shop
export SHOPIFY_ACCESS_TOKEN=shpat_test
start=$(date +%s)
SHOPIFY_SHOP=http://127.0.0.1:9 sk sync --now $NOW
expect_rc 1
expect_err_contains "127.0.0.1:9"
[[ "$ERR" == *"everything else was committed"* ]] && fail "claims something was committed"
[ $(( $(date +%s) - start )) -lt 10 ] || fail "took $(( $(date +%s) - start )) s"
SHOPIFY_SHOP=no-such-shop.invalid sk sync --now $NOW
expect_rc 1
expect_err_contains "no-such-shop.invalid"
