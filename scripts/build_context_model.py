"""Build lint/spelling/data/context.bin, the word bigram context model of the spelling rules.

    apt-get install sunpinyin-data sunpinyin-utils          # as root, build time only
    /work/venv/bin/python scripts/build_context_model.py

or, without installing the packages (any user):

    apt-get download sunpinyin-data sunpinyin-utils
    for deb in sunpinyin-*.deb; do dpkg-deb -x "$deb" /tmp/sunpinyin; done
    /work/venv/bin/python scripts/build_context_model.py --root /tmp/sunpinyin

Source: Debian's `sunpinyin-data` (0.1.22+20170109; the open-gram language model of
SunPinyin: a word trigram model `lm_sc.t3g` of 71,759 words, 2.5 million bigrams and 1 million
trigrams, with its dictionary `pydict_sc.bin`), licensed CC BY-SA 3.0 (see
/usr/share/doc/sunpinyin-data/copyright; the data file built here is an adaptation under the
same licence). `sunpinyin-utils`' `tslminfo -v` prints the threaded model as text (word ids
and -ln probabilities); the word of each id is read from the dictionary (a pinyin trie whose
tail is the word strings, one per id, NUL-terminated UTF-32).

What is kept (to stay small and fast to read; see `lint/spelling/context.py` for the format):
- the 65,536 most probable words of the model (of 71,759; the others were seen about once),
  with their unigram cost and back-off weight, in units of 0.01 nat;
- bigrams whose probability differs from the back-off estimate by at least PRUNE nats (the
  others are what back-off gives anyway), among words of at most MAX_WORD characters, with
  no sentence-boundary token; costs quantised to STEP (0.1 nat);
- no trigrams (a window of a few words gains little from them, and they would double the file).

The same packages give the same bytes.
"""
from __future__ import annotations

import argparse
import glob
import math
import os
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lint.spelling.context import encode  # noqa: E402

PRUNE = 1.0        # nats: bigrams closer than this to their back-off estimate are dropped
MAX_WORD = 8       # characters
WORDS = 65536      # the most probable words are kept (an id fits in 16 bits)


def find(root: Path, pattern: str) -> Path:
    found = sorted(glob.glob(str(root / pattern)))
    if not found:
        raise SystemExit(f"not found: {root / pattern} (install sunpinyin-data and sunpinyin-utils, see --help)")
    return Path(found[0])


def dictionary_words(path: Path) -> list[str]:
    """The word of each id of SunPinyin's dictionary (pydict_sc.bin): the header gives the
    number of words and where the strings start; each is NUL-terminated UTF-32."""
    data = path.read_bytes()
    count, _, start = struct.unpack("<3I", data[:12])
    words, at = [], start
    for _ in range(count):
        end = at
        while data[end:end + 4] != b"\0\0\0\0":
            end += 4
            if end > len(data):
                raise SystemExit(f"{path}: unexpected layout")
        words.append(data[at:end].decode("utf-32-le"))
        at = end + 4
    if at != len(data):
        raise SystemExit(f"{path}: unexpected layout ({len(data) - at} bytes left)")
    return words


def read_model(tslminfo: Path, model: Path):
    """(unigrams {id: (cost, back-off)}, bigrams [(id1, id2, cost)]) in nats."""
    unigrams: dict[int, tuple[float, float]] = {}
    bigrams: list[tuple[int, int, float]] = []
    process = subprocess.Popen([str(tslminfo), "-v", str(model)], stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "LC_ALL": "C"})
    level = None
    for line in process.stdout:
        if line.startswith("\\"):
            level = line.split("-gram")[0].lstrip("\\")
            continue
        parts = line.split()
        if level == "1":
            unigrams[int(parts[0])] = (float(parts[1]), float(parts[2]))
        elif level == "2":
            bigrams.append((int(parts[0]), int(parts[1]), float(parts[2])))
        elif level == "3":
            process.stdout.close()
            break
    process.wait()
    return unigrams, bigrams


def units(nats: float) -> int:
    return round(100 * nats)


def build(root: Path) -> bytes:
    words = dictionary_words(find(root, "usr/lib/*/sunpinyin/data/pydict_sc.bin"))
    unigrams, bigrams = read_model(find(root, "usr/bin/tslminfo"), find(root, "usr/lib/*/sunpinyin/data/lm_sc.t3g"))
    # one id per word string (the most probable), ordered by cost, then by the word
    best: dict[str, int] = {}
    for wid, (cost, _) in unigrams.items():
        word = words[wid] if wid < len(words) else ""
        if not word or len(word) > MAX_WORD:
            continue
        if word not in best or cost < unigrams[best[word]][0]:
            best[word] = wid
    # the WORDS most probable words, in code-point order: a word's id is its position
    order = sorted(sorted(best, key=lambda w: (units(unigrams[best[w]][0]), w))[:WORDS])
    new_id = {best[w]: i for i, w in enumerate(order)}
    unknown = max(units(unigrams[best[w]][0]) for w in order) + 100
    rows: dict[int, list[tuple[int, int]]] = {}
    for first, second, cost in bigrams:
        a, b = new_id.get(first), new_id.get(second)
        if a is None or b is None:
            continue
        backoff = unigrams[first][1] + unigrams[second][0]
        if abs(backoff - cost) < PRUNE:
            continue
        rows.setdefault(a, []).append((b, units(cost)))
    return encode(order, [units(unigrams[best[w]][0]) for w in order],
                  [units(unigrams[best[w]][1]) for w in order], unknown, rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=Path("/"),
                        help="where the packages' files are (/ when installed; a dpkg-deb -x folder)")
    parser.add_argument("--out", type=Path, default=ROOT / "lint" / "spelling" / "data" / "context.bin")
    args = parser.parse_args(argv)
    data = build(args.root)
    args.out.write_bytes(data)
    print(f"{args.out}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
