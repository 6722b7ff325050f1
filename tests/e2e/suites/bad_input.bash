# bad_input: the regression corpus of hostile input (testdata/bad/cases.tsv, see its README).
# Each case runs in a fresh folder on a copy of one seeded store; the suite checks the exit code, a
# piece of stderr, and that a failed command left the store exactly as it was (sqlite3 .dump);
# and no raw library message (json.exception, bad_alloc, a constraint) or signal in any case.

BAD=$SHOPKEEP_SOURCE_DIR/testdata/bad
export BAD

# The seeded store every case starts from: a small shop and a few tickets.
SEED_DIR=$E2E_ROOT/seed
mkdir -p "$SEED_DIR"
SHOPKEEP_DB=$SEED_DIR/store.db HOME=$SEED_DIR "$SHOPKEEP" import shopify \
  "$SHOPKEEP_SOURCE_DIR/testdata/shopify/small_shop.jsonl" >/dev/null 2>&1 || { echo "cannot seed the store" >&2; exit 1; }
SHOPKEEP_DB=$SEED_DIR/store.db HOME=$SEED_DIR "$SHOPKEEP" import zendesk \
  "$SHOPKEEP_SOURCE_DIR/testdata/zendesk/users.json" "$SHOPKEEP_SOURCE_DIR/testdata/zendesk/tickets.json" \
  >/dev/null 2>&1 || { echo "cannot seed the store (zendesk)" >&2; exit 1; }

# `shopkeep` in a case's command is the binary under test.
mkdir -p "$E2E_ROOT/bin"
ln -sf "$SHOPKEEP" "$E2E_ROOT/bin/shopkeep"

store_dump() { sqlite3 "$SHOPKEEP_DB" .dump | grep -v '^INSERT INTO sqlite_stat'; }

run_case() {  # name exit stderr command check expected
  local name=$1 want_rc=$2 want_err=$3 command=$4 check=${5:-} expected=${6:-}
  TEST "$name"
  cp "$SEED_DIR/store.db" "$SHOPKEEP_DB"
  store_dump > before.sql
  PATH=$E2E_ROOT/bin:$PATH timeout 60 bash -c "$command" >stdout.txt 2>stderr.txt
  RC=$?
  ERR=$(head -c 4000 stderr.txt)
  expect_rc "$want_rc"
  [ "$want_err" = "-" ] || expect_err_contains "$want_err"
  # Whatever the case, no library's raw message or crash reaches the user.
  local raw
  for raw in '[json.exception' 'bad_alloc' 'terminate called' 'constraint failed' 'Segmentation' 'Aborted'; do
    [[ "$ERR" != *"$raw"* ]] || fail "raw message '$raw' in stderr: $ERR"
  done
  [ "$RC" -lt 126 ] || fail "killed by a signal (exit $RC)"
  if [ "$want_rc" -ne 0 ]; then
    store_dump > after.sql
    # A failed sync records its attempt and error per resource in sync_state (shopkeep status shows
    # them); nothing else may change.
    if [[ "$command" == *" sync "* || "$command" == *" sync;"* || "$command" == *" sync" ]]; then
      grep -v '^INSERT INTO sync_state ' before.sql > before.kept; mv before.kept before.sql
      grep -v '^INSERT INTO sync_state ' after.sql > after.kept; mv after.kept after.sql
    fi
    cmp -s before.sql after.sql || fail "the failed command changed the store: $(diff before.sql after.sql | head -5)"
  fi
  if [ -n "$check" ] && [ "$check" != "-" ]; then
    expect_eq "$(sqlite3 "$SHOPKEEP_DB" "$check")" "$expected" "$check"
  fi
}

while IFS=$'\t' read -r name rc err command check expected; do
  case "$name" in '' | '#'*) continue ;; esac
  run_case "$name" "$rc" "$err" "$command" "$check" "$expected"
done < "$BAD/cases.tsv"
