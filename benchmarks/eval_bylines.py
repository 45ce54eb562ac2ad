"""How well the byline pack reads real news pages.

    python benchmarks/eval_bylines.py [--sample N] [--speed]

Uses ../shared/corpus (skips what is missing):
- hancd-sina.jsonl: every article carries a ``责任编辑：`` credit, so ``byline.missing-editor``
  must flag none; prints how many articles ``byline.missing-author`` flags, with a sample of
  their last characters to judge by hand;
- hancd-tencent.jsonl: which credit forms were recognised (label and separator), and every
  credit-looking place that no credit covers (a label word, or ``X：`` among the last
  characters of an article), counted by form, so that the forms still missed are listed;
- the seed page: the empty header author field is flagged once; the footer credits are read;
- ``--speed``: characters per second of `find_credits` over all the corpus text.
Each article becomes a .txt document: title line, blank line, body.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lint.credits import FIELD_OF_LABEL, find_credits  # noqa: E402
from lint.linter import Linter  # noqa: E402
from lint.readers import read_document  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
ARTICLES = CORPUS / "articles"
SEED = CORPUS / "seed" / "jingchu-2023-08-15.txt"

# credit-looking words, wider than what the recogniser knows, to find what it misses
_KEPT = sorted((w for w, f in FIELD_OF_LABEL.items() if f and len(w) > 1), key=len, reverse=True)
_LOOKS_LIKE = regex.compile(r"(?:" + "|".join(_KEPT) + r"|文/|图/|撰|编辑|记者|作者|审核|来源)")
_TAIL_LABEL = regex.compile(r"(\p{Han}{1,6})[:：/｜|]")
_NOT_KEPT = tuple(w for w, f in FIELD_OF_LABEL.items() if f is None)


def articles(name: str) -> list[str]:
    path = ARTICLES / name
    if not path.is_file():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [f"{row['title']}\n\n{row['body']}\n" for row in rows]


def form_of(text: str, credit) -> str:
    """A short name for how a credit was printed: label, separator, what stands before."""
    if credit.value_start < credit.start:
        return f"（…{credit.label}）"
    sep = text[credit.start + len(credit.label):credit.value_start]
    sep = sep.strip(" \t\u3000\xa0") or ("␠" if sep else "")
    before = text[credit.start - 1:credit.start] if credit.start else ""
    org = "…" if regex.match(r"[\p{Han}A-Za-z]", before or " ") else ""
    bracket = "（" if before in "（(【[" and before else ""
    return f"{bracket}{org}{credit.label}{sep}{'' if credit.value else '∅'}"


def lint_counts(linter, docs):
    flagged = collections.defaultdict(list)
    for index, text in enumerate(docs):
        for finding in linter.lint_text(text, "article.txt"):
            if finding.rule.startswith("byline."):
                flagged[finding.rule].append(index)
    return flagged


def sina(linter, sample: int, rng) -> None:
    docs = articles("hancd-sina.jsonl")
    if not docs:
        return
    flagged = lint_counts(linter, docs)
    print(f"## hancd-sina: {len(docs)} articles")
    for rule in ("byline.missing-author", "byline.missing-editor", "byline.empty-field"):
        print(f"- {rule}: {len(set(flagged.get(rule, [])))} articles")
    with_author = sum(1 for d in docs if any(c.field == "author" for c in find_credits(d)))
    print(f"- articles with an author credit recognised: {with_author}")
    for rule in ("byline.missing-editor", "byline.empty-field"):
        for index in sorted(set(flagged.get(rule, [])))[:sample]:
            print(f"  {rule}: …{docs[index][-90:].strip()!r}")
    missing = sorted(set(flagged.get("byline.missing-author", [])))
    print(f"\nsample of {min(sample, len(missing))} missing-author flags (last characters):")
    for index in rng.sample(missing, min(sample, len(missing))):
        print(f"  #{index}: …{docs[index][-90:].strip()!r}")
    print()


def tencent(sample: int) -> None:
    docs = articles("hancd-tencent.jsonl")
    if not docs:
        return
    forms = collections.Counter()
    missed = collections.Counter()
    missed_where = collections.defaultdict(list)
    fields = collections.Counter()
    not_kept = collections.Counter()
    for index, text in enumerate(docs):
        credits = find_credits(text)
        covered = [(c.start if c.value_start >= c.start else c.value_start, max(c.end, c.value_end)) for c in credits]
        for credit in credits:
            forms[form_of(text, credit)] += 1
        for field in {c.field for c in credits}:
            fields[field] += 1

        def is_covered(start, end):
            return any(s <= start and end <= e for s, e in covered)

        tail = max(0, len(text) - 160)
        seen = set()
        for match in _LOOKS_LIKE.finditer(text):
            if is_covered(*match.span()):
                continue
            after = text[match.end():match.end() + 1]
            key = match.group() + (after if after in ":：/|｜" else "")
            # a label word in the prose is normal; report it only near the end, or with a separator
            if match.start() >= tail or key != match.group():
                seen.add(match.span())
                missed[key] += 1
                missed_where[key].append(text[max(0, match.start() - 12):match.end() + 16].replace("\n", "⏎"))
        for match in _TAIL_LABEL.finditer(text, tail):
            span = match.span(1)
            if any(s < match.end() <= e + 1 for s, e in covered) or any(s <= span[0] < e for s, e in seen):
                continue
            if match.group(1).endswith(_NOT_KEPT):
                not_kept[match.group(1)[-4:]] += 1
                continue
            key = match.group(1)[-3:] + text[match.end() - 1]
            missed[f"?{key}"] += 1
            missed_where[f"?{key}"].append(text[max(0, match.start() - 8):match.end() + 12].replace("\n", "⏎"))
    print(f"## hancd-tencent: {len(docs)} articles")
    print("articles with a credit of each field: " + ", ".join(f"{f} {n}" for f, n in fields.most_common()))
    print("\nrecognised forms (label, separator; … = after an organisation or a name, ∅ = empty):")
    for form, count in forms.most_common():
        print(f"  {count:5d}  {form}")
    print("\nlabels read as field ends but kept out of the credit model (出品、设计 …): "
          + ", ".join(f"{k} {n}" for k, n in not_kept.most_common()))
    print("\nnot recognised (a label word near the end or with a separator, no credit covers it):")
    for key, count in missed.most_common():
        examples = " | ".join(missed_where[key][:2])
        print(f"  {count:5d}  {key}   e.g. {examples}")
    print()


def seed(linter) -> None:
    if not SEED.is_file():
        return
    text = SEED.read_text(encoding="utf-8")
    doc = read_document(text, str(SEED))
    print(f"## seed page {SEED.name}")
    for finding in linter.lint_text(text, str(SEED)):
        if finding.rule.startswith("byline."):
            print(f"- {finding.rule} at {finding.line}:{finding.column} {finding.text!r}")
    for credit in doc.credits:
        line, column = doc.position(credit.start)
        print(f"- credit {credit.field} {credit.label!r} = {credit.value!r} at {line}:{column}")
    print()


def speed() -> None:
    texts = articles("hancd-sina.jsonl") + articles("hancd-tencent.jsonl")
    texts += [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "clean").glob("*.txt"))]
    chars = sum(map(len, texts))
    start = time.perf_counter()
    found = sum(len(find_credits(t)) for t in texts)
    seconds = time.perf_counter() - start
    print(f"## speed: find_credits over {chars:,} characters: {found} credits, "
          f"{chars / seconds / 1e6:.1f} M characters/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--speed", action="store_true")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit("../shared/corpus is not present beside the project")
    # the default set (as users get it), of which only the byline pack is reported
    linter = Linter(ignore=["typos", "punctuation", "headline"])
    rng = random.Random(args.seed)
    sina(linter, args.sample, rng)
    tencent(args.sample)
    seed(linter)
    if args.speed:
        speed()


if __name__ == "__main__":
    main()
