"""OpenCC's character tables, for the `script` kind: which characters one script only uses.

Decided once, when a script rule is first put to work; OpenCC is imported only then, so other
commands never pay for it (see docs/script.md):

1. Every Han code point of the Basic Multilingual Plane (URO and Extension A) is converted alone
   with OpenCC's character-level conversion (``t2s``; ``s2t`` for ``zh-Hant``). Characters it
   changes are *convertible*.
2. OpenCC's character dictionary (``TSCharacters.ocd2``; ``STCharacters.ocd2``), shipped in
   the wheel, lists every candidate output form, including the source character itself when
   it is also standard in the target script (``乾 -> 干 乾``, ``於 -> 于 於``, ``昇 -> 升 昇``).
   A convertible character that never appears among those outputs exists only in the other
   script (`Side.only`): it is flagged wherever it stands. A convertible character that does
   appear there (``乾``, ``於``, ``徵``) is valid in both scripts (`Side.ambiguous`).
   Characters the conversion leaves alone (``著``, ``沈``, ``瞭``, ``后``) are never flagged.
   (The outputs of OpenCC's phrase dictionary are not used for this: they keep a few
   characters by accident, e.g. ``計`` in one idiom.) A character whose counterpart lies
   outside the URO (``鮠 -> 𬶏``) is not flagged: fonts and input methods mostly lack the
   counterpart, so texts keep the character.

The ``.ocd2`` dictionaries are read here directly (`_ocd2_values`): OpenCC's Python binding
does not expose them. The flagged characters are cached beside the parsed packs
(`flagged_characters`, see `lint.cache`).
"""
from __future__ import annotations

import array
import bisect
import itertools
import re
import struct
import sys
from pathlib import Path

from . import version
from .cache import cache_dir, hasher, read_cache, write_cache

# Han characters of the Basic Multilingual Plane; the few hundred rare Traditional characters of
# the supplementary planes are left out (converting their 74,000 code points would triple the
# start-up cost for characters news text does not use).
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))
URO = ("\u4e00", "\u9fff")  # the CJK Unified Ideographs block: the everyday characters
OCD2_HEADER = b"OPENCC_MARISA_0.2.5"
U32 = "I" if array.array("I").itemsize == 4 else "L"


class OpenCCDataError(RuntimeError):
    """OpenCC's dictionaries could not be found or read."""


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


_to_traditional = None


def to_traditional(text: str) -> str:
    """`text` in Traditional characters (OpenCC's s2t, phrase by phrase): the rules' messages
    for a publication written in Traditional. OpenCC is imported on the first call."""
    global _to_traditional
    if _to_traditional is None:
        try:
            import opencc
        except ImportError as error:  # pragma: no cover - opencc is a dependency
            raise OpenCCDataError(f"OpenCC is not installed: {error}") from None
        _to_traditional = opencc.OpenCC("s2t.json").convert
    return _to_traditional(text)


# --- the flagged characters, cached between runs ---------------------------------------------
def flagged_characters(side: str) -> list[str]:
    """The characters only the ``side`` script (``trad`` or ``simp``) uses, sorted.

    Deriving them converts every BMP Han character with OpenCC, tens of milliseconds per run,
    so the result is kept in the user cache directory beside the parsed packs (see
    `lint.cache`). The entry's name is a hash of newslint's version, this module's
    source and OpenCC's files (the installed package and its dictionaries: name, size and time
    of each, and the content of the two character dictionaries), so another OpenCC or another
    newslint never reads it. A hit costs no OpenCC import; a missing, unreadable or malformed
    entry only means deriving the characters again and rewriting it (atomically)."""
    entry = _table_entry(side)
    cached = read_cache(entry)
    if isinstance(cached, dict) and _well_formed(cached.get("only")):
        return list(cached["only"])
    tables = Tables.get()
    chars = sorted((tables.trad if side == "trad" else tables.simp).only)
    if entry is not None:
        write_cache(entry, {"only": "".join(chars)})
    return chars


def _well_formed(only) -> bool:
    """A cached table: Han characters of the BMP, sorted, each once. (Sorted, so that the
    ends and the gaps between the ranges are enough to look at: compiling a class of these
    ranges would cost more than the whole check.)"""
    if not isinstance(only, str) or not only or not all(a < b for a, b in zip(only, only[1:])):
        return False
    if not chr(HAN_RANGES[0][0]) <= only[0] <= only[-1] <= chr(HAN_RANGES[-1][1]):
        return False
    return all(bisect.bisect_left(only, chr(end + 1)) == bisect.bisect_left(only, chr(next_start))
               for (_, end), (next_start, _) in zip(HAN_RANGES, HAN_RANGES[1:]))


def _table_entry(side: str) -> Path | None:
    """The cache file for `side`'s table, or None when there is no cache or OpenCC's files
    cannot be found without importing it."""
    import importlib.util
    import os

    folder = cache_dir()
    if folder is None:
        return None
    try:
        spec = importlib.util.find_spec("opencc")
        if spec is None or not spec.origin:
            return None
        package = Path(spec.origin).parent
        data = package / "clib" / "share" / "opencc"
        digest = hasher()
        digest.update(f"script-table-1\0{version.__version__}\0{side}\0".encode())
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
