"""script — Traditional characters slipped into Simplified text (or the reverse), via OpenCC.

Fields:
- ``target``: the script the text should be in. ``zh-Hans`` (default) flags Traditional-only
  characters; ``zh-Hant`` flags Simplified-only characters; ``auto`` takes the document's
  majority script as the target and flags the minority, never the document as a whole.
- ``whole_ratio`` (default 0.8) and ``whole_min`` (default 5): a document in which the
  characters of the *other* script number at least ``whole_min`` and make up at least
  ``whole_ratio`` of all script-specific characters (Traditional-only plus Simplified-only) is
  written in the other script, not mixed. It gets ONE finding, at its first such character,
  with ``whole_message``; its characters are not reported one by one.
- ``whole_message``: message of that finding; placeholders ``{count}`` (characters of the
  other script), ``{other}`` (characters of the target script), ``{found}`` and ``{expected}``.
- ``exceptions``: literal strings; a finding inside an occurrence of one is not reported.
Message placeholders: ``{match}``, ``{replacement}``, ``{found}`` (``繁体`` or ``简体``, the
script of the flagged characters) and ``{expected}`` (the other one), so one message serves
every target. ``fix`` defaults to ``safe``; a finding
whose right form is ambiguous is reported with its replacement but never fixed automatically.

- ``surnames``: a string of surname characters; a lone flagged character one or two places
  after one of them, with no other flagged character within 12 characters, is taken for part
  of a personal name (``梁靖崑``) and not reported.

How the rule knows which characters belong to one script only (decided once, when a script
rule is first put to work; OpenCC is imported only then, so other commands never pay for it):

1. Every Han code point of the Basic Multilingual Plane (URO and Extension A) is converted alone
   with OpenCC's character-level conversion (``t2s``; ``s2t`` for ``zh-Hant``). Characters it
   changes are *convertible*.
2. OpenCC's character dictionary (``TSCharacters.ocd2``; ``STCharacters.ocd2``), shipped in
   the wheel, lists every candidate output form, including the source character itself when
   it is also standard in the target script (``乾 -> 干 乾``, ``於 -> 于 於``, ``昇 -> 升 昇``).
   A convertible character that never appears among those outputs exists only in the other
   script: it is flagged wherever it stands. A convertible character that does appear there
   (``乾``, ``於``, ``徵``) is valid in both scripts: it is never flagged alone, only when it
   stands right beside a flagged character and the conversion of the context changes it
   (``乾淨`` -> ``干净``). Characters the conversion leaves alone (``著``, ``沈``, ``瞭``,
   ``后``) are never flagged, so ``著名``, ``沈阳``, ``瞭望`` and ``皇后`` pass. (The outputs
   of OpenCC's phrase dictionary are not used for this: they keep a few characters by accident,
   e.g. ``計`` in one idiom; phrases act through step 3 instead.)
   A character whose counterpart lies outside the URO (``鮠 -> 𬶏``) is not flagged: fonts and
   input methods mostly lack the counterpart, so texts keep the character.
3. Each candidate is confirmed by converting the surrounding text (up to 12 characters each
   side) with OpenCC's phrase-level conversion: a character that stays unchanged in its
   context (a phrase OpenCC keeps, such as ``八濛山``) is not reported. The converted context
   gives the fix. Characters within 12 characters of kana are Japanese and are skipped.
4. The fix is safe only when every character of the finding exists only in the source script,
   has a single form in the target script (no alternative in OpenCC's dictionary, none shared
   with another source character that has alternatives), and the context agrees with the
   character-level conversion. Otherwise it is offered but marked unsafe.

The flagged characters are literals of the engine's one shared Aho-Corasick automaton, so
matching costs no pass of its own; nothing else runs on a document without a flagged character.
"""
from __future__ import annotations

import array
import bisect
import itertools
import re
import struct
import sys
from pathlib import Path

from ..findings import Match
from .base import FieldError, Rule, count, covered, one_of, split_hits, text, text_list

TARGETS = ("zh-Hans", "zh-Hant", "auto")
# Han characters of the Basic Multilingual Plane; the few hundred rare Traditional characters of
# the supplementary planes are left out (converting their 74,000 code points would triple the
# start-up cost for characters news text does not use).
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))
URO = ("\u4e00", "\u9fff")  # the CJK Unified Ideographs block: the everyday characters
CONTEXT = 12  # characters of context each side for the phrase-level conversion
KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
NAME_GAPS = (1, 2)  # a given name: the flagged character is one or two places after the surname
OCD2_HEADER = b"OPENCC_MARISA_0.2.5"
U32 = "I" if array.array("I").itemsize == 4 else "L"
WHOLE_MESSAGE = ("全文是{found}中文（{count} 个{found}字，{other} 个{expected}字），不是个别字混用；"
                 "如需{expected}，请整体转换")
SCRIPT_NAMES = {"trad": "繁体", "simp": "简体"}


class OpenCCDataError(RuntimeError):
    """OpenCC's dictionaries could not be found or read."""


def ratio(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.5 <= value <= 1:
        raise ValueError("must be a number from 0.5 to 1")
    return float(value)


# --- OpenCC data, loaded lazily ---------------------------------------------------------------
def _ocd2_values(path: Path) -> list[list[str]]:
    """The value lists of an OpenCC ``.ocd2`` dictionary, in the file's entry order.

    The file is the header, a marisa trie of the keys, then the serialized values: entry
    count (u32), buffer length (u32), the buffer of NUL-terminated UTF-8 strings, then per
    entry a value count (u16) and each value's byte length (u16), up to the end of the file.
    The values block is found as the one offset where that structure ends exactly at EOF.
    """
    data = path.read_bytes()
    if not data.startswith(OCD2_HEADER):
        raise OpenCCDataError(f"{path}: not an OpenCC ocd2 dictionary")
    size = len(data)
    start = len(OCD2_HEADER)
    # marisa writes 8-byte units, so the block is normally at start + 8k: read all those
    # (u32, u32) pairs at once and try only the offsets whose sizes add up to the file's end
    pairs = array.array(U32, data[start:start + (size - start) // 8 * 8])
    if sys.byteorder != "little":
        pairs.byteswap()

    def aligned():
        for k in range(len(pairs) // 2):
            n, length = pairs[2 * k], pairs[2 * k + 1]
            if n and length and 2 * n <= size - start - 8 * k - 8 - length - 2 * n <= 2 * length:
                yield start + 8 * k

    for offsets in (aligned(), range(start, size - 8)):  # then, failing that, every byte
        for i in offsets:
            entries = _values_at(data, i, size)
            if entries is not None:
                return entries
    raise OpenCCDataError(f"{path}: cannot read the values of this OpenCC dictionary")


def _values_at(data: bytes, i: int, size: int):
    n, length = struct.unpack_from("<II", data, i)
    rest = size - i - 8 - length - 2 * n  # bytes left for the value lengths
    if n == 0 or length == 0 or rest < 2 * n or rest > 2 * length or rest % 2:
        return None
    end = i + 8 + length
    if data[end - 1] != 0 or 2 * data.count(b"\0", i + 8, end) != rest:
        return None
    try:
        values = data[i + 8:end - 1].decode("utf-8").split("\0")
    except UnicodeDecodeError:
        return None
    lengths = struct.unpack_from(f"<{(size - end) // 2}H", data, end)
    entries, cursor, at = [], 0, 0
    while at < len(lengths) and len(entries) < n:
        count_ = lengths[at]
        entries.append(values[cursor:cursor + count_])
        cursor += count_
        at += count_ + 1
    # the structure must account for every value and end exactly at the end of the file
    return entries if len(entries) == n and at == len(lengths) and cursor == len(values) else None


def _opencc_dir(opencc) -> Path:
    here = Path(opencc.__file__).resolve().parent
    for candidate in (here / "clib" / "share" / "opencc", Path(getattr(opencc, "_opencc_share_dir", here))):
        if (candidate / "TSCharacters.ocd2").is_file():
            return candidate
    raise OpenCCDataError(f"OpenCC dictionaries not found under {here}")


def _char_class(chars) -> re.Pattern:
    """One compiled character class for a set of characters (ranges merged)."""
    points = sorted(map(ord, chars))
    parts, i = [], 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        first, last = chr(points[i]), chr(points[j])
        parts.append(re.escape(first) if i == j else f"{re.escape(first)}-{re.escape(last)}")
        i = j + 1
    return re.compile("[" + "".join(parts) + "]" if parts else r"(?!x)x")


class Side:
    """The characters that one conversion (t2s or s2t) moves out of its source script."""

    def __init__(self, converter, entries: list[list[str]]):
        self.converter = converter
        chars = "".join(map(chr, itertools.chain.from_iterable(range(a, b + 1) for a, b in HAN_RANGES)))
        converted = converter.convert("\n".join(chars)).split("\n")
        if len(converted) != len(chars):
            raise OpenCCDataError("unexpected OpenCC output while reading its character table")
        self.to = {c: o for c, o in zip(chars, converted) if o != c and len(o) == 1}
        outputs = {ch for values in entries for value in values for ch in value}
        # exists only in the source script, and its counterpart is an everyday character: a
        # counterpart outside the URO (Extension A or beyond, e.g. 𬶏 for 鮠) is missing from
        # most fonts and input methods, so texts keep the other form and it is not flagged
        self.only = {c for c in self.to if c not in outputs and URO[0] <= self.to[c] <= URO[1]}
        self.ambiguous = {c for c in self.to if c in outputs}  # also standard in the target
        multi_first = {values[0] for values in entries if len(values) > 1}
        self.multi = {c for c, o in self.to.items() if o in multi_first}
        self._pattern = None

    @property
    def pattern(self) -> re.Pattern:
        """`only` as one character class, for rules that count rather than get literal hits."""
        if self._pattern is None:
            self._pattern = _char_class(self.only)
        return self._pattern


class Tables:
    """OpenCC and the character tables, built on first use and shared by all script rules."""

    _instance = None

    def __init__(self):
        try:
            import opencc
        except ImportError as error:  # pragma: no cover - opencc is a dependency
            raise OpenCCDataError(f"OpenCC is not installed: {error}") from None
        self.opencc = opencc
        self.directory = _opencc_dir(opencc)
        self.st_entries = _ocd2_values(self.directory / "STCharacters.ocd2")
        self.trad = Side(opencc.OpenCC("t2s.json"), _ocd2_values(self.directory / "TSCharacters.ocd2"))
        # Characters only Simplified text uses, for counting without an s2t converter: the
        # Simplified forms of the standard Traditional-only characters (those that s2t
        # produces), less the forms Traditional text uses too (干 for 幹 and 干).
        trad_outputs = {ch for values in self.st_entries for value in values for ch in value}
        self.simp_count = {self.trad.to[c] for c in self.trad.only if c in trad_outputs} - trad_outputs
        self._simp_count_pattern = None
        self._simp = None

    @property
    def simp(self) -> Side:
        """The s2t side (Simplified-only characters), built only when a rule needs it."""
        if self._simp is None:
            side = Side(self.opencc.OpenCC("s2t.json"), self.st_entries)
            side.only -= self.trad.only  # a few variants OpenCC lists both ways stay Traditional
            self._simp = side
        return self._simp

    @property
    def simp_count_pattern(self) -> re.Pattern:
        if self._simp_count_pattern is None:
            self._simp_count_pattern = _char_class(self.simp_count)
        return self._simp_count_pattern

    @classmethod
    def get(cls) -> Tables:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance


# --- the flagged characters, cached between runs ---------------------------------------------
def flagged_characters(side: str) -> list[str]:
    """The characters only the ``side`` script (``trad`` or ``simp``) uses, sorted.

    Deriving them converts every BMP Han character with OpenCC, tens of milliseconds per run,
    so the result is kept in the user cache directory beside the parsed packs (see
    `lint.rulepack.cache_dir`). The entry's name is a hash of newslint's version, this module's
    source and OpenCC's files (the installed package and its dictionaries: name, size and time
    of each, and the content of the two character dictionaries), so another OpenCC or another
    newslint never reads it. A hit costs no OpenCC import; a missing, unreadable or malformed
    entry only means deriving the characters again and rewriting it (atomically)."""
    from ..rulepack import read_cache, write_cache

    entry = _table_entry(side)
    cached = read_cache(entry)
    if isinstance(cached, dict) and _well_formed(cached.get("only")):
        return list(cached["only"])
    tables = Tables.get()
    chars = sorted((tables.trad if side == "trad" else tables.simp).only)
    if entry is not None:
        write_cache(entry, {"only": "".join(chars)})
    return chars


_HAN_RUN = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in HAN_RANGES) + "]+")


def _well_formed(only) -> bool:
    """A cached table: Han characters of the BMP, sorted, each once."""
    return (isinstance(only, str) and _HAN_RUN.fullmatch(only) is not None
            and all(a < b for a, b in zip(only, only[1:])))


def _table_entry(side: str) -> Path | None:
    """The cache file for `side`'s table, or None when there is no cache or OpenCC's files
    cannot be found without importing it."""
    import hashlib
    import importlib.util
    import os

    from .. import __version__
    from ..rulepack import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    try:
        spec = importlib.util.find_spec("opencc")
        if spec is None or not spec.origin:
            return None
        package = Path(spec.origin).parent
        data = package / "clib" / "share" / "opencc"
        digest = hashlib.sha256(f"script-table-1\0{__version__}\0{side}\0".encode())
        digest.update(Path(__file__).read_bytes())
        # the installed version (its dist-info's name), then every file of the package
        digest.update(repr(sorted(n for n in os.listdir(package.parent) if n.lower().startswith("opencc"))).encode())
        for folder_ in (package, package / "clib", data):
            for item in sorted(os.scandir(folder_), key=lambda e: e.name):
                if item.is_file():
                    info = item.stat()
                    digest.update(f"{item.path}\0{info.st_size}\0{info.st_mtime_ns}\0".encode("utf-8", "surrogateescape"))
        for name in ("TSCharacters.ocd2", "STCharacters.ocd2"):
            digest.update((data / name).read_bytes())
    except (OSError, ImportError, ValueError):
        return None
    return folder / f"script-{side}-{digest.hexdigest()}.json"


# --- the kind ---------------------------------------------------------------------------------
class Script(Rule):
    KIND = "script"
    FIELDS = {
        "target": (one_of(*TARGETS), "zh-Hans"),
        "whole_ratio": (ratio, 0.8),
        "whole_min": (count, 5),
        "whole_message": (text, WHOLE_MESSAGE),
        "exceptions": (text_list, []),
        "surnames": (text, ""),
    }
    DEFAULT_FIX = "safe"

    def setup(self, target, whole_ratio, whole_min, whole_message, exceptions, surnames):
        if whole_min < 1:
            raise FieldError("whole_min", "field 'whole_min' must be at least 1")
        self.target = target
        self.whole_ratio = whole_ratio
        self.whole_min = whole_min
        self.whole_message = whole_message
        self.exceptions = list(exceptions)
        self.surnames = frozenset(surnames)
        self._surnames: dict[int, set] = {}
        self._chars = None  # the flagged characters, known once the OpenCC tables are built
        # with a fixed target, a document without a hit of the flagged characters has nothing
        self.literal_only = target != "auto"
        self._error = None

    def literals(self):
        """The flagged characters go into the engine's shared automaton: no extra pass.

        Asking for them builds the OpenCC tables; the engine asks only when the rule is
        enabled for a run, so other commands never import OpenCC. If OpenCC's data cannot be
        read, the rule reports that as its failure on each document; other rules still run."""
        try:
            if self.target == "zh-Hans":
                self._chars = flagged_characters("trad")
            elif self.target == "zh-Hant":
                self._chars = flagged_characters("simp")
            else:  # auto flags either script: counted with character classes in `run`
                self._chars = []
        except OpenCCDataError as error:
            self._chars, self._error = [], error
            self.literal_only = False  # so that `run` reports the failure
        return self._chars + self.exceptions

    def run(self, doc, hits):
        if self._chars is None:  # run without the engine's automaton
            self.literals()
        if self._error is not None:
            raise self._error
        chars = self._chars
        wanted, shelters = split_hits(hits, len(chars))
        tables = Tables.get()
        segments = self.segments(doc)
        text_ = doc.text
        flagged = sorted(start for start, end, _ in wanted if self.in_scope(doc, start, end))
        other = None  # characters of the target script, counted only for the whole-document test
        if self.target == "zh-Hans":
            side = tables.trad
            if len(flagged) >= self.whole_min:
                other = _count(tables.simp_count_pattern, text_, segments)
        elif self.target == "zh-Hant":
            side = tables.simp
            if len(flagged) >= self.whole_min:
                other = _count(tables.trad.pattern, text_, segments)
        else:  # auto: the minority script is the slip
            trad = _positions(tables.trad.pattern, text_, segments)
            if not trad:
                return
            simp = _positions(tables.simp.pattern, text_, segments)
            side, flagged = (tables.trad, trad) if len(trad) <= len(simp) else (tables.simp, simp)
        if flagged and KANA.search(text_):  # Japanese: its kanji are neither script's slip
            flagged = [p for p in flagged if not KANA.search(text_, max(0, p - CONTEXT), p + CONTEXT + 1)]
        if not flagged:
            return
        if other is not None and len(flagged) >= self.whole_ratio * (len(flagged) + other):
            first = flagged[0]
            message = self.whole_message
            for key, value in dict(count=len(flagged), other=other, **_names(side, tables)).items():
                message = message.replace("{" + key + "}", str(value))
            yield Match(first, first + 1, message, (), False)
            return
        yield from self._runs(doc, side, flagged, segments, shelters)

    def _runs(self, doc, side, flagged, segments, shelters):
        text_ = doc.text
        for start, end in _group(flagged):
            seg_start, seg_end = _segment_of(segments, start)
            # extend over neighbours valid in both scripts (乾 in 乾淨); the context decides
            while start > seg_start and text_[start - 1] in side.ambiguous:
                start -= 1
            while end < seg_end and text_[end] in side.ambiguous:
                end += 1
            window_start = max(seg_start, start - CONTEXT)
            window_end = min(seg_end, end + CONTEXT)
            window = text_[window_start:window_end]
            converted = side.converter.convert(window)
            if len(converted) != len(window):  # a phrase changed length: go char by char
                converted = "".join(side.to.get(ch, ch) for ch in window)
            for run_start, run_end in _changed_runs(text_, converted, window_start, start, end):
                original = text_[run_start:run_end]
                if covered(run_start, run_end, shelters) or not any(ch in side.only for ch in original):
                    continue
                if self._personal_name(text_, run_start, run_end, flagged, seg_start, side):
                    continue
                right = converted[run_start - window_start:run_end - window_start]
                safe = all(
                    ch in side.only and ch not in side.multi and side.to.get(ch) == new and new <= "\uffff"
                    for ch, new in zip(original, right)
                )
                yield Match(run_start, run_end,
                            self.render(match=original, replacement=right, **_names(side, Tables.get())),
                            (right,), self.fixable and safe)


    def _personal_name(self, text_, start, end, flagged, seg_start, side) -> bool:
        """A lone character one or two places after a common surname: 梁靖崑, 黄霑. A person's
        name keeps the characters its bearer uses, so it is not reported. A character with
        other flagged characters near it is part of a passage, not a name."""
        if not self.surnames or end - start != 1:
            return False
        surnames = self._surnames.get(id(side))
        if surnames is None:  # the surnames as the flagged script writes them, too (陈 and 陳)
            surnames = self._surnames[id(side)] = self.surnames | set(side.converter.convert("".join(self.surnames)))
        if not any(start - k >= seg_start and text_[start - k] in surnames for k in NAME_GAPS):
            return False
        near = bisect.bisect_right(flagged, start + CONTEXT) - bisect.bisect_left(flagged, start - CONTEXT)
        return near == 1


def _names(side, tables) -> dict:
    """{found}: the script of the flagged characters; {expected}: the target script."""
    trad = side is tables.trad
    return {"found": SCRIPT_NAMES["trad" if trad else "simp"], "expected": SCRIPT_NAMES["simp" if trad else "trad"]}


def _positions(pattern, text_, segments) -> list[int]:
    return [m.start() for start, end in segments for m in pattern.finditer(text_, start, end)]


def _count(pattern, text_, segments) -> int:
    return sum(len(pattern.findall(text_, start, end)) for start, end in segments)


def _group(positions):
    """Adjacent positions as (start, end) runs."""
    runs = []
    for position in positions:
        if runs and runs[-1][1] == position:
            runs[-1][1] = position + 1
        else:
            runs.append([position, position + 1])
    return [tuple(run) for run in runs]


def _segment_of(segments, offset):
    for start, end in segments:
        if start <= offset < end:
            return start, end
    return offset, offset + 1


def _changed_runs(text_, converted, window_start, start, end):
    """Runs inside [start, end) where the converted context differs from the text."""
    runs, current = [], None
    for offset in range(start, end):
        if text_[offset] != converted[offset - window_start]:
            if current and current[1] == offset:
                current[1] = offset + 1
            else:
                current = [offset, offset + 1]
                runs.append(current)
    return [tuple(run) for run in runs]
