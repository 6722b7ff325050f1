#!/usr/bin/env bash
# Kill tests: `sync` (Shopify by pages and by bulk jobs, Zendesk, against the fakes in tests/fakes/)
# and `import` (Shopify JSONL, Zendesk bodies) are killed with SIGKILL at a random moment, then run
# again to completion. Afterwards the store passes PRAGMA integrity_check (also right after the
# kill, before the re-run touches it) and its data equals an uninterrupted run's, row for row
# (tests/stress/store_dump.py: every table, duplicates kept, so a doubled row shows as well as a
# lost one).
#
#   tests/stress/kill.sh BUILD_DIR [TRIALS] [SCENARIO...]
#
# TRIALS per scenario (default 100); SCENARIO is import-shopify, import-zendesk, sync-shopify or
# sync-zendesk (default all). Prints per scenario "trials run / survived" and where the kills landed;
# exits 1 when a trial did not survive. KILL_KEEP=1 keeps the work folder (failed trials' stores). tests/e2e/suites/kill.bash sources this file for its
# functions (KILL_LIBRARY_ONLY=1) and runs fewer trials.
#
# Kill moments: each scenario first times an uninterrupted run (D, timed again every tenth trial as
# the machine's load changes); trial i of N is killed at a
# moment drawn uniformly from the i-th of N equal slices of [0, D], so the kills spread over the
# whole run: before the first page commits, inside and between pages, during the last bookkeeping
# (sync_state, the comment queue, import_log) and, for a few, after the run ended (those are
# counted apart: nothing was interrupted). Where a kill landed is read from the killed store: no
# data yet, part of the data, all of the data (still running: the final bookkeeping).
#
# What may legitimately differ from the uninterrupted run, and is left out of the comparison:
# - import_log (imports): one row per import run. A run killed after its commit, then run again,
#   leaves two rows where the uninterrupted run left one; both record the same data.
# - sync_state.cursor (Shopify bulk jobs only): the cursor is the bulk job's createdAt on Shopify's
#   clock (so what changes while a job runs is read next time), and the re-run's job starts later.
# - sync_state.cursor (Zendesk): the time-based exports (ticket events, organizations) end at
#   Zendesk's clock (end_time) once nothing is left, so a later run's cursor is later.
# Everything else is compared, synced_at included (every run has the same --now), and raw as the
# JSON value it holds (a re-run reads some objects again by pages where the first run had them from a
# bulk file: the same value, another key order).

KILL_NOW=2026-10-01T00:00:00Z
KILL_SCENARIOS=(import-shopify import-zendesk sync-shopify sync-zendesk)

# kill_init WORK_DIR [IMPORT_ORDERS]: the data every scenario uses (generated once per WORK_DIR);
# the imports' shop has IMPORT_ORDERS orders (default 2,000) and 0.6 tickets an order. Needs
# SHOPKEEP, GENSHOP, PYTHON and SHOPKEEP_SOURCE_DIR.
kill_init() {
  KILL_WORK=$1
  local orders=${2:-2000}
  mkdir -p "$KILL_WORK"
  # The imports: big enough that a run lasts about a second, so kills land inside it.
  [ -d "$KILL_WORK/big" ] || "$GENSHOP" --out "$KILL_WORK/big" --customers $((orders / 5)) --orders "$orders" \
    --products 40 --checkouts $((orders / 20)) --tickets $((orders * 3 / 5)) --seed 7 >/dev/null || return 1
  # The syncs: many small pages against fakes without limits that would make a run long.
  [ -d "$KILL_WORK/small" ] || "$GENSHOP" --out "$KILL_WORK/small" --customers 60 --orders 150 --products 15 \
    --checkouts 20 --tickets 150 --seed 3 >/dev/null || return 1
}

_kill_fake_pids=()
_kill_start_fake() {  # _kill_start_fake PORT_FILE SCRIPT ARGS...
  local port_file=$1 script=$2; shift 2
  rm -f "$port_file"
  # A killed client leaves the fake a reset connection (a traceback on stderr): kept apart.
  "$PYTHON" "$SHOPKEEP_SOURCE_DIR/tests/fakes/$script" --port-file "$port_file" "$@" 2>>"$KILL_WORK/fakes.err" &
  _kill_fake_pids+=($!)
  local _
  for _ in $(seq 100); do [ -s "$port_file" ] && return 0; sleep 0.1; done
  echo "kill: $script did not start" >&2
  return 1
}
_kill_stop_fakes() {
  local p
  for p in "${_kill_fake_pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
  _kill_fake_pids=()
}

# Per scenario: _kill_prepare_X (fakes, environment), _kill_command_X DB TRIAL (execs the command:
# called in a subshell, so that a background one's pid is the command's own), _kill_skip_X TRIAL (store_dump.py options for what may differ), _kill_reference_X
# TRIAL (which reference a trial compares with: trials of one scenario may run in two modes).
_kill_prepare_import-shopify() { :; }
_kill_command_import-shopify() {
  exec "$SHOPKEEP" --db "$1" --now $KILL_NOW -q import shopify "$KILL_WORK"/big/shopify/*.jsonl
}
_kill_skip_import-shopify() { echo --skip-table import_log; }
_kill_mode_import-shopify() { echo jsonl; }

_kill_prepare_import-zendesk() { :; }
_kill_command_import-zendesk() {
  exec "$SHOPKEEP" --db "$1" --now $KILL_NOW -q import zendesk "$KILL_WORK"/big/zendesk/*.json
}
_kill_skip_import-zendesk() { echo --skip-table import_log; }
_kill_mode_import-zendesk() { echo bodies; }

_kill_prepare_sync-shopify() {
  _kill_start_fake "$KILL_WORK/shopify.port" shopify_fake.py --clock $KILL_NOW \
    --data "$KILL_WORK"/small/shopify/*.jsonl --log "$KILL_WORK/shopify_fake.log" || return 1
  export SHOPIFY_SHOP=http://127.0.0.1:$(cat "$KILL_WORK/shopify.port") SHOPIFY_ACCESS_TOKEN=shpat_test \
    SHOPKEEP_HTTP_TIMEOUT=2 SHOPKEEP_SHOPIFY_BULK_BACKOFF_MS=50
}
# Odd trials page through the API, even ones run bulk jobs (a kill leaves one running on the fake:
# the re-run cancels it first).
_kill_mode_sync-shopify() { [ $(($1 % 2)) -eq 1 ] && echo pages || echo bulk; }
_kill_command_sync-shopify() {
  local bulk=1
  [ "$(_kill_mode_sync-shopify "$2")" = pages ] && bulk=0
  SHOPKEEP_SHOPIFY_BULK=$bulk exec "$SHOPKEEP" --db "$1" --now $KILL_NOW -q sync shopify
}
_kill_skip_sync-shopify() { [ "$(_kill_mode_sync-shopify "$1")" = bulk ] && echo --skip-column sync_state.cursor; }

_kill_prepare_sync-zendesk() {
  # Exports leave out the last second only (Zendesk: a minute); no limits that would stretch a run.
  _kill_start_fake "$KILL_WORK/zendesk.port" zendesk_fake.py --data "$KILL_WORK/small/zendesk" \
    --recent-seconds 1 --account-limit 100000 --export-limit 100000 --log "$KILL_WORK/zendesk_fake.log" || return 1
  export ZENDESK_URL=http://127.0.0.1:$(cat "$KILL_WORK/zendesk.port") ZENDESK_EMAIL=agent@example.com \
    ZENDESK_API_TOKEN=zd-test-token SHOPKEEP_HTTP_TIMEOUT=2 SHOPKEEP_ZENDESK_PAGE_SIZE=25 \
    ZENDESK_EXPORT_REQUESTS_PER_MINUTE=100000
}
_kill_mode_sync-zendesk() { echo pages; }
_kill_command_sync-zendesk() {
  exec "$SHOPKEEP" --db "$1" --now $KILL_NOW -q sync zendesk
}
_kill_skip_sync-zendesk() { echo --skip-column sync_state.cursor; }

_kill_dump() {  # _kill_dump DB SKIP_OPTIONS...
  local db=$1; shift
  "$PYTHON" "$SHOPKEEP_SOURCE_DIR/tests/stress/store_dump.py" "$db" "$@"
}
_kill_data_rows() {  # rows in the data tables (what a run adds; sync_state and logs left out)
  [ -f "$1" ] || { echo 0; return; }
  _kill_dump "$1" --skip-table sync_state --skip-table import_log --skip-table zendesk_comment_queue \
    --skip-table schema_version 2>/dev/null | wc -l
}
_kill_ms() { date +%s%3N; }

# kill_scenario NAME TRIALS: runs the trials of one scenario; prints its summary line (and every
# failure) and returns 1 when a trial did not survive.
kill_scenario() {
  local name=$1 trials=$2 dir="$KILL_WORK/$1"
  rm -rf "$dir" && mkdir -p "$dir" || return 1
  "_kill_prepare_$name" || return 1
  local -A duration_ms=() reference=() full_rows=()
  local trial mode
  # One uninterrupted run per mode: the reference, and how long a run takes.
  for trial in 1 2; do
    mode=$("_kill_mode_$name" $trial)
    [ -n "${reference[$mode]:-}" ] && continue
    local start=$(_kill_ms)
    (TMPDIR=$dir "_kill_command_$name" "$dir/ref-$mode.db" $trial) >"$dir/ref-$mode.out" 2>&1 ||
      { echo "$name: the uninterrupted run ($mode) failed: $(cat "$dir/ref-$mode.out")"; _kill_stop_fakes; return 1; }
    duration_ms[$mode]=$(($(_kill_ms) - start))
    reference[$mode]=$dir/ref-$mode.dump
    # shellcheck disable=SC2046
    _kill_dump "$dir/ref-$mode.db" $("_kill_skip_$name" $trial) > "${reference[$mode]}"
    full_rows[$mode]=$(_kill_data_rows "$dir/ref-$mode.db")
  done
  local survived=0 run=0 before=0 mid=0 bookkeeping=0 after=0 leftovers=0 failures=()
  for trial in $(seq "$trials"); do
    mode=$("_kill_mode_$name" $trial)
    local db="$dir/t$trial.db" tmp="$dir/tmp$trial"
    mkdir -p "$tmp"
    # Every tenth trial times an uninterrupted run again: the machine's load changes, and kill
    # moments drawn from a stale duration would bunch at the start of the run (or past its end).
    if [ $((trial % 10)) -eq 0 ]; then
      local start=$(_kill_ms)
      rm -f "$dir/timing.db"*
      (TMPDIR=$tmp "_kill_command_$name" "$dir/timing.db" $trial) >/dev/null 2>&1 && duration_ms[$mode]=$(($(_kill_ms) - start))
      rm -f "$dir/timing.db"*
    fi
    # The i-th of N slices of [0, D] (a random point in it): kills spread over the whole run.
    local wait_s
    wait_s=$("$PYTHON" -c "import random; d = ${duration_ms[$mode]} / 1000; print(d * ($trial - 1 + random.random()) / $trials)")
    (TMPDIR=$tmp "_kill_command_$name" "$db" $trial) >/dev/null 2>&1 &
    local pid=$! landed=0
    sleep "$wait_s"
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    [ $? -eq 137 ] && landed=1  # killed by the SIGKILL, not ended before it
    run=$((run + 1))
    local why="" rows
    if [ -f "$db" ]; then
      local check
      check=$(_kill_dump "$db" --integrity 2>&1)
      [ "$check" = ok ] || why="integrity_check after the kill: $check"
    fi
    rows=$(_kill_data_rows "$db")
    if [ $landed -eq 0 ]; then after=$((after + 1))
    elif [ "$rows" -eq 0 ]; then before=$((before + 1))
    elif [ "$rows" -lt "${full_rows[$mode]}" ]; then mid=$((mid + 1))
    else bookkeeping=$((bookkeeping + 1)); fi
    if [ -z "$why" ]; then
      if ! (TMPDIR=$tmp "_kill_command_$name" "$db" $trial) >"$dir/rerun$trial.out" 2>&1; then
        why="the re-run failed: $(head -c 600 "$dir/rerun$trial.out")"
      else
        local check
        check=$(_kill_dump "$db" --integrity 2>&1)
        if [ "$check" != ok ]; then
          why="integrity_check after the re-run: $check"
        else
          # shellcheck disable=SC2046
          _kill_dump "$db" $("_kill_skip_$name" $trial) > "$dir/t$trial.dump"
          if ! cmp -s "$dir/t$trial.dump" "${reference[$mode]}"; then
            why="the data differs from the uninterrupted run's ($rows rows at the kill): $(diff "${reference[$mode]}" "$dir/t$trial.dump" |
              grep '^[<>]' | head -4 | cut -c1-240 | tr '\n' ' ')"
          fi
        fi
      fi
    fi
    # Files a killed run left in its temporary folder (a bulk download) are reported, not failed:
    # the next run does not need them.
    [ -n "$(ls -A "$tmp")" ] && leftovers=$((leftovers + 1))
    if [ -z "$why" ]; then
      survived=$((survived + 1))
      rm -rf "$db" "$db-wal" "$db-shm" "$dir/t$trial.dump" "$dir/rerun$trial.out" "$tmp"
    else
      failures+=("trial $trial ($mode, killed after ${wait_s}s): $why")
    fi
  done
  _kill_stop_fakes
  local modes="" m
  for m in "${!duration_ms[@]}"; do modes+="${modes:+, }$m run ${duration_ms[$m]} ms"; done
  echo "$name: $run trials run / $survived survived (an uninterrupted run, last timed: $modes; killed before the first commit" \
    "$before, mid-run $mid, in the final bookkeeping $bookkeeping; after the run had ended $after;" \
    "temporary files left behind $leftovers)"
  local f
  for f in "${failures[@]}"; do echo "  FAILED $name $f"; done
  [ "$survived" -eq "$run" ]
}

kill_main() {
  local build_dir trials=${2:-100}
  build_dir=$(cd "${1:?usage: tests/stress/kill.sh BUILD_DIR [TRIALS] [SCENARIO...]}" && pwd) || return 2
  shift $(($# >= 2 ? 2 : 1))
  local here
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  export SHOPKEEP=${SHOPKEEP:-$build_dir/shopkeep} GENSHOP=${GENSHOP:-$build_dir/genshop}
  export PYTHON=${PYTHON:-/usr/bin/python3} SHOPKEEP_SOURCE_DIR=${SHOPKEEP_SOURCE_DIR:-$(cd "$here/../.." && pwd)}
  _kill_main_work=$(mktemp -d "${TMPDIR:-/tmp}/shopkeep-kill.XXXXXX")
  trap 'exit 130' INT TERM
  trap '_kill_stop_fakes; [ "${KILL_KEEP:-0}" = 1 ] && echo "kept $_kill_main_work" || rm -rf "$_kill_main_work"' EXIT
  kill_init "$_kill_main_work" || exit 1
  local scenarios=("$@") status=0 s
  [ ${#scenarios[@]} -gt 0 ] || scenarios=("${KILL_SCENARIOS[@]}")
  for s in "${scenarios[@]}"; do kill_scenario "$s" "$trials" || status=1; done
  return $status
}

if [ "${KILL_LIBRARY_ONLY:-0}" != 1 ] && [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -u
  kill_main "$@"
fi
