"""repetition — a unit written twice or more in a row: `的的`, `了了`, `！！！`.

Fields:
- `tokens` (required): the units (characters, words or marks) whose doubling is flagged;
- `min`: how many consecutive copies make a finding (default 2);
- `exceptions`: literal strings for legitimate reduplication (`的的确确`); a run inside an
  occurrence of one is not reported.

The fix collapses the run to one unit (applied by `--fix` only with `fix: safe`; the default
is `none`). Message placeholders: `{match}`, `{replacement}`, `{count}`.
"""
from __future__ import annotations

from ..findings import Match
from ..spans import covered, split_hits
from .fields import count, text_list
from .rule import FieldError, Rule


class Repetition(Rule):
    KIND = "repetition"
    FIELDS = {"tokens": (text_list, None), "min": (count, 2), "exceptions": (text_list, [])}
    REQUIRED = ("tokens",)
    literal_only = True

    def setup(self, tokens, min, exceptions):
        if min < 2:
            raise FieldError("min", "field 'min' must be at least 2")
        self.units = list(dict.fromkeys(tokens))
        self.min = min
        self.exceptions = list(exceptions)

    def literals(self):
        return [unit * self.min for unit in self.units] + self.exceptions

    def run(self, doc, hits):
        wanted, shelters = split_hits(hits, len(self.units))
        text = doc.text
        last_end = -1
        for start, _, index in sorted(wanted):
            if start < last_end:
                continue  # inside a run already reported
            unit = self.units[index]
            end = start
            while text.startswith(unit, end):
                end += len(unit)
            last_end = end
            if not self.in_scope(doc, start, end) or covered(start, end, shelters):
                continue
            yield Match(
                start, end,
                self.render(match=text[start:end], replacement=unit, count=(end - start) // len(unit)),
                (unit,),
            )
