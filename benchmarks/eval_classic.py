"""The editors' classic errors against the typos pack (a development tool; issue 13, item 3).

    python benchmarks/eval_classic.py [--verbose]

`tests/data/classic-errors.tsv` lists the classic errors of the lists editors use (《咬文嚼字》's
lists of common misprints, the 常见错别字 tables of exam and style guides, 《现代汉语词典》's
notes), written down from general knowledge: `wrong`, `right`, an optional `sentence` (for
context-dependent pairs such as 截止/截至, which only a sentence can decide) and a `note` (why
a row was left out of the pack on purpose: a recorded variant, or a form that correct text
holds across a word boundary). Each row is linted in its own sentence (its own, or a neutral
one) with the default rules; the script prints which rule reports it with the right first
replacement, and which right forms are flagged. `tests/test_typos_pack.py` asserts the same:
every row without a note found and fixed, no right form flagged.
"""
from __future__ import annotations

import argparse
import bisect
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lint import lint_text  # noqa: E402

DATA = ROOT / "tests" / "data" / "classic-errors.tsv"
TEMPLATE = "记者注意到，{}。"


def lint_rows(rows, fixed=False):
    """{row index: [findings]} and each row's error offset, one sentence a line."""
    text, starts, spots = "标题\n", [], []
    for wrong, right, sentence, _ in rows:
        sentence = sentence or TEMPLATE.format(wrong)
        at = sentence.index(wrong)
        if fixed:
            sentence = sentence[:at] + right + sentence[at + len(wrong):]
        starts.append(len(text))
        spots.append(len(text) + at)
        text += sentence + "\n"
    found: dict[int, list] = {}
    for f in lint_text(text, select=["typos"]):
        found.setdefault(bisect.bisect_right(starts, f.offset) - 1, []).append(f)
    return found, spots


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every row that is missed or left out")
    args = parser.parse_args(argv)
    lines = DATA.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines[1:]]
    found, spots = lint_rows(rows)
    by_rule, missed, left_out = Counter(), [], []
    for index, (wrong, right, _, note) in enumerate(rows):
        at = spots[index]
        rule = None
        for f in found.get(index, []):
            if f.replacements and at <= f.offset and f.offset + f.length <= at + len(wrong):
                if wrong[:f.offset - at] + f.replacements[0] + wrong[f.offset - at + f.length:] == right:
                    rule = f.rule
                    break
        if note:
            left_out.append((wrong, right, note, rule))
        elif rule:
            by_rule[rule] += 1
        else:
            missed.append((wrong, right))
    listed = len(rows) - len(left_out)
    print(f"{len(rows)} classic errors, {listed} meant to be found, {len(left_out)} left out on purpose")
    for rule, n in by_rule.most_common():
        print(f"  {rule}: {n}")
    print(f"  missed: {len(missed)}")
    for wrong, right in missed:
        print(f"    MISSED {wrong} -> {right}")
    print(f"  left out, found anyway by a rule: {sum(1 for *_, rule in left_out if rule)}")
    if args.verbose:
        for wrong, right, note, rule in left_out:
            print(f"    {wrong} -> {right}: {note}{f' (found by {rule})' if rule else ''}")
    flagged, _ = lint_rows(rows, fixed=True)
    print(f"right forms flagged: {sum(len(v) for v in flagged.values())}")
    for index, fs in sorted(flagged.items()):
        for f in fs:
            print(f"    FLAGGED {rows[index][1]}: {f.rule} {f.text}")
    return 1 if missed or flagged else 0


if __name__ == "__main__":
    sys.exit(main())
