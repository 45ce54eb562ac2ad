"""What choosing rules per call costs: `lint_text(text, select=[...])` against `lint_text(text)`.

    python -m benchmarks.selection [--articles N]

A web page or an editor plug-in chooses rules per request. The shared linter keeps one engine
for every selection (lint.settings), so a selection should cost about what the default set
costs (the bar: within 3x). Prints the time per article of each, and the ratio.
"""
from __future__ import annotations

import argparse
import time

from lint import lint_text

from .articles import corpus_articles

SELECTIONS = (["typos"], ["punctuation", "headline"], ["typos.idiom", "byline.missing-editor"], ["ALL"])


def per_article(function, docs) -> float:
    start = time.perf_counter()
    for doc in docs:
        function(doc)
    return (time.perf_counter() - start) / len(docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    docs = corpus_articles()[:args.articles]
    # warm up: the engine, each selection's settings, and what rules compile on first use
    per_article(lint_text, docs)
    for select in SELECTIONS:
        per_article(lambda d: lint_text(d, select=select), docs[:20])
    plain = per_article(lint_text, docs)
    print(f"{len(docs)} articles; lint_text(text): {plain * 1e3:.3f} ms per article")
    for select in SELECTIONS:
        chosen = per_article(lambda d: lint_text(d, select=select), docs)
        print(f"lint_text(text, select={select}): {chosen * 1e3:.3f} ms per article, "
              f"{chosen / plain:.2f}x the default set (bar: within 3x)")


if __name__ == "__main__":
    main()
