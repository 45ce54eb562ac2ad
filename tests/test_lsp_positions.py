"""Offsets <-> LSP positions (lint/lsp/positions.py): pure functions, no server needed."""
from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from lint.lsp.positions import UTF8, UTF16, UTF32, TextIndex, units

WIDTH = {
    UTF8: lambda s: len(s.encode("utf-8")),
    UTF16: lambda s: len(s.encode("utf-16-le")) // 2,
    UTF32: len,
}
PIECES = st.sampled_from(["见", "缝", "a", "é", "𠮷", "😋", "\n", "\r\n", "\r", "\u2028", "\x0c", " "])


def reference(text: str, offset: int, encoding: str) -> tuple[int, int]:
    """(line, column) the slow, obvious way."""
    starts = [0] + [m.end() for m in regex.finditer(r"\r\n|\r|\n", text)]
    line = max(i for i, s in enumerate(starts) if s <= offset)
    return line, WIDTH[encoding](text[starts[line]:offset])


def test_astral_character_is_two_utf16_units_four_utf8_one_utf32():
    text = "𠮷野家，见缝插扎"
    offset = text.index("见")
    assert TextIndex(text, UTF16).position(offset) == (0, 5)
    assert TextIndex(text, UTF8).position(offset) == (0, 4 + 3 + 3 + 3)
    assert TextIndex(text, UTF32).position(offset) == (0, 4)
    assert units("𠮷", UTF16) == 2 and units("𠮷", UTF8) == 4 and units("𠮷", UTF32) == 1


def test_only_cr_lf_and_crlf_end_lines():
    text = "一\r\n二\r三\n四\u2028五\x0c六"
    index = TextIndex(text)
    assert index.position(text.index("四")) == (3, 0)
    assert index.position(text.index("六")) == (3, 4)  # U+2028 and form feed are characters


def test_a_column_inside_a_character_or_past_the_line_is_clamped():
    text = "𠮷a\nb"
    index = TextIndex(text, UTF16)
    assert index.offset(0, 1) == 0  # half of the surrogate pair: the start of the character
    assert index.offset(0, 2) == 1
    assert index.offset(0, 99) == 2  # the end of the line, before its break
    assert index.offset(9, 0) == len(text)
    assert TextIndex(text, UTF8).offset(0, 2) == 0


@given(st.lists(PIECES, max_size=30).map("".join), st.sampled_from([UTF8, UTF16, UTF32]), st.data())
def test_positions_match_the_reference_and_convert_back(text, encoding, data):
    index = TextIndex(text, encoding)
    offset = data.draw(st.integers(0, len(text)))
    assert index.position(offset) == reference(text, offset, encoding)
    if text[offset - 1:offset + 1] != "\r\n" or offset == 0:  # not between the halves of a CRLF
        assert index.offset(*index.position(offset)) == offset
