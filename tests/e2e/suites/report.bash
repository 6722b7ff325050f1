# shopkeep report and shopkeep brief on the demo shop: a self-contained page with every section,
# the same numbers as kpi, escaped data, templates that can be overridden; a brief of 80 columns
# whose JSON agrees with kpi.

NOW=2026-09-30T12:00:00Z
DEMO=$E2E_ROOT/demo-shop
"$SHOPKEEP" -q demo --out "$DEMO" || { echo "the demo shop could not be built" >&2; exit 1; }

use_demo_store() { cp "$DEMO/shopkeep.db" store.db; }

HEADINGS=("Key numbers" "Sales per week" "Average order value" "New and returning customers" "Cohort retention"
  "Customer segments (RFM)" "Customer lifetime value" "Cart recovery and campaigns" "Bought together" "Running out"
  "Support" "Audit" "How fresh the data is")

TEST "report writes one self-contained HTML file with every section"
use_demo_store
sk report --now $NOW
expect_rc 0
expect_err_contains "Wrote shopkeep-report.html"
[ -s shopkeep-report.html ] || fail "no shopkeep-report.html"
for heading in "${HEADINGS[@]}"; do
  grep -qF ">$heading</h2>" shopkeep-report.html || fail "no section heading '$heading'"
done
"$PYTHON" - shopkeep-report.html <<'PY' || fail "not self-contained"
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
assert page.startswith("<!DOCTYPE html>")
assert not re.search(r"<script", page, re.I), "a script"
assert not re.search(r"<link\b", page, re.I), "a linked resource"
assert not re.search(r"\b(src|href|xlink:href)\s*=\s*[\"']?\s*(https?:)?//", page, re.I), "an external resource"
assert not re.search(r"url\(|@import", page, re.I), "a CSS resource"
charts = re.findall(r'<svg class="chart-svg" data-chart="([^"]+)"', page)
assert len(charts) >= 12, charts
for chart in charts:
    block = page.split('data-chart="%s"' % chart, 1)[1].split("</svg>", 1)[0]
    assert re.search(r"<title id=\"%s-title\">[^<]+</title>" % chart, block), chart + ": no title"
    assert re.search(r"<desc id=\"%s-desc\">[^<]+</desc>" % chart, block), chart + ": no description"
    assert re.search(r"<(rect|polyline|circle|polygon) ", block), chart + ": no marks"
assert page.count("The numbers behind this chart") == len(charts), "a chart without its data table"
PY

TEST "report numbers agree with kpi for the same range"
use_demo_store
sk report --now $NOW --from 2026-01-05 --to 2026-07-06 --out r.html
expect_rc 0
sk kpi --now $NOW --from 2026-01-05 --to 2026-07-06 --by week --json
expect_rc 0
printf '%s' "$OUT" > kpi.json
"$PYTHON" - r.html kpi.json <<'PY' || fail "the report's tiles differ from kpi"
import json, re, sys
from decimal import Decimal
page = open(sys.argv[1], encoding="utf-8").read()
weeks = json.load(open(sys.argv[2]))
tiles = dict(re.findall(r'data-kpi="([a-z_]+)" data-value="([^"]*)"', page))
orders = sum(w["orders"] for w in weeks)
net = sum(Decimal(w["net_sales"]) for w in weeks)
assert orders > 0
assert int(tiles["orders"]) == orders, (tiles["orders"], orders)
assert Decimal(tiles["net_sales"]) == net, (tiles["net_sales"], net)
n = sum(w["checkout_conversion_n"] for w in weeks); of = sum(w["checkout_conversion_of"] for w in weeks)
assert abs(float(tiles["checkout_conversion"]) - n / of) < 1e-9
n = sum(w["csat_n"] for w in weeks); of = sum(w["csat_of"] for w in weeks)
assert abs(float(tiles["csat"]) - n / of) < 1e-9
new = sum(w["new_customers"] for w in weeks)
assert int(tiles["new_customers"]) == new
# People read the tile: money with its currency, separated thousands.
shown = re.search(r'data-kpi="net_sales".*?<span class="tile-value">([^<]+)</span>', page, re.S).group(1)
assert shown.endswith(" EUR") and "," in shown, shown
PY
grep -q "2026-01-05 to 2026-07-05" r.html || fail "the page does not say its range"

TEST "report splits net sales by channel (as kpi --by-channel) and support by team (Zendesk groups)"
use_demo_store
sk report --now $NOW --from 2026-01-05 --to 2026-07-06 --out r.html
expect_rc 0
sk kpi --now $NOW --from 2026-01-05 --to 2026-07-06 --by week --by-channel --json
expect_rc 0
printf '%s' "$OUT" > channels.json
sk sql "SELECT g.name, count(*) FROM tickets t JOIN zendesk_groups g ON g.id = t.group_id WHERE t.deleted_at IS NULL AND t.created_at >= '2026-01-05' AND t.created_at < '2026-07-06' GROUP BY 1" --json
printf '%s' "$OUT" > teams.json
"$PYTHON" - r.html channels.json teams.json <<'PY' || fail "the channel or team table is wrong"
import html, json, re, sys
from collections import defaultdict
from decimal import Decimal
page = open(sys.argv[1], encoding="utf-8").read()
def table(caption):
    block = page.split("<caption>" + caption, 1)[1].split("</table>", 1)[0]
    return [[html.unescape(c) for c in re.findall(r"<td[^>]*>([^<]*)</td>", row)] for row in re.findall(r"<tr>(.*?)</tr>", block) if "<td" in row]
rows = table("Net sales per sales channel")
kpi = defaultdict(lambda: [0, Decimal(0)])
for w in json.load(open(sys.argv[2])):
    kpi[w["channel"]][0] += w["orders"]
    kpi[w["channel"]][1] += Decimal(w["net_sales"])
assert sorted(r[0] for r in rows) == sorted(kpi), (rows, dict(kpi))
for channel, orders, net, share in rows:
    assert int(orders.replace(",", "")) == kpi[channel][0], (channel, orders)
    assert Decimal(re.sub(r"[^0-9.-]", "", net)) == kpi[channel][1], (channel, net, kpi[channel][1])
assert [r[0] for r in rows][0] == "web", rows  # most net sales first
teams = {r["name"]: r["count(*)"] for r in json.load(open(sys.argv[3]))}
rows = table("Tickets of the period per team")
assert len(teams) == 3 and {r[0]: int(r[1].replace(",", "")) for r in rows} == teams, (rows, teams)
PY

TEST "report escapes a hostile product title"
use_demo_store
sk report --now $NOW --out before.html
# The first product of the top bought-together pair gets a hostile title.
title=$("$PYTHON" - before.html <<'PY'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
section = page.split('id="pairs"', 1)[1]
print(html.unescape(re.search(r"<tbody>\s*<tr><td>([^<]+)</td>", section).group(1)))
PY
)
[ -n "$title" ] || fail "no bought-together pair in the demo report"
id=$("$SHOPKEEP" sql "SELECT id FROM products WHERE title = '${title//\'/\'\'}' LIMIT 1" --format csv | tail -1 | tr -d '\r')
[ -n "$id" ] || fail "no product titled $title"
cat > hostile.jsonl <<JSONL
{"id":"gid://shopify/Product/$id","title":"<script>alert(1)</script>","handle":"hostile","status":"ACTIVE","vendor":"Roastery","productType":"Coffee","tags":[],"createdAt":"2024-12-01T00:00:00Z","updatedAt":"2026-09-30T00:00:00Z","publishedAt":"2024-12-01T00:00:00Z","descriptionHtml":"","seo":{"title":null,"description":null},"onlineStoreUrl":null,"totalInventory":12}
JSONL
sk import shopify hostile.jsonl
expect_rc 0
sk report --now $NOW --out after.html
expect_rc 0
grep -q "<script" after.html && fail "the title went into the page unescaped"
grep -qF "&lt;script&gt;alert(1)&lt;/script&gt;" after.html || fail "the escaped title is not in the page"

TEST "report --out -, --templates overrides, and bad ranges"
use_demo_store
sk report --now $NOW --out -
expect_rc 0
case "$OUT" in "<!DOCTYPE html>"*) ;; *) fail "--out - did not print the page" ;; esac
[ -f shopkeep-report.html ] && fail "--out - also wrote a file"
mkdir -p mine/report
printf '/* my own styles */ body { color: #111111; }\n' > mine/report/styles.mustache
sk report --now $NOW --templates mine --out mine.html
expect_rc 0
grep -q "my own styles" mine.html || fail "the overriding styles were not used"
grep -q ">Cohort retention</h2>" mine.html || fail "the other templates did not come from the defaults"
printf '{{#broken}}\n' > mine/report/page.mustache
sk report --now $NOW --templates mine --out broken.html
expect_rc 2
expect_err_contains "page.mustache"
[ -f broken.html ] && fail "a broken template left a file"
sk report --now $NOW --templates no-such-folder
expect_rc 2
sk report --now $NOW --from 2026-05-01 --to 2026-04-01
expect_rc 2
expect_err_contains "must be before --to"
sk report --now $NOW --out no-such-dir/r.html
expect_rc 1
expect_err_contains "no-such-dir"

TEST "report on an empty store still renders every section"
"$SHOPKEEP" -q init >/dev/null 2>&1 || true
sk report --now $NOW --out empty.html
expect_rc 0
for heading in "${HEADINGS[@]}"; do
  grep -qF ">$heading</h2>" empty.html || fail "no section heading '$heading' on an empty store"
done

TEST "brief fits one 80-column screen"
use_demo_store
sk brief --now $NOW
expect_rc 0
"$PYTHON" - <<'PY' "$OUT" || fail "brief is wider than 80 columns or longer than a screen"
import sys
lines = sys.argv[1].split("\n")
assert len(lines) <= 24, len(lines)
for line in lines:
    assert len(line) <= 80, repr(line)
PY
expect_out_contains "Week 2026-W39 (2026-09-21 to 2026-09-27)"
expect_out_contains "Net sales (EUR)"
expect_out_contains "$ shopkeep restock"
expect_out_contains "Newest order"

TEST "brief --json agrees with kpi for the three weeks"
use_demo_store
sk brief --now $NOW --json
expect_rc 0
printf '%s' "$OUT" > brief.json
expect_eq "$(json_get 'sorted(d.keys())[:4]')" "['actions', 'as_of', 'currency', 'data_through']" "top-level keys"
expect_eq "$(json_get 'd["week_start"]')" 2026-09-21 "week start"
expect_eq "$(json_get 'd["last_year_week_start"]')" 2025-09-22 "the same ISO week last year"
for pair in "week_start value" "previous_week_start previous" "last_year_week_start last_year"; do
  set -- $pair
  start=$("$PYTHON" -c "import json; print(json.load(open('brief.json'))['$1'])")
  end=$("$PYTHON" -c "import datetime; print(datetime.date.fromisoformat('$start') + datetime.timedelta(days=7))")
  sk kpi --now $NOW --by week --from "$start" --to "$end" --json
  expect_rc 0
  printf '%s' "$OUT" > kpi.json
  "$PYTHON" - brief.json kpi.json "$2" <<'PY' || fail "brief's $2 week differs from kpi"
import json, sys
brief, kpi, which = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
assert len(kpi) == 1, kpi
k, w = kpi[0], brief["week"]
assert w["orders"][which] == k["orders"], (w["orders"], k["orders"])
assert w["net_sales"][which] == k["net_sales"], (w["net_sales"], k["net_sales"])
assert w["aov"][which] == k["aov"]
assert w["checkout_conversion"][which] == k["checkout_conversion"]
assert w["csat"][which] == k["csat"]
PY
done
"$PYTHON" - brief.json <<'PY' || fail "actions"
import json, sys
actions = json.load(open(sys.argv[1]))["actions"]
assert sorted(a["kind"] for a in actions) == ["audit_errors", "carts", "reorder", "tickets", "winback"], actions
assert [a["priority"] for a in actions] == list(range(1, len(actions) + 1))
for a in actions:
    assert set(a) == {"kind", "priority", "count", "message", "command"}, a
    assert a["command"].startswith("shopkeep "), a
PY
# The counts are those of the commands they name.
reorder=$("$PYTHON" -c "import json; print([a['count'] for a in json.load(open('brief.json'))['actions'] if a['kind'] == 'reorder'][0])")
errors=$("$PYTHON" -c "import json; print([a['count'] for a in json.load(open('brief.json'))['actions'] if a['kind'] == 'audit_errors'][0])")
sk audit --now $NOW --json
expect_eq "$(json_get 'sum(1 for f in d if f["severity"] == "error")')" "$errors" "audit errors"
sk restock --now $NOW --json
[ "$reorder" -le "$(json_get 'len(d)')" ] || fail "more products to reorder than restock lists"
