"""existence — flag literal `tokens` or regular-expression `patterns`.

Fields:
- `tokens`: literal strings; all tokens of all rules are found in one pass of the engine's
  shared Aho-Corasick automaton.
- `patterns`: regular expressions (Python `regex` module syntax, lookarounds allowed), merged
  into one expression per rule and compiled once, on first use. An expression written only
  with literal characters, escaped marks, `(?:…|…)` groups, `[…]` sets of plain characters
  and `?` (`真相(?:令人|让人)`) matches a short list of strings: up to 128 of them join the
  shared automaton as tokens do. That costs nothing on a headline without them, while every
  expression left in the merged one costs a search at every character (see
  [performance.md](performance.md)). Where several matches overlap, the leftmost, then the
  longest is reported.
- `exceptions`: literal strings; a match lying inside an occurrence of one is not reported.
- `ignorecase: true`: match ignoring case (tokens then become patterns).

No fix. Message placeholder: `{match}`.
"""
from __future__ import annotations

import regex

from ..findings import Match
from ..patterns import LazyPattern
from ..spans import covered, leftmost_longest, split_hits
from .fields import boolean, pattern_list, text_list
from .rule import FieldError, Rule
from .search import search_segments

LITERAL_LIMIT = 128


class _NotLiteral(Exception):
    pass


def literal_strings(source: str, limit: int = LITERAL_LIMIT) -> list[str] | None:
    """The strings an expression made only of literal characters, escaped marks (`\\.`),
    `(?:…|…)` groups, `[…]` sets of plain characters and `?` can match, or None when it uses
    anything else (classes with ranges, `\\p`, anchors, lookarounds, other quantifiers) or
    matches the empty string or more than `limit` strings."""
    try:
        strings, end = _alternation(source, 0, limit)
    except _NotLiteral:
        return None
    if end != len(source) or "" in strings:
        return None
    return sorted(set(strings))


def _alternation(source: str, i: int, limit: int) -> tuple[list[str], int]:
    options, current = [], [""]
    while i < len(source) and source[i] != ")":
        ch = source[i]
        if ch == "|":
            options += current
            current, i = [""], i + 1
            continue
        if source.startswith("(?:", i):
            atom, i = _alternation(source, i + 3, limit)
            if source[i:i + 1] != ")":
                raise _NotLiteral
            i += 1
        elif ch == "[":
            atom, i = _character_set(source, i + 1)
        elif ch == "\\":
            escaped = source[i + 1:i + 2]
            if not escaped or escaped.isalnum():
                raise _NotLiteral
            atom, i = [escaped], i + 2
        elif ch in "()[]{}.^$*+?":
            raise _NotLiteral
        else:
            atom, i = [ch], i + 1
        if source[i:i + 1] == "?":
            if source[i + 1:i + 2] in ("?", "+"):
                raise _NotLiteral
            atom, i = atom + [""], i + 1
        elif source[i:i + 1] in ("*", "+", "{"):
            raise _NotLiteral
        current = [a + b for a in current for b in atom]
        if len(current) > limit:
            raise _NotLiteral
    return options + current, i


def _character_set(source: str, i: int) -> tuple[list[str], int]:
    chars = []
    if source[i:i + 1] == "^":
        raise _NotLiteral
    while i < len(source) and source[i] != "]":
        ch = source[i]
        if ch == "\\":
            ch = source[i + 1:i + 2]
            if not ch or ch.isalnum():
                raise _NotLiteral
            i += 1
        elif ch == "-" and chars and source[i + 1:i + 2] not in ("]", ""):
            raise _NotLiteral  # a range
        chars.append(ch)
        i += 1
    if i >= len(source):
        raise _NotLiteral
    return chars, i + 1



class Existence(Rule):
    KIND = "existence"
    FIELDS = {
        "tokens": (text_list, []),
        "patterns": (pattern_list, []),
        "exceptions": (text_list, []),
        "ignorecase": (boolean, False),
    }

    def setup(self, tokens, patterns, exceptions, ignorecase):
        if not tokens and not patterns:
            raise FieldError("tokens", "needs 'tokens' or 'patterns'")
        self.tokens = [] if ignorecase else list(tokens)
        sources = []
        for pattern in patterns:
            strings = None if ignorecase else literal_strings(pattern)
            if strings is None:
                sources.append(pattern)
            else:
                self.tokens += strings
        self.tokens = list(dict.fromkeys(self.tokens))
        sources += [regex.escape(t) for t in tokens] if ignorecase else []
        flags = regex.IGNORECASE if ignorecase else 0
        self.pattern = LazyPattern("|".join(f"(?:{p})" for p in sources), flags) if sources else None
        self.exceptions = list(exceptions)
        self.literal_only = self.pattern is None

    def literals(self):
        return self.tokens + self.exceptions

    def gate(self):
        return self.pattern  # tokens and exceptions come as literal hits

    def run(self, doc, hits):
        wanted, shelters = split_hits(hits, len(self.tokens))
        spans = [(s, e) for s, e, _ in wanted if self.in_scope(doc, s, e)]
        if self.pattern is not None:
            spans += [m.span() for m in search_segments(self.pattern, doc, self.segments(doc), self.trusted) if m.end() > m.start()]
        for start, end in leftmost_longest(spans):
            if not covered(start, end, shelters):
                yield self.match(doc, start, end)

    def match(self, doc, start, end):
        return Match(start, end, self.render(match=doc.text[start:end]))
