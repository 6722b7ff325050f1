# support sentiment: VADER in C++ against the reference implementation (Python, standard library)
# on the two ground-truth corpora of Hutto & Gilbert (2014).

AGREE=$SHOPKEEP_SOURCE_DIR/testdata/sentiment/vader_agreement.py
CORPORA=$SHOPKEEP_SOURCE_DIR/testdata/sentiment

for corpus in tweets movieReviewSnippets; do
  TEST "the compound score equals the reference's for at least 99.5% of $corpus"
  "$PYTHON" "$AGREE" texts "$CORPORA/${corpus}_GroundTruth.txt" texts.txt || fail "cannot extract the texts"
  sk support sentiment texts.txt --json
  expect_rc 0
  printf '%s' "$OUT" >ours.json
  "$PYTHON" "$AGREE" compare "$CORPORA/${corpus}_GroundTruth.txt" ours.json >agreement.txt || fail "$(cat agreement.txt)"
  cat agreement.txt | sed 's/^/    /'
done

TEST "one row per line, numbered from 1, rounded as the reference; stdin and - work"
printf 'I love this kettle!\n\nThe parcel never arrived and nobody answers. Terrible.\n' >in.txt
sk support sentiment in.txt --json
expect_rc 0
expect_eq "$(json_get '[r["line"] for r in d]')" "[1, 2, 3]" "lines"
expect_eq "$(json_get 'sorted(d[0].keys())')" "['compound', 'line', 'neg', 'neu', 'pos']" "fields"
expect_eq "$(json_get '(d[1]["compound"], d[1]["neu"])')" "(0.0, 0.0)" "empty line"
expect_eq "$(json_get 'd[0]["compound"] > 0.5 and d[2]["compound"] < -0.3')" True "signs"
expect_eq "$(json_get 'all(round(r[k], 4) == r[k] for r in d for k in ("compound", "pos", "neu", "neg"))')" True "rounding"
"$SHOPKEEP" support sentiment --json <in.txt >a.json
"$SHOPKEEP" support sentiment - --json <in.txt >b.json
cmp -s a.json b.json || fail "stdin and - differ"
expect_eq "$(cat a.json)" "$OUT" "stdin vs file"

TEST "the table shows the text; ndjson streams rows; a missing file is a usage error"
printf 'Great service, thanks!\n' >in.txt
sk support sentiment in.txt
expect_rc 0
expect_out_contains "Great service, thanks!"
expect_out_contains "compound"
printf 'Great service, thanks!\nAwful.\n' >two.txt
"$SHOPKEEP" support sentiment two.txt --format ndjson >rows.ndjson
expect_eq "$(wc -l <rows.ndjson)" 2 "ndjson lines"
sk support sentiment missing.txt
expect_rc 2
expect_err_contains "missing.txt"
