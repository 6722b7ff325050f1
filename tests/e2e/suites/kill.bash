# sync (Shopify by pages and by bulk jobs, Zendesk) and import (Shopify JSONL, Zendesk bodies)
# killed with SIGKILL at random moments spread over the run, then run again: the store passes
# integrity_check and its data equals an uninterrupted run's, nothing lost or doubled. The trials
# are tests/stress/kill.sh's (100 a scenario there; KILL_TRIALS here, 3 by default, and imports of
# 1,000 orders and 600 tickets: about 45 s on 2 cores). What the comparison leaves out, and why, is
# said at the top of that script.

KILL_LIBRARY_ONLY=1 source "$SHOPKEEP_SOURCE_DIR/tests/stress/kill.sh"
TRIALS=${KILL_TRIALS:-3}

for scenario in "${KILL_SCENARIOS[@]}"; do
TEST "$scenario killed at $TRIALS random moments, then run again: intact and equal to an uninterrupted run"
kill_init "$E2E_ROOT/kill" 1000 || fail "genshop"  # imports of half the size tests/stress/kill.sh uses
summary=$(kill_scenario "$scenario" "$TRIALS") || fail "$summary"
echo "    $summary"
done
