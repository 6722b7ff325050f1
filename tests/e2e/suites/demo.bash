# shopkeep demo and the genshop generator.

TEST "demo runs the whole pipeline into a folder"
sk demo --out d
expect_rc 0
expect_err_contains "Running every analysis as of 2026-09-30T12:00:00Z"
[ -f d/status.json ] || fail "no status.json"
[ -f d/carts.json ] || fail "no carts.json"
expect_eq "$("$SHOPKEEP" --db d/shopkeep.db sql 'SELECT count(*) FROM customers' --format csv | tail -1 | tr -d '\r')" 2000 customers
expect_eq "$("$SHOPKEEP" --db d/shopkeep.db sql 'SELECT count(*) FROM orders' --format csv | tail -1 | tr -d '\r')" 8000 orders
expect_eq "$("$SHOPKEEP" --db d/shopkeep.db sql 'SELECT count(*) FROM tickets' --format csv | tail -1 | tr -d '\r')" 1000 tickets
[ ! -f store.db ] || fail "demo touched the global store"

TEST "demo twice gives the same results"
sk demo --out d
cp d/status.json first.json
cp d/carts.json first-carts.json
sk demo --out d -q
expect_rc 0
expect_eq "$ERR" "" "stderr with -q"
"$PYTHON" - <<PY || fail "status differs between runs"
import json
a, b = json.load(open("first.json")), json.load(open("d/status.json"))
assert a["tables"] == b["tables"], (a["tables"], b["tables"])
PY
cmp -s first-carts.json d/carts.json || fail "carts plan differs between runs"

TEST "demo --json prints the summary object"
sk demo --out d --json
expect_rc 0
expect_eq "$(json_get 'sorted(d.keys())')" "['audit', 'carts', 'carts-report', 'customer', 'customers-rfm', 'customers-value', 'kpi', 'recommend', 'status', 'support-triage']" "summary keys"

TEST "genshop output imports cleanly at another size"
"$GENSHOP" --out g --customers 120 --orders 500 --products 30 --checkouts 40 --tickets 60 --seed 7 || fail "genshop failed"
sk import shopify g/shopify/*.jsonl --json
expect_rc 0
expect_eq "$(json_get 'd["written"]["orders"]')" 500 orders
expect_eq "$(json_get 'd["orphans"]')" 0 orphans
sk import zendesk g/zendesk/*.json --json
expect_rc 0
expect_eq "$(json_get 'd["written"]["tickets"]')" 60 tickets

TEST "demo shows the escalation queue"
sk demo --out d
expect_rc 0
expect_err_contains "support-triage"
expect_err_contains "open tickets to escalate"
"$PYTHON" - <<'PY' || fail "support-triage.json is not the escalation queue"
import json
queue = json.load(open("d/support-triage.json"))
assert queue and all(t["escalate"] for t in queue), queue[:1]
scores = [t["escalation_score"] for t in queue]
assert scores == sorted(scores, reverse=True), scores
assert all(t["reasons"] and t["requester_email"] for t in queue)
PY
