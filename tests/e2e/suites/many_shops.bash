# Many shops (docs/scale.md): one store per shop, filled independently (here by imports; in
# production by syncs run in parallel, one --db each), analysed together by reading the SQLite
# stores with an existing engine: sqlite3's ATTACH, through the store's own views.

: "${GENSHOP:?set GENSHOP to the genshop tool}"

# shop NAME SEED ORDERS: a generated shop imported into NAME.db.
shop() {
  "$GENSHOP" --out "$1" --seed "$2" --orders "$3" --customers $(($3 / 3)) --products 30 --checkouts 20 \
    --tickets 20 > /dev/null || fail "genshop $1 failed"
  "$SHOPKEEP" --db "$PWD/$1.db" -q import shopify "$1"/shopify/*.jsonl || fail "import of $1 failed"
}

# The query of docs/scale.md: one row per shop, from each store's counted_orders view.
cross_shop_query="ATTACH 'file:north.db?mode=ro' AS north; ATTACH 'file:south.db?mode=ro' AS south;
SELECT 'north' AS shop, count(*) AS orders, count(DISTINCT customer_id) AS customers,
       sum(CAST(round(total_price * 100) AS INTEGER)) AS revenue_cents
  FROM north.counted_orders
UNION ALL
SELECT 'south', count(*), count(DISTINCT customer_id), sum(CAST(round(total_price * 100) AS INTEGER))
  FROM south.counted_orders;"

TEST "two stores, one sqlite3 query: ATTACH reads each store through its own views"
shop north 11 600
shop south 22 450
sqlite3 -csv :memory: "$cross_shop_query" > both.csv || fail "the ATTACH query failed"
for s in north south; do
  alone=$("$SHOPKEEP" --db "$PWD/$s.db" sql "SELECT count(*) AS orders, count(DISTINCT customer_id) AS customers,
    sum(CAST(round(total_price * 100) AS INTEGER)) AS revenue_cents FROM counted_orders" --format csv | tail -1 | tr -d '\r')
  expect_eq "$(grep "^$s," both.csv | cut -d, -f2-)" "$alone" "$s through ATTACH vs shopkeep --db $s.db sql"
done
orders_north=$(grep '^north,' both.csv | cut -d, -f2)
orders_south=$(grep '^south,' both.csv | cut -d, -f2)
[ "$orders_north" -gt 500 ] && [ "$orders_south" -gt 350 ] && [ "$orders_north" != "$orders_south" ] ||
  fail "the two shops are not the generated ones: $(cat both.csv)"

TEST "customers of both shops, matched by email across the stores; the stores stay read-only"
shop north 11 300
shop south 22 300
# One of north's customers also buys from south (under another customer id, as in a real second shop).
email=$(sqlite3 north.db "SELECT c.email FROM counted_orders o JOIN customers c ON c.id = o.customer_id WHERE c.email IS NOT NULL ORDER BY c.id LIMIT 1")
cat > returning.jsonl <<JSONL
{"id":"gid://shopify/Customer/9000001","firstName":"Pat","lastName":"Both","createdAt":"2026-05-01T09:00:00Z","updatedAt":"2026-05-01T09:00:00Z","numberOfOrders":"1","email":"$(echo "$email" | tr a-z A-Z)","emailMarketingConsent":{"marketingState":"NOT_SUBSCRIBED","marketingOptInLevel":null,"consentUpdatedAt":null}}
{"id":"gid://shopify/Order/9000001","name":"#X1","email":"$email","createdAt":"2026-05-02T10:00:00Z","updatedAt":"2026-05-02T10:00:00Z","processedAt":"2026-05-02T10:00:00Z","cancelledAt":null,"closedAt":null,"test":false,"currencyCode":"EUR","displayFinancialStatus":"PAID","displayFulfillmentStatus":"FULFILLED","customer":{"id":"gid://shopify/Customer/9000001"},"discountCodes":[],"tags":[],"sourceName":"web","totalPriceSet":{"shopMoney":{"amount":"12.50","currencyCode":"EUR"}},"subtotalPriceSet":{"shopMoney":{"amount":"12.50","currencyCode":"EUR"}},"totalDiscountsSet":{"shopMoney":{"amount":"0.00","currencyCode":"EUR"}},"totalTaxSet":{"shopMoney":{"amount":"0.00","currencyCode":"EUR"}},"totalShippingPriceSet":{"shopMoney":{"amount":"0.00","currencyCode":"EUR"}},"totalRefundedSet":{"shopMoney":{"amount":"0.00","currencyCode":"EUR"}}}
JSONL
"$SHOPKEEP" --db "$PWD/south.db" -q import shopify returning.jsonl || fail "import of returning.jsonl failed"
both=$(sqlite3 :memory: "ATTACH 'file:north.db?mode=ro' AS north; ATTACH 'file:south.db?mode=ro' AS south;
SELECT lower(trim(n.email)) FROM north.counted_orders o JOIN north.customers n ON n.id = o.customer_id
INTERSECT
SELECT lower(trim(s.email)) FROM south.counted_orders o JOIN south.customers s ON s.id = o.customer_id;")
expect_eq "$both" "$(echo "$email" | tr A-Z a-z)" "customers who ordered in both shops"
sqlite3 :memory: "ATTACH 'file:north.db?mode=ro' AS north; DELETE FROM north.orders;" 2> write.err &&
  fail "a read-only ATTACH wrote to a store"
grep -q "readonly" write.err || fail "unexpected error from the read-only write: $(cat write.err)"
