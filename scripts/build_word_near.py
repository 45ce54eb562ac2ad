"""Build lint/data/word_near.tsv, the data of the `near_word` rule kind (typos.word-near).

    /work/venv/bin/python scripts/build_word_near.py [--limit 12000] [--out lint/data/word_near.tsv]

Needs `jieba` (its dictionary: ~349,000 words with counts, MIT licence) and `pypinyin`
(readings of characters, MIT licence) at build time only; newslint itself never imports them.

What it computes (see docs/typos.md, "Misspelt common words"):

1. Right forms R: jieba words of 2-4 Han characters counted at least MIN_COUNT times, not
   tagged as names, places, organisations, idioms or set phrases.
2. For each character of R, its confusable characters x (common characters only): same
   reading (same syllable and tone: 同音), same syllable in another tone or a usual confusion
   (zh/z ch/c sh/s, n/l, f/h, -n/-ng: 音近). Writing x into R gives a variant V.
3. How often V would be written by mistake, y = weight(kind) * count(R) * share(x), where
   share(x) is x's part of the character frequency of its reading group (input methods offer
   frequent characters first), against how often V turns up in correct text: as a word
   (count(V)), inside a longer word, or across a word boundary (words ending with V's first
   part times words starting with its rest, over all words). V must be no word and no piece
   of a longer word, and P = ERROR_RATE * y / (ERROR_RATE * y + those) must reach
   MIN_POSTERIOR.
4. V must not be, contain or lie inside a wrong form of rules/typos.yaml (the dictionary rules
   report those), and must not lie inside a right form.
5. The LIMIT variants of highest y are kept (every variant is a literal of the engine's shared
   automaton: ~3 ms per MB per 10,000, see docs/performance.md). For each, the characters
   that would make a frequent word with V's first character from the left, or with its last
   character from the right, are stored: at run time such a neighbour means V is read across
   a word boundary, and the rule stays silent.
"""
from __future__ import annotations

import argparse
import collections
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MIN_COUNT = 20            # a right form is counted at least this often by jieba
MIN_CHAR_COUNT = 200      # a confusable character is this common (summed counts of words holding it)
MIN_POSTERIOR = 0.8
ERROR_RATE = 0.005       # share of a right form's occurrences assumed mistyped, for the posterior
LIMIT = 12_000
ABSORB_SHARE = 0.05       # a neighbour word counted at least this share of y silences V
ABSORB_MIN = 50
WORD_LIST_MIN = 5        # words.txt: words counted at least this often
KIND_WEIGHT = {"同音": 1.0, "音近": 0.5, "近音": 0.15}
SKIP_TAGS = {"nr", "nrt", "nrfg", "ns", "nt", "nz", "i", "l"}
# the usual confusions of Mandarin speakers (initials, then finals)
FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("f", "h"))
FUZZY_FINALS = (("ing", "in"), ("eng", "en"), ("ang", "an"))


def is_han(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def toneless(syllable: str) -> str:
    bare = "".join(ch for ch in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(ch))
    return bare.replace("ü", "v")


def fuzzy(syllable: str) -> str:
    for long, short in FUZZY_INITIALS:
        if syllable.startswith(long):
            syllable = short + syllable[len(long):]
            break
    for long, short in FUZZY_FINALS:
        if syllable.endswith(long):
            syllable = syllable[: -len(long)] + short
            break
    return syllable


def load_jieba() -> dict[str, tuple[int, str]]:
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    words = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, count, tag = line.split()
            words[word] = (int(count), tag)
    return words


def main_readings(common: set[str]) -> dict[str, str]:
    """Each common character's most frequent reading (pypinyin lists it first): the reading
    an input method files it under for most writers."""
    from pypinyin import pinyin_dict

    return {ch: pinyin_dict.pinyin_dict[ord(ch)].split(",")[0] for ch in common}


def reading_groups(main: dict[str, str]):
    """Characters by main reading: with tone, without tone, and under the usual confusions."""
    by_tone, by_bare, by_fuzzy = (collections.defaultdict(list) for _ in range(3))
    for ch, r in main.items():
        by_tone[r].append(ch)
        by_bare[toneless(r)].append(ch)
        by_fuzzy[fuzzy(toneless(r))].append(ch)
    return by_tone, by_bare, by_fuzzy


def confusables(reading: str, groups) -> dict[str, str]:
    """Characters whose main reading is `reading` (同音), the same syllable in another tone
    (音近), or a usual confusion away (近音)."""
    by_tone, by_bare, by_fuzzy = groups
    kinds = {x: "近音" for x in by_fuzzy[fuzzy(toneless(reading))]}
    kinds.update({x: "音近" for x in by_bare[toneless(reading)]})
    kinds.update({x: "同音" for x in by_tone[reading]})
    return kinds


def dictionary_wrong_forms() -> list[str]:
    import yaml

    pack = yaml.safe_load((ROOT / "rules" / "typos.yaml").read_text(encoding="utf-8"))
    return [w for rule in pack["rules"] for w in (rule.get("swap") or {})]


class Stats:
    """Counts derived from jieba's dictionary."""

    def __init__(self):
        self.words = load_jieba()
        self.count = {w: c for w, (c, _) in self.words.items()}
        self.total = sum(self.count.values())
        self.char_count = collections.Counter()
        self.ends, self.starts = collections.Counter(), collections.Counter()
        self.inside = collections.Counter()  # 2-4 character pieces of longer words
        for word, c in self.count.items():
            for ch in word:
                self.char_count[ch] += c
            for k in range(1, min(4, len(word)) + 1):
                self.ends[word[-k:]] += c
                self.starts[word[:k]] += c
            for size in range(2, min(4, len(word) - 1) + 1):
                for i in range(0, len(word) - size + 1):
                    self.inside[word[i:i + size]] += c
        self.common = {ch for ch, c in self.char_count.items() if c >= MIN_CHAR_COUNT and is_han(ch)}
        self.main = main_readings({ch for ch in self.common if ord(ch) in _pinyin_table()})
        self.groups = reading_groups(self.main)
        self.pairs_ending = collections.defaultdict(list)
        self.pairs_starting = collections.defaultdict(list)
        for w, c in self.count.items():
            if len(w) == 2 and is_han(w):
                self.pairs_ending[w[1]].append((w, c))
                self.pairs_starting[w[0]].append((w, c))

    def boundary(self, v: str) -> float:
        """Expected count of `v` read across a word boundary (independent neighbours)."""
        return max(self.ends[v[:k]] * self.starts[v[k:]] / self.total for k in range(1, len(v)))

    def seen(self, v: str) -> float:
        """How often `v` turns up in correct text: as a word, inside one, across a boundary."""
        return self.count.get(v, 0) + self.inside[v] + self.boundary(v)


def _pinyin_table():
    from pypinyin import pinyin_dict

    return pinyin_dict.pinyin_dict


def candidates(stats: Stats):
    """Every (variant, right, kind, expected slips, seen in correct text): one confusable
    character written into a right form."""
    from pypinyin import Style, pinyin

    group_count = {r: sum(stats.char_count[x] for x in chars) for r, chars in stats.groups[0].items()}
    best: dict[str, tuple] = {}
    for right, (c, tag) in stats.words.items():
        if c < MIN_COUNT or not 2 <= len(right) <= 4 or tag in SKIP_TAGS or not is_han(right):
            continue
        in_word = [r[0] for r in pinyin(right, style=Style.TONE)]  # readings in this word
        for i, ch in enumerate(right):
            reading = in_word[i]
            if reading not in group_count:
                continue
            for x, kind in confusables(reading, stats.groups).items():
                if x == ch:
                    continue
                variant = right[:i] + x + right[i + 1:]
                slips = KIND_WEIGHT[kind] * c * stats.char_count[x] / group_count[reading]
                if variant not in best or best[variant][3] < slips:
                    best[variant] = (variant, right, kind, slips)
    return [(v, r, k, y, stats.seen(v)) for v, r, k, y in best.values()]


def select(rows, stats: Stats, error_rate: float, min_posterior: float, limit: int):
    """The `limit` variants most often written by mistake among those that are rarely right."""
    wrong_forms = dictionary_wrong_forms()
    kept = []
    for variant, right, kind, slips, seen in rows:
        if variant in stats.count or stats.inside[variant]:
            continue  # a word, or a piece of one: never report it
        y = error_rate * slips
        if y / (y + seen) >= min_posterior:
            kept.append((y, variant, right, kind))
    kept.sort(key=lambda item: (-item[0], item[1]))
    out = []
    for y, variant, right, kind in kept:
        if any(w in variant or variant in w for w in wrong_forms):
            continue
        floor = max(ABSORB_MIN, ABSORB_SHARE * y)
        left = sorted(w[0] for w, c in stats.pairs_ending[variant[0]] if c >= floor)
        right_side = sorted(w[1] for w, c in stats.pairs_starting[variant[-1]] if c >= floor)
        out.append((variant, right, kind, "".join(left), "".join(right_side), y))
        if len(out) >= limit:
            break
    return out


def build(limit: int = LIMIT):
    stats = Stats()
    return select(candidates(stats), stats, ERROR_RATE, MIN_POSTERIOR, limit)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=LIMIT)
    parser.add_argument("--out", type=Path, default=ROOT / "lint" / "data" / "word_near.tsv")
    args = parser.parse_args(argv)
    stats = Stats()
    rows = select(candidates(stats), stats, ERROR_RATE, MIN_POSTERIOR, args.limit)
    import jieba
    import pypinyin

    header = [
        "# word_near.tsv: data of the near_word rule kind (typos.word-near). Generated by",
        "# scripts/build_word_near.py; do not edit by hand, rebuild instead.",
        f"# Sources: jieba {jieba.__version__} dictionary (MIT licence), pypinyin {pypinyin.__version__} (MIT licence).",
        f"# Parameters: min_count={MIN_COUNT} min_char_count={MIN_CHAR_COUNT} min_posterior={MIN_POSTERIOR} "
        f"limit={args.limit} absorb_share={ABSORB_SHARE}",
        "# Columns: variant, right form, kind, left neighbours, right neighbours (characters that make a",
        "# word with the variant's first/last character: the variant is then read across a boundary).",
    ]
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("\n".join(header) + "\n")
        for variant, right, kind, left, right_side, _ in rows:
            out.write(f"{variant}\t{right}\t{kind}\t{left}\t{right_side}\n")
    print(f"{len(rows)} variants -> {args.out}", file=sys.stderr)
    words = sorted((w, c) for w, c in stats.count.items() if 2 <= len(w) <= 4 and is_han(w) and c >= WORD_LIST_MIN)
    with open(args.out.with_name("words.txt"), "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# words.txt: jieba {jieba.__version__} dictionary words of 2-4 Han characters counted at least\n"
                  f"# {WORD_LIST_MIN} times, with their counts (MIT licence). Generated by scripts/build_word_near.py;\n"
                  "# read by the near_word rule kind only when a rule sets `pairs`.\n")
        out.writelines(f"{w} {c}\n" for w, c in words)
    print(f"{len(words)} words -> {args.out.with_name('words.txt')}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
