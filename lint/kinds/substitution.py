"""substitution — `swap: {wrong: right}`; the fix is the replacement.

Built for dictionaries of thousands of entries: every wrong form is a literal found by the
engine's one shared Aho-Corasick automaton, so the cost is one pass over the text whatever
the dictionary's size. Overlapping wrong forms resolve leftmost-longest. A wrong form written
twice in `swap` is an error (as is any key written twice in a rule file).

Fields:
- `swap` (required): a mapping of wrong forms to their right forms.
- `exceptions`: literal strings; a match inside an occurrence of one is not reported.

`fix` defaults to `safe`. Message placeholders: `{match}`, `{replacement}`.
"""
from __future__ import annotations

from ..findings import Match
from ..spans import covered, leftmost_longest, split_hits
from .fields import text_list, text_map
from .rule import FieldError, Rule


class Substitution(Rule):
    KIND = "substitution"
    FIELDS = {"swap": (text_map, None), "exceptions": (text_list, [])}
    REQUIRED = ("swap",)
    DEFAULT_FIX = "safe"
    literal_only = True

    def setup(self, swap, exceptions):
        for wrong, right in swap.items():
            if wrong == right:
                raise FieldError("swap", f"field 'swap' maps {wrong!r} to itself")
        self.wrong = list(swap)
        self.right = [swap[w] for w in self.wrong]
        self.exceptions = list(exceptions)

    def literals(self):
        return self.wrong + self.exceptions

    def run(self, doc, hits):
        wanted, shelters = split_hits(hits, len(self.wrong))
        in_scope = [h for h in wanted if self.in_scope(doc, h[0], h[1])]
        for start, end, index in leftmost_longest(in_scope):
            if covered(start, end, shelters):
                continue
            right = self.right[index]
            yield Match(
                start, end,
                self.render(match=self.wrong[index], replacement=right),
                (right,),
            )
