# import zendesk: Zendesk API response bodies into the store, all or nothing.

DATA=$SHOPKEEP_SOURCE_DIR/testdata/zendesk
ALL=("$DATA/users.json" "$DATA/tickets.json" "$DATA/ticket_events.json" "$DATA/satisfaction_ratings.json")

dump_store() { dump_tables zendesk_users tickets ticket_comments ticket_metrics satisfaction_ratings; }

TEST "each kind of body fills its table"
sk import zendesk "${ALL[@]}"
expect_rc 0
expect_err_contains "imported 4 documents"
expect_eq "$(q 'SELECT count(*) FROM zendesk_users')" 3 users
expect_eq "$(q 'SELECT count(*) FROM tickets')" 3 tickets
expect_eq "$(q 'SELECT count(*) FROM ticket_metrics')" 1 "metric sets"
expect_eq "$(q 'SELECT count(*) FROM ticket_comments')" 3 "comments (not the Create or Change events)"
expect_eq "$(q 'SELECT count(*) FROM satisfaction_ratings')" 1 ratings
expect_eq "$(q 'SELECT public FROM ticket_comments WHERE id = 81004')" 0 "private note"
expect_eq "$(q 'SELECT ticket_id || "/" || author_id || "/" || created_at FROM ticket_comments WHERE id = 81003')" "501/9002/2025-02-03T10:35:00Z" "comment fields"
expect_eq "$(q 'SELECT channel || " " || priority || " " || created_at FROM tickets WHERE id = 502')" "web high 2025-02-10T08:00:00Z" "ticket fields, time in UTC"
expect_eq "$(q 'SELECT reply_time_calendar_minutes || " " || replies FROM ticket_metrics WHERE ticket_id = 501')" "95 1" "metrics"
expect_eq "$(q 'SELECT score FROM satisfaction_ratings')" good score

TEST "a deleted ticket is marked, not dropped; an inactive user is marked"
sk import zendesk "${ALL[@]}"
expect_eq "$(q 'SELECT deleted_at FROM tickets WHERE id = 503')" "2025-03-05T09:00:00Z" "deleted_at"
expect_eq "$(q 'SELECT deleted_at FROM zendesk_users WHERE id = 9003')" "2025-03-01T00:00:00Z" "inactive user"

TEST "a re-import changes nothing but synced_at; an older version never overwrites"
sk import zendesk "${ALL[@]}"
dump_store > first.txt
sk import zendesk "${ALL[@]}" "$DATA/tickets_older.json"
expect_rc 0
expect_err_contains "tickets 3 unchanged, 1 older skipped"
expect_err_contains "(nothing changed)"
dump_store > second.txt
cmp -s first.txt second.txt || fail "store changed: $(diff first.txt second.txt | head -5)"

TEST "json summary"
sk import zendesk "$DATA/tickets.json" --json
expect_eq "$(json_get 'd["written"]["tickets"]')" 3 tickets
expect_eq "$(json_get 'd["written"]["ticket_metrics"]')" 1 metrics

TEST "bad JSON names file and line; the store is left as it was"
sk import zendesk "$DATA/users.json"
before=$(dump_store)
printf '{"tickets": [\n {"id": 1,\n oops}\n]}\n' > bad.json
sk import zendesk "$DATA/tickets.json" bad.json
expect_rc 1
expect_err_contains "bad.json:3: invalid JSON"
expect_eq "$(dump_store)" "$before" "store after a failed import"

TEST "an unknown body, a comments page and a bad item"
echo '{"macros": []}' > macros.json
sk import zendesk macros.json
expect_rc 1
expect_err_contains "not a Zendesk response body I know (top-level keys: macros)"
echo '{"comments": [{"id": 1, "body": "x"}]}' > comments.json
sk import zendesk comments.json
expect_rc 1
expect_err_contains "carry no ticket id"
echo '{"tickets": [{"id": 7, "created_at": "last week"}]}' > badtime.json
sk import zendesk badtime.json
expect_rc 1
expect_err_contains "badtime.json: tickets[0] (id 7): field created_at: invalid time"
echo '{"users": [{"name": "no id"}]}' > noid.json
sk import zendesk noid.json
expect_rc 1
expect_err_contains "users[0]: no usable id"

TEST "a missing file is a usage error"
sk import zendesk "$DATA/users.json" missing.json
expect_rc 2
expect_err_contains "missing.json"
expect_eq "$(q 'SELECT count(*) FROM zendesk_users')" 0 users

TEST "the reference offset pages from go-zendesk"
sk import zendesk "$SHOPKEEP_REFERENCE/zendesk/gozendesk_tickets_offset_page.json" "$SHOPKEEP_REFERENCE/zendesk/gozendesk_users_offset_page.json"
expect_rc 0
[ "$(q 'SELECT count(*) FROM tickets')" -gt 0 ] || fail "no tickets from the reference page"
[ "$(q 'SELECT count(*) FROM zendesk_users')" -gt 0 ] || fail "no users from the reference page"

TEST "people: a Shopify customer and a Zendesk user with the same email are one person"
printf '%s\n' '{"id":"gid://shopify/Customer/1","defaultEmailAddress":{"emailAddress":"Ann@Example.com "}}' > c.jsonl
"$SHOPKEEP" -q import shopify c.jsonl
sk import zendesk "$DATA/users.json"
expect_eq "$(q "SELECT customer_id || '/' || zendesk_user_id FROM people WHERE email = 'ann@example.com'")" "1/9001" "joined person"
expect_eq "$(q "SELECT count(*) FROM people WHERE email = 'ann@example.com'")" 1 "one row"
sk customer show ann@example.com --json
expect_eq "$(json_get 'd["zendesk_user_id"]')" 9001 "profile joins Zendesk"

TEST "customer show counts tickets and CSAT; forget removes the Zendesk side too"
printf '%s\n' '{"id":"gid://shopify/Customer/1","defaultEmailAddress":{"emailAddress":"ann@example.com"}}' > c.jsonl
"$SHOPKEEP" -q import shopify c.jsonl
"$SHOPKEEP" -q import zendesk "${ALL[@]}"
sk customer show ann@example.com --json
expect_eq "$(json_get 'd["tickets"]')" 2 tickets
expect_eq "$(json_get 'd["open_tickets"]')" 1 "open tickets"
expect_eq "$(json_get 'd["csat"]')" 1.0 csat
sk customer forget ann@example.com --json
expect_rc 0
expect_eq "$(q 'SELECT count(*) FROM tickets WHERE requester_id = 9001')" 0 "their tickets"
expect_eq "$(q 'SELECT count(*) FROM ticket_comments WHERE ticket_id IN (501, 502)')" 0 "comments on their tickets"
expect_eq "$(q 'SELECT count(*) FROM zendesk_users WHERE id = 9002')" 1 "the agent stays"
sk import zendesk "${ALL[@]}" --json
expect_eq "$(q 'SELECT count(*) FROM tickets WHERE requester_id = 9001')" 0 "tickets after re-import"
expect_eq "$(q 'SELECT count(*) FROM zendesk_users WHERE id = 9001')" 0 "user after re-import"
expect_eq "$(q 'SELECT count(*) FROM satisfaction_ratings')" 0 "rating after re-import"

TEST "metrics inside the tickets (the cursor export's metric_set), organizations, groups and CSAT survey responses"
sk import zendesk "$DATA/users.json" "$DATA/tickets_metric_set.json" "$DATA/organizations.json" "$DATA/groups.json" \
  "$DATA/survey_responses.json"
expect_rc 0
expect_eq "$(q 'SELECT reply_time_calendar_minutes || " " || replies FROM ticket_metrics WHERE ticket_id = 601')" "42 1" "metric_set"
expect_eq "$(q 'SELECT o.name || " / " || g.name FROM tickets t JOIN zendesk_organizations o ON o.id = t.organization_id JOIN zendesk_groups g ON g.id = t.group_id')" \
  "Northwind Cafés / Wholesale" "ticket's organization and group"
expect_eq "$(q 'SELECT deleted_at FROM zendesk_organizations WHERE id = 7002')" "2025-02-01T00:00:00Z" "deleted organization"
expect_eq "$(q 'SELECT ticket_id || " " || requester_id || " " || rating || " " || score || " " || comment || " " || created_at FROM csat_responses')" \
  "601 9001 2 bad Still waiting. 2025-04-02T12:00:00Z" "survey response"
sk customer forget ann@example.com
expect_rc 0
expect_eq "$(q 'SELECT count(*) FROM csat_responses')" 0 "the forgotten person's survey response"

TEST "a Shopify JSONL file given to import zendesk names the command to use; nothing is written"
SDATA=$SHOPKEEP_SOURCE_DIR/testdata/shopify
sk import zendesk "$DATA/users.json" "$SDATA/small_shop.jsonl"
expect_rc 2
expect_err_contains "$SDATA/small_shop.jsonl: this looks like a Shopify export: use 'shopkeep import shopify $SDATA/small_shop.jsonl'"
head -1 "$SDATA/small_shop.jsonl" > one.jsonl
sk import zendesk one.jsonl
expect_rc 2
expect_err_contains "use 'shopkeep import shopify one.jsonl'"
expect_eq "$(q 'SELECT count(*) FROM zendesk_users')" 0 "users written"

TEST "the summary says what changed: inserted, then unchanged, then updated"
sk import zendesk "$DATA/users.json" --json
expect_eq "$(json_get 'd["tables"]["zendesk_users"]')" "{'inserted': 3, 'updated': 0, 'unchanged': 0, 'older_skipped': 0}" "first import"
sk import zendesk "$DATA/users.json" --json
expect_eq "$(json_get 'd["tables"]["zendesk_users"]')" "{'inserted': 0, 'updated': 0, 'unchanged': 3, 'older_skipped': 0}" "the same again"
sed 's/"name": *"\([^"]*\)"/"name": "\1 (renamed)"/' "$DATA/users.json" > renamed.json
sk import zendesk renamed.json
expect_rc 0
expect_err_contains "zendesk_users 3 updated"
