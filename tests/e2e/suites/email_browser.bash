# A rendered HTML message in a real browser (headless Chromium) at phone and desktop width: it
# renders, fills the width without overflowing it, and the screenshots are kept when
# SHOPKEEP_ARTIFACTS names a folder.

NOW=2026-03-10T12:00:00Z
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || skip_suite "chromium is not installed"

chromium_run() {  # chromium_run WIDTH ARGS...
  local width=$1; shift
  timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
    --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$PWD/chrome-profile" --window-size="$width,1400" "$@" \
    2>>chromium.log
}

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
  chromium_run $width --screenshot="$PWD/shot-$width.png" "file://$PWD/message.html" >/dev/null
  [ -s shot-$width.png ] || { fail "no screenshot at $width px: $(tail -3 chromium.log)"; continue; }
  "$PYTHON" - shot-$width.png $width <<'PY' || fail "screenshot at $width px"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
width, height = struct.unpack(">II", data[16:24])
assert width == int(sys.argv[2]), (width, sys.argv[2])
idat, i = b"", 8
while i < len(data):
    n = struct.unpack(">I", data[i:i + 4])[0]
    if data[i + 4:i + 8] == b"IDAT": idat += data[i + 8:i + 8 + n]
    i += 12 + n
pixels = zlib.decompress(idat)
assert len(set(pixels)) > 20, "a blank screenshot"
PY
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
