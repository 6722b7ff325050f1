# sync shopify against the fake Shopify server: the store equals an import of the same data, with
# or without faults; auth, lock, cursors and incremental reads.

FAKE=$SHOPKEEP_SOURCE_DIR/tests/fakes/shopify_fake.py
NOW=2026-10-01T00:00:00Z

make_shop() {  # a small generated shop, once per suite
  if [ ! -d "$E2E_ROOT/shop" ]; then
    "$GENSHOP" --out "$E2E_ROOT/shop" --customers 120 --orders 400 --products 30 --checkouts 40 --tickets 5 --seed 3 || fail "genshop"
  fi
}
start_fake() {  # start_fake ARGS...: serves the shop; sets SHOPIFY_SHOP and the token
  launch_fake "$FAKE" port "$@"
  export SHOPIFY_SHOP=http://127.0.0.1:$(cat port) SHOPIFY_ACCESS_TOKEN=shpat_test SHOPKEEP_HTTP_TIMEOUT=2
}
dump_store() {  # every Shopify row without synced_at and raw (a sync's raw has another field order)
  dump_tables --db "$1" --no-raw shop customers orders order_lines products variants media checkouts checkout_lines
}
reference_dump() {  # the same data through import shopify
  "$SHOPKEEP" --db ref.db -q import shopify "$E2E_ROOT"/shop/shopify/*.jsonl
  dump_store ref.db
}

TEST "a first sync (bulk operations) equals an import of the same data"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl
sk sync --now $NOW
expect_rc 0
expect_err_contains "synced shopify"
expect_err_contains "400 orders"
[ "$(dump_store store.db)" == "$(reference_dump)" ] || fail "synced store differs from the imported one"
sk status --json
expect_eq "$(json_get 'sorted(s["resource"] for s in d["sources"])')" "['checkouts', 'customers', 'orders', 'products', 'shop']" "status sources"
expect_eq "$(json_get 'all(s["last_success"] == "'$NOW'" for s in d["sources"])')" True "last success"
stop_fakes

TEST "a first sync by pagination equals an import of the same data"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl
SHOPKEEP_SHOPIFY_BULK=0 sk sync --now $NOW --json
expect_rc 0
expect_eq "$(json_get '[r["bulk"] for r in d]')" "[False, False, False, False, False]" "no bulk job"
[ "$(dump_store store.db)" == "$(reference_dump)" ] || fail "synced store differs from the imported one"
stop_fakes

TEST "bulk: a job already in progress is waited for; timings are reported"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --fault bulkbusy:2
sk sync --now $NOW --json -v
expect_rc 0
expect_err_contains "already in progress"
expect_eq "$(json_get 'all(r["bulk"] for r in d if r["resource"] != "shop")')" True "bulk jobs"
expect_eq "$(json_get 'all("bulk_wait_seconds" in r for r in d if r["resource"] != "shop")')" True "timings"
[ "$(dump_store store.db)" == "$(reference_dump)" ] || fail "store differs"
stop_fakes

TEST "bulk: a FAILED job keeps its partial data and the resource is reported (exit 4)"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --fault bulkfail
sk sync --now $NOW --resources orders
expect_rc 4
expect_err_contains "the bulk job failed (INTERNAL_SERVER_ERROR); the partial data it wrote was kept"
[ "$(q 'SELECT count(*) FROM orders')" -gt 0 ] || fail "partial data was not kept"
[ "$(q 'SELECT count(*) FROM orders')" -lt 400 ] || fail "more than the partial data"
expect_eq "$(q "SELECT last_error IS NOT NULL FROM sync_state WHERE resource = 'orders'")" 1 "error recorded"
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

for fault in throttle:3 429:4 500:3 cut:4 slow:5; do
TEST "fault $fault: the final store equals the no-fault one"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --fault "$fault" --slow-seconds 4
SHOPKEEP_SHOPIFY_BULK=0 sk sync --now $NOW -v
expect_rc 0
expect_err_contains "retrying Shopify request"
[ "$(dump_store store.db)" == "$(reference_dump)" ] || fail "store differs after fault $fault"
stop_fakes
done

TEST "a cost bucket that refills slowly: waits instead of being throttled"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --restore-rate 400 --maximum 1000 --log fake.log
SHOPKEEP_SHOPIFY_BULK=0 sk sync --now $NOW
expect_rc 0
grep -q THROTTLED fake.log && fail "the client was throttled"
[ "$(dump_store store.db)" == "$(reference_dump)" ] || fail "store differs"
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

TEST "client credentials: a short-lived token, renewed when it expires"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --client-id app --client-secret s3cret --fault expire:7
unset SHOPIFY_ACCESS_TOKEN
SHOPIFY_CLIENT_ID=app SHOPIFY_CLIENT_SECRET=s3cret sk sync --now $NOW -v
expect_rc 0
expect_err_contains "renewed the Shopify access token"
[ "$(dump_store store.db)" == "$(reference_dump)" ] || fail "store differs"
SHOPIFY_CLIENT_ID=app SHOPIFY_CLIENT_SECRET=nope sk sync --now $NOW
expect_rc 3
stop_fakes

TEST "incremental: a changed order is picked up; older versions never win"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl
"$SHOPKEEP" -q sync --now $NOW
stop_fakes
order=$(grep -m1 '"gid://shopify/Order/' "$E2E_ROOT/shop/shopify/orders.jsonl")
id=$(printf '%s' "$order" | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
printf '%s' "$order" | "$PYTHON" -c 'import json,sys
o=json.load(sys.stdin); o["updatedAt"]="2026-09-30T23:00:00Z"; o["name"]="#EDITED"; print(json.dumps(o))' > changed.jsonl
grep -v "\"$id\"" "$E2E_ROOT/shop/shopify/orders.jsonl" > rest.jsonl
start_fake --data "$E2E_ROOT"/shop/shopify/{shop,customers,products,checkouts}.jsonl rest.jsonl changed.jsonl --log fake.log
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

TEST "kill -9 mid-sync, then sync again: the store equals an uninterrupted sync"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --restore-rate 60 --maximum 200
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
[ "$(dump_store store.db)" == "$(reference_dump)" ] || fail "store differs after a crash and a resumed sync"
stop_fakes

TEST "two syncs of one store never run at once"
make_shop
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl --restore-rate 30 --maximum 100
SHOPKEEP_SHOPIFY_BULK=0 "$SHOPKEEP" --now $NOW sync >/dev/null 2>&1 &
first=$!
sleep 0.5
start=$(date +%s)
sk sync --now $NOW
expect_rc 1
expect_err_contains "another sync of this store is running"
kill $first 2>/dev/null
wait $first 2>/dev/null
stop_fakes

TEST "an order with more line items than a page: nested connections are paged"
make_shop
"$PYTHON" - "$E2E_ROOT/shop/shopify/orders.jsonl" > big_order.jsonl <<'PY'
import json, sys
first = json.loads(open(sys.argv[1]).readline())
order = dict(first, id="gid://shopify/Order/999999001", name="#BIG", updatedAt="2026-09-01T00:00:00Z")
print(json.dumps(order))
for n in range(45):
    print(json.dumps({"id": f"gid://shopify/LineItem/88800{n:03d}", "name": f"Item {n}", "quantity": 1,
                      "product": None, "variant": None, "__parentId": order["id"]}))
PY
start_fake --data "$E2E_ROOT"/shop/shopify/*.jsonl big_order.jsonl --log fake.log
SHOPKEEP_SHOPIFY_BULK=0 sk sync --now $NOW --resources orders
expect_rc 0
expect_eq "$(q 'SELECT count(*) FROM order_lines WHERE order_id = 999999001')" 45 "line items of the big order"
stop_fakes

TEST "a product deleted in Shopify is marked deleted by the next incremental sync"
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
stop_fakes
