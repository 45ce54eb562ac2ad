"""Character offsets <-> LSP positions, in the position encoding the client negotiated.

newslint's offsets count Unicode characters (code points). An LSP `Position` is a 0-based line
and a column counted in code units of the negotiated encoding: UTF-16 by default (an astral
character such as 𠮷 is two units), UTF-8 (one to four) or UTF-32 (one: code points).

Lines end at ``\\r\\n``, ``\\r`` or ``\\n`` and nowhere else (LSP's definition, and the one
`lint.document.Document` uses), so U+2028 or a form feed in an article does not shift lines.
"""
from __future__ import annotations

import bisect

import regex

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
_ASTRAL = regex.compile(r"[\U00010000-\U0010FFFF]")


def units(text: str, encoding: str) -> int:
    """Length of `text` in code units of `encoding`."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + len(_ASTRAL.findall(text))


class TextIndex:
    """Line starts of one text, for converting offsets and positions in either direction."""

    def __init__(self, text: str, encoding: str = UTF16):
        self.text = text
        self.encoding = encoding
        self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        # a text without astral characters has the same columns in UTF-16 and UTF-32
        self._simple = encoding == UTF32 or (encoding == UTF16 and not _ASTRAL.search(text))

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) of a character offset; past the end -> the end of the text."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[line]
        if self._simple:
            return line, offset - start
        return line, units(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """Character offset of an LSP position. A line past the end gives the end of the text;
        a column past the end of its line gives the end of that line (before its line
        break), and a column inside a character (half a surrogate pair, or inside a UTF-8
        sequence) gives the start of that character, as the specification asks."""
        if line < 0:
            return 0
        if line >= len(self.line_starts):
            return len(self.text)
        start = self.line_starts[line]
        end = self.line_starts[line + 1] if line + 1 < len(self.line_starts) else len(self.text)
        content_end = end
        while content_end > start and self.text[content_end - 1] in "\r\n":
            content_end -= 1
        character = max(0, character)
        if self._simple:
            return min(start + character, content_end)
        counted = 0
        for index in range(start, content_end):
            width = units(self.text[index], self.encoding)
            if counted + width > character:
                return index
            counted += width
        return content_end
