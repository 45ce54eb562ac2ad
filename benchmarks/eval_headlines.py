"""Measure the `headline` pack: precision and recall on the labelled set, flags on real titles.

    python benchmarks/eval_headlines.py [--corpus DIR] [--sample N] [--all]

1. tests/data/headlines.tsv (label, family, headline; written by this project): a headline
   counts as flagged when any clickbait rule of the pack fires on it (the `length` and `empty`
   rules are about form, not clickbait, and are reported separately).
2. tests/data/headlines-blind.tsv (the same columns plus `round`): headlines written freely,
   in rounds A-D, each round measured BEFORE any rule was tuned on it. Rounds A-C were then
   used to grow the rules, so only round D (written last) still measures recall on clickbait
   the rules were never shaped by; see the figures in tests/test_headline_pack.py.
3. The `title` fields of <corpus>/articles/hancd-*.jsonl and the headlines listed at the end of
   <corpus>/seed/jingchu-2023-08-15.txt: flags by rule, and a sample of flagged titles for a
   person to judge. The hancd `label` field is a noisy research label; it is shown, not trusted.

The real engine (`lint.lint_text`) lints each headline as a one-line .txt document (its first
non-empty line is the headline), with the headline pack and punctuation.repeated-marks.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data" / "headlines.tsv"
BLIND = ROOT / "tests" / "data" / "headlines-blind.tsv"
FORM_RULES = {"headline.length", "headline.empty"}
# runs of one mark (！！！, ？？) in a headline are reported by the punctuation pack, with a fix;
# the headline pack does not report them a second time, so they count here as a signal
SELECT = ["headline", "punctuation.repeated-marks"]


def load_labelled(path: Path = DATA) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def engine_checker():
    """(rule, matched text) of the findings on a headline, by the real engine."""
    from lint import lint_text

    def check(headline: str) -> list[tuple[str, str]]:
        findings = lint_text(headline + "\n", select=SELECT)
        return [(f.rule, f.text) for f in findings]

    return check


# --- real titles -----------------------------------------------------------------------------
def seed_headlines(corpus: Path) -> list[str]:
    """The headline list at the end of the seed page: each `  • ` item is followed by an
    indented line holding the full headline (the bullet line itself may be cut short)."""
    lines = (corpus / "seed" / "jingchu-2023-08-15.txt").read_text(encoding="utf-8").splitlines()
    titles = []
    for i, line in enumerate(lines):
        if line.lstrip().startswith("• "):
            for follow in lines[i + 1:]:
                if follow.startswith("    ") and follow.strip():
                    titles.append(follow.strip())
                    break
    return titles


def hancd_titles(corpus: Path) -> list[tuple[str, str, str]]:
    rows = []
    for path in sorted((corpus / "articles").glob("hancd-*.jsonl")):
        site = path.stem.removeprefix("hancd-")
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                rows.append((site, record["label"], record["title"].strip()))
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--sample", type=int, default=40, help="flagged titles to print per source")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--all", action="store_true", help="print every flagged corpus title")
    args = parser.parse_args(argv)
    check = engine_checker()

    # 1. labelled sets
    evaluate("labelled set", load_labelled(DATA), check, verbose=True)
    blind = load_labelled(BLIND)
    evaluate("blind set, all rounds", blind, check, verbose=False)
    for name in sorted({row["round"] for row in blind}):
        evaluate(f"blind round {name}", [row for row in blind if row["round"] == name], check, verbose=name == "D")

    # 2. real titles
    if not args.corpus.is_dir():
        print(f"(no corpus at {args.corpus}; skipping real titles)")
        return 0
    rng = random.Random(args.seed)
    seed = seed_headlines(args.corpus)
    report_titles("seed page headlines", [("seed", "", t) for t in seed], check, len(seed), rng)
    hancd = hancd_titles(args.corpus)
    report_titles("hancd titles", hancd, check, len(hancd) if args.all else args.sample, rng)
    return 0


def evaluate(name, rows, check, verbose):
    tp = fp = fn = tn = 0
    misses, false_alarms = [], []
    by_family = Counter()
    fired_family = Counter()
    for row in rows:
        hits = [h for h in check(row["headline"]) if h[0] not in FORM_RULES]
        flagged = bool(hits)
        clickbait = row["label"] == "clickbait"
        by_family[(row["label"], row["family"])] += 1
        fired_family[(row["label"], row["family"])] += flagged
        if clickbait and flagged:
            tp += 1
        elif clickbait:
            fn += 1
            misses.append(row)
        elif flagged:
            fp += 1
            false_alarms.append((row, hits))
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"{name}: {len(rows)} headlines ({tp + fn} clickbait, {fp + tn} sober)")
    print(f"  precision {precision:.3f}  recall {recall:.3f}  (tp {tp} fp {fp} fn {fn} tn {tn})")
    if verbose:
        print("  by family (flagged/total):")
        for key in sorted(by_family):
            print(f"    {key[0]:9} {key[1]:22} {fired_family[key]}/{by_family[key]}")
        for row in misses:
            print(f"  missed [{row['family']}] {row['headline']}")
    for row, hits in false_alarms:
        print(f"  FALSE POSITIVE [{row['family']}] {row['headline']}  <- {hits}")
    return precision, recall


def report_titles(name, rows, check, sample, rng):
    by_rule = Counter()
    flagged = []
    by_label = Counter()
    for site, label, title in rows:
        hits = check(title)
        for rule in {h[0] for h in hits}:
            by_rule[rule] += 1
        if hits:
            flagged.append((site, label, title, hits))
            clickbait_hits = [h for h in hits if h[0] not in FORM_RULES]
            if clickbait_hits:
                by_label[label or "-"] += 1
    n_click = sum(1 for f in flagged if any(h[0] not in FORM_RULES for h in f[3]))
    print(f"\n{name}: {len(rows)} titles, {n_click} flagged by a clickbait rule, "
          f"{len(flagged)} by any rule")
    if any(label for _, label, _ in rows):
        print("  clickbait-rule flags by dataset label:", dict(by_label),
              " labels in source:", dict(Counter(label for _, label, _ in rows)))
    for rule, n in by_rule.most_common():
        print(f"  {rule:26} {n}")
    shown = flagged if len(flagged) <= sample else rng.sample(flagged, sample)
    for site, label, title, hits in shown:
        what = ", ".join(f"{r.removeprefix('headline.')}:{t if r not in FORM_RULES else len(title)}" for r, t in hits)
        print(f"  [{site}{'/' + label if label else ''}] {title}   <- {what}")


if __name__ == "__main__":
    sys.exit(main())
