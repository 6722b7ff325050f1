# import shopify: the JSONL of a bulk operation into the store, all or nothing.

DATA=$SHOPKEEP_SOURCE_DIR/testdata/shopify

# Every row of every data table without synced_at, so two stores can be compared.
dump_store() { dump_tables shop customers orders order_lines products variants media checkouts checkout_lines; }

TEST "import a small shop across three files, children before and after parents"
sk import shopify "$DATA/small_shop.jsonl" "$DATA/later_lines.jsonl" "$DATA/later_orders.jsonl"
expect_rc 0
expect_err_contains "imported 13 lines"
expect_err_contains "skipping objects of type Fulfillment"
expect_eq "$(q 'SELECT count(*) FROM customers')" 2 customers
expect_eq "$(q 'SELECT count(*) FROM orders')" 2 orders
expect_eq "$(q 'SELECT count(*) FROM order_lines')" 2 "order lines"
expect_eq "$(q 'SELECT order_id FROM order_lines WHERE id = 602')" 502 "line in another file"
expect_eq "$(q 'SELECT email FROM checkouts WHERE id = 701')" "bo@example.com" "checkout email from its customer"
expect_eq "$(q 'SELECT timezone FROM shop')" "Europe/Berlin" "shop zone"
expect_eq "$(q "SELECT email_marketing_state FROM customers WHERE id = 102")" "NOT_SUBSCRIBED" "old consent shape"

TEST "json summary on stdout"
sk import shopify "$DATA/small_shop.jsonl" --json
expect_rc 0
expect_eq "$(json_get 'd["written"]["orders"]')" 1 "orders written"
expect_eq "$(json_get 'd["lines"]')" 10 lines

TEST "a re-import changes nothing but synced_at"
sk import shopify "$DATA/small_shop.jsonl" "$DATA/later_lines.jsonl" "$DATA/later_orders.jsonl"
dump_store > first.txt
sk import shopify "$DATA/later_orders.jsonl" "$DATA/small_shop.jsonl" "$DATA/later_lines.jsonl"
expect_rc 0
dump_store > second.txt
cmp -s first.txt second.txt || fail "store changed on re-import: $(diff first.txt second.txt | head -5)"

TEST "a newer version replaces the row and its children; an older one is ignored"
sk import shopify "$DATA/small_shop.jsonl"
sed -e 's/"updatedAt":"2025-01-10T10:05:00Z"/"updatedAt":"2025-03-01T00:00:00Z"/' -e 's/#1001/#1001-edited/' \
  "$DATA/small_shop.jsonl" | grep -v 'LineItem/601' > newer.jsonl
sk import shopify newer.jsonl
expect_rc 0
expect_eq "$(q 'SELECT name FROM orders WHERE id = 501')" "#1001-edited" "newer order"
expect_eq "$(q 'SELECT count(*) FROM order_lines WHERE order_id = 501')" 0 "children replaced as a set"
sk import shopify "$DATA/small_shop.jsonl"
expect_eq "$(q 'SELECT name FROM orders WHERE id = 501')" "#1001-edited" "older order ignored"

TEST "stdin with -"
sk import shopify - < "$DATA/small_shop.jsonl"
"$SHOPKEEP" import shopify - < "$DATA/small_shop.jsonl" 2>err.txt
expect_eq "$?" 0 "exit"
expect_eq "$(q 'SELECT count(*) FROM orders')" 1 orders

TEST "a malformed line names file and line; nothing is written"
sk import shopify "$DATA/small_shop.jsonl"
before=$(dump_store)
{ cat "$DATA/later_orders.jsonl"; echo '{"id": "gid://shopify/Order/503", oops}'; } > bad.jsonl
sk import shopify "$DATA/later_lines.jsonl" bad.jsonl
expect_rc 1
expect_err_contains "bad.jsonl:3: invalid JSON"
expect_eq "$(dump_store)" "$before" "store after failed import"

TEST "a line without a usable id"
echo '{"name":"no id"}' > noid.jsonl
sk import shopify noid.jsonl
expect_rc 1
expect_err_contains "noid.jsonl:1: no usable id"
echo '{"id":"12345"}' > rawid.jsonl
sk import shopify rawid.jsonl
expect_rc 1
expect_err_contains "is not a Shopify GID"

TEST "a bad field value names the field"
echo '{"id":"gid://shopify/Order/1","processedAt":"last tuesday"}' > badtime.jsonl
sk import shopify badtime.jsonl
expect_rc 1
expect_err_contains "badtime.jsonl:1: field processedAt: invalid time"

TEST "a missing file is a usage error and nothing is written"
sk import shopify "$DATA/small_shop.jsonl" missing.jsonl
expect_rc 2
expect_err_contains "missing.jsonl"
expect_eq "$(q 'SELECT count(*) FROM orders')" 0 orders

TEST "the reference bulk JSONL from Shopify's guide"
sk import shopify "$SHOPKEEP_REFERENCE/shopify/graphql_bulk_products_variants_example.jsonl"
expect_rc 0
expect_eq "$(q 'SELECT count(*) FROM products')" 2 products
expect_eq "$(q 'SELECT count(*) FROM variants')" 2 variants

TEST "orphans are skipped with a warning"
sk import shopify "$DATA/later_lines.jsonl"
expect_rc 0
expect_err_contains "1 child objects skipped"
expect_eq "$(q 'SELECT count(*) FROM order_lines')" 0 "order lines"

TEST "import with -q prints nothing"
sk -q import shopify "$DATA/small_shop.jsonl" "$DATA/later_orders.jsonl"
expect_rc 0
expect_eq "$ERR" "" stderr

TEST "status lists imports, the shop and the data range; a failed import is not counted"
sk import shopify "$DATA/small_shop.jsonl" "$DATA/later_lines.jsonl"
expect_rc 0
printf '{"id":"gid://shopify/Order/9","name":\n' > broken.jsonl
sk import shopify broken.jsonl
expect_rc 1
sk status --json
expect_rc 0
expect_eq "$(json_get '[(i["source"], i["imports"], i["files"]) for i in d["imports"]]')" "[('shopify', 1, 2)]" "imports"
expect_eq "$(json_get 'd["shop"]["timezone"]')" "Europe/Berlin" "shop zone"
expect_eq "$(json_get 'd["data"]["first_order_at"] is not None')" True "data range"
expect_eq "$(json_get 'd["sources"]')" "[]" "no sync sources"
sk status
expect_rc 0
expect_out_contains "Import   shopify"
expect_out_contains "No sync yet"

TEST "what Shopify's sales report needs: refunds with their dates, line and order discounts, current quantities, attribution"
sk import shopify "$DATA/sales_report.jsonl"
expect_rc 0
expect_err_contains "refunds 1 inserted"
expect_eq "$(q 'SELECT order_id || " " || created_at || " " || amount || " " || currency FROM refunds')" \
  "901 2025-05-20T10:00:00Z 27.00 EUR" "the refund, on its own date"
# gross = quantity x unit price; line discounts = gross - discounted total (code discounts included); order-level apart.
expect_eq "$(q "SELECT sum(quantity * CAST(unit_price AS REAL)) || ' ' || sum(quantity * CAST(unit_price AS REAL) - CAST(discounted_total AS REAL)) FROM order_lines")" \
  "100.0 10.0" "gross and line discounts"
expect_eq "$(q 'SELECT cart_discount_amount || " " || total_discounts FROM orders')" "9.00 19.00" "order-level discount"
expect_eq "$(q 'SELECT sum(current_quantity) || " " || sum(quantity) FROM order_lines')" "2 3" "units kept and ordered"
expect_eq "$(q 'SELECT source_name || " " || first_visit_source || "/" || first_visit_source_type || " " || last_visit_utm_source || "/" || last_visit_utm_medium || "/" || last_visit_utm_campaign || " " || days_to_conversion FROM orders')" \
  "web instagram/AD newsletter/email/may 4" "channel and attribution"
expect_eq "$(q 'SELECT first_visit_landing_page || " " || first_visit_referrer_url FROM orders')" \
  "https://small.example/products/mug https://l.instagram.com/" "landing page and referrer"
expect_eq "$(q 'SELECT discounted_total FROM checkout_lines')" "55.00" "checkout line after its code discount"
expect_eq "$(q 'SELECT status FROM products WHERE id = 9801')" UNLISTED "UNLISTED kept as Shopify says it"
# A newer version of the order without the refund: the refunds go with the order, as a set.
sed -e 's/"updatedAt":"2025-05-20T10:00:00Z"/"updatedAt":"2025-05-21T10:00:00Z"/' -e 's/"refunds":\[.*\]}$/"refunds":[]}/' \
  "$DATA/sales_report.jsonl" | head -1 > newer.jsonl
sk import shopify newer.jsonl
expect_rc 0
expect_eq "$(q 'SELECT count(*) FROM refunds')" 0 "refunds replaced with the order"

TEST "a Zendesk body given to import shopify names the command to use; nothing is written"
sk import shopify "$DATA/small_shop.jsonl"
before=$(dump_store)
ZDATA=$SHOPKEEP_SOURCE_DIR/testdata/zendesk
for body in "$ZDATA/tickets.json" "$ZDATA/satisfaction_ratings.json"; do  # pretty-printed and compact
  sk import shopify "$DATA/later_lines.jsonl" "$body"
  expect_rc 2
  expect_err_contains "$body: this looks like a Zendesk export: use 'shopkeep import zendesk $body'"
done
tr -d '\n' < "$ZDATA/users.json" > one_line.json
sk import shopify - < one_line.json
expect_rc 2
expect_err_contains "<stdin>: this looks like a Zendesk export: use 'shopkeep import zendesk -'"
expect_eq "$(dump_store)" "$before" "store after the refused import"

TEST "the summary says what changed per table: inserted, unchanged, updated, older skipped"
ALLF=("$DATA/small_shop.jsonl" "$DATA/later_lines.jsonl" "$DATA/later_orders.jsonl")
sk import shopify "${ALLF[@]}" --json
expect_eq "$(json_get 'd["tables"]["orders"]')" "{'inserted': 2, 'updated': 0, 'unchanged': 0, 'older_skipped': 0}" "first import"
expect_eq "$(json_get 'd["tables"]["order_lines"]["inserted"]')" 2 "lines inserted"
sk import shopify "${ALLF[@]}" --json
expect_eq "$(json_get 'sorted(set(k for t in d["tables"].values() for k, n in t.items() if n))')" "['unchanged']" "a re-import: all unchanged, children too"
expect_eq "$(json_get 'd["tables"]["order_lines"]["unchanged"]')" 2 "lines unchanged although their order was rewritten"
sed -e 's/"updatedAt":"2025-01-10T10:05:00Z"/"updatedAt":"2025-03-01T00:00:00Z"/' -e 's/#1001/#1001-edited/' "$DATA/small_shop.jsonl" > newer.jsonl
sk import shopify newer.jsonl
expect_rc 0
expect_err_contains "orders 1 updated"
sk import shopify "$DATA/small_shop.jsonl"
expect_err_contains "orders 1 older skipped"
expect_err_contains "(nothing changed)"

TEST "Ctrl-C during an import: exit 130, 'interrupted: nothing was written', and nothing is"
# 2 MB of customers (more than one read buffer, so some are written in the transaction), then the
# pipe stays open and the import waits for more until the signal.
"$PYTHON" - > many.jsonl <<'PY'
for i in range(1, 12001):
    print('{"id":"gid://shopify/Customer/%d","email":"c%d@example.com","updatedAt":"2025-01-01T00:00:00Z","note":"%s"}' % (i, i, "x" * 120))
PY
mkfifo feed
{ cat many.jsonl; sleep 20; } > feed &
feeder=$!
"$SHOPKEEP" import shopify - < feed > stdout.txt 2> stderr.txt &
importer=$!
sleep 2
kill -INT $importer
wait $importer
RC=$?
ERR=$(cat stderr.txt)
kill $feeder 2>/dev/null; wait $feeder 2>/dev/null
expect_rc 130
expect_err_contains "interrupted: nothing was written"
expect_eq "$(q 'SELECT count(*) FROM customers')" 0 "customers after the interrupt"
