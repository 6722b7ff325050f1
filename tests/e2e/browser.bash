# Headless Chromium for the suites that check HTML in a real browser (email_browser, report_browser):
# sourced by them; the suite is skipped without Chromium.
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || skip_suite "chromium is not installed"

chromium_run() {  # chromium_run WIDTH ARGS...: one headless run with a window WIDTH px wide
  local width=$1; shift
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
    --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$PWD/chrome-profile" --window-size="$width,1400" "$@" \
    2>>chromium.log
}

# expect_screenshot WIDTH PNG URL: Chromium draws URL into PNG, exactly WIDTH px wide and not blank.
expect_screenshot() {
  local width=$1 png=$2 url=$3
  chromium_run "$width" --screenshot="$PWD/$png" "$url" >/dev/null
  [ -s "$png" ] || { fail "no screenshot at $width px: $(tail -3 chromium.log)"; return 1; }
  "$PYTHON" - "$png" "$width" <<'PY' || { fail "screenshot at $width px"; return 1; }
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
assert len(set(zlib.decompress(idat))) > 20, "a blank screenshot"
PY
}
