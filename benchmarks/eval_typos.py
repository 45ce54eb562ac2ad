"""Precision and recall check for the `typos` pack's data (rules/typos.yaml).

A development tool, not part of the product: it reads the rule file with PyYAML and checks
the dictionary itself, without the engine, so that it can run before any engine change.

    python benchmarks/eval_typos.py [--rules rules/typos.yaml] [--corpus ../shared/corpus]
                                    [--jieba-dict PATH] [--strict] [--verbose]

What it checks (each problem is printed with the entry it concerns):
  1. the file: duplicate keys (PyYAML would silently keep the last one), entries mapping to
     themselves, a wrong form used by two rules, and the review order (inside every group of
     a `swap` block — groups are separated by comment lines — keys are sorted);
  2. idempotence: no wrong form equals any right form, and no right form contains a wrong form
     (fixing would then leave a new finding); a wrong form that can be completed from a right
     form plus neighbouring text (a right form's end is a wrong form's start, or the reverse)
     is listed as context-dependent;
  3. the corpus: every occurrence of a wrong form in ../shared/corpus/clean/*.txt (edited text:
     each hit is a false positive unless judged otherwise), in the bodies and titles of
     ../shared/corpus/articles/*.jsonl and in the seed page (real text that may hold real typos:
     each hit is listed for judgement), after the rule's exceptions;
  4. the word list (jieba's dict.txt, a development-only dependency): a wrong form that is
     itself a dictionary word, and a wrong form XY that can be read across a word boundary
     ("…X" + "Y…", both common) — estimated from how often words ending in X and words
     starting with Y occur in the corpus;
     The confusable rules (typos.confusable, typos.particle: real words in the wrong context)
     take part in checks 1-3 with each expanded literal as a wrong form (the literal corrected
     as its right form), not in check 4: their wrong forms are words by design;
  5. recall on tests/data/idiom_recall.tsv (held out: written before the dictionary) by
     substring matching, and findings per 10,000 characters on the corpus, for the
     substitution rules and for the repetition rule.
Exit status: 0, or 1 with --strict when a check of kind 1-3 (or an unjudged clean-corpus hit)
failed. Word-list findings are for review; see docs/typos.md for how to judge them.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
RECALL = ROOT / "tests" / "data" / "idiom_recall.tsv"
REVIEWED = Path(__file__).resolve().parent / "typos_reviewed.tsv"

# Expected occurrences per million characters above which a cross-boundary reading of a
# wrong form is reported for review.
BOUNDARY_RISK = 0.05
# A wrong form made of words each listed at least this often in jieba's dictionary is listed for review.
COMPOSED_FREQ = 100


# ---------------------------------------------------------------- loading
class _DupLoader(yaml.SafeLoader):
    pass


def _mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            loader.duplicates.append((key, key_node.start_mark.line + 1, seen[key]))
        else:
            seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_DupLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_rules(path: Path):
    text = path.read_text(encoding="utf-8")
    loader = _DupLoader(text)
    loader.duplicates = []
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    return text, data, loader.duplicates


def confusable_entries(rule: dict) -> dict:
    """A confusable rule as a substitution rule would be written: every expanded literal as a
    wrong form, the literal corrected as its right form, the expanded exceptions."""
    sys.path.insert(0, str(ROOT))
    from lint.kinds.confusable import expand

    swap, exceptions, marked = {}, [], {}
    for group in rule["groups"]:
        for form in group["forms"]:
            for literal, start, end, right in expand(form):
                swap[literal] = literal[:start] + right + literal[end:]
                marked[literal] = (start, end)
        for form in group.get("exceptions") or []:
            exceptions += [literal for literal, *_ in expand(form, marked=False)]
    return {"id": rule["id"], "kind": "confusable", "swap": swap, "exceptions": exceptions, "marked": marked}


def error_span(rule: dict, wrong: str, start: int) -> tuple[int, int]:
    """Where the error of a wrong form found at `start` lies: the marked characters of a
    confusable rule's literal (its exceptions shelter those), the whole form otherwise."""
    if "marked" in rule:
        first, last = rule["marked"][wrong]
        return start + first, start + last
    return start, start + len(wrong)


def swap_groups(text: str):
    """Groups of `swap:` keys as written: (rule id, group title, [(line, key)])."""
    groups, rule_id, in_swap, indent, title = [], None, False, None, None
    for no, line in enumerate(text.splitlines(), 1):
        m = re.match(r"\s*- id:\s*(\S+)", line)
        if m:
            rule_id, in_swap = m.group(1), False
            continue
        if re.match(r"\s+swap:\s*(&\S+\s*)?$", line):
            in_swap, indent, title = True, None, None
            groups.append((rule_id, title, []))
            continue
        if not in_swap:
            continue
        stripped = line.strip()
        if not stripped:
            continue
        cur = len(line) - len(line.lstrip())
        if indent is None:
            indent = cur
        if cur < indent:
            in_swap = False
            continue
        if stripped.startswith("#"):
            groups.append((rule_id, stripped.lstrip("# ").strip(), []))
            continue
        key = stripped.split(":", 1)[0].strip().strip("'\"")
        groups[-1][2].append((no, key))
    return [g for g in groups if g[2]]


def read_corpus(corpus: Path):
    """{name: [texts]} for the clean files, the article bodies/titles and the seed page."""
    out = {"clean": [], "articles": [], "seed": []}
    for p in sorted((corpus / "clean").glob("*.txt")):
        out["clean"].append((p.name, p.read_text(encoding="utf-8")))
    for p in sorted((corpus / "articles").glob("*.jsonl")):
        for n, line in enumerate(p.open(encoding="utf-8"), 1):
            d = json.loads(line)
            out["articles"].append((f"{p.name}:{n}", (d.get("title") or "") + "\n" + (d.get("body") or "")))
    for p in sorted((corpus / "seed").glob("*.txt")):
        out["seed"].append((p.name, p.read_text(encoding="utf-8")))
    return out


def find_jieba_dict(explicit: str | None):
    if explicit:
        return Path(explicit)
    try:
        import jieba  # noqa: F401  (development-only tool)
    except ImportError:
        return None
    return Path(jieba.__file__).parent / "dict.txt"


# ---------------------------------------------------------------- matching
def occurrences(text: str, needle: str):
    start = text.find(needle)
    while start != -1:
        yield start
        start = text.find(needle, start + 1)


def sheltered(text: str, start: int, end: int, exceptions) -> bool:
    for exc in exceptions:
        lo = max(0, end - len(exc))
        window = text[lo:start + len(exc)]
        for off in occurrences(window, exc):
            es = lo + off
            if es <= start and end <= es + len(exc):
                return True
    return False


class Automaton:
    """A tiny Aho-Corasick (pure Python) so the check needs nothing but PyYAML."""

    def __init__(self, words):
        self.goto, self.fail, self.out = [{}], [0], [[]]
        for w in words:
            s = 0
            for ch in w:
                nxt = self.goto[s].get(ch)
                if nxt is None:
                    nxt = len(self.goto)
                    self.goto[s][ch] = nxt
                    self.goto.append({}), self.fail.append(0), self.out.append([])
                s = nxt
            self.out[s].append(w)
        queue = collections.deque(self.goto[0].values())
        while queue:
            s = queue.popleft()
            for ch, t in self.goto[s].items():
                queue.append(t)
                f = self.fail[s]
                while f and ch not in self.goto[f]:
                    f = self.fail[f]
                self.fail[t] = self.goto[f].get(ch, 0) if self.goto[f].get(ch, 0) != t else 0
                self.out[t] = self.out[t] + self.out[self.fail[t]]

    def find(self, text):
        s = 0
        for i, ch in enumerate(text):
            while s and ch not in self.goto[s]:
                s = self.fail[s]
            s = self.goto[s].get(ch, 0)
            for w in self.out[s]:
                yield i + 1 - len(w), w


# ---------------------------------------------------------------- checks
def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rules", default=str(ROOT / "rules" / "typos.yaml"))
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--jieba-dict", default=None, help="path of jieba's dict.txt (default: the installed jieba's)")
    ap.add_argument("--recall", default=str(RECALL))
    ap.add_argument("--strict", action="store_true", help="exit 1 when a blocking check fails")
    ap.add_argument("--verbose", action="store_true", help="list every word-list finding, not only a summary")
    args = ap.parse_args(argv)

    problems = 0
    reviewed = {}
    if REVIEWED.exists():
        for line in list(REVIEWED.open(encoding="utf-8"))[1:]:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3:
                reviewed[(parts[0], parts[1])] = parts[2]

    def note(wrong, check):
        judged = reviewed.get((wrong, check))
        return f"  (reviewed: {judged})" if judged else ""

    text, data, duplicates = load_rules(Path(args.rules))
    rules = data["rules"]
    subs = [r for r in rules if r.get("kind") == "substitution"]
    contextual = {r["id"] for r in rules if r.get("kind") == "confusable"}
    subs += [confusable_entries(r) for r in rules if r.get("kind") == "confusable"]
    reps = [r for r in rules if r.get("kind") == "repetition"]

    print(f"== {args.rules}")
    for r in subs:
        print(f"  {data.get('pack', 'typos')}.{r['id']:<8} substitution {len(r['swap']):>5} entries, {len(r.get('exceptions') or [])} exceptions")
    for r in reps:
        print(f"  {data.get('pack', 'typos')}.{r['id']:<8} repetition   {len(r['tokens']):>5} units,   {len(r.get('exceptions') or [])} exceptions")
    core = sum(len(r["swap"]) for r in subs if r["id"] in ("idiom", "word"))
    print(f"  idiom+word entries: {core}")

    # 1. the file
    print("\n== 1. file checks")
    for key, line, first in duplicates:
        print(f"  DUPLICATE key {key!r} at line {line} (first at line {first})")
        problems += 1
    owner = {}
    for r in subs:
        for w, right in r["swap"].items():
            if w == right:
                print(f"  SELF {r['id']}: {w}")
                problems += 1
            if w in owner:
                print(f"  TWO RULES {w}: {owner[w]} and {r['id']}")
                problems += 1
            owner[w] = r["id"]
    ac_all = Automaton({w for r in subs for w in r["swap"]})
    exc_by_rule = {r["id"]: r.get("exceptions") or [] for r in subs}
    for r in subs:
        for w in r["swap"]:
            for start, inner in ac_all.find(w):
                if inner != w and owner[inner] != r["id"] and not sheltered(w, start, start + len(inner), exc_by_rule[owner[inner]]):
                    print(f"  OVERLAP {r['id']} {w!r} contains {owner[inner]} {inner!r}: two findings on one error")
                    problems += 1
    for rule_id, title, keys in swap_groups(text):
        names = [k for _, k in keys]
        if names != sorted(names):
            bad = next(i for i in range(1, len(names)) if names[i] < names[i - 1])
            print(f"  ORDER {rule_id} / {title}: line {keys[bad][0]} {names[bad]!r} sorts before {names[bad - 1]!r}")
            problems += 1
    print(f"  {problems} problem(s)")

    # 2. idempotence
    print("\n== 2. idempotence")
    before = problems
    wrong_to = {}
    exc_of = {}
    rule_of = {}
    for r in subs:
        for w, right in r["swap"].items():
            wrong_to[w] = right
            exc_of[w] = r.get("exceptions") or []
            rule_of[w] = r
    rights = collections.defaultdict(list)
    for w, right in wrong_to.items():
        rights[right].append(w)
    for w in wrong_to:
        if w in rights:
            print(f"  WRONG IS A RIGHT FORM: {w} (right form of {rights[w]})")
            problems += 1
    ac = Automaton(wrong_to)
    context = []
    for right, ws in rights.items():
        for start, w in ac.find(right):
            if not sheltered(right, *error_span(rule_of[w], w, start), exc_of[w]):
                print(f"  RIGHT FORM FLAGGED: fixing {ws} gives {right!r}, which contains wrong form {w!r}")
                problems += 1
    wrong_list = list(wrong_to)
    by_prefix = collections.defaultdict(list)
    by_suffix = collections.defaultdict(list)
    for w in wrong_list:
        for k in range(1, len(w)):
            by_prefix[w[:k]].append(w)
            by_suffix[w[-k:]].append(w)
    for right, ws in rights.items():
        for k in range(1, len(right) + 1):
            for w in by_prefix.get(right[-k:], ()):  # right's end starts w
                if len(w) > k:
                    context.append((ws[0], right, w, "right + text"))
            for w in by_suffix.get(right[:k], ()):  # right's start ends w
                if len(w) > k:
                    context.append((ws[0], right, w, "text + right"))
    print(f"  {problems - before} problem(s); {len(context)} context-dependent pair(s): a right form followed or preceded")
    print("  by particular text re-forms a wrong form (that text is itself a typo, e.g. 一帆风顺 + 水推周); --verbose lists them")
    for c in context if args.verbose else []:
        print(f"    {c[0]} -> {c[1]}: {c[3]} can form {c[2]!r}")

    # 3. corpus
    corpus = Path(args.corpus)
    chars = {}
    hits_by_part = {}
    if corpus.is_dir():
        print(f"\n== 3. corpus ({corpus})")
        parts = read_corpus(corpus)
        for part, docs in parts.items():
            chars[part] = sum(len(t) for _, t in docs)
            found = []
            for name, t in docs:
                for start, w in ac.find(t):
                    if sheltered(t, *error_span(rule_of[w], w, start), exc_of[w]):
                        continue
                    found.append((name, start, w, t[max(0, start - 12):start + len(w) + 12].replace("\n", " ")))
            hits_by_part[part] = found
            print(f"  {part}: {chars[part]:,} chars, {len(found)} hit(s) of substitution rules")
            for name, start, w, ctx in found:
                print(f"    {owner[w]:<8} {w} -> {wrong_to[w]}  [{name}@{start}] …{ctx}…{note(w, 'corpus')}")
        problems += sum(1 for _, _, w, _ in hits_by_part.get("clean", []) if (w, "corpus") not in reviewed)
    else:
        print(f"\n== 3. corpus: {corpus} not found, skipped")

    # 4. word list
    unreviewed = 0
    jd = find_jieba_dict(args.jieba_dict)
    print("\n== 4. word list")
    if jd and jd.exists():
        freq = {}
        for line in jd.open(encoding="utf-8"):
            p = line.split()
            if len(p) >= 2:
                freq[p[0]] = int(p[1])
        in_dict = [(w, freq[w], freq.get(wrong_to[w], 0)) for w in wrong_to if w in freq and owner[w] != "variant" and owner[w] not in contextual]
        print(f"  {len(in_dict)} wrong form(s) of idiom/word are entries of jieba's dictionary ({jd})")
        print("  (its 349k entries come from web text and include common misspellings at the lowest")
        print("   frequencies; REVIEW: listed more often than 3 and not much rarer than the right form)")
        suspicious = [(w, f, rf) for w, f, rf in in_dict if not rf or (f > 3 and f * 5 > rf)]
        unreviewed += sum(1 for w, _, _ in suspicious if (w, "jieba") not in reviewed)
        for w, f, rf in sorted(suspicious, key=lambda x: -x[1]):
            print(f"    REVIEW {owner[w]:<8} {w} (freq {f}) -> {wrong_to[w]} (freq {rf}){note(w, 'jieba')}")
        if args.verbose:
            for w, f, rf in sorted(set(in_dict) - set(suspicious)):
                print(f"    misspelling recorded by jieba: {w} ({f}) -> {wrong_to[w]} ({rf})")
        # wrong forms made wholly of common words (two characters or more each), e.g. 不容|质疑
        composed = []
        for w in wrong_to:
            if owner[w] == "variant" or owner[w] in contextual:
                continue
            best = None
            stack = [(0, [])]
            while stack:
                i, acc = stack.pop()
                if i == len(w):
                    if len(acc) >= 2:
                        score = min(freq[p] for p in acc)
                        if best is None or score > best[0]:
                            best = (score, acc)
                    continue
                for j in range(i + 2, len(w) + 1):
                    if freq.get(w[i:j], 0) >= COMPOSED_FREQ:
                        stack.append((j, acc + [w[i:j]]))
            if best:
                composed.append((best[0], w, "|".join(best[1])))
        unreviewed += sum(1 for _, w, _ in composed if (w, "composed") not in reviewed)
        print(f"  {len(composed)} wrong form(s) made of common words (each listed >= {COMPOSED_FREQ} times): judge each")
        for score, w, seg in sorted(composed, reverse=True):
            print(f"    COMPOSED {owner[w]:<8} {w} = {seg} -> {wrong_to[w]} (rarest part {score}){note(w, 'composed')}")
        # cross-boundary readings, estimated from the corpus segmented with jieba
        if corpus.is_dir():
            try:
                import jieba
                jieba.setLogLevel(60)
                jieba.set_dictionary(str(jd))
            except ImportError:
                jieba = None
            if jieba:
                tokens = collections.Counter()
                for part in ("clean", "articles"):
                    for _, t in parts[part]:
                        tokens.update(jieba.lcut(t, HMM=False))
                total = sum(tokens.values())
                nchars = chars["clean"] + chars["articles"]
                ends, starts = collections.Counter(), collections.Counter()
                for tok, n in tokens.items():
                    for k in range(1, min(len(tok), 3) + 1):
                        ends[tok[-k:]] += n
                        starts[tok[:k]] += n
                risky = []
                for w in wrong_to:
                    if owner[w] in contextual:
                        continue
                    for i in range(1, min(len(w), 4)):
                        left, right = w[:i], w[i:]
                        if len(left) > 3 or len(right) > 3:
                            continue
                        expected = ends[left] * starts[right] / total  # per `total` tokens
                        per_million = expected * 1e6 / nchars
                        if per_million >= BOUNDARY_RISK:
                            risky.append((per_million, w, left, right))
                risky.sort(reverse=True)
                unreviewed += sum(1 for _, w, _, _ in risky if (w, "boundary") not in reviewed)
                print(f"  {len(risky)} wrong form(s) readable across a word boundary (>= {BOUNDARY_RISK} expected per million chars):")
                for pm, w, left, right in risky:
                    print(f"    BOUNDARY {owner[w]:<8} {w} -> {wrong_to[w]}: …{left} + {right}… ~{pm:.2f}/M{note(w, 'boundary')}")
    else:
        print("  jieba is not installed: pip install jieba (development only) to run this check")

    # 5. figures
    print("\n== 5. figures")
    recall_path = Path(args.recall)
    if recall_path.exists():
        rows = [l.rstrip("\n").split("\t") for l in recall_path.open(encoding="utf-8")][1:]
        rows = [r for r in rows if len(r) == 2]
        for label, ids in (("idiom+word", {"idiom", "word"}), ("all substitution rules", {r["id"] for r in subs})):
            sub = {w: r for w, r in wrong_to.items() if owner[w] in ids}
            auto = Automaton(sub)
            flagged = fixed = 0
            missed = []
            for wrong, right in rows:
                found = [(s, w) for s, w in auto.find(wrong)]
                if found:
                    flagged += 1
                    s, w = min(found, key=lambda sw: (sw[0], -len(sw[1])))  # leftmost-longest, as the engine
                    if wrong[:s] + sub[w] + wrong[s + len(w):] == right:
                        fixed += 1
                else:
                    missed.append(wrong)
            print(f"  recall ({label}) on {recall_path.name}: flagged {flagged}/{len(rows)} = {flagged / len(rows):.2f}, fixed to the expected form {fixed}/{len(rows)}")
            if label == "idiom+word" and missed:
                print(f"    missed: {' '.join(missed)}")
    for part, found in hits_by_part.items():
        n = chars[part]
        per = collections.Counter(owner[w] for _, _, w, _ in found)
        figs = ", ".join(f"{k} {per.get(k, 0) * 1e4 / n:.3f}" for k in (r["id"] for r in subs))
        print(f"  substitution hits per 10,000 chars on {part} ({n:,} chars): {figs}")
    if corpus.is_dir():
        for r in reps:
            units = r["tokens"]
            exc = r.get("exceptions") or []
            least = r.get("min", 2)
            for part in ("clean", "articles", "seed"):
                found = []
                for name, t in parts[part]:
                    for u in units:
                        for m in re.finditer(f"(?:{re.escape(u)}){{{least},}}", t):
                            if not sheltered(t, m.start(), m.end(), exc):
                                found.append((name, m.group(), t[max(0, m.start() - 10):m.end() + 10].replace("\n", " ")))
                print(f"  {r['id']}: {len(found)} hit(s) on {part} = {len(found) * 1e4 / chars[part]:.3f} per 10,000 chars")
                for name, g, ctx in found:
                    print(f"    {g}  [{name}] …{ctx}…")
                if part == "clean":
                    problems += len(found)

    print(f"\n== {problems} blocking problem(s); word-list findings not yet reviewed: {unreviewed}")
    return 1 if (args.strict and problems) else 0


if __name__ == "__main__":
    sys.exit(main())
