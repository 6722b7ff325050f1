# sync zendesk against the fake Zendesk server: the store equals an import of the same bodies, with
# or without faults; rate limits, auth, cursors, incremental reads, deletions, crash safety; what real
# accounts do that our own code could assume away (metrics inside tickets, comments from ticket
# events, CSAT off or new, recent start times, maintenance, both spellings of the reset header).

FAKE=$SHOPKEEP_SOURCE_DIR/tests/fakes/zendesk_fake.py
NOW=2026-10-01T00:00:00Z

make_shop() {  # a small generated shop, once per suite
  if [ ! -d "$E2E_ROOT/shop" ]; then
    "$GENSHOP" --out "$E2E_ROOT/shop" --customers 150 --orders 300 --products 20 --checkouts 10 --tickets 60 --seed 5 || fail "genshop"
  fi
}
start_fake() {  # start_fake ARGS...: serves the shop's tickets; sets ZENDESK_URL and API-token credentials
  # Exports leave out the last second here (Zendesk: the last minute), so a change is visible at once.
  unset SHOPKEEP_ZENDESK_PAGE_SIZE ZENDESK_EXPORT_REQUESTS_PER_MINUTE
  launch_fake "$FAKE" port --data "$E2E_ROOT/shop/zendesk" --recent-seconds 1 "$@"
  PORT=$(cat port)
  export ZENDESK_URL=http://127.0.0.1:$PORT ZENDESK_EMAIL=agent@example.com ZENDESK_API_TOKEN=zd-test-token SHOPKEEP_HTTP_TIMEOUT=2
}
fake_post() {  # fake_post JSON [WHAT]: changes a ticket (or a rating) on the fake (updated_at = now)
  curl -sf -X POST -H 'Content-Type: application/json' -d "$1" "http://127.0.0.1:$PORT/_fake/${2:-tickets}" >/dev/null || fail "fake control"
}
dump_store() {  # every Zendesk row without synced_at and raw (a comment page's raw is not an event's)
  dump_tables --db "$1" --no-raw zendesk_users zendesk_organizations zendesk_groups tickets ticket_metrics ticket_comments \
    satisfaction_ratings csat_responses
}
reference_dump() {  # the same data through import zendesk
  "$SHOPKEEP" --db ref.db -q import zendesk "${1:-$E2E_ROOT/shop/zendesk}"/*.json
  dump_store ref.db
}
expect_equals_import() { [ "$(dump_store store.db)" == "$(reference_dump "${2:-}")" ] || fail "${1:-store differs from the import}"; }
expect_resumed_equals_import() {  # a rerun against a fault-free fake completes the store
  stop_fakes
  start_fake
  sk sync zendesk --now $NOW
  expect_rc 0
  expect_equals_import "$1"
  stop_fakes
}
counts() { q "SELECT (SELECT count(*) FROM tickets) || ' ' || (SELECT count(*) FROM ticket_comments) || ' ' || (SELECT count(*) FROM zendesk_users)"; }
# Many small pages: more requests, so limits and faults are met.
small_pages() { export SHOPKEEP_ZENDESK_PAGE_SIZE=5 ZENDESK_EXPORT_REQUESTS_PER_MINUTE=1000; }

TEST "a first sync equals an import: metrics from inside the tickets, comments from ticket events"
make_shop
start_fake --log fake.log
sk sync zendesk --now $NOW
expect_rc 0
expect_err_contains "synced zendesk"
expect_err_contains "60 tickets"
expect_equals_import "synced store differs from the imported one"
expect_eq "$(q 'SELECT count(*) FROM ticket_metrics')" 60 "metrics (the export has them inside each ticket)"
expect_eq "$(q 'SELECT count(*) FROM zendesk_comment_queue')" 0 "comment queue drained"
grep -q 'include=metric_sets' fake.log || fail "tickets without the metric_sets sideload"
grep -q 'ticket_events.json?include=comment_events' fake.log || fail "comments not from the ticket events export"
grep -q '^GET .*/comments.json' fake.log && fail "comments read ticket by ticket: $(grep -c '^GET .*/comments.json' fake.log) requests"
grep -q 'satisfaction_ratings.json?score=received' fake.log || fail "ratings without score=received"
! grep '^UA' fake.log | grep -vq 'UA shopkeep/[0-9.]* ' || fail "a request without shopkeep's User-Agent"
sk status --json
expect_eq "$(json_get 'sorted(s["resource"] for s in d["sources"] if s["source"] == "zendesk")')" \
  "['groups', 'organizations', 'satisfaction_ratings', 'ticket_comments', 'tickets', 'users']" "status sources"
expect_eq "$(json_get 'all(s["last_success"] == "'$NOW'" for s in d["sources"])')" True "last success"
expect_eq "$(json_get '[s["cursor"] is not None for s in d["sources"] if s["resource"] in ("tickets", "users", "ticket_comments")]')" "[True, True, True]" "cursors kept"
stop_fakes

TEST "--json lists each resource; -q prints nothing; OAuth bearer tokens work"
make_shop
start_fake --oauth-token oauth-abc
unset ZENDESK_EMAIL ZENDESK_API_TOKEN
ZENDESK_OAUTH_TOKEN=oauth-abc sk sync zendesk --now $NOW --json -q
expect_rc 0
expect_eq "$ERR" "" "stderr under -q"
expect_eq "$(json_get '[r["resource"] for r in d if r["error"] is None]')" \
  "['users', 'organizations', 'groups', 'tickets', 'ticket_comments', 'satisfaction_ratings']" "rows"
expect_eq "$(json_get 'd[3]["records"]')" 60 "tickets"
stop_fakes

TEST "organizations and groups: the support team split, from their exports"
make_shop
cp -r "$E2E_ROOT/shop/zendesk" teams
"$PYTHON" - teams <<'PY'
import json, os, sys
d = sys.argv[1]
json.dump({"organizations": [{"id": 3600 + n, "name": f"Org {n}", "domain_names": [f"org{n}.example"], "group_id": None,
           "external_id": None, "tags": [], "created_at": "2026-01-01T00:00:00Z", "updated_at": f"2026-0{n + 1}-01T00:00:00Z",
           "deleted_at": None} for n in range(3)], "next_page": None, "end_of_stream": True}, open(os.path.join(d, "organizations.json"), "w"))
json.dump({"groups": [{"id": 2000 + n, "name": name, "description": "", "default": n == 0, "deleted": False,
           "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"} for n, name in enumerate(["Support", "Billing"])]},
          open(os.path.join(d, "groups.json"), "w"))
t = json.load(open(os.path.join(d, "tickets.json")))
for i, ticket in enumerate(t["tickets"]):
    ticket["group_id"] = 2000 + i % 2
    ticket["organization_id"] = 3600 + i % 3
json.dump(t, open(os.path.join(d, "tickets.json"), "w"))
PY
unset SHOPKEEP_ZENDESK_PAGE_SIZE ZENDESK_EXPORT_REQUESTS_PER_MINUTE
launch_fake "$FAKE" port --data teams --recent-seconds 1 --export-limit 1000
export ZENDESK_URL=http://127.0.0.1:$(cat port) ZENDESK_EMAIL=agent@example.com ZENDESK_API_TOKEN=zd-test-token
small_pages
sk sync zendesk --now $NOW
expect_rc 0
expect_err_contains "3 organizations, 2 groups"
expect_equals_import "store with teams differs" teams
expect_eq "$(q "SELECT g.name FROM tickets t JOIN zendesk_groups g ON g.id = t.group_id ORDER BY t.id LIMIT 1")" Support "a ticket's group"
stop_fakes

TEST "pages of 7: every page committed with its cursor, the store equals the import"
make_shop
start_fake --log fake.log --export-limit 1000
ZENDESK_EXPORT_REQUESTS_PER_MINUTE=1000 SHOPKEEP_ZENDESK_PAGE_SIZE=7 sk sync zendesk --now $NOW
expect_rc 0
expect_equals_import "store differs"
[ "$(grep -c 'incremental/tickets/cursor.json?.*cursor=' fake.log)" -ge 8 ] || fail "tickets were not paged by cursor"
[ "$(grep -c 'incremental/ticket_events.json?.*start_time=[1-9]' fake.log)" -ge 3 ] || fail "ticket events were not paged by end_time"
grep -q 'page%5Bafter%5D\|page\[after\]' fake.log || fail "ratings were not paged"
stop_fakes

TEST "the export limit (10 a minute) is kept: no 429 from the export endpoints"
make_shop
# A 3-second "minute" on both sides; users, tickets and events in pages of 10 need more than 10 export requests.
start_fake --log fake.log --minute 3
SHOPKEEP_ZENDESK_MINUTE_MS=3000 SHOPKEEP_ZENDESK_PAGE_SIZE=10 sk sync zendesk --now $NOW -v
expect_rc 0
expect_err_contains "export limit: waiting"
grep -q ' 429' fake.log && fail "the client was rate-limited: $(grep -c ' 429' fake.log) times"
[ "$(grep -c 'GET /api/v2/incremental/' fake.log)" -gt 10 ] || fail "too few export requests to prove the limit"
expect_equals_import "store differs"
stop_fakes

TEST "the account limit from the rate headers is kept: no 429, the reset read in either spelling"
make_shop
start_fake --log fake.log --minute 2 --account-limit 25 --export-limit 1000
small_pages
SHOPKEEP_ZENDESK_MINUTE_MS=2000 sk sync zendesk --now $NOW -v
expect_rc 0
expect_err_contains "account rate limit: waiting"
grep -q ' 429' fake.log && fail "the client was rate-limited"
expect_equals_import "store differs"
stop_fakes
# rate-limit-reset instead of ratelimit-reset, and shopkeep's minute a real one: waits the 2 s the
# header says, not a whole minute each time.
start_fake --log fake.log --minute 2 --account-limit 25 --export-limit 1000 --reset-header rate-limit-reset
small_pages
rm -f store.db
start=$(date +%s)
sk sync zendesk --now $NOW
expect_rc 0
[ $(( $(date +%s) - start )) -lt 30 ] || fail "took $(( $(date +%s) - start )) s: the reset header was not read"
stop_fakes

for fault in 429:9 500:4 503:5 cut:4 slow:25; do
TEST "fault $fault: nothing lost, nothing doubled"
make_shop
start_fake --fault "$fault" --slow-seconds 4 --export-limit 1000
small_pages
sk sync zendesk --now $NOW -v
expect_rc 0
[[ "$fault" == 429* ]] && expect_err_contains "Zendesk answered 429" || expect_err_contains "retrying Zendesk request"
expect_equals_import "store differs after fault $fault"
stop_fakes
done

TEST "maintenance: 503 with Retry-After is waited out like a 429"
make_shop
start_fake --maintenance 3 --log fake.log
sk sync zendesk --now $NOW -v
expect_rc 0
expect_err_contains "Zendesk answered 503 (maintenance): waiting 1.0 s"
grep -q '503 maintenance' fake.log || fail "no maintenance answer"
expect_equals_import "store differs after maintenance"
stop_fakes

TEST "wrong credentials exit 3 without the secret; a revoked token mid-sync keeps what committed"
make_shop
start_fake
ZENDESK_API_TOKEN=wrong-secret sk sync zendesk --now $NOW
expect_rc 3
expect_err_contains "ZENDESK_API_TOKEN"
[[ "$ERR" == *wrong-secret* ]] && fail "the token appears in the message"
stop_fakes
start_fake --fault expire:30 --export-limit 100
ZENDESK_EXPORT_REQUESTS_PER_MINUTE=100 SHOPKEEP_ZENDESK_PAGE_SIZE=5 sk sync zendesk --now $NOW
expect_rc 3
[ "$(q 'SELECT count(*) FROM zendesk_users')" -gt 0 ] || fail "committed pages were lost"
expect_resumed_equals_import "the resumed sync differs"

TEST "403: an agent cannot export (exit 3, admin hint); an OAuth token without a scope says so"
make_shop
start_fake --role agent
sk sync zendesk --now $NOW
expect_rc 3
expect_err_contains "the incremental exports need an admin"
stop_fakes
start_fake --oauth-token oauth-abc --oauth-scopes tickets:read
unset ZENDESK_EMAIL ZENDESK_API_TOKEN
ZENDESK_OAUTH_TOKEN=oauth-abc sk sync zendesk --now $NOW
expect_rc 3
expect_err_contains "the OAuth token lacks a scope"
stop_fakes

TEST "CSAT off: satisfaction ratings are skipped with a warning (exit 4), everything else is synced"
make_shop
start_fake --csat off
sk sync zendesk --now $NOW
expect_rc 4
expect_err_contains "satisfaction ratings"
expect_err_contains "the user an admin"
expect_eq "$(q 'SELECT count(*) FROM tickets')" 60 "tickets"
expect_eq "$(q 'SELECT count(*) FROM satisfaction_ratings')" 0 "ratings"
stop_fakes

TEST "the new CSAT: survey responses are read where the legacy endpoint says CSAT is off"
make_shop
cp -r "$E2E_ROOT/shop/zendesk" csat
"$PYTHON" - csat <<'PY'
import json, os, sys
d = sys.argv[1]
ratings = json.load(open(os.path.join(d, "satisfaction_ratings.json")))["satisfaction_ratings"]
responses = [{"id": f"01J{r['id']:023d}", "responder_id": r["requester_id"], "expires_at": r["created_at"],
              "subject_zrns": [f"zen:ticket:{r['ticket_id']}"],
              "subjects": [{"id": str(r["ticket_id"]), "type": "ticket", "zrn": f"zen:ticket:{r['ticket_id']}"}],
              "answers": [{"type": "rating_scale", "rating": 5 if r["score"] == "good" else 1,
                           "rating_category": r["score"], "created_at": r["created_at"], "updated_at": r["updated_at"]}],
              "survey": {"id": "01J58KJ9RAE0D2EK7HRVM7Z8F2", "state": "enabled", "version": 3}} for r in ratings]
json.dump({"survey_responses": responses, "meta": {"has_more": False}}, open(os.path.join(d, "survey_responses.json"), "w"))
os.remove(os.path.join(d, "satisfaction_ratings.json"))
json.dump({"satisfaction_ratings": []}, open(os.path.join(d, "satisfaction_ratings.json"), "w"))
PY
launch_fake "$FAKE" port --data csat --recent-seconds 1 --csat survey
export ZENDESK_URL=http://127.0.0.1:$(cat port) ZENDESK_EMAIL=agent@example.com ZENDESK_API_TOKEN=zd-test-token
sk sync zendesk --now $NOW
expect_rc 0
expect_equals_import "store with survey responses differs" csat
expect_eq "$(q 'SELECT count(*) > 0 FROM csat_responses')" 1 "survey responses"
expect_eq "$(q "SELECT count(*) FROM csat_responses WHERE score NOT IN ('good', 'bad')")" 0 "scores"
stop_fakes

TEST "ratings: start_time is on created_at, so a window wide enough to see a rating changed later"
make_shop
start_fake --log fake.log
"$SHOPKEEP" -q sync zendesk --now $NOW
# A rating given two days before the newest, changed now by its customer.
rid=$(q "SELECT id FROM satisfaction_ratings WHERE created_at < (SELECT datetime(max(created_at), '-2 days') FROM satisfaction_ratings) ORDER BY created_at DESC LIMIT 1")
[ -n "$rid" ] || fail "no rating to change"
old=$(q "SELECT score FROM satisfaction_ratings WHERE id = $rid")
new=$([ "$old" == good ] && echo bad || echo good)
fake_post "{\"id\": $rid, \"score\": \"$new\", \"comment\": \"Changed my mind\"}" ratings
sk sync zendesk --now $NOW --resources satisfaction_ratings
expect_rc 0
expect_eq "$(q "SELECT score || ' ' || comment FROM satisfaction_ratings WHERE id = $rid")" "$new Changed my mind" "changed rating"
stop_fakes

TEST "--since a few seconds ago never sends a start_time less than a minute old"
make_shop
unset SHOPKEEP_ZENDESK_PAGE_SIZE ZENDESK_EXPORT_REQUESTS_PER_MINUTE
launch_fake "$FAKE" port --data "$E2E_ROOT/shop/zendesk" --log fake.log
export ZENDESK_URL=http://127.0.0.1:$(cat port) ZENDESK_EMAIL=agent@example.com ZENDESK_API_TOKEN=zd-test-token
sk sync zendesk --now $NOW --since "$(date -u -d '-10 seconds' +%Y-%m-%dT%H:%M:%SZ)"
expect_rc 0
grep -q ' 400' fake.log && fail "Zendesk refused a start_time: $(grep ' 400' fake.log | head -1)"
sk sync zendesk --now $NOW
expect_rc 0
grep -q ' 400' fake.log && fail "a cursor sent a recent start_time"
stop_fakes

TEST "bad configuration exits 2 before any request (endpoint URLs: the security suite)"
make_shop
ZENDESK_SUBDOMAIN='acme corp' sk sync zendesk
expect_rc 2
expect_err_contains "ZENDESK_SUBDOMAIN"
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
sleep 1.2
sk sync zendesk --now $NOW
expect_rc 0
expect_err_contains "2 tickets"
expect_eq "$(q "SELECT status FROM tickets WHERE id = $t1")" solved "changed ticket"
expect_eq "$(q "SELECT public || ' ' || author_id FROM ticket_comments WHERE body = 'Solved it, thanks!' AND ticket_id = $t1")" "0 360000000001" "private comment"
expect_eq "$(q "SELECT deleted_at IS NOT NULL FROM tickets WHERE id = $t2")" 1 "deleted ticket marked"
read -r nt nc nu <<< "$before"
expect_eq "$(counts)" "$nt $((nc + 1)) $nu" "row counts (one new comment, nothing doubled)"
grep -q 'incremental/tickets.*start_time=' fake.log && fail "an incremental sync started over from start_time"
expect_eq "$(grep -c '^GET .*/comments.json' fake.log)" 0 "comments read ticket by ticket"
stop_fakes

TEST "comments: only a ticket left in the queue (a gap) is read from its comments endpoint"
make_shop
start_fake --log fake.log
"$SHOPKEEP" -q sync zendesk --now $NOW
t1=$(q "SELECT min(id) FROM tickets")
"$PYTHON" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('INSERT INTO zendesk_comment_queue VALUES (?, ?)', (int(sys.argv[2]), '$NOW')); c.commit()" store.db "$t1"
before=$(counts)
: > fake.log
sk sync zendesk --now $NOW
expect_rc 0
expect_eq "$(grep -c '^GET .*/comments.json' fake.log)" 1 "comment pages read"
expect_eq "$(counts)" "$before" "nothing doubled"
expect_eq "$(q 'SELECT count(*) FROM zendesk_comment_queue')" 0 "queue drained"
stop_fakes

TEST "a deleted ticket reads the same whatever the sync history; its scrubbed text is kept"
make_shop
start_fake
"$SHOPKEEP" -q sync zendesk --now $NOW
t=$(q "SELECT min(id) FROM tickets WHERE status NOT IN ('deleted', 'closed')")
status=$(q "SELECT status FROM tickets WHERE id = $t")
subject=$(q "SELECT subject FROM tickets WHERE id = $t")
fake_post "{\"id\": $t, \"status\": \"deleted\", \"subject\": \"SCRUBBED\", \"raw_subject\": \"SCRUBBED\", \"description\": \"SCRUBBED\"}"
sleep 1.2
sk sync zendesk --now $NOW
expect_rc 0
SHOPKEEP_DB=fresh.db "$SHOPKEEP" -q sync zendesk --now $NOW
row() { "$SHOPKEEP" --db "$1" sql "SELECT status, deleted_at FROM tickets WHERE id = $t" --format csv; }
expect_eq "$(row store.db)" "$(row fresh.db)" "the deleted ticket, incremental and fresh"
expect_eq "$(q "SELECT status FROM tickets WHERE id = $t")" deleted "status"
expect_eq "$(q "SELECT last_live_status FROM tickets WHERE id = $t")" "$status" "last live status"
expect_eq "$(q "SELECT subject FROM tickets WHERE id = $t")" "$subject" "subject kept"
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
launch_fake "$FAKE" port --data less --recent-seconds 1
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
SHOPKEEP_ZENDESK_MINUTE_MS=2000 SHOPKEEP_ZENDESK_PAGE_SIZE=5 "$SHOPKEEP" --now $NOW sync zendesk >/dev/null 2>&1 &
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

TEST "sync with no source runs every configured one; one failing source exits 4, both refused exit 3"
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
ZENDESK_API_TOKEN=wrong SHOPIFY_ACCESS_TOKEN=wrong sk sync --now $NOW
expect_rc 3
expect_err_contains "refused the credentials"
sk sync shopify zendesk --now $NOW --resources tickets
expect_rc 0
expect_err_contains "synced zendesk"
[[ "$ERR" == *"synced shopify"* ]] && fail "shopify ran without a resource of its own"
stop_fakes

TEST "hosts that refuse connections: exit 1 at once, nothing claimed committed"
make_shop
export ZENDESK_URL=http://127.0.0.1:9 ZENDESK_EMAIL=a@b.c ZENDESK_API_TOKEN=t SHOPIFY_SHOP=http://127.0.0.1:9 SHOPIFY_ACCESS_TOKEN=x
start=$(date +%s)
sk sync --now $NOW
expect_rc 1
expect_err_contains "cannot connect to 127.0.0.1:9"
expect_err_contains "nothing was committed"
[ $(( $(date +%s) - start )) -lt 10 ] || fail "took $(( $(date +%s) - start )) s"
