"""consistency — one document uses only one of several forms (`“”` vs `「」`, `其他` vs `其它`).

Fields:
- `forms` (required): a list of forms; each form is a list of literal strings that belong
  together (`[["“", "”"], ["「", "」"]]`). The form used most often in the document (in the
  rule's scope) is the document's own; on a tie, the form listed first. Every occurrence of
  another form is reported.
- `exceptions`: literal strings; an occurrence inside one is neither counted nor reported.

A reported string is offered the string at the same place in the document's form as its
replacement (applied by `--fix` only with `fix: safe`; the default is `none`).
The literals are found by the engine's shared automaton (one pass over the text); a rule of
at most eight literals (forms and exceptions, such as the quote marks) looks them up itself,
and only when two forms occur in the document.
Message placeholders: `{match}`, `{preferred}` (the document's form, joined),
`{replacement}`.
"""
from __future__ import annotations

from ..findings import Match
from ..spans import covered, leftmost_longest, split_hits
from .fields import text_list
from .rule import FieldError, Rule


def form_list(value):
    if not isinstance(value, list) or len(value) < 2:
        raise ValueError("must be a list of at least two forms")
    return [text_list(form) for form in value]


# A rule with at most this many literals (forms and exceptions) searches for them itself:
# quote marks are among the most common characters of Chinese text, and as automaton hits
# they were 43 % of all hits, handed out only to learn that one form is used (-2 % of the
# default rules' instructions per MB with this).
OWN_SEARCH_MAX = 8


class Consistency(Rule):
    KIND = "consistency"
    FIELDS = {"forms": (form_list, None), "exceptions": (text_list, [])}
    REQUIRED = ("forms",)

    def setup(self, forms, exceptions):
        self.forms = forms
        self.owner: list[tuple[int, int]] = []  # literal index -> (form, position in form)
        self.strings: list[str] = []
        for form_index, form in enumerate(forms):
            for position, literal in enumerate(form):
                if literal in self.strings:
                    raise FieldError("forms", f"field 'forms' lists {literal!r} twice")
                self.strings.append(literal)
                self.owner.append((form_index, position))
        self.exceptions = list(exceptions)
        self.own_search = len(self.strings) + len(self.exceptions) <= OWN_SEARCH_MAX
        # nothing to report without two forms: the engine skips the rule where none of its
        # literals (below) was hit
        self.literal_only = True

    def literals(self):
        if self.own_search:
            # any form but the first (the usual one, `“”`): a document without them holds at
            # most one form, and the rule is not visited at all (most articles)
            return [literal for form in self.forms[1:] for literal in form]
        return self.strings + self.exceptions

    def _own_hits(self, text: str) -> list[tuple[int, int, int]]:
        """Every occurrence of the literals, as the automaton would hit them: none when fewer
        than two forms occur at all (the usual case, decided by a few `in` tests)."""
        if len({self.owner[index][0] for index, literal in enumerate(self.strings) if literal in text}) < 2:
            return []
        hits = []
        for index, literal in enumerate(self.strings + self.exceptions):
            at = text.find(literal)
            while at >= 0:
                hits.append((index, at, at + len(literal)))
                at = text.find(literal, at + 1)
        return hits

    def run(self, doc, hits):
        if self.own_search:
            hits = self._own_hits(doc.text)
        wanted, shelters = split_hits(hits, len(self.strings))
        owner = self.owner
        if len({owner[index][0] for _, _, index in wanted}) < 2:
            return  # one form only (the usual case): nothing to compare
        found = [
            (start, end, index) for start, end, index in leftmost_longest(wanted)
            if self.in_scope(doc, start, end) and not covered(start, end, shelters)
        ]
        counts = [0] * len(self.forms)
        for _, _, index in found:
            counts[self.owner[index][0]] += 1
        if sum(1 for c in counts if c) < 2:
            return
        chosen = max(range(len(counts)), key=lambda i: (counts[i], -i))
        preferred = self.forms[chosen]
        for start, end, index in found:
            form, position = self.owner[index]
            if form == chosen:
                continue
            replacement = preferred[position] if position < len(preferred) else preferred[0]
            yield Match(
                start, end,
                self.render(match=doc.text[start:end], preferred="".join(preferred), replacement=replacement),
                (replacement,),
            )
