#!/usr/bin/env bash
# Benchmark: VADER sentiment, shopkeep's C++ against the reference implementation
# (testdata/sentiment/vaderSentiment_reference.py, Debian's Python), on the two ground-truth
# corpora repeated 10 times (148,050 lines); then `support triage --all` on the demo shop
# (1,000 tickets, the value model fitted once).
# Usage: tests/bench/sentiment.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
work=${WORK:-$(mktemp -d)}
agree=$src/testdata/sentiment/vader_agreement.py
: >"$work/corpus.txt"
for c in tweets movieReviewSnippets; do
  /usr/bin/python3 "$agree" texts "$src/testdata/sentiment/${c}_GroundTruth.txt" "$work/$c.txt"
done
for _ in $(seq 10); do cat "$work/tweets.txt" "$work/movieReviewSnippets.txt" >>"$work/corpus.txt"; done
lines=$(wc -l <"$work/corpus.txt")

# CPU seconds (user + system) of each, so other work on a shared machine does not count.
cpp=$(/usr/bin/python3 - "$build/shopkeep" "$work/corpus.txt" "$work/ours.ndjson" <<'PY'
import resource, subprocess, sys
with open(sys.argv[3], "w") as out:
    subprocess.run([sys.argv[1], "support", "sentiment", sys.argv[2], "--format", "ndjson"], stdout=out, check=True)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(r.ru_utime + r.ru_stime)
PY
)
py=$(/usr/bin/python3 - "$src" "$work/corpus.txt" <<'PY'
import os, sys, time
src, corpus = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(src, "testdata", "sentiment"))
import vaderSentiment_reference as vader
lex = os.path.join(src, "data", "sentiment")
a = vader.SentimentIntensityAnalyzer(lexicon_file=os.path.join(lex, "vader_lexicon.txt"),
                                     emoji_lexicon=os.path.join(lex, "emoji_utf8_lexicon.txt"))
texts = open(corpus, encoding="utf-8").read().split("\n")[:-1]
start = time.process_time()
for t in texts:
    a.polarity_scores(t)
print(time.process_time() - start)
PY
)
/usr/bin/python3 -c "
lines, cpp, py = $lines, $cpp, $py
print(f'VADER on {lines} lines, CPU time: shopkeep {cpp:.2f} s ({lines / cpp:,.0f} lines/s, reading and JSON output '
      f'included), reference Python {py:.2f} s ({lines / py:,.0f} lines/s, scoring only) -> {py / cpp:.1f}x')"

"$build/shopkeep" demo --out "$work/demo" -q
/usr/bin/python3 - "$build/shopkeep" "$work/demo/shopkeep.db" <<'PY'
import json, resource, subprocess, sys, time
start = time.perf_counter()
out = subprocess.run([sys.argv[1], "--db", sys.argv[2], "--now", "2026-09-30T12:00:00Z", "support", "triage", "--all",
                      "--json", "-q"], capture_output=True, check=True).stdout
wall = time.perf_counter() - start
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"support triage --all on the demo shop (1,000 tickets, 8,000 orders, the value model fitted once): "
      f"{len(json.loads(out))} open tickets in {r.ru_utime + r.ru_stime:.2f} s CPU ({wall:.2f} s wall)")
PY
[ -n "${WORK:-}" ] || rm -rf "$work"
