#!/usr/bin/env bash
# Load: two syncs and five readers on one store at once, against fakes that answer 15% of requests
# with an error (500, 429, Zendesk 503 or Shopify INTERNAL_SERVER_ERROR, a timeout, a body cut off),
# while the shop's data grows and changes (tests/stress/load_mutate.py: new and changed orders,
# customers, products, tickets, comments).
#
#   tests/stress/load.sh BUILD_DIR [SECONDS]      (default 600)
#
# - sync 1 runs `sync -v shopify` every 2 s; sync 2 runs `sync zendesk`, every third time `sync` (both
#   sources), every 2 s. Both start at once: the store's sync lock makes one wait for the other.
#   Allowed exits: 0; 4 (partial: a page failed past its retries, the rest committed); 1 only for
#   the sync lock held past its 10 s wait (cli.md: "a sync lock held too long").
# - five readers run status, kpi, sql, customers rfm, audit, support and brief in loops: every run
#   must exit 0.
# - at the end the faults are switched off and one more `sync` must exit 0; then the store's data
#   must equal an import of the fakes' data as it is then (no row lost or doubled: synced_at and raw
#   are left out, as an import has its own time and a file's raw holds fields a sync does not ask
#   for), and no output may say "database is locked".
# Prints a summary (syncs run/ok/partial/lock waits, reader runs, faults given and sync warnings by
# kind) and exits 1 when a check failed. tests/e2e/suites/load.bash runs a short variant.
set -u

build_dir=$(cd "${1:?usage: tests/stress/load.sh BUILD_DIR [SECONDS]}" && pwd) || exit 2
seconds=${2:-600}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SHOPKEEP=${SHOPKEEP:-$build_dir/shopkeep}
GENSHOP=${GENSHOP:-$build_dir/genshop}
PYTHON=${PYTHON:-/usr/bin/python3}
source_dir=$(cd "$here/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/shopkeep-load.XXXXXX")
pids=()
fake_pids=()
cleanup() {
  local p
  for p in "${pids[@]}" "${fake_pids[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  [ "${LOAD_KEEP:-0}" = 1 ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cd "$work" || exit 1
problems=()
problem() { problems+=("$*"); }

start_fake() {  # start_fake NAME SCRIPT ARGS...: NAME.port holds its port
  local name=$1 script=$2; shift 2
  FAKE_SEED=$RANDOM "$PYTHON" "$source_dir/tests/fakes/$script" --port-file "$name.port" "$@" 2>>fakes.err &
  fake_pids+=($!)
  local _
  for _ in $(seq 100); do [ -s "$name.port" ] && return 0; sleep 0.1; done
  echo "load: $script did not start" >&2
  exit 1
}
faults() {  # faults on|off: switches both fakes' faults
  local enabled=true
  [ "$1" = off ] && enabled=false
  curl -sf -X POST -d "{\"enabled\": $enabled}" "$SHOPIFY_SHOP/_fake/faults" >/dev/null &&
    curl -sf -X POST -d "{\"enabled\": $enabled}" "$ZENDESK_URL/_fake/faults" >/dev/null
}

"$GENSHOP" --out shop --customers 80 --orders 200 --products 15 --checkouts 20 --tickets 80 --seed 11 >/dev/null || exit 1
# 15% of requests fail, of every kind the fakes know; "slow" sleeps past the client's 2 s timeout.
start_fake shopify shopify_fake.py --data shop/shopify/*.jsonl --slow-seconds 3 \
  --fault 500:4% --fault 429:4% --fault internal:3% --fault slow:2% --fault cut:2%
start_fake zendesk zendesk_fake.py --data shop/zendesk --recent-seconds 1 --account-limit 100000 --export-limit 100000 \
  --slow-seconds 3 --fault 500:4% --fault 503:3% --fault 429:4% --fault slow:2% --fault cut:2%
export SHOPKEEP_DB=$work/store.db SHOPKEEP_HTTP_TIMEOUT=2 SHOPKEEP_SHOPIFY_BULK_BACKOFF_MS=50
export SHOPIFY_SHOP=http://127.0.0.1:$(cat shopify.port) SHOPIFY_ACCESS_TOKEN=shpat_test
export ZENDESK_URL=http://127.0.0.1:$(cat zendesk.port) ZENDESK_EMAIL=agent@example.com ZENDESK_API_TOKEN=zd-test-token
export ZENDESK_EXPORT_REQUESTS_PER_MINUTE=100000
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share

# A first clean sync, so the readers start on a store with data.
faults off
"$SHOPKEEP" -q sync >first_sync.out 2>&1 || { echo "load: the first sync failed: $(cat first_sync.out)" >&2; exit 1; }
faults on

# syncer N SOURCE_EVERY...: runs syncs until the stop file exists, one line "RC SECONDS ARGS" each.
syncer() {
  local n=$1 run=0; shift
  while [ ! -e stop ]; do
    run=$((run + 1))
    local args=("$@")
    [ "$n" = 2 ] && [ $((run % 3)) -eq 0 ] && args=()  # every third time: both sources
    local start=$SECONDS rc
    "$SHOPKEEP" -v sync "${args[@]}" >>"sync$n.out" 2>>"sync$n.err"
    rc=$?
    echo "$rc $((SECONDS - start)) ${args[*]:-all}" >>"sync$n.runs"
    sleep 2
  done
}
reader_commands=(
  "status --json"
  "kpi --json --by week"
  "sql SELECT_COUNTS"
  "customers rfm --json"
  "audit --json"
  "support triage --json"
  "brief --json"
)
reader() {  # reader N: runs the reader commands in turn (each reader from its own place in the list)
  local n=$1 i=$1
  while [ ! -e stop ]; do
    local command=${reader_commands[$((i % ${#reader_commands[@]}))]} rc
    i=$((i + 1))
    if [ "$command" = "sql SELECT_COUNTS" ]; then
      "$SHOPKEEP" sql "SELECT (SELECT count(*) FROM orders), (SELECT count(*) FROM tickets), (SELECT count(*) FROM ticket_comments)" \
        --format csv >/dev/null 2>>"reader$n.err"
    else
      # shellcheck disable=SC2086
      "$SHOPKEEP" $command >/dev/null 2>>"reader$n.err"
    fi
    rc=$?
    echo "$rc $command" >>"reader$n.runs"
  done
}

"$PYTHON" "$here/load_mutate.py" --shopify "$SHOPIFY_SHOP" --zendesk "$ZENDESK_URL" --stop-file stop \
  --interval 0.4 --seed $RANDOM >mutations.json 2>mutate.err &
pids+=($!)
syncer 1 shopify &
pids+=($!)
syncer 2 zendesk &
pids+=($!)
for n in 1 2 3 4 5; do reader $n & pids+=($!); done
sleep "$seconds"
touch stop
for p in "${pids[@]}"; do wait "$p"; done
pids=()

# The shop stands still, the faults stop: one more sync must complete the store.
faults off
sleep 1.5  # Zendesk's exports leave out the last second (the fake's recent window)
"$SHOPKEEP" sync >final_sync.out 2>&1 || problem "the final sync (no faults) exited $?: $(tail -3 final_sync.out)"

# The reference: the fakes' data as it is now, imported into a store of its own.
curl -sf "$SHOPIFY_SHOP/_fake/data.jsonl" >fake_shopify.jsonl || problem "cannot read the Shopify fake's data"
mkdir -p fake_zendesk
for body in tickets users ticket_events satisfaction_ratings organizations groups survey_responses; do
  curl -sf "$ZENDESK_URL/_fake/data/$body.json" >"fake_zendesk/$body.json" || problem "cannot read the Zendesk fake's $body"
done
SHOPKEEP_DB=$work/ref.db "$SHOPKEEP" -q import shopify fake_shopify.jsonl >ref_import.out 2>&1 || problem "import of the fake's Shopify data: $(cat ref_import.out)"
SHOPKEEP_DB=$work/ref.db "$SHOPKEEP" -q import zendesk fake_zendesk/*.json >ref_import.out 2>&1 || problem "import of the fake's Zendesk data: $(cat ref_import.out)"
tables=(shop customers orders order_lines refunds products variants media checkouts checkout_lines
  zendesk_users zendesk_organizations zendesk_groups tickets ticket_metrics ticket_comments satisfaction_ratings csat_responses)
dump() { "$PYTHON" "$here/store_dump.py" "$1" "${tables[@]/#/--table=}" --skip-column synced_at --skip-column raw; }
dump store.db >store.dump
dump ref.db >ref.dump
if ! cmp -s store.dump ref.dump; then
  problem "the store differs from the fakes' data: $(diff ref.dump store.dump | grep -c '^<') rows missing or different," \
    "$(diff ref.dump store.dump | grep -c '^>') extra or different: $(diff ref.dump store.dump | grep '^[<>]' | head -4 | cut -c1-300 | tr '\n' ' ')"
fi
check=$("$PYTHON" "$here/store_dump.py" store.db --integrity)
[ "$check" = ok ] || problem "integrity_check: $check"
grep -l "database is locked" ./*.err ./*.out 2>/dev/null | while read -r f; do echo "$f"; done >locked.txt
[ -s locked.txt ] && problem "'database is locked' in $(tr '\n' ' ' <locked.txt)"

# The summary.
"$PYTHON" - "$seconds" "${#problems[@]}" <<'PY'
import collections, glob, json, re, sys, urllib.request, os
seconds, problems = sys.argv[1], int(sys.argv[2])
syncs = collections.Counter()
bad_syncs = []
partial_then = collections.Counter()
for f in sorted(glob.glob("sync[12].runs")):
    previous = None
    for line in open(f):
        rc, took, what = line.split(" ", 2)
        what = what.strip()
        syncs["run"] += 1
        kind = {"0": "ok", "4": "partial"}.get(rc)
        if rc == "1" and "another sync of this store is running" in open(f.replace(".runs", ".err")).read():
            kind = "lock wait"
        syncs[kind or f"exit {rc}"] += 1
        if kind is None:
            bad_syncs.append(f"{f}: exit {rc} ({what}, {took} s)")
        if previous == "4":
            partial_then["ok" if rc == "0" else f"exit {rc}"] += 1
        previous = rc
readers = collections.Counter()
reader_failures = collections.Counter()
for f in glob.glob("reader*.runs"):
    for line in open(f):
        rc, command = line.rstrip("\n").split(" ", 1)
        readers[command.split(" --")[0]] += 1
        if rc != "0":
            reader_failures[f"{command.split(' --')[0]} exit {rc}"] += 1
warnings = collections.Counter()
for f in glob.glob("sync[12].err"):
    for line in open(f):
        if "retrying" in line or "warning" in line or "error" in line:
            kind = re.sub(r"\d+(\.\d+)?", "N", line.strip())
            kind = re.sub(r"\(http://[^)]*\)|http://\S+", "URL", kind)
            warnings[kind[:150]] += 1
def injected(url):
    with urllib.request.urlopen(url + "/_fake/faults") as r:
        return json.load(r)
shopify, zendesk = injected(os.environ["SHOPIFY_SHOP"]), injected(os.environ["ZENDESK_URL"])
mutations = json.load(open("mutations.json")) if os.path.getsize("mutations.json") else {}
print(f"load: {seconds} s, two syncs and five readers on one store")
print(f"  syncs: {syncs['run']} run, {syncs['ok']} ok, {syncs['partial']} partial (exit 4), {syncs['lock wait']} waited past the sync lock (exit 1)"
      + "".join(f", {n} {k}" for k, n in syncs.items() if k.startswith("exit")))
print(f"  after a partial sync the same syncer's next run: " + (", ".join(f"{n} {k}" for k, n in sorted(partial_then.items())) or "none"))
print(f"  reader runs: {sum(readers.values())} (" + ", ".join(f"{k} {n}" for k, n in sorted(readers.items())) + f"); failed: {sum(reader_failures.values())}"
      + "".join(f", {k}: {n}" for k, n in sorted(reader_failures.items())))
for name, s in (("shopify", shopify), ("zendesk", zendesk)):
    total = sum(s["injected"].values())
    print(f"  {name} fake: {s['requests']} requests, {total} faults ({100 * total / max(1, s['requests']):.1f}%): "
          + ", ".join(f"{k} {n}" for k, n in sorted(s["injected"].items())))
print("  changes made on the fakes: " + ", ".join(f"{k} {n}" for k, n in sorted(mutations.items())))
print("  sync warnings and retries (-v) by kind:")
for k, n in warnings.most_common(12):
    print(f"    {n:5d}  {k}")
for b in bad_syncs[:10]:
    print(f"  FAILED sync {b}")
sys.exit(1 if bad_syncs or reader_failures else 0)
PY
summary_rc=$?
for p in "${problems[@]}"; do echo "  FAILED $p"; done
[ ${#problems[@]} -eq 0 ] && [ $summary_rc -eq 0 ] && echo "load: passed" && exit 0
echo "load: FAILED"
exit 1
