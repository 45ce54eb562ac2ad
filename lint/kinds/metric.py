"""metric — a count against a bound: headline length, sentence length, marks per headline.

Fields:
- `measure`: `length` (the default: characters, whitespace not counted) or `count`
  (occurrences of `tokens` / `patterns`);
- `tokens`, `patterns`: what `count` counts (literal strings; regular expressions);
- `unit`: `segment` (the default: each range of the scope, e.g. the headline) or `sentence`
  (split at `。！？!?` and line breaks);
- `max` / `min`: the bounds (either or both).

An empty scope with `min` > 0 (no headline at all) is reported at line 1, column 1.
The finding spans the measured unit. No fix. Message placeholders: `{count}`, `{max}`, `{min}`.
"""
from __future__ import annotations

import regex

from .. import patterns
from ..budget import search_limit
from ..findings import Match
from ..patterns import LazyPattern
from .fields import count, one_of, pattern_list, text_list
from .rule import FieldError, Rule
from .search import REGEX_TIMEOUT_SECONDS, timed

_SENTENCE = patterns.LazyPattern(r"[^。！？!?\r\n]+[。！？!?]*")
_SPACE = patterns.LazyPattern(r"\s")


class Metric(Rule):
    KIND = "metric"
    FIELDS = {
        "measure": (one_of("length", "count"), "length"),
        "unit": (one_of("segment", "sentence"), "segment"),
        "tokens": (text_list, []),
        "patterns": (pattern_list, []),
        "max": (count, None),
        "min": (count, None),
    }

    def setup(self, measure, unit, tokens, patterns, max, min):
        if max is None and min is None:
            raise FieldError("max", "needs 'max' or 'min'")
        if measure == "count" and not (tokens or patterns):
            raise FieldError("measure", "'measure: count' needs 'tokens' or 'patterns'")
        sources = [regex.escape(t) for t in tokens] + list(patterns)
        self.counted = LazyPattern("|".join(f"(?:{s})" for s in sources)) if sources else None
        self.measure, self.unit, self.max, self.min = measure, unit, max, min
        # only a lower bound of one character on each segment's length: any non-blank segment meets it
        self._present_is_enough = measure == "length" and unit == "segment" and max is None and min == 1
        # only an upper bound on each segment's length: exceeded only by a segment of more
        # characters than the bound, whitespace included
        self._only_max_length = measure == "length" and unit == "segment" and not min and max is not None

    def gate(self):
        # a count with only an upper bound can be exceeded only where the counted expression
        # finds something
        if self.measure == "count" and not self.min:
            return self.counted
        # (a length with only an upper bound is checked at the start of `run`: cheaper than a gate)
        return None

    def run(self, doc, hits):
        if self._only_max_length and len(self.scope) == 1:
            # `length` runs on every article: a headline no longer than the bound, whitespace
            # included, ends it here (a lone range: touching ranges are measured together)
            ranges = doc.scopes.get(self.scope[0]) or ()
            if len(ranges) <= 1:
                for start, end in ranges:
                    if end - start > self.max:
                        break
                else:
                    return ()
        if self._present_is_enough and len(self.scope) == 1:
            # `empty` runs on every article: a headline that is there and not blank ends it
            # here, without the generator below (a plain return is several times cheaper)
            ranges = doc.scopes.get(self.scope[0])
            if ranges:
                text = doc.text
                for start, end in ranges:  # (a headline read from a file starts with no space)
                    if start == end or (text[start].isspace() and text[start:end].isspace()):
                        break
                else:
                    return ()
        return self._run(doc)

    def _run(self, doc):
        segments = self.segments(doc)
        if not segments:
            if self.min:
                yield Match(0, 0, self.render(count=0, max=self.max, min=self.min))
            return
        text, low, high = doc.text, self.min, self.max
        for start, end in self.units(doc, segments):
            if self.measure == "length" and (high is None or end - start <= high):
                # the length is at most end - start: only a lower bound can fail, and a
                # unit with that many characters that are not whitespace meets it (the
                # headline rules run on every article: no count when it cannot matter)
                if not low or (low == 1 and end > start and not text[start:end].isspace()):
                    continue
            value = self.value(text, start, end)
            if (high is not None and value > high) or (low is not None and value < low):
                yield Match(start, end, self.render(count=value, max=high, min=low))

    def units(self, doc, segments):
        if self.unit == "segment":
            return segments
        return [m.span() for s, e in segments for m in _SENTENCE.finditer(doc.text, s, e)]

    def value(self, text, start, end) -> int:
        if self.measure == "length":
            return end - start - len(_SPACE.findall(text, start, end))
        limit = search_limit(REGEX_TIMEOUT_SECONDS) if timed(self.trusted, start, end) else None
        return sum(1 for _ in self.counted.finditer(text, start, end, timeout=limit))
