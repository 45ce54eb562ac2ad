"""Word counts for scoring spelling candidates: a unigram model over jieba's dictionary.

`words()` is the shared `Lexicon` (jieba's ~350,000 words with their counts, built into
`data/words.bin` by scripts/build_spelling_data.py). The file is read as it is, with no
per-word parsing: one sorted UTF-8 string of the words, their offsets and their costs, each a
flat array; a look-up is a binary search (a few microseconds). Reading it costs a few
milliseconds, and only a document that has a candidate to score pays it.

A word's *cost* is ``round(-100 * ln(count / total))``: segmenting text is finding the split
whose costs add up to the least (jieba's own unigram model, in integers). A character that is
no word costs `UNKNOWN` (as if counted once).
"""
from __future__ import annotations

import math
import sys
from array import array
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "words.bin"
MAGIC = b"NLLEX1\n"
MAX_WORD = 8  # longer words are not looked up when segmenting
NOT_A_WORD = -1  # in `segment`'s extra words: this piece is no word, whatever the lexicon says
SEEN_MAX = 200_000  # look-ups remembered (a segmentation looks up the same pieces again)
FLOOR_COUNT = 3  # jieba's smallest count: `floor` is the cost of a word counted that often


def _costs(counts: dict[str, int]) -> tuple[list[str], list[int], int]:
    total = sum(counts.values())
    words = sorted(counts)
    return words, [min(65535, round(-100 * math.log(counts[w] / total))) for w in words], \
        min(65535, round(-100 * math.log(1 / total)))


def write_lexicon(path: Path, counts: dict[str, int]) -> None:
    """Write `counts` ({word: count}) in the format `Lexicon` reads."""
    words, costs, unknown = _costs(counts)
    offsets = array("I", [0])
    parts = []
    position = 0
    for word in words:
        position += len(word)
        offsets.append(position)
        parts.append(word)
    blob = "".join(parts).encode("utf-32-le")
    cost_array = array("H", costs)
    if sys.byteorder != "little":
        offsets.byteswap()
        cost_array.byteswap()
    header = MAGIC + len(words).to_bytes(4, "little") + unknown.to_bytes(4, "little")
    path.write_bytes(header + offsets.tobytes() + cost_array.tobytes() + blob)


def find_word(blob: str, offsets, size: int, piece: str) -> tuple[int | None, bool]:
    """In `size` sorted words kept as one string (word i is blob[offsets[i]:offsets[i + 1]]):
    (the index of `piece` or None, whether a longer word starts with `piece`). A binary search,
    no per-word objects (the lexicon and the context model read their files this way)."""
    low, high = 0, size
    while low < high:  # the first word >= piece
        middle = (low + high) >> 1
        if blob[offsets[middle]:offsets[middle + 1]] < piece:
            low = middle + 1
        else:
            high = middle
    if low == size:
        return None, False
    found = blob[offsets[low]:offsets[low + 1]]
    if found == piece:
        following = low + 1
        return low, following < size and blob[offsets[following]:offsets[following + 1]].startswith(piece)
    # the words are sorted, so a word starting with `piece` would be the first one >= it
    return None, found.startswith(piece)


class Lexicon:
    """Words with costs; `cost(word)` and `segment(text)`."""

    def __init__(self, path: Path = DATA):
        data = path.read_bytes()
        if not data.startswith(MAGIC):
            raise ValueError(f"{path} is not a newslint lexicon")
        at = len(MAGIC)
        count = int.from_bytes(data[at:at + 4], "little")
        self.unknown = int.from_bytes(data[at + 4:at + 8], "little")
        at += 8
        self.offsets = array("I")
        self.offsets.frombytes(data[at:at + 4 * (count + 1)])
        at += 4 * (count + 1)
        self.costs = array("H")
        self.costs.frombytes(data[at:at + 2 * count])
        at += 2 * count
        if sys.byteorder != "little":
            self.offsets.byteswap()
            self.costs.byteswap()
        # UTF-32: every character one code unit, so offsets index the decoded string directly
        self.blob = data[at:].decode("utf-32-le")
        self.size = count
        self.total = math.exp(self.unknown / 100)  # the unknown cost is that of a count of 1
        self.floor = self.cost_of_count(FLOOR_COUNT)
        self._seen: dict[str, tuple[int | None, bool]] = {}  # pieces looked up before

    def cost_of_count(self, count: int) -> int:
        """The cost of a word counted `count` times."""
        return round(-100 * math.log(count / self.total))

    def __len__(self) -> int:
        return self.size

    def cost(self, word: str) -> int | None:
        """The word's cost, or None when it is not a word of the lexicon."""
        return self.lookup(word)[0]

    def lookup(self, piece: str) -> tuple[int | None, bool]:
        """(cost of `piece` or None, whether some longer word starts with `piece`)."""
        found = self._seen.get(piece)
        if found is None:
            if len(self._seen) >= SEEN_MAX:
                self._seen.clear()
            found = self._seen[piece] = self._search(piece)
        return found

    def _search(self, piece: str) -> tuple[int | None, bool]:
        index, longer = find_word(self.blob, self.offsets, self.size, piece)
        return (None if index is None else self.costs[index]), longer

    def cheaper_than(self, limit: int) -> list[str]:
        """The words whose cost is at most `limit` (the most frequent ones), in one pass over
        the costs instead of a search per word."""
        blob, offsets = self.blob, self.offsets
        return [blob[offsets[i]:offsets[i + 1]] for i, cost in enumerate(self.costs) if cost <= limit]

    def __contains__(self, word: str) -> bool:
        return self.cost(word) is not None

    def segment(self, text: str, extra: dict[str, int] | None = None) -> tuple[int, list[str]]:
        """The least total cost of splitting `text` into words, and the words. `extra` adds
        words (with their costs) for this call only, or takes them away (`NOT_A_WORD`)."""
        n = len(text)
        best = [0] + [math.inf] * n
        back = [0] * (n + 1)
        lookup = self.lookup
        unknown = self.unknown
        extra = extra or {}
        extra_prefixes = {word[:k] for word in extra for k in range(1, len(word))}
        for start in range(n):
            base = best[start]
            for end in range(start + 1, min(n, start + MAX_WORD) + 1):
                piece = text[start:end]
                cost, longer = lookup(piece)
                if piece in extra:
                    cost = extra[piece]
                    cost = None if cost == NOT_A_WORD else cost
                    longer = True  # an extra word may be the prefix of another extra word
                if cost is None and end - start == 1:
                    cost = unknown
                if cost is not None and base + cost < best[end]:
                    best[end] = base + cost
                    back[end] = start
                if not longer and piece not in extra_prefixes:
                    break
        words = []
        end = n
        while end > 0:
            words.append(text[back[end]:end])
            end = back[end]
        return best[n], words[::-1]


@lru_cache(maxsize=1)
def words() -> Lexicon:
    """The shared lexicon (read on first use)."""
    return Lexicon()
