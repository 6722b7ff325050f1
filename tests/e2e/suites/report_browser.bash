# The demo shop's report in a real browser (headless Chromium) at phone and desktop width: it
# loads without errors, every chart is drawn with data, nothing makes the page scroll sideways,
# text has enough contrast, every chart and table has its text alternative, and it prints.
# Screenshots are kept when SHOPKEEP_ARTIFACTS names a folder. Skipped only without Chromium.

NOW=2026-09-30T12:00:00Z
source "$SHOPKEEP_SOURCE_DIR/tests/e2e/browser.bash"

TEST "the demo report in Chromium at 375 and 1280 px"
"$SHOPKEEP" -q demo --out demo || fail "demo failed"
sk --db demo/shopkeep.db report --now $NOW --out report.html
expect_rc 0
# A copy with the test's probe (never part of the report): it records errors from the first
# moment, then measures the page after load and writes what it found into the DOM.
"$PYTHON" - <<'PY' || fail "could not make the probe page"
page = open("report.html", encoding="utf-8").read()
early = """<script>window.__errors = [];
window.addEventListener('error', function (e) { window.__errors.push(String(e.message || e.type)); }, true);
var __ce = console.error; console.error = function () { window.__errors.push([].join.call(arguments, ' ')); __ce.apply(console, arguments); };
</script>"""
probe = r"""<script>window.addEventListener('load', function () {
  function lum(c) {
    var m = c.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/); if (!m) return null;
    if (m[4] !== undefined && +m[4] === 0) return null;
    var v = [m[1], m[2], m[3]].map(function (x) { x = x / 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
  }
  function background(el) {
    for (; el && el.nodeType === 1; el = el.parentElement) { var l = lum(getComputedStyle(el).backgroundColor); if (l !== null) return l; }
    return 1;
  }
  var low = [], charts = [], alt = [];
  document.querySelectorAll('body *').forEach(function (el) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'text') return;
    var own = [].some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
    if (!own || el.closest('.sr-only, .skip')) return;
    var r = el.getBoundingClientRect(); if (!r.width || !r.height) return;
    var s = getComputedStyle(el);
    if (el.closest('svg') && el.closest('.values')) return;  // on a coloured cell: checked in unit tests
    var fg = lum(el.closest('svg') ? s.fill : s.color), bg = el.closest('svg') ? 1 : background(el);
    if (fg === null) return;
    var ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    var large = parseFloat(s.fontSize) >= 24 || (parseFloat(s.fontSize) >= 18.66 && +s.fontWeight >= 700);
    if (ratio < (large ? 3 : 4.5)) low.push(el.tagName + ' "' + el.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
  });
  document.querySelectorAll('svg.chart-svg').forEach(function (svg) {
    var r = svg.getBoundingClientRect();
    var marks = svg.querySelectorAll('.marks rect, .marks polyline, .marks circle, .marks polygon').length;
    charts.push({id: svg.dataset.chart, width: r.width, height: r.height, marks: marks});
    var ids = (svg.getAttribute('aria-labelledby') || '').split(' ');
    var named = svg.getAttribute('role') === 'img' && ids.length === 2 && ids.every(function (id) {
      var e = document.getElementById(id); return e && svg.contains(e) && e.textContent.trim().length > 0; });
    var table = svg.closest('figure').querySelector('table caption');
    if (!named || !table) alt.push(svg.dataset.chart);
  });
  document.querySelectorAll('table').forEach(function (t) { if (!t.querySelector('caption') || !t.querySelector('th')) alt.push('a table without caption or headers'); });
  var d = document.documentElement;
  document.body.setAttribute('data-probe', JSON.stringify({errors: window.__errors, scroll: d.scrollWidth,
    inner: window.innerWidth, charts: charts, low_contrast: low, missing_alt: alt, lang: d.lang, title: document.title,
    h1: document.querySelectorAll('h1').length}));
});</script>"""
page = page.replace("<head>", "<head>" + early, 1).replace("</body>", probe + "</body>", 1)
open("probe.html", "w", encoding="utf-8").write(page)
PY
for width in 375 1280; do
  expect_screenshot $width report-$width.png "file://$PWD/report.html" || continue
  chromium_run $width --dump-dom "file://$PWD/probe.html" > dom-$width.html
  "$PYTHON" - dom-$width.html $width <<'PY' || fail "the page at $width px"
import html, json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
found = re.search(r'data-probe="([^"]*)"', dom)
assert found, "the probe did not run"
p = json.loads(html.unescape(found.group(1)))
assert p["errors"] == [], "errors in the page: %s" % p["errors"]
assert p["scroll"] <= p["inner"], "the page scrolls sideways: %s > %s" % (p["scroll"], p["inner"])
assert len(p["charts"]) >= 12, "charts: %s" % p["charts"]
for c in p["charts"]:
    assert c["width"] > 200 and c["height"] > 60, "a chart is not drawn: %s" % c
    assert c["marks"] > 0, "a chart without data: %s" % c
assert p["low_contrast"] == [], "text without enough contrast: %s" % p["low_contrast"][:5]
assert p["missing_alt"] == [], "without a text alternative: %s" % p["missing_alt"]
assert p["lang"] == "en" and p["title"] and p["h1"] == 1, p
PY
done
chromium_run 1280 --print-to-pdf="$PWD/report.pdf" --no-pdf-header-footer "file://$PWD/report.html" >/dev/null
head -c 5 report.pdf 2>/dev/null | grep -q "%PDF-" || fail "the report does not print to PDF: $(tail -3 chromium.log)"
[ "$(stat -c %s report.pdf 2>/dev/null || echo 0)" -gt 50000 ] || fail "the printed report is nearly empty"
if [ -n "${SHOPKEEP_ARTIFACTS:-}" ]; then
  mkdir -p "$SHOPKEEP_ARTIFACTS" && cp report-375.png report-1280.png report.pdf "$SHOPKEEP_ARTIFACTS/"
fi
