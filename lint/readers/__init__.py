"""Readers turn raw input into a `Document`: decoding first, then one reader per format.

`decode` detects the encoding (UTF-8 with or without BOM, GB18030/GBK) and returns the text
with a `Source` record, so that fixes can write the file back exactly as it was encoded.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from .html import read_html
from .markdown import read_markdown
from .text import read_text

ENCODINGS = ("auto", "utf-8", "gb18030")
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


class InputError(Exception):
    """A file that cannot be read as text; the message names the reason."""


@dataclass(frozen=True)
class Source:
    encoding: str
    bom: bytes = b""


def decode(data: bytes, encoding: str = "auto") -> tuple[str, Source]:
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("binary file (contains NUL bytes)")
    if encoding not in ("auto", "utf-8"):
        try:
            return data.decode(encoding), Source(encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise InputError(f"cannot decode as {encoding}: {error}") from None
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), Source("utf-8", codecs.BOM_UTF8)
        except UnicodeDecodeError as error:
            raise InputError(f"invalid UTF-8 after a UTF-8 BOM: {error}") from None
    try:
        return data.decode("utf-8"), Source("utf-8")
    except UnicodeDecodeError as error:
        if encoding == "utf-8":
            raise InputError(f"cannot decode as utf-8: {error}") from None
    try:
        return data.decode("gb18030"), Source("gb18030")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 or GB18030 text (use --encoding to force one)") from None


def read_document(text: str, path: str) -> Document:
    """Pick the reader by the file's suffix; unknown suffixes are read as plain text."""
    reader = READERS.get(Path(path).suffix.lower(), read_text)
    return reader(text, path)


READERS = {
    ".txt": read_text,
    ".md": read_markdown, ".markdown": read_markdown,
    ".html": read_html, ".htm": read_html,
}
