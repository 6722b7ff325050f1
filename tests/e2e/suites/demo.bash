# shopkeep demo and the genshop generator.

TEST "demo runs the whole pipeline into a folder"
sk demo --out d
expect_rc 0
expect_err_contains "Running every analysis as of 2026-09-30T12:00:00Z"
[ -f d/status.json ] || fail "no status.json"
[ -f d/carts.json ] || fail "no carts.json"
[ -s d/report.html ] || fail "no report.html"
expect_err_contains "open d/report.html in a browser"
expect_err_contains "To do, most urgent first:"
expect_eq "$("$SHOPKEEP" --db d/shopkeep.db sql 'SELECT count(*) FROM customers' --format csv | tail -1 | tr -d '\r')" 2000 customers
expect_eq "$("$SHOPKEEP" --db d/shopkeep.db sql 'SELECT count(*) FROM orders' --format csv | tail -1 | tr -d '\r')" 8000 orders
expect_eq "$("$SHOPKEEP" --db d/shopkeep.db sql 'SELECT count(*) FROM tickets' --format csv | tail -1 | tr -d '\r')" 1000 tickets
[ ! -f store.db ] || fail "demo touched the global store"
expect_err_contains "rendered "
expect_err_contains "d/email/<campaign>/"
for c in cart-recovery winback refill cross-sell; do
  [ -f d/email/$c/manifest.json ] || fail "no rendered $c messages"
done
[ "$(ls d/email/cart-recovery/*.eml | wc -l)" -gt 0 ] || fail "no cart-recovery message"

TEST "demo twice gives the same results"
sk demo --out d
cp d/status.json first.json
cp d/carts.json first-carts.json
cp -r d/email first-email
sk demo --out d -q
expect_rc 0
expect_eq "$ERR" "" "stderr with -q"
"$PYTHON" - <<PY || fail "status differs between runs"
import json
a, b = json.load(open("first.json")), json.load(open("d/status.json"))
assert a["tables"] == b["tables"], (a["tables"], b["tables"])
PY
cmp -s first-carts.json d/carts.json || fail "carts plan differs between runs"
diff -r first-email d/email >/dev/null || fail "rendered messages differ between runs"

TEST "demo refuses a folder it did not make (unless --force) and --db"
mkdir mine && echo "my notes" > mine/notes.txt
sk demo --out mine
expect_rc 2
expect_err_contains "is not empty and was not made by the demo"
[ -f mine/shopkeep.db ] && fail "demo wrote into a folder that was not its own"
sk demo --out elsewhere --db "$PWD/x.db"
expect_rc 2
expect_err_contains "--db is not used"
sk demo --out mine --force -q
expect_rc 0
grep -q "my notes" mine/notes.txt || fail "--force lost the unrelated file"

TEST "demo --json prints the summary object"
sk demo --out d --json
expect_rc 0
expect_eq "$(json_get 'sorted(d.keys())')" "['audit', 'brief', 'carts', 'carts-report', 'customer', 'customers-rfm', 'customers-value', 'email', 'kpi', 'recommend', 'report', 'restock', 'status', 'support-triage']" "summary keys"

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
