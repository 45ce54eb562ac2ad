"""The document model: text, scopes, credits, metadata, and offset -> line/column.

Readers turn a file into a `Document`; rules see only documents. All offsets are indexes of
Unicode characters in `Document.text` (never bytes, never UTF-16 units).

Scopes are named lists of `(start, end)` character ranges:
- ``headline``: the article's headline;
- ``body``: the prose of the article (credit lines included, since their punctuation is prose);
- ``byline``: the credit lines (作者、记者、编辑 …);
- ``meta``: metadata values (front matter) when the reader has them.
Ranges of one scope are sorted and do not overlap.

Most readers keep `text` equal to the file text. When a reader must change it (HTML: tags
removed, entities decoded), it keeps the file text in `source` and a `SourceMap` from text
offsets to file offsets; findings, lines and columns then point into the file.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from . import patterns
from .spans import merged

SCOPES = ("headline", "body", "byline", "meta")
CREDIT_FIELDS = ("author", "editor", "source", "reviewer")

_LINE_BREAK = patterns.LazyPattern(r"\r\n|\r|\n")


def _line_starts(text: str) -> list[int]:
    """Offsets where lines start. Without a carriage return (almost every file) a loop of
    `str.find` is several times faster than the expression (14 -> 2 us an article)."""
    if "\r" in text:
        return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    starts, find = [0], text.find
    position = find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = find("\n", position + 1)
    return starts


@dataclass(frozen=True, slots=True)
class Credit:
    """One credit found in the document: `作者：王某` -> field author, value 王某.

    `start`/`end` cover the label and the value; `value_start`/`value_end` the value alone
    (an empty credit has value_start == value_end). Credits from metadata have `start == -1`.
    """

    field: str
    label: str
    value: str
    start: int
    end: int
    value_start: int
    value_end: int

    @property
    def empty(self) -> bool:
        return not self.value.strip()


@dataclass(slots=True)
class SourceMap:
    """Text offsets -> file offsets, piece by piece, in text order.

    A piece starts at `text_starts[i]` in the text and covers `source_starts[i]` ..
    `source_ends[i]` in the file. An exact piece is a verbatim copy (character for character);
    any other piece (an entity, a tag read as a line break) maps as a whole.
    """

    text_starts: list[int] = field(default_factory=list)
    source_starts: list[int] = field(default_factory=list)
    source_ends: list[int] = field(default_factory=list)
    exact: list[bool] = field(default_factory=list)

    def add(self, text_start: int, source_start: int, source_end: int, exact: bool) -> None:
        self.text_starts.append(text_start)
        self.source_starts.append(source_start)
        self.source_ends.append(source_end)
        self.exact.append(exact)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """File range of text[start:end]. An empty range at 0 (a whole-document finding) stays
        at 0, i.e. line 1, column 1."""
        if not self.text_starts or (start == end == 0):
            return start, end
        first = self._source(start, self.source_starts)
        if end == start:
            return first, first
        return first, max(first, self._source(end - 1, self.source_ends, 1))

    def _source(self, offset: int, bounds: list[int], after: int = 0) -> int:
        index = max(0, bisect.bisect_right(self.text_starts, offset) - 1)
        if self.exact[index]:
            return self.source_starts[index] + offset - self.text_starts[index] + after
        return bounds[index]


@dataclass(slots=True)
class Document:
    text: str
    path: str = "<text>"
    scopes: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    credits: list[Credit] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    # HTML comments found by the reader, as ranges of the file text (inline suppression)
    comments: list[tuple[int, int]] = field(default_factory=list)
    # what the reader could not read, so the file cannot be linted right ("line 2: invalid
    # YAML front matter: …"); the runner reports the first as the file's error (exit 2)
    problems: list[str] = field(default_factory=list)
    # parts of the file the reader could not read, the rest being read right ("line 40:
    # Markdown nested 100 levels deep or more: lines 40-52 not checked"): the file is linted
    # and each is reported as an error of the run (exit 2)
    unchecked: list[str] = field(default_factory=list)
    # the file text, when the reader changed `text` (see SourceMap); None: it is `text`
    source: str | None = None
    source_map: SourceMap | None = None
    # per-document memo that kinds may share (e.g. a sentence split); keys are the kind's own
    cache: dict = field(default_factory=dict)
    _line_starts: list[int] | None = None
    _scope_starts: dict[str, list[int]] = field(default_factory=dict)

    # --- lines (of the file text) ------------------------------------------------------
    @property
    def original(self) -> str:
        """The file text: findings' offsets, lines and columns refer to it."""
        return self.text if self.source is None else self.source

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The file range of text[start:end]."""
        return (start, end) if self.source_map is None else self.source_map.span(start, end)

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = _line_starts(self.original)
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a file offset, columns counted in characters."""
        starts = self.line_starts
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def span(self, start: int, end: int) -> dict:
        """Where file offsets [start, end) lie, as the fields a finding or an edit carries:
        offset, length, and 1-based line and column of both ends."""
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return {"offset": start, "length": end - start, "line": line, "column": column,
                "end_line": end_line, "end_column": end_column}

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.original)
        return self.original[start:end].rstrip("\r\n")

    # --- scopes ----------------------------------------------------------------------
    def segments(self, scopes) -> list[tuple[int, int]]:
        """The ranges of all the given scopes, sorted, overlaps merged (memoised: many rules
        share a scope)."""
        key = ("segments", tuple(scopes))
        ranges = self.cache.get(key)
        if ranges is None:
            ranges = self.cache[key] = merged(r for name in scopes for r in self.scopes.get(name, ()))
        return ranges

    def in_scope(self, scopes, start: int, end: int) -> bool:
        """True when [start, end) lies wholly inside one range of one of the scopes."""
        for name in scopes:
            ranges = self.scopes.get(name)
            if not ranges:
                continue
            starts = self._scope_starts.get(name)
            if starts is None:
                starts = self._scope_starts[name] = [r[0] for r in ranges]
            index = bisect.bisect_right(starts, start) - 1
            if index >= 0 and end <= ranges[index][1]:
                return True
        return False

    def headline(self) -> str:
        ranges = self.scopes.get("headline") or []
        return "".join(self.text[s:e] for s, e in ranges)
