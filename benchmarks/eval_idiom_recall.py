"""Recall of `typos.idiom-near` alone on the 100 exam idiom typos (a development tool).

    python benchmarks/eval_idiom_recall.py [--option KEY=JSON ...] [--verbose]

`tests/data/idiom_recall.tsv` holds real idiom typos from exam lists (written before the
dictionary, never copied into it). Here each wrong form is put in a neutral sentence and
linted by `typos.idiom-near` alone, with the curated lists ignored (`known_errors` emptied:
otherwise the curated entries would leave their windows to `typos.idiom`). A line counts
when a finding covers the wrong form and its first replacement gives the right form.
`--option` sets an option of the rule (e.g. `--option min_count=20`).
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lint.linter import Linter  # noqa: E402

RULE = "typos.idiom-near"
RECALL_SET = ROOT / "tests" / "data" / "idiom_recall.tsv"
SENTENCE = "他在会上说，这件事{}，大家都很清楚。"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--option", action="append", default=[], help="KEY=JSON, an option of the rule")
    parser.add_argument("--verbose", action="store_true", help="print every line")
    args = parser.parse_args(argv)
    options = {"known_errors": []}
    for item in args.option:
        key, _, value = item.partition("=")
        options[key] = json.loads(value)
    base = Linter(select=[RULE])
    rule = base.rule(RULE).with_options(options)
    linter = Linter(rules=[rule], builtin=False, select=[RULE])
    rows = list(csv.reader(RECALL_SET.open(encoding="utf-8"), delimiter="\t"))[1:]
    fixed = 0
    for wrong, right in rows:
        text = SENTENCE.format(wrong)
        at = text.index(wrong)
        hit = [f for f in linter.lint_text(text, "a.txt")
               if f.offset <= at and at + len(wrong) <= f.offset + f.length and f.replacements
               and (text[:f.offset] + f.replacements[0] + text[f.offset + f.length:]) == SENTENCE.format(right)]
        fixed += bool(hit)
        if args.verbose:
            print(f"{'ok  ' if hit else 'miss'} {wrong} -> {right}")
    print(f"{RULE} alone {options}: {fixed}/{len(rows)} fixed")


if __name__ == "__main__":
    main()
