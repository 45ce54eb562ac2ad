"""A word bigram context model for scoring spelling candidates in their context.

`model()` is the shared `ContextModel`, read on first use from `data/context.bin` (built by
scripts/build_context_model.py from Debian's `sunpinyin-data`, the open-gram word model of
SunPinyin, CC BY-SA 3.0). Where the unigram lexicon (`lexicon.py`) knows only how common a
word is, this model knows which word tends to follow which: `截至|目前` and `截止|日期`,
`在|这|之前` rather than `再|这|之前`.

Costs are in the lexicon's units, 0.01 nat: ``round(-100 * ln P)``.

- ``cost(text)``: the least cost of `text` over its segmentations into the model's words,
  each word scored after the one before it (bigram with back-off to the unigram; the first
  word and the word after an unknown character by its unigram). A character that is no word
  of the model costs `unknown`.
- ``gain(left, written, right, replacement)``: ``cost(left + written + right) -
  cost(left + replacement + right)``: how much more probable the text is with the
  replacement (positive: the replacement reads better here).
- ``pair_cost(first, second)``, ``word_cost(word)``: the model's entries.

File format (little-endian): MAGIC; four uint32: number of words V, number of bigrams B, the
cost of an unknown character, the longest word's length; V + 1 uint32 offsets of the words in
the vocabulary (in characters); V uint16 unigram costs; V int16 back-off costs; V + 1 uint32
row offsets; B uint16 second words (sorted within each first word's row); B uint8 bigram costs
in units of STEP; the vocabulary: the words in code-point order (a word's id is its position),
one UTF-32 string. The file is read with no per-word or per-bigram parsing (no list of 65,536
strings is made: that alone cost ~60 M instructions, more than a document's whole linting): a
word is found by a binary search in the vocabulary string (remembered for the pieces seen), a
bigram by one in the first word's row.
"""
from __future__ import annotations

import struct
import sys
from array import array
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from .lexicon import find_word

DATA = Path(__file__).parent / "data" / "context.bin"
MAGIC = b"NLCTX2\n"
STEP = 10          # a bigram cost is stored in units of 0.1 nat
NO_WORD = -1       # the state before the first word and after an unknown character
SEEN_MAX = 200_000  # pieces whose look-up is remembered (segmentations look up the same ones)


def encode(words: list[str], unigram: list[int], backoff: list[int], unknown: int,
           bigrams: dict[int, list[tuple[int, int]]]) -> bytes:
    """The bytes of a model: `words` in code-point order (ids are positions), their unigram
    and back-off costs, the cost of an unknown character, and the bigrams of each first word's
    id as (second word's id, cost), costs in 0.01 nat (stored in units of STEP)."""
    if words != sorted(words) or len(set(words)) != len(words) or len(words) > 65536:
        raise ValueError("words must be distinct, sorted and at most 65,536")
    if not all(words):
        raise ValueError("a word is never empty")
    offsets = array("I", [0])
    seconds = array("H")
    costs = array("B")
    for first in range(len(words)):
        for second, cost in sorted(bigrams.get(first, ())):
            seconds.append(second)
            costs.append(min(255, round(cost / STEP)))
        offsets.append(len(seconds))
    starts = array("I", [0])
    for word in words:
        starts.append(starts[-1] + len(word))
    uni = array("H", [min(65535, cost) for cost in unigram])
    bow = array("h", [max(-32768, min(32767, cost)) for cost in backoff])
    if sys.byteorder != "little":
        for part in (starts, offsets, seconds, uni, bow):
            part.byteswap()
    header = MAGIC + struct.pack("<4I", len(words), len(seconds), unknown, max(map(len, words), default=0))
    return (header + starts.tobytes() + uni.tobytes() + bow.tobytes() + offsets.tobytes()
            + seconds.tobytes() + costs.tobytes() + "".join(words).encode("utf-32-le"))


class ContextModel:
    """Word bigram costs and the least-cost segmentation they give a text."""

    def __init__(self, path: Path = DATA):
        data = path.read_bytes()
        if not data.startswith(MAGIC):
            raise ValueError(f"{path} is not a newslint context model")
        at = len(MAGIC)
        size, count, self.unknown, self.max_word = struct.unpack("<4I", data[at:at + 16])
        at += 16

        view = memoryview(data)

        def take(code: str, n: int):
            # a view of the file's bytes, not a copy (an array where the machine is big-endian)
            nonlocal at
            size = array(code).itemsize
            part = view[at:at + n * size]
            if len(part) != n * size:
                raise ValueError(f"{path} is cut short")
            at += n * size
            if sys.byteorder != "little":
                part = array(code, part.tobytes())
                part.byteswap()
                return part
            return part.cast(code)

        self.starts = take("I", size + 1)
        self.unigram = take("H", size)
        self.backoff = take("h", size)
        self.offsets = take("I", size + 1)
        self.seconds = take("H", count)
        self.bigram = take("B", count)
        # UTF-32: one code unit a character, so the offsets index the decoded string
        self.vocabulary = data[at:].decode("utf-32-le")
        if len(self.vocabulary) != self.starts[-1]:
            raise ValueError(f"{path}: the vocabulary is {len(self.vocabulary)} characters, "
                             f"the offsets say {self.starts[-1]}")
        self.size = size
        self.pairs = count
        self._seen: dict[str, tuple[int | None, bool]] = {}

    @property
    def words(self) -> list[str]:
        """Every word, in id order (made on each call: for build scripts, not for linting)."""
        starts, vocabulary = self.starts, self.vocabulary
        return [vocabulary[starts[i]:starts[i + 1]] for i in range(self.size)]

    def lookup(self, piece: str) -> tuple[int | None, bool]:
        """(the id of `piece` or None, whether a longer word starts with `piece`)."""
        found = self._seen.get(piece)
        if found is None:
            if len(self._seen) >= SEEN_MAX:
                self._seen.clear()
            found = self._seen[piece] = self._search(piece)
        return found

    def _search(self, piece: str) -> tuple[int | None, bool]:
        return find_word(self.vocabulary, self.starts, self.size, piece)

    def __len__(self) -> int:
        return self.size

    def id_of(self, word: str) -> int | None:
        """The word's id (its position in the sorted vocabulary), or None."""
        return self.lookup(word)[0] if word else None

    def __contains__(self, word: str) -> bool:
        return self.id_of(word) is not None

    def word_cost(self, word: str) -> int | None:
        """The word's unigram cost, or None when it is no word of the model."""
        wid = self.id_of(word)
        return None if wid is None else self.unigram[wid]

    def _pair(self, first: int, second: int) -> int:
        if first == NO_WORD:
            return self.unigram[second]
        low, high = self.offsets[first], self.offsets[first + 1]
        if low < high:
            i = bisect_left(self.seconds, second, low, high)
            if i < high and self.seconds[i] == second:
                return self.bigram[i] * STEP
        return self.backoff[first] + self.unigram[second]

    def pair_cost(self, first: str, second: str) -> int | None:
        """The cost of `second` right after `first` (bigram or back-off); None when either is
        no word of the model."""
        a, b = self.id_of(first), self.id_of(second)
        if a is None or b is None:
            return None
        return self._pair(a, b)

    def segment(self, text: str) -> tuple[int, list[str]]:
        """The least cost of `text` and its words (an unknown character is a word of its own)."""
        n = len(text)
        # states[i]: {id of the last word ending at i: (cost, start of that word, its state)}
        states: list[dict[int, tuple[int, int, int]]] = [{} for _ in range(n + 1)]
        states[0][NO_WORD] = (0, 0, NO_WORD)
        pair, unknown, longest, lookup = self._pair, self.unknown, self.max_word, self.lookup
        for start in range(n):
            here = states[start]
            if not here:
                continue
            for end in range(start + 1, min(n, start + longest) + 1):
                wid, longer = lookup(text[start:end])
                stop = not longer
                if wid is None:
                    if end > start + 1:
                        if stop:
                            break
                        continue
                    # an unknown character: what follows is scored as after no word
                    best = min(cost for cost, _, _ in here.values()) + unknown
                    target = states[end]
                    if NO_WORD not in target or best < target[NO_WORD][0]:
                        last = min(here, key=lambda k: here[k][0])
                        target[NO_WORD] = (best, start, last)
                    if stop:
                        break
                    continue
                target = states[end]
                for last, (cost, _, _) in here.items():
                    total = cost + pair(last, wid)
                    if wid not in target or total < target[wid][0]:
                        target[wid] = (total, start, last)
                if stop:
                    break
        final = states[n]
        last = min(final, key=lambda k: final[k][0])
        total = final[last][0]
        words, end = [], n
        while end > 0:
            _, start, previous = states[end][last]
            words.append(text[start:end])
            end, last = start, previous
        return total, words[::-1]

    def cost(self, text: str) -> int:
        """The least cost of `text` (see `segment`)."""
        return self.segment(text)[0] if text else 0

    def gain(self, left: str, written: str, right: str, replacement: str) -> int:
        """How much cheaper the text is with `replacement` in place of `written` between
        `left` and `right` (positive: the replacement reads better)."""
        return self.cost(left + written + right) - self.cost(left + replacement + right)


@lru_cache(maxsize=1)
def model() -> ContextModel:
    """The shared context model (read on first use)."""
    return ContextModel()
