"""Descriptions written in YAML, as readers see them: wrapped lines joined the way Chinese text
joins them, and their first sentence.

A rule's `description` is usually wrapped over several lines of its pack. Joined with a space
(what YAML's folded ``>`` style does, and what splitting on whitespace does) the text reads
``而不交代事实。 新闻标题…``: Chinese puts no space where a line was wrapped. `unwrap` joins the
lines of a paragraph with nothing between them when either side is Chinese (a Han character
or a full-width mark), with one space between two Latin words, and keeps blank lines as
paragraph breaks. `join_wrapped` does the same for one line break (the YAML loader uses it to
undo the folded style's spaces). A leaf module: it imports nothing from `lint`.
"""
from __future__ import annotations

import re

# Han characters, CJK symbols and punctuation, full-width forms, and the curly quotes and
# ellipsis Chinese text uses (compared as ranges: a class of them takes milliseconds to compile,
# paid by every run that imports this module)
_CJK_RANGES = (("\u2e80", "\u2fff"), ("\u3000", "\u303f"), ("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"),
               ("\uf900", "\ufaff"), ("\ufe30", "\ufe4f"), ("\uff00", "\uffef"), ("\U00020000", "\U0003ffff"))
_CJK_MARKS = "\u2018\u2019\u201c\u201d\u2026\u2014"


def _is_cjk(ch: str) -> bool:
    return ch in _CJK_MARKS or any(low <= ch <= high for low, high in _CJK_RANGES)
_SENTENCE_END = re.compile(r"[。！？]|[.!?](?=\s|$)")


def join_wrapped(before: str, after: str) -> str:
    """Two pieces of one paragraph that a line break separated, joined as the language joins
    them: nothing between them next to Chinese, else one space."""
    before, after = before.rstrip(), after.lstrip()
    if not before or not after:
        return before + after
    if _is_cjk(before[-1]) or _is_cjk(after[0]):
        return before + after
    return f"{before} {after}"


def unwrap(text: str) -> str:
    """Paragraphs of `text` (separated by blank lines) each on one line, joined by
    `join_wrapped`; paragraphs separated by one blank line; no space at either end."""
    paragraphs = []
    for block in re.split(r"\n[ \t\u3000]*\n(?:[ \t\u3000]*\n)*", text.strip()):
        joined = ""
        for line in block.splitlines():
            joined = join_wrapped(joined, line) if joined else line.strip()
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)


def first_sentence(text: str) -> str:
    """The first sentence of the text's first paragraph (up to and with its 。！？, or an
    English . ! ? before a space); the whole paragraph when it has no end mark."""
    paragraph = unwrap(text).split("\n\n", 1)[0]
    end = _SENTENCE_END.search(paragraph)
    return paragraph[:end.end()] if end else paragraph
