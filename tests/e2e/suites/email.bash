# email plan, render, send, log and report against real SMTP servers on loopback (aiosmtpd).

NOW=2026-03-10T12:00:00Z
SINK=$SHOPKEEP_SOURCE_DIR/tests/fakes/smtp_sink.py
"$PYTHON" -c 'import aiosmtpd' 2>/dev/null || skip_suite "python3-aiosmtpd is not installed"

# make_shop [ARGS]: the email fixture shop in the test's store, and a config with every email key
# (holdouts off unless the test asks, so groups are known).
make_shop() {
  "$PYTHON" "$SHOPKEEP_SOURCE_DIR/testdata/email/make_email_shop.py" shop.jsonl "$@"
  "$SHOPKEEP" -q import shopify shop.jsonl
  cat > c.toml <<'TOML'
[carts]
holdout = 0
[email]
holdout = 0
from = "Test Roasters <hello@test-roasters.example>"
reply_to = "care@test-roasters.example"
postal_address = "Test Roasters, 1 Bean Street, 12345 Roastville"
unsubscribe_url = "https://test-roasters.example/unsubscribe?t={{token}}&e={{email}}"
unsubscribe_mailto = "unsubscribe@test-roasters.example"
[email.discount_codes]
percent_10 = "COMEBACK10"
TOML
  export SHOPKEEP_CONFIG=$PWD/c.toml
}
# start_sink NAME [ARGS]: an SMTP server writing into NAME/, its port in $PORT.
start_sink() {
  local name=$1; shift
  launch_fake "$SINK" "$name.port" --out "$name" "$@"
  PORT=$(cat "$name.port")
}
# received NAME: the Message-IDs the server NAME accepted, one a line.
received() {
  "$PYTHON" -c 'import json,sys
for l in open(sys.argv[1]): print(json.loads(l)["message_id"])' "$1/received.jsonl" 2>/dev/null
}
eml_check() {  # eml_check FILE PYTHON: runs the check with `m` (the parsed message) and `raw` (bytes)
  "$PYTHON" - "$1" <<PY || fail "check of $1 failed"
import email, email.policy, sys
raw = open(sys.argv[1], "rb").read()
m = email.message_from_bytes(raw, policy=email.policy.default)
$2
PY
}

TEST "plan: every campaign, with who is left out and why"
make_shop
for c in cart-recovery winback refill cross-sell; do
  sk email plan $c --now $NOW --all --json
  expect_rc 0
  "$PYTHON" - "$c" <<'PY' || fail "$c rows lack keys"
import json, sys
sys.stdin = open("stdout.txt")
keys = {"campaign", "customer_id", "email", "step", "group", "excluded", "reason", "items", "incentive", "planned_at"}
if sys.argv[1] == "cart-recovery": keys |= {"checkout_id", "recovery_url"}
rows = json.load(sys.stdin)
assert rows, "no rows"
for r in rows:
    assert keys <= set(r), (keys - set(r), r)
    assert r["campaign"] == sys.argv[1]
    assert (r["step"] is None) == r["excluded"], r
    assert r["excluded"] or r["group"] in ("treatment", "holdout"), r
PY
  cp stdout.txt "$c.json"
done
who() {  # who CAMPAIGN CUSTOMER: "reason items" of that customer's row
  "$PYTHON" -c 'import json,sys
for r in json.load(open(sys.argv[1] + ".json")):
    if r["customer_id"] == int(sys.argv[2]): print(r["reason"], r["items"], r["incentive"]); break' "$1" "$2"
}
expect_eq "$(who cart-recovery 3)" "due [1] 10%" "cart step 3 of a new customer"
expect_eq "$(who cart-recovery 5)" "no_consent [1] None" "cart without consent"
expect_eq "$(who cart-recovery 6)" "invalid_email [1] None" "cart with an invalid address"
expect_eq "$(who winback 50)" "due [4, 5, 1] none" "winback: a valuable customer slipping away"
expect_eq "$(who winback 51)" "no_consent [] None" "winback without consent"
expect_eq "$(who winback 52)" "active [] None" "winback: an active customer"
expect_eq "$(who refill 60)" "due [1, 2] none" "refill due: the consumables"
expect_eq "$(who refill 64)" "not_consumable [] None" "refill never features a durable good"
expect_eq "$(who cross-sell 70)" "due [2] none" "cross-sell: bought together, not owned"
expect_eq "$(who cross-sell 71)" "ordered_since [] None" "cross-sell after a second order"
expect_eq "$(who cross-sell 72)" "not_due [] None" "cross-sell before the delay"
sk email plan cart-recovery --now $NOW --json
expect_eq "$(json_get '[r["recovery_url"] for r in d if r["customer_id"] == 1][0]')" "https://test-roasters.example/checkouts/1/recover" "recovery_url"
expect_eq "$(json_get 'all(not r["excluded"] for r in d)')" True "without --all only included rows"
sk email plan newsletter
expect_rc 2
expect_err_contains "newsletter"

TEST "plan stores the assignments; a holdout is persistent"
make_shop
printf '[email.winback]\nholdout = 100\n' >> c.toml
sk email plan winback --now $NOW --json
expect_eq "$(json_get 'set(r["group"] for r in d)')" "{'holdout'}" "everyone held out at 100%"
expect_eq "$(json_get 'set(r["reason"] for r in d)')" "{'holdout'}" "reason"
sed -i 's/holdout = 100/holdout = 0/' c.toml
sk email plan winback --now $NOW --json
expect_eq "$(json_get 'set(r["group"] for r in d)')" "{'holdout'}" "stored arms are kept"
expect_eq "$(q "SELECT count(DISTINCT target_key) FROM campaign_plans WHERE campaign = 'winback'")" \
  "$(json_get 'len(d)')" "one plan per person"

TEST "render: one RFC 5322 message per treatment recipient plus manifest.json"
make_shop
sk email render cart-recovery --now $NOW --out mail --json
expect_rc 0
expect_err_contains "Rendered 7 cart-recovery messages into mail"
expect_eq "$(json_get 'len(d)')" 7 "manifest rows on stdout"
"$PYTHON" - <<'PY' || fail "manifest"
import json, os
rows = json.load(open("mail/manifest.json"))
assert len(rows) == 7, len(rows)
for r in rows:
    assert set(r) == {"message_id", "campaign", "customer_id", "email", "step", "subject", "file"}, r
    assert os.path.isfile(os.path.join("mail", r["file"])), r
assert sorted(os.listdir("mail")) == sorted([r["file"] for r in rows] + ["manifest.json"])
PY
for f in mail/*.eml; do
  eml_check "$f" '
assert all(b < 128 for b in raw), "8-bit bytes in the message"
lines = raw.split(b"\r\n")
assert b"\n" not in b"".join(lines), "a bare LF"
assert all(len(l) <= 998 for l in lines)
for h in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "List-Unsubscribe", "List-Unsubscribe-Post"):
    assert m[h], h
assert m.get_content_type() == "multipart/alternative"
parts = list(m.iter_parts())
assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"], parts
for p in parts:
    assert p.get_content_charset() == "utf-8" and p["Content-Transfer-Encoding"] == "quoted-printable"
assert m["From"].addresses[0].addr_spec == "hello@test-roasters.example"
assert m["Reply-To"].addresses[0].addr_spec == "care@test-roasters.example"
lu = str(m["List-Unsubscribe"])
assert lu.startswith("<https://test-roasters.example/unsubscribe?t=") and "<mailto:unsubscribe@test-roasters.example?subject=unsubscribe>" in lu, lu
assert m["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
assert m["Message-ID"].startswith("<") and m["Message-ID"].endswith("@test-roasters.example>")
text, html = parts[0].get_content(), parts[1].get_content()
assert "Test Roasters, 1 Bean Street" in text and "Test Roasters, 1 Bean Street" in html
url = lu[1:lu.index(">")]
assert url in text and url.replace("&", "&amp;") in html, "unsubscribe link in both parts"
'
done
f=mail/checkout-3-step-3.eml
eml_check $f '
text, html = [p.get_content() for p in m.iter_parts()]
assert "https://test-roasters.example/checkouts/3/recover" in text
assert "href=\"https://test-roasters.example/checkouts/3/recover\"" in html
assert "Espresso Beans" in text and "500g" in html and "\u20ac24.00" in text, text
assert "10% off" in str(m["Subject"]) and "COMEBACK10" in text and "COMEBACK10" in html
assert "https://test-roasters.example/products/espresso-beans" in html
'
expect_eq "$(q "SELECT count(*) FROM email_log WHERE status = 'rendered'")" 7 "rendered messages in the log"

TEST "hostile first names neither inject a header nor survive unescaped in HTML"
make_shop
sk email render cart-recovery --now $NOW --out mail
expect_rc 0
eml_check mail/checkout-2-step-2.eml '
head = raw.split(b"\r\n\r\n")[0]
assert not any(l.lower().startswith(b"bcc") for l in head.split(b"\r\n")), head
assert m["Bcc"] is None and m["Cc"] is None
to = m["To"].addresses
assert len(to) == 1 and to[0].addr_spec == "c2@shop.test", to
assert "\r" not in to[0].display_name and "\n" not in to[0].display_name, repr(to[0].display_name)
assert "\n" not in str(m["Subject"]) and "\r" not in str(m["Subject"])
'
eml_check mail/checkout-3-step-3.eml '
text, html = [p.get_content() for p in m.iter_parts()]
assert "<script" not in html.lower(), "a script tag in the HTML part"
assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
assert "Hi <script>alert(1)</script>," in text, "text is not HTML-escaped"
assert "<script>" in str(m["Subject"]) or "script" in m["To"].addresses[0].display_name
'
eml_check mail/checkout-4-step-1.eml '
subject_raw = [l for l in raw.split(b"\r\n") if l.startswith(b"Subject:")][0]
assert b"=?utf-8?" in subject_raw.lower(), subject_raw
assert str(m["Subject"]).startswith("Zo\u00eb, your cart"), str(m["Subject"])
assert m["To"].addresses[0].display_name == "Zo\u00eb"
text = list(m.iter_parts())[0].get_content()
assert "Hi Zo\u00eb," in text
'

TEST "render twice: the same Message-IDs and the same bytes"
make_shop
sk email render winback --now $NOW --out a
sk email render winback --now $NOW --out b
expect_rc 0
diff -r a b >/dev/null || fail "two renders differ"
sk email render winback --now $NOW --out a --limit 2
expect_eq "$(ls a | wc -l)" 3 "--limit 2: two messages and the manifest, old files replaced"

TEST "templates: --templates overrides file by file; a missing variable names template and variable"
make_shop
mkdir -p mine/email/refill
printf 'Refill for {{first_name}} from {{shop.name}}\n' > mine/email/refill/subject.mustache
sk email render refill --now $NOW --out mail --templates mine
expect_rc 0
"$PYTHON" -c 'import json; s=[r["subject"] for r in json.load(open("mail/manifest.json"))]; assert all(x.startswith("Refill for ") and x.endswith(" from Test Roasters") for x in s), s' || fail "override subject not used"
grep -q "Time for a refill" mail/*.eml || fail "the default html/text templates were not used for the rest"
printf 'Hello {{frist_name}}\n' > mine/email/refill/subject.mustache
sk email render refill --now $NOW --out mail2 --templates mine
expect_rc 2
expect_err_contains "mine/email/refill/subject.mustache"
expect_err_contains "frist_name"
[ ! -e mail2 ] || fail "a failed render left an output folder"
mkdir -p flat/winback && printf '{{> nosuch}}\n' > flat/winback/text.mustache
sk email render winback --now $NOW --templates flat
expect_rc 2
expect_err_contains "partial 'nosuch'"

TEST "render needs a sender, a postal address and a way to unsubscribe"
make_shop
sed -i '/^postal_address/d' c.toml
sk email render cart-recovery --now $NOW
expect_rc 2
expect_err_contains "email.postal_address"
sed -i '/^from = /d' c.toml
sk email render cart-recovery --now $NOW
expect_rc 2
expect_err_contains "email.from"

TEST "send: every treatment message exactly once, parsed back; a re-run sends nothing"
make_shop
start_sink sink
sk email send cart-recovery --now $NOW --smtp smtp://127.0.0.1:$PORT --rate 0 --json
expect_rc 0
expect_eq "$(json_get '[d[k] for k in ("campaign", "planned", "sent", "skipped", "failed", "unknown", "dry_run")]')" \
  "['cart-recovery', 7, 6, 1, 0, 0, False]" "counts (customer 8's second cart waits for the frequency cap)"
expect_eq "$(received sink | sort)" "$(q "SELECT '<' || message_id || '>' FROM email_log WHERE status = 'sent' ORDER BY 1")" \
  "the server got exactly the messages logged as sent"
expect_eq "$(q "SELECT count(*) FROM email_log WHERE status = 'sent' AND smtp_reply LIKE '250 %queued as sink-%'")" 6 \
  "the server's reply is kept"
"$PYTHON" - <<'PY' || fail "received messages"
import email, email.policy, json
seen = {}
for l in open("sink/received.jsonl"):
    r = json.loads(l)
    m = email.message_from_binary_file(open("sink/" + r["file"], "rb"), policy=email.policy.default)
    to = m["To"].addresses[0].addr_spec
    assert r["mail_from"] == "hello@test-roasters.example", r
    assert r["rcpt_tos"] == [to], r
    assert [p.get_content_type() for p in m.iter_parts()] == ["text/plain", "text/html"]
    seen[to] = seen.get(to, 0) + 1
assert seen == {"c1@shop.test": 1, "c2@shop.test": 1, "c3@shop.test": 1, "c4@shop.test": 1, "c8@shop.test": 1,
                "reject-me@shop.test": 1}, seen
PY
sk email send cart-recovery --now $NOW --smtp smtp://127.0.0.1:$PORT --rate 0 --json
expect_rc 0
expect_eq "$(json_get 'd["sent"]')" 0 "a re-run sends nothing"
expect_eq "$(received sink | wc -l)" 6 "still six messages on the server"
sk email send cart-recovery --now 2026-03-11T13:00:00Z --smtp smtp://127.0.0.1:$PORT --rate 0 --json
expect_eq "$(json_get 'd["sent"]')" 4 "a day later: the next due steps and customer 8's other cart"
sk email log --json
expect_eq "$(json_get 'sorted(set(r["status"] for r in d))')" "['sent']" "every message in the log is sent"
for key in message_id campaign customer_id email step status smtp_reply error created_at sent_at; do
  expect_eq "$(json_get "all('$key' in r for r in d)")" True "log field $key"
done
sk email log --email C1@shop.test --json
expect_eq "$(json_get 'sorted(r["step"] for r in d)')" "[1, 2]" "--email matches normalised"
sk email log --status bogus
expect_rc 2

TEST "a 550 for one recipient is recorded, the rest go out, exit 4; it is not retried"
make_shop
start_sink sink --reject reject-me
sk email send cart-recovery --now $NOW --smtp smtp://127.0.0.1:$PORT --rate 0 --json
expect_rc 4
expect_eq "$(json_get '[d["sent"], d["failed"]]')" "[5, 1]" "sent and failed"
expect_err_contains "reject-me@shop.test: refused by the SMTP server: 550"
expect_err_contains "1 of 7 messages failed"
expect_eq "$(q "SELECT status || ' ' || substr(smtp_reply, 1, 3) FROM email_log WHERE recipient = 'reject-me@shop.test'")" \
  "failed 550" "logged"
sk email log --status failed --json
expect_eq "$(json_get '[r["email"] for r in d]')" "['reject-me@shop.test']" "email log --status failed"
sk email send cart-recovery --now $NOW --smtp smtp://127.0.0.1:$PORT --rate 0 --json
expect_rc 0
expect_eq "$(json_get 'd["planned"]')" 0 "a permanent refusal is not tried again"
sk email plan cart-recovery --now $NOW --all --json
expect_eq "$(json_get '[r["reason"] for r in d if r["customer_id"] == 7][0]')" "refused" "plan says why"

TEST "a 451 is retried with backoff and the message goes once"
make_shop
start_sink sink --transient 1
sk email send winback --now $NOW --smtp smtp://127.0.0.1:$PORT --rate 0 --limit 1 --json -v
expect_rc 0
expect_eq "$(json_get '[d["sent"], d["failed"]]')" "[1, 0]" "sent after a retry"
expect_err_contains "451 4.3.0 try again later"
expect_err_contains "retrying in"
expect_eq "$(received sink | wc -l)" 1 "one message on the server"

TEST "STARTTLS required by the server: verified against a CA, AUTH from SMTP_USERNAME/SMTP_PASSWORD"
make_shop
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 2 -subj /CN=localhost \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null || fail "openssl could not make a certificate"
start_sink tls --starttls cert.pem key.pem --auth shop:s3cret-pw
SMTP_USERNAME=shop SMTP_PASSWORD=s3cret-pw sk email send refill --now $NOW --smtp smtp://127.0.0.1:$PORT --rate 0 -v
expect_rc 1
expect_err_contains "TLS"
[[ "$ERR" != *s3cret-pw* ]] || fail "the password appeared on stderr"
sed -i "s|^\[email\]|[email]\nsmtp_ca_file = \"$PWD/cert.pem\"|" c.toml
SMTP_USERNAME=shop SMTP_PASSWORD=wrong sk email send refill --now $NOW --smtp smtp://localhost:$PORT --rate 0
expect_rc 3
expect_err_contains "refused the credentials"
SMTP_USERNAME=shop SMTP_PASSWORD=s3cret-pw sk email send refill --now $NOW --smtp smtp://localhost:$PORT --rate 0 --json -v
expect_rc 0
[ "$(received tls | wc -l)" -ge 5 ] || fail "refill messages did not arrive over STARTTLS"
expect_eq "$(json_get 'd["sent"]')" "$(received tls | wc -l)" "sent over STARTTLS with AUTH"
[[ "$ERR" != *s3cret-pw* ]] || fail "the password appeared on stderr with -v"
[ "$(q "SELECT count(*) FROM email_log WHERE coalesce(error, '') || coalesce(smtp_reply, '') LIKE '%s3cret%'")" = 0 ] ||
  fail "the password is in the store"

TEST "smtps:// is TLS from the first byte, verified"
make_shop
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 2 -subj /CN=localhost \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null || fail "openssl could not make a certificate"
start_sink tls --tls cert.pem key.pem
sk email send cross-sell --now $NOW --smtp smtps://localhost:$PORT --rate 0
expect_rc 1
expect_err_contains "TLS"
sk email send cross-sell --now $NOW --smtp smtps://localhost:$PORT --rate 0 --cacert missing.pem
expect_rc 2
expect_err_contains "--cacert"
SMTP_CA_FILE=$PWD/missing.pem sk email send cross-sell --now $NOW --smtp smtps://localhost:$PORT --rate 0 --json \
  --cacert cert.pem --limit 1
expect_rc 0
expect_eq "$(json_get 'd["sent"]')" 1 "sent over implicit TLS, the CA named by --cacert (which beats SMTP_CA_FILE)"
SMTP_CA_FILE=$PWD/cert.pem sk email send cross-sell --now $NOW --smtp smtps://localhost:$PORT --rate 0 --json
expect_rc 0
expect_eq "$(json_get 'd["sent"]')" 1 "sent over implicit TLS, the CA named by SMTP_CA_FILE"
expect_eq "$(received tls | wc -l)" 2 "received"

TEST "smtp:// to a host that is not loopback must offer STARTTLS; bad URLs are usage errors"
make_shop
ip=$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+\.' | grep -v '^127\.' | head -1)
if [ -n "$ip" ]; then
  start_sink plain --host "$ip"
  sk email send winback --now $NOW --smtp "smtp://$ip:$PORT" --rate 0 --limit 1
  expect_rc 1
  expect_err_contains "STARTTLS"
  expect_eq "$(received plain | wc -l)" 0 "nothing went in clear text"
else
  echo "    (no non-loopback address here: the STARTTLS policy is covered by the unit tests)"
fi
sk email send winback --now $NOW --smtp http://127.0.0.1:25
expect_rc 2
expect_err_contains "smtp or smtps"
sk email send winback --now $NOW --smtp smtp://user:pw@127.0.0.1:25
expect_rc 2
expect_err_contains "credentials do not belong in the URL"
sk email send winback --now $NOW
expect_rc 2
expect_err_contains "--smtp"

TEST "consent and suppression are checked again at send time; --dry-run sends and records nothing"
make_shop
sk customer forget c1@shop.test
start_sink sink
sk email send cart-recovery --now $NOW --smtp smtp://127.0.0.1:$PORT --dry-run --json
expect_rc 0
expect_eq "$(json_get '[d["dry_run"], d["sent"], d["would_send"], d["skipped"]]')" "[True, 0, 6, 0]" "dry-run counts"
expect_eq "$(received sink | wc -l)" 0 "nothing sent"
expect_eq "$(q 'SELECT (SELECT count(*) FROM email_log) + (SELECT count(*) FROM campaign_plans) + (SELECT count(*) FROM holdout)')" \
  0 "nothing recorded"
sk email send cart-recovery --now $NOW --dry-run --json
expect_rc 0
sk email send cart-recovery --now $NOW --smtp smtp://127.0.0.1:$PORT --rate 0 --json
expect_eq "$(json_get 'd["sent"]')" 5 "the forgotten customer gets nothing"
expect_eq "$(q "SELECT count(*) FROM email_log WHERE recipient = 'c1@shop.test'")" 0 "nor a log row"

TEST "--limit and --rate"
make_shop
start_sink sink
sk email send refill --now $NOW --smtp smtp://127.0.0.1:$PORT --rate 0 --limit 2 --json
expect_eq "$(json_get '[d["planned"], d["sent"]]')" "[2, 2]" "--limit 2"
start=$(date +%s.%N)
sk email send refill --now $NOW --smtp smtp://127.0.0.1:$PORT --rate 120 --limit 3 --json
elapsed=$("$PYTHON" -c "print($(date +%s.%N) - $start)")
expect_eq "$(json_get 'd["sent"]')" 3 "three more"
"$PYTHON" -c "assert $elapsed >= 0.95, $elapsed" || fail "--rate 120 sent 3 messages in $elapsed s (at least 1 s expected)"
sk email send refill --now $NOW --smtp smtp://127.0.0.1:$PORT --rate -1
expect_rc 2

TEST "an answer lost after the message went leaves unknown: listed, never resent unless asked"
make_shop
start_sink sink --drop 2
sk email send cross-sell --now $NOW --smtp smtp://127.0.0.1:$PORT --rate 0 --json
expect_eq "$(json_get '[d["sent"], d["unknown"]]')" "[1, 1]" "the dropped answer leaves unknown"
expect_err_contains "delivery unknown"
"$PYTHON" -c 'import sqlite3; c = sqlite3.connect("store.db"); c.execute("UPDATE email_log SET status = ? WHERE status = ?", ("sending", "sent")); c.commit()'
sk email log --status unknown --json
expect_eq "$(json_get 'len(d)')" 2 "a 'sending' row left by a dead send reads unknown"
expect_eq "$(json_get 'all(r["error"] for r in d)')" True "with the reason"
sk email send cross-sell --now $NOW --smtp smtp://127.0.0.1:$PORT --rate 0 --json
expect_eq "$(json_get '[d["sent"], d["unknown"]]')" "[0, 2]" "not resent silently"
sk email send cross-sell --now $NOW --smtp smtp://127.0.0.1:$PORT --rate 0 --resend-unknown --json
expect_eq "$(json_get '[d["sent"], d["unknown"]]')" "[2, 0]" "--resend-unknown resends"

TEST "report: treatment vs holdout per campaign, and it agrees with carts report"
make_shop --bulk 80
sed -i 's/^holdout = 0/holdout = 50/' c.toml
start_sink sink
sk email send cart-recovery --now $NOW --smtp smtp://127.0.0.1:$PORT --rate 0 --json
expect_rc 0
"$PYTHON" - <<'PY'
import json, sqlite3
db = sqlite3.connect("store.db")
rows = db.execute("SELECT customer_id, arm FROM campaign_plans WHERE campaign = 'cart-recovery' ORDER BY customer_id").fetchall()
with open("later.jsonl", "w") as out:
    for i, (cid, arm) in enumerate(rows):
        if (arm == "treatment" and i % 2 == 0) or (arm == "holdout" and i % 5 == 0):
            out.write(json.dumps({"id": "gid://shopify/Order/%d" % (900000 + i), "processedAt": "2026-03-11T09:00:00Z",
                                  "updatedAt": "2026-03-11T09:00:00Z", "test": False,
                                  "customer": {"id": "gid://shopify/Customer/%d" % cid},
                                  "totalPriceSet": {"shopMoney": {"amount": "30.00", "currencyCode": "EUR"}},
                                  "totalDiscountsSet": {"shopMoney": {"amount": "3.00", "currencyCode": "EUR"}}}) + "\n")
PY
"$SHOPKEEP" -q import shopify later.jsonl
sk email report --now 2026-03-20T00:00:00Z --json
expect_rc 0
expect_eq "$(json_get '[r["campaign"] for r in d]')" "['cart-recovery', 'winback', 'refill', 'cross-sell']" "one row per campaign"
for key in treatment holdout currency uplift_absolute uplift_relative p_value ci_low ci_high incremental_revenue discount_cost conclusive; do
  expect_eq "$(json_get "'$key' in d[0]")" True "report field $key"
done
expect_eq "$(json_get 'sorted(d[0]["treatment"].keys())')" "['converted', 'rate', 'recipients', 'revenue', 'revenue_per_recipient']" "group fields"
echo "$OUT" > email_report.json
sk carts report --now 2026-03-20T00:00:00Z --json
"$PYTHON" - <<'PY' || fail "email report and carts report disagree"
import json
e = json.load(open("email_report.json"))[0]
c = json.load(open("stdout.txt"))
for arm in ("treatment", "holdout"):
    assert e[arm]["recipients"] == c[arm]["checkouts"], (arm, e[arm], c[arm])
    assert e[arm]["converted"] == c[arm]["recovered"], (arm, e[arm], c[arm])
    assert e[arm]["revenue"] == c[arm]["revenue"], (arm, e[arm], c[arm])
for k in ("uplift_absolute", "uplift_relative", "p_value", "ci_low", "ci_high", "conclusive"):
    assert e[k] == c[k], (k, e[k], c[k])
assert e["treatment"]["recipients"] >= 30 and e["holdout"]["recipients"] >= 20, e
assert e["treatment"]["converted"] > 0 and e["holdout"]["converted"] > 0, e
import sqlite3
offered = {r[0] for r in sqlite3.connect("store.db").execute(
    "SELECT customer_id FROM campaign_plans WHERE campaign = 'cart-recovery' AND arm = 'treatment' AND incentive <> 'none'")}
bought = {json.loads(l)["customer"]["id"].rsplit("/", 1)[1] for l in open("later.jsonl")}
expected = 3 * len({str(c) for c in offered} & bought)
assert e["discount_cost"] == "%d.00" % expected, (e["discount_cost"], expected)
PY
sk email report --campaign winback --json
expect_eq "$(json_get 'd[0]["note"]')" \
  "too few recipients to conclude: at least 30 in each group are needed (treatment 0, holdout 0)" "said in words"
sk email report --window 1h --now 2026-03-20T00:00:00Z --json
expect_eq "$(json_get 'd[0]["treatment"]["converted"]')" 0 "a 1h window leaves the next-day orders out"
sk email report --format csv
expect_rc 0
expect_out_contains "treatment.recipients"

TEST "report and log on an unknown campaign say so and list the known ones"
make_shop
sk email report --campaign nope --json
expect_rc 2
expect_err_contains "no such campaign 'nope'"
expect_err_contains "known: cart-recovery, winback, refill, cross-sell"
sk email report --campaign winbak
expect_rc 2
expect_err_contains "did you mean 'winback'?"
sk email log --campaign nope
expect_rc 2
expect_err_contains "no such campaign 'nope'"
sk email plan nope
expect_rc 2
expect_err_contains "no such campaign 'nope' (known: cart-recovery, winback, refill, cross-sell)"
sk email report --campaign winback --json
expect_rc 0
