"""required — a credit or metadata field must be present, or must not be empty.

Fields:
- `fields` (required): which credits count (`author`, `editor`, `source`, `reviewer`); any one
  of them satisfies the rule;
- `check`: `present` (the default: report a document with none of them) or `non-empty`
  (report each such credit whose value is empty, as in `作者: 来源: …`, at its label).

Credits come from the document model (credit lines in the text, and metadata such as Markdown
front matter), so this kind works the same for every format; its default scope is `byline`
and `meta`. A missing credit has no characters to point at: the finding sits at line 1,
column 1, with length 0; a document without body text (front matter
or a headline only) is not checked for presence. No fix. Message placeholder: `{label}` (the empty credit's label).
"""
from __future__ import annotations

from ..document import CREDIT_FIELDS
from ..findings import Match
from .fields import names_from, one_of
from .rule import FieldError, Rule


credit_fields = names_from(CREDIT_FIELDS, "credit")


class Required(Rule):
    KIND = "required"
    FIELDS = {"fields": (credit_fields, None), "check": (one_of("present", "non-empty"), "present")}
    REQUIRED = ("fields",)
    DEFAULT_SCOPE = ("byline", "meta")

    def setup(self, fields, check):
        if not fields:
            raise FieldError("fields", "field 'fields' must name at least one credit")
        self.fields = frozenset(fields)
        self.check = check
        self._missing_match = None

    def presence_fields(self):
        return self.fields if self.check == "present" else frozenset()

    def run(self, doc, hits):
        # plain loops returning a tuple, no generator: the byline rules run on every article
        fields = self.fields
        if self.check == "present":
            for credit in doc.credits:
                if credit.field in fields:
                    return ()
            # a page with no body (a Hugo _index.md of front matter only, a headline alone) is
            # not an article: nothing to credit
            return (self._missing(),) if _has_text(doc.text, doc.scopes.get("body", ())) else ()
        return [Match(credit.start, credit.end, self.render(label=credit.label)) for credit in doc.credits
                if credit.field in fields and credit.empty and credit.start >= 0]

    def _missing(self) -> Match:
        """The match of a missing credit: the same for every document, made once (a copy of
        the rule with converted messages makes its own)."""
        match = self._missing_match
        if match is None or match.message is not self.message:
            match = self._missing_match = Match(0, 0, self.render())
        return match


def _has_text(text: str, ranges) -> bool:
    """Whether one of the ranges holds a character that is not whitespace (an article's body
    starts or ends with one: no copy of the body is made then)."""
    for start, end in ranges:
        if start < end and (not text[start].isspace() or not text[end - 1].isspace() or text[start:end].strip()):
            return True
    return False
