"""Pathological text: does the cost per MB, or the rate of findings, collapse?

    python -m benchmarks.pathological [--mb 1]

Lints each case (about `--mb` MB each, one document) with the default rules and prints
seconds per MB beside the cost per MB of ordinary articles measured in the same run, and
findings per second. Cases: articles run together into one line; their Han characters only (one run without
punctuation); idioms run together, every other one misspelt; a file of punctuation
only; a typo repeated 100,000 times; a long run of spaces before a bracket; one character
repeated; opening quotes only; a headline of 1 MB.
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
from lint.readers import read_document  # noqa: E402

PUNCTUATION = "，。、；：？！“”‘’（）《》【】…—,.;:?!()\"'-"


def cases(megabytes: float) -> dict[str, str]:
    chars = int(megabytes * 1_000_000 / 3)  # Han and full-width marks are 3 bytes in UTF-8
    rng = random.Random(5)
    one_line = "".join(articles_of_size(megabytes)).replace("\r", "").replace("\n", "")
    han_only = "".join(ch for ch in one_line if "\u4e00" <= ch <= "\u9fff")
    return {
        "Han only, no punctuation": "标题\n" + han_only,
        "idioms and near-misses": "标题\n" + near_misses(chars, rng),
        "articles run into one line": "标题\n" + one_line,
        "punctuation only": "".join(rng.choice(PUNCTUATION) for _ in range(chars)),
        "typo 100,000 times": "标题\n" + "见缝插扎，" * 100_000,
        "spaces, then a bracket": "标题\n中" + " " * chars + "（注）",
        "one character repeated": "标题\n" + "好" * chars,
        "opening quotes only": "标题\n" + "“" * chars,
        "a headline of 1 MB": "震惊" * (chars // 2) + "\n正文。",
    }


def near_misses(chars: int, rng: random.Random) -> str:
    """Common idioms run together without punctuation, every other one with a character
    replaced by one of the same reading: the idiom detector's worst case (a hit at every
    idiom, a judgement at every other)."""
    from lint.kinds.near_idiom import builtin_idioms

    idioms = sorted(form for form, (count, kind, _) in builtin_idioms()[0].items() if count >= 20 and kind == "i")
    return misspelt_run(idioms, chars, rng)


def timed_lint(linter: Linter, text: str) -> tuple[float, int, list[str]]:
    start = time.perf_counter()
    findings, failures = linter.lint_document(read_document(text, "case.txt"))
    return time.perf_counter() - start, len(findings), failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--select", help="comma-separated rules or packs (default: the default rules)")
    args = parser.parse_args()
    linter = Linter(select=args.select.split(",") if args.select else None)
    ordinary = articles_of_size(args.mb * 2)
    for doc in ordinary[:50]:
        linter.lint_text(doc, "warm.txt")
    start = time.perf_counter()
    for doc in ordinary:
        linter.lint_text(doc, "article.txt")
    base = (time.perf_counter() - start) / (sum(len(d.encode()) for d in ordinary) / 1e6)
    print(f"ordinary articles: {base:.3f} s per MB")
    print(f"{'case':28s} {'MB':>5s} {'s/MB':>7s} {'x ordinary':>10s} {'findings':>9s} {'findings/s':>11s}")
    for name, text in cases(args.mb).items():
        size = len(text.encode("utf-8")) / 1e6
        seconds, count, failures = timed_lint(linter, text)
        per_mb = seconds / size
        print(f"{name:28s} {size:5.2f} {per_mb:7.3f} {per_mb / base:9.1f}x {count:9d} {count / seconds:11.0f}"
              + (f"  FAILURES: {'; '.join(failures)}" if failures else ""))


if __name__ == "__main__":
    main()
