"""Build lint/data/script_words.tsv: Traditional spellings of Simplified words whose odd
character is also a Simplified character (`终於`, `随著`, `乾净`), for `script.traditional`.

    /work/venv/bin/python scripts/build_script_words.py [--out lint/data/script_words.tsv]

Needs `jieba` (its dictionary: ~349,000 words with counts, MIT licence) and `opencc` (Apache
2.0) at build time; newslint itself reads only the built file. The same jieba and OpenCC give
the same bytes. See docs/script.md ("Words with characters of both scripts").

How the table is made:

1. Right forms: jieba's words of 2-4 Han characters counted at least RIGHT_MIN_COUNT times,
   except names of persons and places (a name keeps its bearer's characters: 於 is a surname
   of its own).
2. Each right form is converted with OpenCC's `s2t`, `s2tw` and `s2hk` (how a Traditional
   writer, an input method in Traditional mode or a converter writes it). A converted character
   that differs from the right form's and that the `script` kind does NOT flag by itself (it is
   also a Simplified character, or OpenCC's `t2s` leaves it alone: 於, 著, 乾, 藉, 瞭, 衞) is
   put back into the Simplified word, alone or with the word's other such characters: `终於`,
   `随著`, `乾净`. (Characters the kind flags, like 終 or 隨, are its character-level business.)
   A flagged converted character that writers often type in a variant form of both scripts
   is replaced by it first (`VARIANTS`: `麼` by `麽`).
3. A written form that is itself a jieba word counted at least WORD_MIN_COUNT times (`执著`,
   `想像`, `凭藉`) is a word in its own right and is left out.
4. A character is kept only when its Traditional uses matter next to its Simplified ones: the
   right forms of its entries are counted, together, at least KEEP_RATIO times as often as the
   jieba words that use it as written (`么` in `什么` is kept out: its one entry is a rarity).
   The kept characters are the literals the rule watches for.
5. Shelters: the jieba words counted at least WORD_MIN_COUNT times that use a kept character
   as written (`著名`, `显著`, `乾隆`, `慰藉`, `瞭望`). At run time a character inside one of
   them is never reported (`跟随著名导演`: `随著` is an entry, `著名` wins).

6. Particles: a kept character many of whose entries end with it after a verb (`看著`, `位於`:
   着 and 于 follow verbs) is a particle; after any of jieba's verbs of 1-2 characters counted
   at least VERB_MIN_COUNT times (the line `@verbs`) and before a Han character, it is taken
   for a slip too (`笑著说`, `专注於`), offered as an unsafe fix.

Each entry is `written<TAB>right<TAB>flags`; flags `s` (a safe fix) when jieba does not list
the written form at all and every conversion agrees on one right form, `u` otherwise (jieba
lists it among its rare variant entries, counted under WORD_MIN_COUNT: `对於`, `藉口`); then
`>` when the right form is a preposition (jieba's tag `p`: `随着`, `对于`): it is reported only
before a Han character, its object (`许某冲著，`: an author's credit, not `冲着`). Shelters
are `word<TAB>=`.
"""
from __future__ import annotations

import argparse
import itertools
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RIGHT_MIN_COUNT = 20   # a right form is counted at least this often in jieba's dictionary
WORD_MIN_COUNT = 5     # a written form counted this often is a word of its own (words.txt's floor)
KEEP_RATIO = 0.2       # a character's entries' counts over its own words' counts
VERB_MIN_COUNT = 50    # a verb before a particle is counted at least this often
PARTICLE_MIN = 20      # a particle has at least this many entries of a verb and itself
PARTICLE_SHARE = 0.25  # and they are at least this share of its entries that end with it
PREPOSITION = "p"     # jieba's tag of a preposition (随着, 对于): it stands before its object
NAME_TAGS = {"nr", "nrfg", "nrt", "ns"}
# A flagged Traditional character that writers often type in its other form, a character of
# both scripts (OpenCC's t2s gives 么 for both 麼 and 麽; Taiwan and Hong Kong text has both,
# and 麽 passes the character-level check). OpenCC's tables cannot tell such a variant from
# another character of the same Simplified form (乾 and 幹 are both 干; 袷 and 夾 both 夹), so
# this one is named.
VARIANTS = {"麼": "麽"}
CONVERSIONS = ("s2t.json", "s2tw.json", "s2hk.json")


def is_han(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def build():
    import jieba
    import opencc

    from lint.opencc_tables import Tables

    trad = Tables.get().trad
    flagged = trad.only  # the characters the kind flags by themselves
    converters = [opencc.OpenCC(name) for name in CONVERSIONS]
    words: dict[str, tuple[int, str]] = {}
    with open(Path(jieba.__file__).with_name("dict.txt"), encoding="utf-8") as handle:
        for line in handle:
            word, count, tag = line.split()
            words[word] = (int(count), tag)

    rights: dict[str, set[str]] = defaultdict(set)  # written -> right forms
    for word, (count, tag) in words.items():
        if not (2 <= len(word) <= 4 and is_han(word) and count >= RIGHT_MIN_COUNT) or tag in NAME_TAGS:
            continue
        for converter in converters:
            converted = converter.convert(word)
            if len(converted) != len(word):
                continue
            converted = "".join(VARIANTS.get(b, b) if a != b else b for a, b in zip(word, converted))
            places = [i for i, (a, b) in enumerate(zip(word, converted))
                      if a != b and b not in flagged and is_han(b)]
            for k in range(1, len(places) + 1):
                for chosen in itertools.combinations(places, k):
                    written = "".join(converted[i] if i in chosen else ch for i, ch in enumerate(word))
                    if words.get(written, (0,))[0] < WORD_MIN_COUNT:
                        rights[written].add(word)

    # which characters are worth watching: their entries against their own words
    entry_count: dict[str, int] = defaultdict(int)
    for written, forms in rights.items():
        for right in forms:
            for a, b in zip(written, right):
                if a != b:
                    entry_count[a] += words[right][0]
    own_count: dict[str, int] = defaultdict(int)
    for word, (count, _) in words.items():
        if count >= WORD_MIN_COUNT and is_han(word) and word not in rights:
            for ch in set(word) & entry_count.keys():
                own_count[ch] += count
    kept = {ch for ch, n in entry_count.items() if n >= KEEP_RATIO * own_count[ch]}

    entries = []
    for written, forms in sorted(rights.items()):
        if not all(a == b or a in kept for right in forms for a, b in zip(written, right)):
            continue
        right = max(sorted(forms), key=lambda w: words[w][0])
        safe = written not in words and len(forms) == 1
        before = all(words[form][1] == PREPOSITION for form in forms)
        entries.append(f"{written}\t{right}\t{'s' if safe else 'u'}{'>' if before else ''}")
    # particles: characters whose Traditional spellings are mostly a verb and the character
    # (看著, 位於), so that after any listed verb, before a Han character, it is a slip too
    verbs = sorted(word for word, (count, tag) in words.items()
                   if tag == "v" and count >= VERB_MIN_COUNT and 1 <= len(word) <= 2 and is_han(word))
    verb_set = set(verbs)
    after_verb: dict[str, list[str]] = defaultdict(list)
    ending: dict[str, int] = defaultdict(int)
    for written, forms in rights.items():
        right = max(sorted(forms), key=lambda w: words[w][0])
        if written[-1] in kept and written[-1] != right[-1]:
            ending[written[-1]] += 1
            if written[:-1] in verb_set:
                after_verb[written[-1]].append(right[-1])
    particles = {ch: max(sorted(set(rights_)), key=rights_.count) for ch, rights_ in after_verb.items()
                 if len(rights_) >= PARTICLE_MIN and len(rights_) >= PARTICLE_SHARE * ending[ch]}
    shelters = sorted(word for word, (count, _) in words.items()
                      if 2 <= len(word) <= 4 and is_han(word) and count >= WORD_MIN_COUNT
                      and word not in rights and set(word) & kept)
    header = (
        f"# script_words.tsv: Traditional spellings (OpenCC {opencc.__version__} s2t/s2tw/s2hk) of jieba "
        f"{jieba.__version__} words (MIT licence) counted >= {RIGHT_MIN_COUNT} times, whose odd character is\n"
        f"# also Simplified: written<TAB>right<TAB>s (safe fix) or u, then > (only before a Han character); shelters (jieba words counted >= "
        f"{WORD_MIN_COUNT} times using the character as written): word<TAB>=\n"
        f"# characters: {''.join(sorted(kept))}\n"
        f"# particles: {' '.join(ch + particles[ch] for ch in sorted(particles))}\n"
        f"# verbs (jieba's tag v, counted >= {VERB_MIN_COUNT} times): the line @verbs\n"
        "# Generated by scripts/build_script_words.py; do not edit.\n")
    stats = {ch: (entry_count[ch], own_count[ch]) for ch in entry_count}
    return header, entries, [f"{word}\t=" for word in shelters], verbs, kept, stats


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "lint" / "data" / "script_words.tsv")
    parser.add_argument("--stats", action="store_true", help="print each character's counts")
    args = parser.parse_args(argv)
    header, entries, shelters, verbs, kept, stats = build()
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write(header)
        out.write("\n".join(entries + shelters) + "\n")
        out.write("@verbs\t" + " ".join(verbs) + "\n")
    if args.stats:
        for ch, (n, own) in sorted(stats.items(), key=lambda item: -item[1][0]):
            print(f"{ch} entries {n} own {own} {'kept' if ch in kept else '-'}", file=sys.stderr)
    safe = sum(entry.split("\t")[2].startswith("s") for entry in entries)
    print(f"{len(entries)} entries ({safe} safe), {len(shelters)} shelters, characters {''.join(sorted(kept))}"
          f" -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
