# customers value and customers rfm, against the published CDNOW results.

REF=$SHOPKEEP_REFERENCE/analytics
CAL_END=1997-09-30T23:59:59Z   # orders before it count; its day is the calibration end
load_cdnow() {
  "$PYTHON" "$SHOPKEEP_SOURCE_DIR/tests/e2e/tools/cdnow_to_jsonl.py" "$REF/CDNOW_sample.txt" cdnow.jsonl
  "$SHOPKEEP" -q import shopify cdnow.jsonl
}

TEST "CDNOW loaded as orders reproduces the published BG/NBD and Gamma-Gamma fits"
load_cdnow
sk customers value --model --json --now $CAL_END
expect_rc 0
"$PYTHON" - "$OUT" <<'PY' || fail "model differs from the published fit"
import json, sys
d = json.loads(sys.argv[1])
def close(a, b): return abs(a - b) <= 0.0005 * abs(b)
b, g = d["bgnbd"], d["gamma_gamma"]
want = {"r": 0.2426, "alpha": 4.4135, "a": 0.7929, "b": 2.4258}
for k, v in want.items():
    assert close(b[k], v), (k, b[k], v)
assert abs(b["log_likelihood"] - -9582.43) < 0.01, b["log_likelihood"]
for k, v in {"p": 6.2488, "q": 3.7446, "v": 15.4478}.items():
    assert close(g[k], v), (k, g[k], v)
assert d["customers"] == 2357 and d["time_unit"] == "week" and d["calibration_end"] == "1997-09-30", d
PY

TEST "per-customer summaries equal the published calibration summary"
load_cdnow
sk customers value --json --now $CAL_END
expect_rc 0
printf '%s' "$OUT" > values.json
"$PYTHON" - "$REF/cdnow_customers_summary.csv" <<'PY' || fail "per-customer summary differs"
import csv, json, sys
got = {r["customer_id"]: r for r in json.load(open("values.json"))}
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(got) == len(rows) == 2357
for r in rows:
    g = got[int(r["ID"])]
    assert g["frequency"] == int(r["frequency"]), (r, g)
    assert abs(g["recency_weeks"] - float(r["recency"])) < 0.006, (r, g)
    assert abs(g["age_weeks"] - float(r["T"])) < 0.006, (r, g)
c1 = got[1]
assert c1["currency"] == "USD" and isinstance(c1["clv"], str) and isinstance(c1["expected_avg_order_value"], str)
assert 0 < c1["p_alive"] <= 1 and c1["expected_purchases"] > 0
PY

TEST "mean conditional expected spend over all customers is the published 35.25"
load_cdnow
sk customers value --json --now $CAL_END
printf '%s' "$OUT" > values.json
"$PYTHON" - <<'PY' || fail "mean expected order value differs"
import json
d = json.load(open("values.json"))
mean = sum(float(r["expected_avg_order_value"]) for r in d) / len(d)
assert abs(mean - 35.2530) < 0.01, mean
PY

TEST "horizon and discount rate change the CLV; bad values are usage errors"
load_cdnow
sk customers value --json --now $CAL_END --horizon 30
short=$(json_get 'd[0]["clv"]')
sk customers value --json --now $CAL_END --horizon 730
long=$(json_get 'd[0]["clv"]')
"$PYTHON" -c "import sys; assert float('$long') > float('$short') > 0" || fail "CLV over 730 days ($long) not above 30 days ($short)"
sk customers value --horizon -5 --now $CAL_END
expect_rc 2

TEST "too little data is a clear error"
head -30 "$REF/CDNOW_sample.txt" > tiny.txt
"$PYTHON" "$SHOPKEEP_SOURCE_DIR/tests/e2e/tools/cdnow_to_jsonl.py" tiny.txt tiny.jsonl
"$SHOPKEEP" -q import shopify tiny.jsonl
sk customers value --now $CAL_END
expect_rc 1
expect_err_contains "too little data"

TEST "rfm: scores 1-5, segments, money as strings"
load_cdnow
sk customers rfm --json --now $CAL_END
expect_rc 0
printf '%s' "$OUT" > rfm.json
"$PYTHON" - <<'PY' || fail "rfm output"
import json, collections
d = json.load(open("rfm.json"))
assert len(d) == 2357
for k, v in (("r", "recency_days"), ("f", "frequency"), ("m", "monetary")):
    counts = collections.Counter(r[k] for r in d)
    assert set(counts) <= {1, 2, 3, 4, 5} and 5 in counts and 1 in counts, (k, counts)
    score_of = {}
    for r in d:  # the same value, the same score: ties are never cut by sort order
        assert score_of.setdefault(r[v], r[k]) == r[k], (k, r[v])
assert all(r["f"] == 1 for r in d if r["frequency"] == 1)
assert not any(r["segment"] in ("Champions", "Loyal", "Can't Lose Them") for r in d if r["frequency"] == 1)
assert all(isinstance(r["monetary"], str) and r["currency"] == "USD" for r in d)
segments = collections.Counter(r["segment"] for r in d)
assert len(segments) >= 9, segments
PY

TEST "customer show scores one customer from the cached model, as customers value does"
load_cdnow
id=$(q "SELECT customer_id FROM counted_orders GROUP BY 1 HAVING count(*) > 3 ORDER BY 1 LIMIT 1")
email="cdnow$id@example.com"
printf '{"id":"gid://shopify/Customer/%s","email":"%s","updatedAt":"1997-01-01T00:00:00Z"}\n' "$id" "$email" > who.jsonl
"$SHOPKEEP" -q import shopify who.jsonl
sk customers value --json --now $CAL_END
expect_rc 0
printf '%s' "$OUT" > values.json
sk customer show "$email" --json --now $CAL_END
expect_rc 0
cp stdout.txt show1.json
expect_eq "$(q "SELECT count(*) FROM model_cache")" "1" "cached models after the first show"
fitted_at=$(q "SELECT key FROM model_cache")
sk customer show "$email" --json --now $CAL_END
expect_rc 0
cmp -s show1.json stdout.txt || fail "a second show (from the cache) differs from the first"
expect_eq "$(q "SELECT key FROM model_cache")" "$fitted_at" "the second show refitted the model"
"$PYTHON" - "$email" <<'PY' || fail "customer show scores differ from customers value"
import json, sys
want = next(r for r in json.load(open("values.json")) if r["email"] == sys.argv[1])
got = json.load(open("show1.json"))
for k in ("p_alive", "expected_purchases", "clv", "at_risk"):
    assert got[k] == want[k], (k, got[k], want[k])
PY

TEST "one-time buyers: at_risk from the shop's repeat interval, said under the table"
load_cdnow
sk customers value --model --json --now $CAL_END
expect_rc 0
p90=$(json_get 'd["repeat_interval_days"]["p90"]')
median=$(json_get 'd["repeat_interval_days"]["median"]')
[ "$p90" -gt "$median" ] || fail "p90 $p90 not above the median $median"
sk customers value --json --now $CAL_END
"$PYTHON" - "$p90" <<'PY' || fail "one-time buyers' at_risk does not follow the repeat interval"
import json, sys
p90 = int(sys.argv[1])
d = json.load(open("stdout.txt"))
once = [r for r in d if r["frequency"] == 0]
again = [r for r in d if r["frequency"] > 0]
assert once and all(r["p_alive"] == 1.0 and r["at_risk_basis"] == "repeat_interval" for r in once)
assert all(r["at_risk"] == (r["days_since_purchase"] > p90) for r in once)
assert any(r["at_risk"] for r in once)
assert all(r["at_risk_basis"] == "p_alive" and r["at_risk"] == (r["p_alive"] < 0.3) for r in again)
PY
sk customers value --now $CAL_END
expect_rc 0
expect_err_contains "older than $p90 days, the 90th percentile of the wait for a second order (median $median days)"
expect_err_contains "customers rfm instead"
sk customers value --help
expect_out_contains "repeat_interval"
expect_out_contains "customers rfm"
