# email send killed with SIGKILL at random points, then run again: every recipient has exactly one
# message on the server or is listed as unknown, and nobody ever gets two.
#
# 50 trials (EMAIL_CRASH_TRIALS overrides). Each trial has its own store and sender domain (so its
# Message-IDs are its own) against one SMTP server that answers after a short random delay, so the
# kill lands before, during and after SMTP transactions alike (every other trial waits for its first
# message to arrive before it picks its moment). About a minute on 2 cores.

NOW=2026-03-10T12:00:00Z
"$PYTHON" -c 'import aiosmtpd' 2>/dev/null || skip_suite "python3-aiosmtpd is not installed"
TRIALS=${EMAIL_CRASH_TRIALS:-50}

TEST "kill -9 at random points over $TRIALS trials, then a re-run: one message each or unknown, never two"
"$PYTHON" "$SHOPKEEP_SOURCE_DIR/testdata/email/make_email_shop.py" shop.jsonl --bulk 24
"$SHOPKEEP" --db base.db -q import shopify shop.jsonl
launch_fake "$SHOPKEEP_SOURCE_DIR/tests/fakes/smtp_sink.py" sink.port --out sink --delay-ms 15
PORT=$(cat sink.port)
cat > base.toml <<'TOML'
[carts]
holdout = 0
[email]
postal_address = "Test Roasters, 1 Bean Street, 12345 Roastville"
unsubscribe_mailto = "unsubscribe@test-roasters.example"
TOML
kills_during_smtp=0
for trial in $(seq "$TRIALS"); do
  cp base.db t$trial.db
  send() {
    "$SHOPKEEP" --db t$trial.db --config base.toml --now $NOW -q email send cart-recovery \
      --smtp smtp://127.0.0.1:$PORT --from "Shop <shop@trial$trial.test>" --rate 0 "$@"
  }
  send >/dev/null 2>&1 &
  pid=$!
  # Odd trials: a random moment from the start (before, during or after sending). Even trials: a
  # random moment after the trial's first message reached the server, so that kills land inside
  # SMTP transactions however slow the start is (a sanitizer build, a loaded machine).
  if [ $((trial % 2)) -eq 0 ]; then
    for _ in $(seq 200); do
      grep -q "@trial$trial.test>" sink/received.jsonl 2>/dev/null && break
      kill -0 $pid 2>/dev/null || break
      sleep 0.05
    done
    sleep "$("$PYTHON" -c "import random; print(random.uniform(0.0, 0.3))")"
  else
    sleep "$("$PYTHON" -c "import random; print(random.uniform(0.0, 0.6))")"
  fi
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  [ "$("$SHOPKEEP" --db t$trial.db sql "SELECT count(*) FROM email_log WHERE status = 'sending'" --format csv | tail -1 | tr -d '\r')" = 0 ] ||
    kills_during_smtp=$((kills_during_smtp + 1))
  send >/dev/null 2>"rerun$trial.err"
  rc=$?
  [ $rc -eq 0 ] || fail "trial $trial: the re-run exited $rc: $(cat rerun$trial.err)"
  "$SHOPKEEP" --db t$trial.db --format json email log > log$trial.json
  "$SHOPKEEP" --db t$trial.db --now $NOW --format json email plan cart-recovery > plan$trial.json
  "$PYTHON" - "$trial" <<'PY' || fail "trial $trial"
import json, sys
trial = sys.argv[1]
got = {}
for line in open("sink/received.jsonl"):
    r = json.loads(line)
    if r["message_id"].endswith("@trial%s.test>" % trial):
        got[r["message_id"]] = got.get(r["message_id"], 0) + 1
log = {"<%s>" % r["message_id"]: r for r in json.load(open("log%s.json" % trial))}
twice = [m for m, n in got.items() if n > 1]
assert not twice, "sent twice: %s" % twice
assert set(got) <= set(log), "received but not logged: %s" % (set(got) - set(log))
for m, r in log.items():
    n = got.get(m, 0)
    if r["status"] == "sent":
        assert n == 1, "logged sent, received %d: %s" % (n, r)
    else:
        assert r["status"] == "unknown", "neither sent nor unknown after the re-run: %s" % r
# everyone planned now has had their message (or it is unknown): nothing left to send
assert all(r["reason"] != "due" for r in json.load(open("plan%s.json" % trial))), "due messages left unsent"
PY
done
echo "    $TRIALS trials; $kills_during_smtp killed with a message in its SMTP transaction"
[ "$kills_during_smtp" -gt 0 ] || fail "no kill landed inside an SMTP transaction: the test proves nothing"
