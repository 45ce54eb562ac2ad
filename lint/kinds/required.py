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

    def presence_fields(self):
        return self.fields if self.check == "present" else frozenset()

    def run(self, doc, hits):
        credits = [c for c in doc.credits if c.field in self.fields]
        if self.check == "present":
            # a page with no body (a Hugo _index.md of front matter only, a headline alone) is
            # not an article: nothing to credit
            if not credits and any(doc.text[a:b].strip() for a, b in doc.scopes.get("body", ())):
                yield Match(0, 0, self.render())
            return
        for credit in credits:
            if credit.empty and credit.start >= 0:
                yield Match(credit.start, credit.end, self.render(label=credit.label))
