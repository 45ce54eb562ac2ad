"""Readers turn raw input into a `Document`: decoding first, then one reader per format.

`decode` detects the encoding and returns the text with a `Source` record, so that fixes can
write the file back exactly as it was encoded (same codec, same BOM).

Detection, in order (see docs/reliability.md):
1. a byte-order mark: UTF-8, UTF-16 LE/BE, GB18030 (UTF-32 is refused);
2. NUL bytes in the first 8 KiB without a BOM: a binary file;
3. strict UTF-8;
4. strict GB18030, accepted only when the result is *plausible* Chinese text. GB18030 maps
   almost any byte string to some characters, so without this check Latin-1, Big5 or binary
   data would be silently "read" as nonsense. Plausible means: no control characters other
   than tab, line feed, carriage return, vertical tab and form feed, and at least
   `GB_COMMON_SHARE` of the non-ASCII characters are in GB2312 (the 7,445 characters of
   everyday mainland text). Real GBK articles score 0.92-1.0; Big5 text read as GB18030
   scores about 0.5, Latin-1 text far less.
`--encoding` names the codec instead, and skips the plausibility check.
"""
from __future__ import annotations

import codecs
import os

import regex

from .. import patterns
from ..document import Document
from ..records import FrozenRecord
from .text import read_text

ENCODINGS = ("auto", "utf-8", "gb18030", "utf-16")
GB_COMMON_SHARE = 0.8
BINARY_PROBE = 8192
BOM_GB18030 = b"\x84\x31\x95\x33"
_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, None),
    (codecs.BOM_UTF32_BE, None),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (BOM_GB18030, "gb18030"),
)
_CONTROL = patterns.LazyPattern(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


class InputError(Exception):
    """A file that cannot be read as text; the message names the reason."""


class Source(FrozenRecord):
    """How a text was stored: the codec and the byte-order mark, restored when writing."""

    __slots__ = ("encoding", "bom")
    encoding: str
    bom: bytes

    def __init__(self, encoding: str, bom: bytes = b""):
        object.__setattr__(self, "encoding", encoding)
        object.__setattr__(self, "bom", bom)

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def decode(data: bytes, encoding: str = "auto") -> tuple[str, Source]:
    """Bytes -> (text, Source); raises InputError naming the reason."""
    if encoding not in ENCODINGS:
        raise InputError(f"unknown encoding {encoding!r} (expected {', '.join(ENCODINGS)})")
    bom, bom_codec = next(((b, c) for b, c in _BOMS if data.startswith(b)), (b"", ""))
    if bom and bom_codec is None:
        raise InputError("UTF-32 text is not supported (convert it to UTF-8)")
    if encoding == "auto" and bom:
        return _strict(data, bom_codec, bom)
    if encoding == "utf-16":  # without a byte-order mark: little-endian, as Windows writes it
        return _strict(data, bom_codec if bom_codec.startswith("utf-16") else "utf-16-le",
                       bom if bom_codec.startswith("utf-16") else b"")
    if encoding != "auto":
        return _strict(data, encoding, bom if bom_codec == encoding else b"")
    if b"\x00" in data[:BINARY_PROBE]:
        raise InputError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), Source("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError("not UTF-8, UTF-16 or GB18030 text (use --encoding to force one)") from None
    reason = implausible(text)
    if reason:
        raise InputError(f"not UTF-8, and as GB18030 it {reason} (use --encoding gb18030 to force it)")
    return text, Source("gb18030")


def implausible(text: str) -> str:
    """Why `text` (decoded as GB18030) is unlikely to be what the author wrote; '' if it is fine."""
    control = _CONTROL.search(text)
    if control:
        return f"would contain the control character U+{ord(control.group()):04X}"
    ascii_count = len(text.encode("ascii", errors="ignore"))
    others = len(text) - ascii_count
    if not others:
        return ""
    common = (len(text.encode("gb2312", errors="ignore")) - ascii_count) // 2
    if common < GB_COMMON_SHARE * others:
        return f"would be mostly rare characters ({common} of {others} in GB2312)"
    return ""


def _strict(data: bytes, codec: str, bom: bytes) -> tuple[str, Source]:
    try:
        return data[len(bom):].decode(codec), Source(codec, bom)
    except UnicodeDecodeError as error:
        name = codec.upper() + (" (after its byte-order mark)" if bom else "")
        raise InputError(f"invalid {name} at byte {error.start + len(bom)}: {error.reason}") from None


def read_document(text: str, path: str, credit_starts=None) -> Document:
    """Pick the reader by the file's suffix; unknown suffixes are read as plain text.
    `credit_starts` (see `read_text`) serves plain text, whose document text is the file's."""
    # (a path ending in .txt is read as plain text whatever its suffix is taken to be: `.txt`
    # alone is a name with no suffix, read as plain text too)
    reader = read_text if path.endswith(".txt") else READERS.get(os.path.splitext(path)[1].lower(), read_text)
    if credit_starts is not None and reader is read_text:
        return read_text(text, path, credit_starts)
    return reader(text, path)


def read_markdown(text: str, path: str) -> Document:
    from .markdown import read_markdown  # imported on first use: start-up pays only for .txt

    return read_markdown(text, path)


def read_html(text: str, path: str) -> Document:
    from .html import read_html

    return read_html(text, path)


# The one list of the file types newslint reads: suffix (lower case) -> reader. A directory walk
# lints exactly these files (`TEXT_SUFFIXES`, any case), and the pre-commit hook's `files`
# pattern is `suffix_pattern()` (tests/test_precommit.py holds .pre-commit-hooks.yaml to it).
# A file named on the command line is read whatever its suffix: unknown ones as plain text.
READERS = {
    ".txt": read_text,
    ".md": read_markdown, ".markdown": read_markdown,
    ".html": read_html, ".htm": read_html,
}
TEXT_SUFFIXES = tuple(READERS)


def suffix_pattern() -> str:
    """A regular expression (Python `re`, as pre-commit's `files`) matching the paths whose
    suffix is one of `READERS`, in any case."""
    return r"(?i)\.(" + "|".join(suffix[1:] for suffix in READERS) + ")$"
