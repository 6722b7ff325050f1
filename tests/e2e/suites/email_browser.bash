# A rendered HTML message in a real browser (headless Chromium) at phone and desktop width: it
# renders, fills the width without overflowing it, and the screenshots are kept when
# SHOPKEEP_ARTIFACTS names a folder.

NOW=2026-03-10T12:00:00Z
source "$SHOPKEEP_SOURCE_DIR/tests/e2e/browser.bash"

TEST "one rendered HTML message at 375 and 1200 px"
"$PYTHON" "$SHOPKEEP_SOURCE_DIR/testdata/email/make_email_shop.py" shop.jsonl
"$SHOPKEEP" -q import shopify shop.jsonl
cat > c.toml <<'TOML'
[carts]
holdout = 0
[email]
from = "Test Roasters <hello@test-roasters.example>"
postal_address = "Test Roasters, 1 Bean Street, 12345 Roastville"
unsubscribe_url = "https://test-roasters.example/unsubscribe?t={{token}}"
[email.discount_codes]
percent_10 = "COMEBACK10"
TOML
sk --config c.toml email render cart-recovery --now $NOW --out mail
expect_rc 0
# The message as a mail client shows it: its HTML part, plus a probe that writes what the browser
# measured into the page (the probe is the test's, never part of the message).
"$PYTHON" - <<'PY' || fail "no HTML part"
import email, email.policy
m = email.message_from_binary_file(open("mail/checkout-3-step-3.eml", "rb"), policy=email.policy.default)
html = m.get_body(("html",)).get_content()
open("message.html", "w").write(html)
probe = """<script>window.addEventListener('load', function () {
  var d = document.documentElement;
  document.body.setAttribute('data-probe', JSON.stringify({scroll: d.scrollWidth, inner: window.innerWidth,
    container: document.querySelector('.container').getBoundingClientRect().width}));
});</script></body>"""
open("probe.html", "w").write(html.replace("</body>", probe))
PY
for width in 375 1200; do
  expect_screenshot $width shot-$width.png "file://$PWD/message.html" || continue
  chromium_run $width --dump-dom "file://$PWD/probe.html" > dom-$width.html
  "$PYTHON" - dom-$width.html $width <<'PY' || fail "layout at $width px"
import html, json, re, sys
dom = open(sys.argv[1]).read()
found = re.search(r'data-probe="([^"]*)"', dom)
assert found, "the probe did not run"
p = json.loads(html.unescape(found.group(1)))
width = int(sys.argv[2])
assert p["scroll"] <= p["inner"], "wider than the window: %s" % p   # no sideways scrolling on a phone
if width < 600:
    assert p["container"] >= width - 40, "the message does not use the phone's width: %s" % p
else:
    assert 560 <= p["container"] <= 620, "the message is not a 600 px column on a desktop: %s" % p
PY
done
if [ -n "${SHOPKEEP_ARTIFACTS:-}" ]; then
  mkdir -p "$SHOPKEEP_ARTIFACTS" && cp shot-375.png shot-1200.png "$SHOPKEEP_ARTIFACTS/"
fi
