# Security of the syncs, in one place: tokens (Shopify and Zendesk) never in the store, its WAL, any
# message or -v/--verbose output; the store and its -wal/-shm 0600 whatever the umask; plain http only
# to loopback; user-info tricks refused; no redirect to another host (the token would follow); TLS
# verified (a self-signed server refused unless --cacert, SHOPKEEP_CA_BUNDLE or http.ca_bundle names its CA,
# and then only under its own name); bulk downloads private (0600, an unguessable name), and those a
# killed sync left behind removed by the next one. Wrong-token
# exits (3, the secret not in the message) are in the sync suites.

SHOPIFY_FAKE=$SHOPKEEP_SOURCE_DIR/tests/fakes/shopify_fake.py
ZENDESK_FAKE=$SHOPKEEP_SOURCE_DIR/tests/fakes/zendesk_fake.py
NOW=2026-10-01T00:00:00Z
SHOPIFY_SECRET=shpat_S3CRETshopifyT0KEN9
ZENDESK_SECRET=zdS3CRETzendeskT0KEN7
OAUTH_SECRET=oauthS3CRETbearerT0KEN5
CLIENT_SECRET=clientS3CRETvalue3
export SHOPKEEP_SHOPIFY_BULK_BACKOFF_MS=50

make_shop() {  # a small generated shop, once per suite
  if [ ! -d "$E2E_ROOT/shop" ]; then
    "$GENSHOP" --out "$E2E_ROOT/shop" --customers 60 --orders 150 --products 15 --checkouts 20 --tickets 40 --seed 9 || fail "genshop"
  fi
}
start_shopify() {  # start_shopify ARGS...: the fake Shopify with the suite's token; sets SHOPIFY_SHOP
  launch_fake "$SHOPIFY_FAKE" shopify.port --clock $NOW --data "$E2E_ROOT"/shop/shopify/*.jsonl --token $SHOPIFY_SECRET "$@"
  export SHOPIFY_SHOP=http://127.0.0.1:$(cat shopify.port) SHOPIFY_ACCESS_TOKEN=$SHOPIFY_SECRET SHOPKEEP_HTTP_TIMEOUT=2
}
start_zendesk() {  # start_zendesk ARGS...: the fake Zendesk with the suite's token; sets ZENDESK_URL
  launch_fake "$ZENDESK_FAKE" zendesk.port --data "$E2E_ROOT/shop/zendesk" --recent-seconds 1 --token $ZENDESK_SECRET "$@"
  export ZENDESK_URL=http://127.0.0.1:$(cat zendesk.port) ZENDESK_EMAIL=agent@example.com ZENDESK_API_TOKEN=$ZENDESK_SECRET
}
# expect_no_secret FILE...: none of the suite's secrets (nor the base64 of Zendesk's basic
# credentials) appears in the files, binary ones included.
expect_no_secret() {
  local basic secret f
  basic=$(printf '%s' "agent@example.com/token:$ZENDESK_SECRET" | base64 -w0)
  for f in "$@"; do
    [ -e "$f" ] || continue
    for secret in $SHOPIFY_SECRET $ZENDESK_SECRET $OAUTH_SECRET $CLIENT_SECRET "$basic" issued-; do
      grep -aqF -- "$secret" "$f" && fail "$(basename "$f") holds a secret (${secret:0:12}...)"
    done
  done
  return 0
}
expect_no_request() {  # expect_no_request LOG: the fake that wrote LOG was never asked anything
  [ -s "$1" ] && grep -q '^UA' "$1" && fail "a request reached $1: $(grep '^UA' "$1" | head -1)"
  return 0
}
make_cert() {  # make_cert NAME SAN: a self-signed certificate NAME.pem (key NAME.key)
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.pem" -days 2 -subj "/CN=$1" \
    -addext "subjectAltName=$2" >/dev/null 2>&1 || skip_suite "openssl cannot make a certificate"
}

TEST "tokens never reach the store, its WAL, stderr or -v/--verbose output, through faults and retries"
make_shop
start_shopify --fault 500:4 --log shopify.log
start_zendesk --fault 500:4
SHOPKEEP_SHOPIFY_BULK=0 sk -v sync --now $NOW
expect_rc 0
expect_err_contains "retr"  # the faults were met (and told about in -v)
cp stderr.txt sync-v.err
sk --verbose sync shopify --now $NOW  # by bulk jobs, whose downloads must go without the token
expect_rc 0
cp stderr.txt sync-verbose.err
sk status --json
cp stdout.txt status.out
grep -q "a GET (a bulk download) carried the access token" shopify.log && fail "a bulk download carried the token"
# A sync killed mid-run leaves its WAL behind: that is searched too.
SHOPKEEP_SHOPIFY_BULK=0 "$SHOPKEEP" -v --db killed.db --now $NOW sync >killed.out 2>killed.err &
victim=$!
for _ in $(seq 100); do [ -s killed.db-wal ] && break; sleep 0.02; done
kill -9 $victim 2>/dev/null
wait $victim 2>/dev/null
[ -s killed.db-wal ] || fail "the killed sync left no WAL to search"
expect_no_secret store.db store.db-wal killed.db killed.db-wal killed.db-shm killed.out killed.err sync-v.err \
  sync-verbose.err status.out
stop_fakes

TEST "OAuth and client-credentials secrets, wrong ones too, stay out of the store and every message"
make_shop
start_shopify --client-id app --client-secret $CLIENT_SECRET --token-ttl 1.5 --fault expire:9
start_zendesk --oauth-token $OAUTH_SECRET --fault 500:6
unset SHOPIFY_ACCESS_TOKEN ZENDESK_EMAIL ZENDESK_API_TOKEN
export SHOPIFY_CLIENT_ID=app SHOPIFY_CLIENT_SECRET=$CLIENT_SECRET ZENDESK_OAUTH_TOKEN=$OAUTH_SECRET
SHOPKEEP_SHOPIFY_BULK=0 sk -v sync --now $NOW
expect_rc 0
expect_err_contains "renewed the Shopify access token"
cp stderr.txt ok.err
SHOPIFY_CLIENT_SECRET=${CLIENT_SECRET}x ZENDESK_OAUTH_TOKEN=${OAUTH_SECRET}x sk -v sync --now $NOW
expect_rc 3
cp stderr.txt wrong.err
expect_no_secret store.db store.db-wal ok.err wrong.err
stop_fakes

TEST "tokens from the config file stay out of the store and the messages too"
make_shop
start_shopify
start_zendesk
cat > config.toml <<TOML
[shopify]
shop = "$SHOPIFY_SHOP"
access_token = "$SHOPIFY_SECRET"
[zendesk]
url = "$ZENDESK_URL"
email = "agent@example.com"
api_token = "$ZENDESK_SECRET"
TOML
unset SHOPIFY_SHOP SHOPIFY_ACCESS_TOKEN ZENDESK_URL ZENDESK_EMAIL ZENDESK_API_TOKEN
sk --config config.toml -v sync --now $NOW
expect_rc 0
expect_err_contains "synced shopify"
expect_err_contains "synced zendesk"
cp stderr.txt sync.err
expect_no_secret store.db store.db-wal sync.err
stop_fakes

TEST "the store and its -wal and -shm are 0600 (the sync lock too) whatever the umask"
make_shop
start_shopify --restore-rate 300
(umask 000; SHOPKEEP_SHOPIFY_BULK=0 exec "$SHOPKEEP" --db open/store.db --now $NOW sync >/dev/null 2>&1) &
victim=$!
for _ in $(seq 200); do [ -s open/store.db-wal ] && [ -e open/store.db-shm ] && break; sleep 0.02; done
sleep 0.2
kill -9 $victim 2>/dev/null
wait $victim 2>/dev/null
expect_file_mode open 700
for f in open/store.db open/store.db-wal open/store.db-shm open/store.db.sync.lock; do
  [ -e "$f" ] || { fail "$f was not there to check"; continue; }
  expect_file_mode "$f" 600
done
stop_fakes

TEST "a bulk download (the shop's customers) goes to a private temporary file, 0600 under umask 0, then removed"
make_shop
start_shopify --fault bulkslow --slow-seconds 1.5
mkdir tmp
(umask 000; TMPDIR=$PWD/tmp exec "$SHOPKEEP" --now $NOW sync shopify --resources customers >sync.out 2>&1) &
syncing=$!
for _ in $(seq 200); do compgen -G 'tmp/shopkeep-bulk-*' >/dev/null && break; sleep 0.05; done
download=$(compgen -G 'tmp/shopkeep-bulk-*' | head -1)
[ -n "$download" ] || fail "no download file was seen in TMPDIR"
[ -n "$download" ] && expect_file_mode "$download" 600
wait $syncing
expect_eq "$?" 0 "the sync's exit"
expect_eq "$(ls -A tmp)" "" "files left in TMPDIR"
stop_fakes

TEST "a download a killed sync left behind (a day old) goes with the next bulk sync; a recent one stays"
make_shop
start_shopify
mkdir tmp
printf 'stale' > tmp/shopkeep-bulk-customers-Kill01.jsonl
touch -d '2 days ago' tmp/shopkeep-bulk-customers-Kill01.jsonl
printf 'running' > tmp/shopkeep-bulk-customers-Live01.jsonl
printf 'mine' > tmp/notes.jsonl
touch -d '2 days ago' tmp/notes.jsonl
TMPDIR=$PWD/tmp sk -v sync shopify --now $NOW --resources customers
expect_rc 0
expect_err_contains "killed sync left behind"
[ -e tmp/shopkeep-bulk-customers-Kill01.jsonl ] && fail "the day-old download is still there"
[ -e tmp/shopkeep-bulk-customers-Live01.jsonl ] || fail "a recent download (another sync's) was removed"
[ -e tmp/notes.jsonl ] || fail "a file that is not a shopkeep download was removed"
stop_fakes

TEST "plain http only to loopback: other hosts, look-alike names and addresses are usage errors, sent nothing"
make_shop
for url in http://example.com http://localhost.example.com http://127.0.0.1.example.com http://10.0.0.1:8080 \
  http://192.168.1.1 http://[2001:db8::1]:8080; do
  SHOPIFY_SHOP=$url SHOPIFY_ACCESS_TOKEN=$SHOPIFY_SECRET sk sync shopify --now $NOW
  expect_rc 2
  expect_err_contains "loopback"
  ZENDESK_URL=$url ZENDESK_EMAIL=a@b.c ZENDESK_API_TOKEN=$ZENDESK_SECRET sk sync zendesk --now $NOW
  expect_rc 2
  expect_err_contains "loopback"
done

TEST "user-info tricks, line breaks and spaces in endpoint settings are usage errors; nothing is sent"
make_shop
start_shopify --log shopify.log
start_zendesk --log zendesk.log
for url in "http://localhost:1@127.0.0.1:$(cat shopify.port)" "http://127.0.0.1:1@127.0.0.1:$(cat shopify.port)" \
  "http://:@127.0.0.1:$(cat shopify.port)" "https://agent@acme.myshopify.com"; do
  SHOPIFY_SHOP=$url sk sync shopify --now $NOW
  expect_rc 2
  expect_err_contains "user information"
done
for url in "http://localhost:1@127.0.0.1:$(cat zendesk.port)" "http://:@127.0.0.1:$(cat zendesk.port)" \
  "https://agent@acme.zendesk.com"; do
  ZENDESK_URL=$url sk sync zendesk --now $NOW
  expect_rc 2
  expect_err_contains "user information"
done
SHOPIFY_SHOP=$'http://127.0.0.1:'$(cat shopify.port)$'\r\nX-Evil: 1' sk sync shopify --now $NOW
expect_rc 2
SHOPIFY_SHOP="my shop.myshopify.com" sk sync shopify --now $NOW
expect_rc 2
SHOPIFY_ACCESS_TOKEN=$'shpat_test\n' sk sync shopify --now $NOW
expect_rc 2
expect_err_contains "line break"
ZENDESK_API_TOKEN=$'zd\r\nX-Evil: 1' sk sync zendesk --now $NOW
expect_rc 2
expect_no_request shopify.log
expect_no_request zendesk.log
stop_fakes

TEST "a redirect to another host is refused, and that host never sees a request (nor the token)"
make_shop
launch_fake "$SHOPIFY_FAKE" elsewhere-shopify.port --data "$E2E_ROOT"/shop/shopify/*.jsonl --log elsewhere-shopify.log
launch_fake "$ZENDESK_FAKE" elsewhere-zendesk.port --data "$E2E_ROOT/shop/zendesk" --log elsewhere-zendesk.log
start_shopify --redirect-to "http://127.0.0.1:$(cat elsewhere-shopify.port)/admin/api/2026-10/graphql.json"
start_zendesk --redirect-to "http://127.0.0.1:$(cat elsewhere-zendesk.port)"
sk sync shopify --now $NOW
expect_rc 1
expect_err_contains "refused a redirect"
sk sync zendesk --now $NOW
expect_rc 1
expect_err_contains "refused a redirect"
expect_no_request elsewhere-shopify.log
expect_no_request elsewhere-zendesk.log
stop_fakes

TEST "TLS is verified: a self-signed server is refused; trusted through --cacert, SHOPKEEP_CA_BUNDLE or http.ca_bundle"
make_shop
make_cert loopback IP:127.0.0.1,DNS:localhost
start_shopify --tls-cert loopback.pem --tls-key loopback.key
start_zendesk --tls-cert loopback.pem --tls-key loopback.key --log zendesk.log
export SHOPIFY_SHOP=https://127.0.0.1:$(cat shopify.port) ZENDESK_URL=https://127.0.0.1:$(cat zendesk.port)
sk sync shopify --now $NOW --resources shop
expect_rc 1
expect_err_contains "SHOPKEEP_CA_BUNDLE"
sk sync zendesk --now $NOW --resources groups
expect_rc 1
expect_err_contains "SHOPKEEP_CA_BUNDLE"
SHOPKEEP_CA_BUNDLE=$PWD/loopback.pem sk sync --now $NOW
expect_rc 0
printf '[http]\nca_bundle = "%s"\n' "$PWD/loopback.pem" > config.toml
sk --config config.toml sync zendesk --now $NOW --resources groups
expect_rc 0
SHOPKEEP_CA_BUNDLE=$PWD/missing.pem sk sync --now $NOW
expect_rc 2
SHOPKEEP_CA_BUNDLE=$PWD/missing.pem sk sync --now $NOW --cacert loopback.pem --full
expect_rc 0  # the flag beats the env
sk sync zendesk --now $NOW --cacert missing.pem
expect_rc 2
expect_err_contains "--cacert"
# support triage --apply writes to Zendesk over the same verified TLS
sk support triage --now $NOW --apply
expect_rc 1
expect_err_contains "SHOPKEEP_CA_BUNDLE"
sk support triage --now $NOW --apply --cacert loopback.pem
expect_rc 0
[ "$(grep -c '^PUT' zendesk.log)" -ge 1 ] || fail "triage --apply wrote nothing to Zendesk over TLS"
sk support triage --now $NOW --cacert loopback.pem
expect_rc 2
stop_fakes

TEST "TLS checks the name too: a trusted certificate for another host is refused"
make_shop
make_cert other DNS:other.example
start_shopify --tls-cert other.pem --tls-key other.key
start_zendesk --tls-cert other.pem --tls-key other.key
export SHOPIFY_SHOP=https://127.0.0.1:$(cat shopify.port) ZENDESK_URL=https://127.0.0.1:$(cat zendesk.port)
SHOPKEEP_CA_BUNDLE=$PWD/other.pem sk sync shopify --now $NOW --resources shop
expect_rc 1
SHOPKEEP_CA_BUNDLE=$PWD/other.pem sk sync zendesk --now $NOW --resources groups
expect_rc 1
stop_fakes
