"""existence — flag literal `tokens` or regular-expression `patterns`.

Fields:
- `tokens`: literal strings; all tokens of all rules are found in one pass of the engine's
  shared Aho-Corasick automaton.
- `patterns`: regular expressions (Python `regex` module syntax, lookarounds allowed), merged
  into one expression per rule and compiled once, on first use.
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
        sources = list(patterns) + ([regex.escape(t) for t in tokens] if ignorecase else [])
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
