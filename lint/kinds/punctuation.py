"""punctuation — the width and form rules of GB/T 15834-2011, configured from YAML.

The kind offers named checks; a rule picks one with ``check`` and configures it:

- ``halfwidth``: a half-width mark inside Chinese text, i.e. touching a Han character (or a
  full-width closing mark such as ``”`` before it). ``marks`` maps each half-width mark to its
  full-width form, which is the fix. Marks between Latin letters or digits (``1,000``,
  ``17:54``, ``Hello, world``) are never touched.
- ``halfwidth-pairs``: half-width brackets ``( )`` around or beside Chinese text; both marks
  of the pair are reported and fixed together, never one alone. ``marks`` maps ``(`` and ``)``.

URLs and e-mail addresses are outside every scope (the readers cut them out), so their own
commas and parentheses are never seen. Message placeholders: ``{match}``, ``{replacement}``.
"""
from __future__ import annotations

import regex

from ..findings import Match
from .base import FieldError, Rule, one_of, search_segments, text_map

CJK_OPENING = "“‘（《「『【〔"
CJK_CLOSING = "”’）》」』】〕"


def _halfwidth_pattern(marks) -> regex.Pattern:
    cls = "[" + "".join(regex.escape(m) for m in marks) + "]"
    return regex.compile(
        rf"(?<=\p{{Han}}){cls}"
        rf"|{cls}(?=\p{{Han}}|[{CJK_OPENING}])"
        rf"|(?<=[{CJK_CLOSING}]){cls}(?![A-Za-z0-9\s])"
    )


def _pairs_pattern(opening, closing) -> regex.Pattern:
    o, c = regex.escape(opening), regex.escape(closing)
    return regex.compile(rf"{o}[^{o}{c}\r\n]{{0,200}}{c}")


class Punctuation(Rule):
    KIND = "punctuation"
    FIELDS = {
        "check": (one_of("halfwidth", "halfwidth-pairs"), None),
        "marks": (text_map, {}),
    }
    REQUIRED = ("check",)
    DEFAULT_FIX = "safe"

    def setup(self, check, marks):
        if not marks:
            raise FieldError("marks", f"check '{check}' needs 'marks'")
        self.marks = marks
        self.check = check
        if check == "halfwidth":
            self.pattern = _halfwidth_pattern(marks)
        else:
            if len(marks) != 2:
                raise FieldError("marks", "check 'halfwidth-pairs' needs exactly an opening and a closing mark")
            self.opening, self.closing = list(marks)
            self.pattern = _pairs_pattern(self.opening, self.closing)

    def run(self, doc, hits):
        if self.check == "halfwidth":
            for m in search_segments(self.pattern, doc, self.segments(doc)):
                yield self.fix_mark(m.start(), m.group())
        else:
            yield from self.run_pairs(doc)

    def run_pairs(self, doc):
        text = doc.text
        for m in search_segments(self.pattern, doc, self.segments(doc)):
            start, end = m.span()
            before = text[start - 1] if start else ""
            after = text[end] if end < len(text) else ""
            chinese = _is_han(before) or _is_han(after) or _has_han(m.group())
            if chinese and self.in_scope(doc, start, start + 1) and self.in_scope(doc, end - 1, end):
                yield self.fix_mark(start, self.opening)
                yield self.fix_mark(end - 1, self.closing)

    def fix_mark(self, start, mark):
        replacement = self.marks[mark]
        return Match(start, start + 1, self.render(match=mark, replacement=replacement), (replacement,), self.fixable)


_HAN = regex.compile(r"\p{Han}")


def _is_han(char: str) -> bool:
    return bool(char) and _HAN.match(char) is not None


def _has_han(text: str) -> bool:
    return _HAN.search(text) is not None
