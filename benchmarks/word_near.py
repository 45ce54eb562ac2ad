"""Cost of `typos.word-near` (off by default) when a project selects it, and its linearity.

    python benchmarks/word_near.py [--mb 2] [--rounds 3] [--instructions]

1. Same process, alternating rounds over the same corpus articles: MB/s of the default rule
   set, and of the default set with `typos.word-near` added; their ratio (only ratios mean
   anything on a shared machine). Each linter lints the articles once untimed first (loading
   the word list and the lexicon is start-up, not cost per MB).
2. Linearity: the rule alone over one run of Han characters without punctuation (the
   articles' Han characters run together) and over frequent words run together with every
   other one misspelt (a candidate to score at every other word: the worst case), at three
   sizes; seconds per MB should stay flat.
3. `--instructions` instead: valgrind's instruction count per MB (steady state, as
   `benchmarks.instructions` counts it) of the default rules and of the default rules with
   `typos.word-near`: the rule's cost as a share of the default rules', which a loaded
   machine does not disturb (slow: the rule under valgrind, ~2 minutes per 0.1 MB).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.articles import articles_of_size, misspelt_run  # noqa: E402
from lint.linter import Linter  # noqa: E402

RULE = "typos.word-near"


def megabytes(texts) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1_000_000


def timed(linter: Linter, texts) -> float:
    started = time.process_time()
    for text in texts:
        linter.lint_text(text, "article.md")
    return time.process_time() - started


def slips(chars: int, rng: random.Random) -> str:
    """Frequent two-character words run together, every other one with a character replaced
    by one of the same reading."""
    from lint.kinds.near_word import word_list

    right = sorted(w for w, n in word_list()[3].items() if len(w) == 2 and n >= 1000)
    return misspelt_run(right, chars, rng)


SETUP = ("from lint.linter import Linter\n"
         "linter = Linter(select=[rule.id for rule in Linter().rules] + {extra!r})\n"
         "lint = lambda doc: linter.lint_text(doc, 'article.txt')")


def instructions(mb: float) -> None:
    from benchmarks.instructions import per_mb

    default = per_mb(SETUP.format(extra=[]), mb)
    with_rule = per_mb(SETUP.format(extra=[RULE]), mb)
    print(f"default rules {default / 1e6:.1f} M instructions per MB; with {RULE} {with_rule / 1e6:.1f} M; "
          f"the rule {(with_rule - default) / 1e6:.1f} M = {100 * (with_rule - default) / default:.1f} % of the default rules")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--instructions", action="store_true", help="count instructions (valgrind) instead")
    args = parser.parse_args()
    if args.instructions:
        instructions(args.mb)
        return
    docs = articles_of_size(args.mb)
    size = megabytes(docs)
    default = Linter()
    ids = [rule.id for rule in default.rules]
    with_rule = Linter(select=ids + [RULE])
    for linter in (default, with_rule):
        timed(linter, docs)
    best = {"default": 0.0, "default + word-near": 0.0}
    ratios = []
    for round_ in range(args.rounds):
        order = [("default", default), ("default + word-near", with_rule)]
        if round_ % 2:
            order.reverse()
        seconds = {name: timed(linter, docs) for name, linter in order}
        for name, spent in seconds.items():
            best[name] = max(best[name], size / spent)
        ratios.append(seconds["default"] / seconds["default + word-near"])
    print(f"{size:.2f} MB of articles, {args.rounds} rounds (CPU time, best MB/s):")
    for name, value in best.items():
        print(f"  {name}: {value:.2f} MB/s")
    ratios.sort()
    print(f"  with word-near / default, median speed ratio: {ratios[len(ratios) // 2]:.3f}")
    alone = Linter(select=[RULE])
    one_line = "".join(articles_of_size(0.8)).replace("\n", "")
    han = "".join(ch for ch in one_line if "\u4e00" <= ch <= "\u9fff")
    rng = random.Random(3)
    for name, make in (("Han only, no punctuation", lambda n: han[:n]),
                       ("frequent words, every other misspelt", lambda n: slips(n, rng))):
        print(f"{name} (word-near alone):")
        for chars in (50_000, 100_000, 200_000):
            text = "标题\n" + make(chars)
            started = time.process_time()
            found = len(alone.lint_text(text, "long.txt"))
            spent = time.process_time() - started
            print(f"  {chars:>7,} chars: {spent:.2f} s, {spent / megabytes([text]):.2f} s per MB, {found} findings")


if __name__ == "__main__":
    main()
