# Helpers for the end-to-end suites (sourced by tests/e2e/run).
# Each TEST runs in a fresh empty folder with its own store and config; HOME and XDG paths point
# inside it so nothing touches the developer's own files.

E2E_PASSED=0
E2E_FAILED=0
E2E_CURRENT=""
E2E_CURRENT_FAILED=0
E2E_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/shopkeep-e2e.XXXXXX")
trap 'rm -rf "$E2E_ROOT"' EXIT

_e2e_close_test() {
  [ -z "$E2E_CURRENT" ] && return
  if [ "$E2E_CURRENT_FAILED" -eq 0 ]; then
    E2E_PASSED=$((E2E_PASSED + 1)); echo "ok   - $E2E_CURRENT"
  else
    E2E_FAILED=$((E2E_FAILED + 1)); echo "FAIL - $E2E_CURRENT"
  fi
  E2E_CURRENT=""
}

# TEST "name": starts a test in a fresh folder (the working directory until the next TEST).
TEST() {
  _e2e_close_test
  E2E_CURRENT=$1
  E2E_CURRENT_FAILED=0
  local dir="$E2E_ROOT/$(printf '%03d' $((E2E_PASSED + E2E_FAILED)))"
  mkdir -p "$dir" && cd "$dir" || exit 1
  export HOME=$dir/home XDG_DATA_HOME=$dir/home/.local/share XDG_CONFIG_HOME=$dir/home/.config
  export SHOPKEEP_DB=$dir/store.db
  unset SHOPKEEP_CONFIG SHOPKEEP_NOW SHOPIFY_SHOP SHOPIFY_ACCESS_TOKEN SHOPIFY_CLIENT_ID \
    SHOPIFY_CLIENT_SECRET ZENDESK_SUBDOMAIN ZENDESK_URL ZENDESK_EMAIL ZENDESK_API_TOKEN ZENDESK_OAUTH_TOKEN
}

# fail MESSAGE: the test fails at the suite line that called it (the first frame outside this
# file); its remaining `sk` runs and expectations are skipped until the next TEST.
fail() {
  [ "$E2E_CURRENT_FAILED" -eq 1 ] && return 0
  local frame=0 line func file where="?"
  while read -r line func file < <(caller $frame); do
    if [ "$file" != "${BASH_SOURCE[0]}" ]; then where="$(basename "$file"):$line"; break; fi
    frame=$((frame + 1))
  done
  echo "    $E2E_CURRENT ($where): $*" >&2
  E2E_CURRENT_FAILED=1
}

# sk ARGS...: runs shopkeep, keeping stdout in $OUT, stderr in $ERR, exit code in $RC. After a
# failure in the test it does nothing (the test has stopped).
sk() {
  [ "$E2E_CURRENT_FAILED" -eq 1 ] && return 0
  "$SHOPKEEP" "$@" >stdout.txt 2>stderr.txt
  RC=$?
  OUT=$(cat stdout.txt)
  ERR=$(cat stderr.txt)
  return 0
}

expect_rc() {
  [ "$RC" -eq "$1" ] || fail "expected exit $1, got $RC (stderr: $ERR)"
}
expect_out_contains() {
  [[ "$OUT" == *"$1"* ]] || fail "stdout lacks '$1'; stdout was: ${OUT:0:800}"
}
expect_err_contains() {
  [[ "$ERR" == *"$1"* ]] || fail "stderr lacks '$1'; stderr was: ${ERR:0:800}"
}
expect_out_equals() {
  [ "$OUT" == "$1" ] || fail "stdout was '${OUT:0:800}', expected '$1'"
}
expect_eq() {  # expect_eq ACTUAL EXPECTED [WHAT]
  [ "$1" == "$2" ] || fail "${3:-value}: got '$1', expected '$2'"
}
expect_file_mode() {
  local mode; mode=$(stat -c %a "$1")
  [ "$mode" == "$2" ] || fail "$1 has mode $mode, expected $2"
}
# dump_tables [--db DB] [--no-raw] TABLE...: every row of the tables, without synced_at (and raw),
# one sorted JSON object a line, so two stores can be compared.
dump_tables() {
  local db_args=() drop='"synced_at"'
  [ "$1" = --db ] && { db_args=(--db "$2"); shift 2; }
  [ "$1" = --no-raw ] && { drop='"synced_at","raw"'; shift; }
  local t
  for t in "$@"; do
    "$SHOPKEEP" "${db_args[@]}" sql "SELECT * FROM $t ORDER BY id" --format ndjson |
      "$PYTHON" -c 'import json,sys
for l in sys.stdin:
    d=json.loads(l)
    for k in ('"$drop"',): d.pop(k,None)
    print(json.dumps(d,sort_keys=True))'
  done
}
# q SQL: one value from the store (through shopkeep sql, as a user would).
q() {
  "$SHOPKEEP" sql "$1" --format csv 2>/dev/null | tail -n +2 | tr -d '\r'
}
# json_get EXPR: evaluates a Python expression over the JSON in $OUT (bound to `d`).
json_get() {
  printf '%s' "$OUT" | "$PYTHON" -c "import json,sys; d=json.load(sys.stdin); print($1)"
}
skip_suite() {
  echo "skipped: $*"
  exit 125
}

e2e_finish() {
  _e2e_close_test
  echo "$E2E_PASSED passed, $E2E_FAILED failed"
  [ "$E2E_FAILED" -eq 0 ]
}

# Fake API servers (tests/fakes/*.py) for the sync suites: launch_fake SCRIPT PORT_FILE ARGS...
# starts one in the background and waits for the port it writes; stop_fakes stops them all (also at exit).
FAKE_PIDS=()
launch_fake() {
  local script=$1 port_file=$2; shift 2
  rm -f "$port_file"
  "$PYTHON" "$script" --port-file "$port_file" "$@" &
  FAKE_PIDS+=($!)
  local _
  for _ in $(seq 100); do [ -s "$port_file" ] && return 0; sleep 0.1; done
  fail "$script did not start"
}
stop_fakes() { local p; for p in "${FAKE_PIDS[@]}"; do kill "$p" 2>/dev/null; done; FAKE_PIDS=(); }
trap 'stop_fakes; rm -rf "$E2E_ROOT"' EXIT
