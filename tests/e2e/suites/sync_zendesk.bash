# sync zendesk against the fake Zendesk server: the store equals an import of the same bodies, with
# or without faults; rate limits, auth, cursors, incremental reads, deletions, crash safety.

FAKE=$SHOPKEEP_SOURCE_DIR/tests/fakes/zendesk_fake.py
NOW=2026-10-01T00:00:00Z

make_shop() {  # a small generated shop, once per suite
  if [ ! -d "$E2E_ROOT/shop" ]; then
    "$GENSHOP" --out "$E2E_ROOT/shop" --customers 150 --orders 300 --products 20 --checkouts 10 --tickets 60 --seed 5 || fail "genshop"
  fi
}
start_fake() {  # start_fake ARGS...: serves the shop's tickets; sets ZENDESK_URL and API-token credentials
  launch_fake "$FAKE" port --data "$E2E_ROOT/shop/zendesk" "$@"
  PORT=$(cat port)
  export ZENDESK_URL=http://127.0.0.1:$PORT ZENDESK_EMAIL=agent@example.com ZENDESK_API_TOKEN=zd-test-token SHOPKEEP_HTTP_TIMEOUT=2
}
fake_post() {  # fake_post JSON: changes a ticket on the fake (updated_at = now)
  curl -sf -X POST -H 'Content-Type: application/json' -d "$1" "http://127.0.0.1:$PORT/_fake/tickets" >/dev/null || fail "fake control"
}
dump_store() {  # every Zendesk row without synced_at and raw (a comment page's raw is not an event's)
  dump_tables --db "$1" --no-raw zendesk_users tickets ticket_metrics ticket_comments satisfaction_ratings
}
reference_dump() {  # the same data through import zendesk
  "$SHOPKEEP" --db ref.db -q import zendesk "$E2E_ROOT"/shop/zendesk/*.json
  dump_store ref.db
}
expect_resumed_equals_import() {  # a rerun against a fault-free fake completes the store
  stop_fakes
  start_fake
  sk sync zendesk --now $NOW
  expect_rc 0
  [ "$(dump_store store.db)" == "$(reference_dump)" ] || fail "$1"
  stop_fakes
}
counts() { q "SELECT (SELECT count(*) FROM tickets) || ' ' || (SELECT count(*) FROM ticket_comments) || ' ' || (SELECT count(*) FROM zendesk_users)"; }

TEST "a first sync equals an import of the same bodies"
make_shop
start_fake --log fake.log
sk sync zendesk --now $NOW
expect_rc 0
expect_err_contains "synced zendesk"
expect_err_contains "60 tickets"
[ "$(dump_store store.db)" == "$(reference_dump)" ] || fail "synced store differs from the imported one"
expect_eq "$(q 'SELECT count(*) FROM zendesk_comment_queue')" 0 "comment queue drained"
grep -q 'include=metric_sets' fake.log || fail "tickets without the metric_sets sideload"
sk status --json
expect_eq "$(json_get 'sorted(s["resource"] for s in d["sources"] if s["source"] == "zendesk")')" \
  "['satisfaction_ratings', 'ticket_comments', 'tickets', 'users']" "status sources"
expect_eq "$(json_get 'all(s["last_success"] == "'$NOW'" for s in d["sources"])')" True "last success"
expect_eq "$(json_get '[s["cursor"] is not None for s in d["sources"] if s["resource"] in ("tickets", "users")]')" "[True, True]" "cursors kept"
stop_fakes

TEST "--json lists each resource; -q prints nothing; OAuth bearer tokens work"
make_shop
start_fake --oauth-token oauth-abc
unset ZENDESK_EMAIL ZENDESK_API_TOKEN
ZENDESK_OAUTH_TOKEN=oauth-abc sk sync zendesk --now $NOW --json -q
expect_rc 0
expect_eq "$ERR" "" "stderr under -q"
expect_eq "$(json_get '[(r["source"], r["resource"], r["error"]) for r in d]')" \
  "[('zendesk', 'users', None), ('zendesk', 'tickets', None), ('zendesk', 'ticket_comments', None), ('zendesk', 'satisfaction_ratings', None)]" "rows"
expect_eq "$(json_get 'd[1]["records"]')" 60 "tickets"
stop_fakes

TEST "pages of 7: every page committed with its cursor, the store equals the import"
make_shop
start_fake --log fake.log --export-limit 1000
ZENDESK_EXPORT_REQUESTS_PER_MINUTE=1000 SHOPKEEP_ZENDESK_PAGE_SIZE=7 sk sync zendesk --now $NOW
expect_rc 0
[ "$(dump_store store.db)" == "$(reference_dump)" ] || fail "store differs"
[ "$(grep -c 'incremental/tickets/cursor.json?.*cursor=' fake.log)" -ge 8 ] || fail "tickets were not paged by cursor"
grep -q 'page%5Bafter%5D\|page\[after\]' fake.log || fail "ratings or comments were not paged"
stop_fakes

TEST "the export limit (10 a minute) is kept: no 429 from the export endpoints"
make_shop
# A 3-second "minute" on both sides; the users and 60 tickets in pages of 10 need more than 10 export requests.
start_fake --log fake.log --minute 3
SHOPKEEP_ZENDESK_MINUTE_MS=3000 SHOPKEEP_ZENDESK_PAGE_SIZE=10 sk sync zendesk --now $NOW -v
expect_rc 0
expect_err_contains "export limit: waiting"
grep -q '429' fake.log && fail "the client was rate-limited: $(grep -c 429 fake.log) times"
[ "$(grep -c 'incremental/' fake.log)" -gt 10 ] || fail "too few export requests to prove the limit"
[ "$(dump_store store.db)" == "$(reference_dump)" ] || fail "store differs"
stop_fakes

TEST "the account limit from the rate headers is kept: no 429"
make_shop
start_fake --log fake.log --minute 2 --account-limit 25
SHOPKEEP_ZENDESK_MINUTE_MS=2000 sk sync zendesk --now $NOW -v
expect_rc 0
expect_err_contains "account rate limit: waiting"
grep -q '429' fake.log && fail "the client was rate-limited"
[ "$(dump_store store.db)" == "$(reference_dump)" ] || fail "store differs"
stop_fakes

for fault in 429:9 500:4 503:5 cut:4 slow:25; do
TEST "fault $fault: nothing lost, nothing doubled"
make_shop
start_fake --fault "$fault" --slow-seconds 4
sk sync zendesk --now $NOW -v
expect_rc 0
[[ "$fault" == 429* ]] && expect_err_contains "Zendesk answered 429" || expect_err_contains "retrying Zendesk request"
[ "$(dump_store store.db)" == "$(reference_dump)" ] || fail "store differs after fault $fault"
stop_fakes
done

TEST "wrong credentials exit 3 without the secret; a revoked token mid-sync keeps what committed"
make_shop
start_fake
ZENDESK_API_TOKEN=wrong-secret sk sync zendesk --now $NOW
expect_rc 3
expect_err_contains "ZENDESK_API_TOKEN"
[[ "$ERR" == *wrong-secret* ]] && fail "the token appears in the message"
stop_fakes
start_fake --fault expire:30 --export-limit 100
ZENDESK_EXPORT_REQUESTS_PER_MINUTE=100 SHOPKEEP_ZENDESK_PAGE_SIZE=10 sk sync zendesk --now $NOW
expect_rc 3
[ "$(q 'SELECT count(*) FROM zendesk_users')" -gt 0 ] || fail "committed pages were lost"
expect_resumed_equals_import "the resumed sync differs"

TEST "bad configuration exits 2 before any request"
make_shop
ZENDESK_SUBDOMAIN='acme corp' sk sync zendesk
expect_rc 2
expect_err_contains "ZENDESK_SUBDOMAIN"
ZENDESK_URL=http://example.com ZENDESK_EMAIL=a@b.c ZENDESK_API_TOKEN=t sk sync zendesk
expect_rc 2
expect_err_contains "loopback"
ZENDESK_SUBDOMAIN=acme sk sync zendesk
expect_rc 2
expect_err_contains "Zendesk credentials are missing"
ZENDESK_SUBDOMAIN=acme ZENDESK_OAUTH_TOKEN=x sk sync zendesk --resources orders
expect_rc 2
expect_err_contains "unknown resource 'orders'"

TEST "incremental: a changed ticket, its new comment and a deleted ticket; only changes are read"
make_shop
start_fake --log fake.log
"$SHOPKEEP" -q sync zendesk --now $NOW
read -r t1 t2 < <(q "SELECT group_concat(id, ' ') FROM (SELECT id FROM tickets ORDER BY id LIMIT 2)")
before=$(counts)
: > fake.log
fake_post "{\"id\": $t1, \"status\": \"solved\", \"comment\": {\"body\": \"Solved it, thanks!\", \"public\": false, \"author_id\": 360000000001}}"
fake_post "{\"id\": $t2, \"status\": \"deleted\"}"
sk sync zendesk --now $NOW
expect_rc 0
expect_err_contains "2 tickets"
expect_eq "$(q "SELECT status FROM tickets WHERE id = $t1")" solved "changed ticket"
expect_eq "$(q "SELECT public || ' ' || author_id FROM ticket_comments WHERE body = 'Solved it, thanks!' AND ticket_id = $t1")" "0 360000000001" "private comment"
expect_eq "$(q "SELECT deleted_at IS NOT NULL FROM tickets WHERE id = $t2")" 1 "deleted ticket marked"
read -r nt nc nu <<< "$before"
expect_eq "$(counts)" "$nt $((nc + 1)) $nu" "row counts (one new comment, nothing doubled)"
grep -q 'incremental/.*start_time=' fake.log && fail "an incremental sync started over from start_time"
expect_eq "$(grep -c '/comments.json' fake.log)" 1 "comments read only for the changed, undeleted ticket"
stop_fakes

TEST "--full re-reads everything and marks tickets gone from Zendesk as deleted"
make_shop
start_fake
"$SHOPKEEP" -q sync zendesk --now $NOW
stop_fakes
cp -r "$E2E_ROOT/shop/zendesk" less
gone=$("$PYTHON" - less/tickets.json <<'PY'
import json, sys
body = json.load(open(sys.argv[1]))
gone = body["tickets"].pop(0)["id"]
body["metric_sets"] = [m for m in body["metric_sets"] if m["ticket_id"] != gone]
json.dump(body, open(sys.argv[1], "w"))
print(gone)
PY
)
launch_fake "$FAKE" port --data less
export ZENDESK_URL=http://127.0.0.1:$(cat port)
sk sync zendesk --full --now $NOW --resources tickets
expect_rc 0
expect_err_contains "1 marked deleted"
expect_eq "$(q "SELECT deleted_at FROM tickets WHERE id = $gone")" "$NOW" "deleted_at"
expect_eq "$(q 'SELECT count(*) FROM tickets WHERE deleted_at IS NULL')" 59 "live tickets"
stop_fakes

TEST "kill -9 mid-sync, then sync again: the store equals the import"
make_shop
start_fake --minute 2 --account-limit 20
SHOPKEEP_ZENDESK_MINUTE_MS=2000 SHOPKEEP_ZENDESK_PAGE_SIZE=10 "$SHOPKEEP" --now $NOW sync zendesk >/dev/null 2>&1 &
victim=$!
sleep 2.5
kill -9 $victim 2>/dev/null
wait $victim 2>/dev/null
expect_resumed_equals_import "store differs after a crash and a resumed sync"

TEST "a forgotten person stays forgotten through a full sync"
make_shop
start_fake
"$SHOPKEEP" -q sync zendesk --now $NOW
email=$(q "SELECT email FROM zendesk_users u WHERE role = 'end-user' AND EXISTS (SELECT 1 FROM tickets WHERE requester_id = u.id) ORDER BY id LIMIT 1")
sk customer forget "$email"
expect_rc 0
sk sync zendesk --full --now $NOW
expect_rc 0
expect_eq "$(q "SELECT count(*) FROM zendesk_users WHERE lower(email) = lower('$email')")" 0 "user back"
expect_eq "$(q "SELECT count(*) FROM tickets t JOIN zendesk_users u ON u.id = t.requester_id WHERE lower(u.email) = lower('$email')")" 0 "tickets back"
sk customer show "$email"
expect_rc 1
stop_fakes

TEST "sync with no source runs every configured one; one failing source exits 4, the other commits"
make_shop
start_fake
launch_fake "$SHOPKEEP_SOURCE_DIR/tests/fakes/shopify_fake.py" sport --data "$E2E_ROOT"/shop/shopify/*.jsonl
export SHOPIFY_SHOP=http://127.0.0.1:$(cat sport) SHOPIFY_ACCESS_TOKEN=shpat_test
sk sync --now $NOW --json
expect_rc 0
expect_eq "$(json_get 'sorted(set(r["source"] for r in d))')" "['shopify', 'zendesk']" "both sources"
ZENDESK_API_TOKEN=wrong sk sync --now $NOW
expect_rc 4
expect_err_contains "zendesk failed"
expect_err_contains "synced shopify"
sk sync shopify zendesk --now $NOW --resources tickets
expect_rc 0
expect_err_contains "synced zendesk"
[[ "$ERR" == *"synced shopify"* ]] && fail "shopify ran without a resource of its own"
stop_fakes
