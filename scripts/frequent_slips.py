"""Misspellings that people really write, found in a word-frequency list (a development tool).

    pip install wordfreq==3.1.1 jieba pypinyin        # development only, not dependencies
    python scripts/frequent_slips.py [--ratio 30] [--right-zipf 3] [--lengths 3,4] > slips.tsv

wordfreq's Chinese list (`large_zh`: Wikipedia, subtitles, news, web text, books and
jieba's own list, tokenised with jieba; data CC BY-SA 4.0, code Apache-2.0) records what
writers wrote, slips included: `互连网`, `天燃气`, `侯选人` are in it, thousands of times less
often than the right forms. A form of the list is printed as a candidate when

- it is 3-4 Han characters long (two-character forms are almost always correct text
  somewhere across a word boundary: docs/typos.md, "What an entry must be"),
- one character away from a word of the list counted at least `--ratio` times as often and
  at least `--right-zipf` on wordfreq's scale (3: once per million words), and that character
  is confusable with the written one (`lint.spelling.confusion`: same or near reading, shape),
- jieba's dictionary counts it at most 10 times (more: a word in its own right), pypinyin's
  phrases do not hold it (a recorded phrase or variant), it is not already a wrong form of
  `rules/typos.yaml`, and its right form is not tagged as a name by jieba (near-misses of names
  are mostly variant transliterations: 柯林顿, 义大利);
- it occurs in no clean corpus text (`../shared/corpus/clean`), and the count of its
  occurrences in the corpus articles and the seed page is printed (each to be read).

Output (TSV, most frequent first): wrong, right, kind of confusion, wordfreq's zipf of each,
jieba's count of the wrong form, occurrences in the corpus articles. Nothing is written into
the project: every candidate is read and judged before it goes into `rules/typos.yaml`
(a word of its own that the lists lack, `负责任`, `科学园`, `连续型`, stays out). The entries
taken this way are the group `词频语料中的常见误写` of `typos.word`; docs/typos.md says how they
were judged.
"""
from __future__ import annotations

import argparse
import math
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
NAME_TAGS = ("nr", "nrt", "nrfg", "ns", "nt", "nz")


def zipf(frequency: float) -> float:
    return math.log10(frequency) + 9


def jieba_entries() -> dict[str, tuple[int, str]]:
    import jieba

    entries: dict[str, tuple[int, str]] = {}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as handle:
        for line in handle:
            word, number, tag = line.split()
            if int(number) >= entries.get(word, (0, ""))[0]:
                entries[word] = (int(number), tag)
    return entries


def dictionary_forms() -> set[str]:
    import yaml

    with open(ROOT / "rules" / "typos.yaml", encoding="utf-8") as handle:
        pack = yaml.safe_load(handle)
    known: set[str] = set()
    for rule in pack["rules"]:
        if isinstance(rule.get("swap"), dict):
            known |= set(rule["swap"])
    return known


def corpus_texts(part: str) -> list[str]:
    import json

    texts = []
    if part == "clean":
        texts = [path.read_text(encoding="utf-8") for path in sorted((CORPUS / "clean").glob("*.txt"))]
    else:
        for path in sorted((CORPUS / "articles").glob("*.jsonl")):
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    item = json.loads(line)
                    texts.append((item.get("title") or "") + "\n" + (item.get("body") or ""))
        texts += [path.read_text(encoding="utf-8") for path in sorted((CORPUS / "seed").glob("*")) if path.is_file()]
    return texts


def candidates(ratio: float, right_zipf: float, lengths: set[int]) -> list[tuple]:
    import wordfreq
    from pypinyin.phrases_dict import phrases_dict

    from lint.spelling import confusion

    frequency = {word: value for word, value in wordfreq.get_frequency_dict("zh", "large").items()
                 if 2 <= len(word) <= 4 and HAN.match(word)}
    by_gap: dict[tuple[str, str], list[str]] = {}
    for word in frequency:
        for position in range(len(word)):
            by_gap.setdefault((word[:position], word[position + 1:]), []).append(word)
    jieba = jieba_entries()
    known = dictionary_forms()
    found = []
    for wrong, wrong_frequency in frequency.items():
        if len(wrong) not in lengths or wrong in known or wrong in phrases_dict or jieba.get(wrong, (0, ""))[0] > 10:
            continue
        best = None
        for position in range(len(wrong)):
            for right in by_gap[wrong[:position], wrong[position + 1:]]:
                right_frequency = frequency[right]
                if right == wrong or right_frequency < ratio * wrong_frequency or zipf(right_frequency) < right_zipf:
                    continue
                kinds = confusion.kinds(wrong[position], right[position])
                if kinds and (best is None or right_frequency > best[1]):
                    best = (right, right_frequency, kinds[0])
        if best is None or jieba.get(best[0], (0, ""))[1] in NAME_TAGS:
            continue
        found.append((wrong, best[0], best[2], zipf(wrong_frequency), zipf(best[1]), jieba.get(wrong, (0, ""))[0]))
    found.sort(key=lambda item: -item[3])
    return found


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ratio", type=float, default=30)
    parser.add_argument("--right-zipf", type=float, default=3)
    parser.add_argument("--lengths", default="3,4")
    args = parser.parse_args(argv)
    found = candidates(args.ratio, args.right_zipf, {int(n) for n in args.lengths.split(",")})
    clean = corpus_texts("clean")
    articles = corpus_texts("articles")
    print("# wrong\tright\tkind\tzipf wrong\tzipf right\tjieba count of wrong\toccurrences in corpus articles and seed")
    for wrong, right, kind, wrong_zipf, right_zipf_, jieba_count in found:
        if any(wrong in text for text in clean):
            continue
        hits = sum(text.count(wrong) for text in articles)
        print(f"{wrong}\t{right}\t{kind}\t{wrong_zipf:.2f}\t{right_zipf_:.2f}\t{jieba_count}\t{hits}")


if __name__ == "__main__":
    main()
