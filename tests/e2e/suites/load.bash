# Two syncs and five readers on one store at once against fakes that fail 15% of requests, while
# the shop's data grows and changes: no row lost or doubled, no "database is locked", every reader
# exit 0 (tests/stress/load.sh, 600 s there; LOAD_SECONDS here, 15 by default: about 40 s in all).

TEST "two syncs and five readers at once, 15% faults, data changing: nothing lost, doubled or locked"
summary=$(bash "$SHOPKEEP_SOURCE_DIR/tests/stress/load.sh" "$SHOPKEEP_BUILD_DIR" "${LOAD_SECONDS:-15}" 2>&1) || fail "$summary"
echo "$summary" | sed 's/^/    /'
