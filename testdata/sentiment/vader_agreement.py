#!/usr/bin/python3
"""Compares shopkeep's VADER with the reference implementation on a ground-truth corpus.

  vader_agreement.py texts CORPUS OUT_TEXTS
      writes the corpus's texts (third tab field, id<TAB>rating<TAB>text lines), one per line
  vader_agreement.py compare CORPUS OURS_JSON [--min-agreement 99.5] [--tolerance 0.001]
      scores every text with vaderSentiment_reference.py (next to this script; the lexicons are
      taken from data/sentiment/, the copies the binary embeds), compares with `shopkeep support
      sentiment --json` output, prints the agreement and both Pearson correlations with the human
      ratings, and exits 1 when the agreement is below the minimum.
Standard library only."""
import argparse
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LEXICONS = os.path.join(HERE, "..", "..", "data", "sentiment")


def read_corpus(path):
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f.read().split("\n"):
            line = line.rstrip("\r")
            if not line:
                continue
            ident, rating, text = line.split("\t", 2)
            rows.append((ident, float(rating), text))
    return rows


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy)


def reference_analyzer():
    sys.path.insert(0, HERE)
    import vaderSentiment_reference as vader
    return vader.SentimentIntensityAnalyzer(lexicon_file=os.path.join(LEXICONS, "vader_lexicon.txt"),
                                            emoji_lexicon=os.path.join(LEXICONS, "emoji_utf8_lexicon.txt"))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["texts", "compare"])
    p.add_argument("corpus")
    p.add_argument("other")
    p.add_argument("--min-agreement", type=float, default=99.5)
    p.add_argument("--tolerance", type=float, default=0.001)
    args = p.parse_args()
    corpus = read_corpus(args.corpus)
    if args.mode == "texts":
        with open(args.other, "w", encoding="utf-8", newline="\n") as f:
            for _, _, text in corpus:
                f.write(text + "\n")
        return 0
    with open(args.other, encoding="utf-8") as f:
        ours = json.load(f)
    if len(ours) != len(corpus):
        print(f"shopkeep scored {len(ours)} lines, the corpus has {len(corpus)}")
        return 1
    analyzer = reference_analyzer()
    same, fields_same, disagreements = 0, 0, []
    reference, mine, ratings = [], [], []
    for (ident, rating, text), row in zip(corpus, ours):
        ref = analyzer.polarity_scores(text)
        reference.append(ref["compound"])
        mine.append(row["compound"])
        ratings.append(rating)
        if abs(ref["compound"] - row["compound"]) <= args.tolerance:
            same += 1
        else:
            disagreements.append((ident, ref["compound"], row["compound"], text))
        if all(abs(ref[k] - row[k]) <= args.tolerance for k in ("pos", "neu", "neg")):
            fields_same += 1
    agreement = 100.0 * same / len(corpus)
    name = os.path.basename(args.corpus)
    print(f"{name}: {len(corpus)} texts, compound within {args.tolerance} of the reference for {same} "
          f"({agreement:.2f}%), pos/neu/neg for {fields_same} ({100.0 * fields_same / len(corpus):.2f}%)")
    print(f"{name}: Pearson r with the human ratings: shopkeep {pearson(mine, ratings):.4f}, "
          f"reference {pearson(reference, ratings):.4f}")
    for ident, ref, got, text in disagreements[:10]:
        print(f"  differs: id {ident}: reference {ref}, shopkeep {got}: {text[:100]}")
    return 0 if agreement >= args.min_agreement else 1


if __name__ == "__main__":
    sys.exit(main())
