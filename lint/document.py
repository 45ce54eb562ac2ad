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

import regex

from . import patterns
from .records import FrozenRecord, Record
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


class Credit(FrozenRecord):
    """One credit found in the document: `作者：王某` -> field author, value 王某.

    `start`/`end` cover the label and the value; `value_start`/`value_end` the value alone
    (an empty credit has value_start == value_end). Credits from metadata have `start == -1`.
    """

    __slots__ = ("field", "label", "value", "start", "end", "value_start", "value_end")
    field: str
    label: str
    value: str
    start: int
    end: int
    value_start: int
    value_end: int

    def __init__(self, field: str, label: str, value: str, start: int, end: int, value_start: int, value_end: int):
        set_field = object.__setattr__
        set_field(self, "field", field)
        set_field(self, "label", label)
        set_field(self, "value", value)
        set_field(self, "start", start)
        set_field(self, "end", end)
        set_field(self, "value_start", value_start)
        set_field(self, "value_end", value_end)

    @property
    def empty(self) -> bool:
        return not self.value.strip()


class SourceMap(Record):
    """Text offsets -> file offsets, piece by piece, in text order.

    A piece starts at `text_starts[i]` in the text and covers `source_starts[i]` ..
    `source_ends[i]` in the file. An exact piece is a verbatim copy (character for character);
    any other piece (an entity, a tag read as a line break) maps as a whole.
    """

    __slots__ = ("text_starts", "source_starts", "source_ends", "exact")
    text_starts: list[int]
    source_starts: list[int]
    source_ends: list[int]
    exact: list[bool]

    def __init__(self, text_starts: list[int] | None = None, source_starts: list[int] | None = None,
                 source_ends: list[int] | None = None, exact: list[bool] | None = None):
        self.text_starts = [] if text_starts is None else text_starts
        self.source_starts = [] if source_starts is None else source_starts
        self.source_ends = [] if source_ends is None else source_ends
        self.exact = [] if exact is None else exact

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


class Document(Record):
    """A file as rules see it. Besides `text`, `path`, `scopes`, `credits` and `meta`:

    - `comments`: HTML comments found by the reader, as ranges of the file text (inline
      suppression);
    - `problems`: what the reader could not read, so the file cannot be linted right ("line 2:
      invalid YAML front matter: …"); the runner reports the first as the file's error (exit 2);
    - `unchecked`: parts of the file the reader could not read, the rest being read right
      ("line 40: Markdown nested 100 levels deep or more: lines 40-52 not checked"): the file is
      linted and each is reported as an error of the run (exit 2);
    - `source`: the file text, when the reader changed `text` (see SourceMap); None: it is `text`;
    - `cache`: a per-document memo that kinds may share (e.g. a sentence split); keys are the
      kind's own.
    """

    __slots__ = ("text", "path", "scopes", "credits", "meta", "comments", "problems", "unchecked", "source",
                 "source_map", "cache", "_line_starts", "_scope_starts")
    text: str
    path: str
    scopes: dict[str, list[tuple[int, int]]]
    credits: list[Credit]
    meta: dict[str, str]
    comments: list[tuple[int, int]]
    problems: list[str]
    unchecked: list[str]
    source: str | None
    source_map: SourceMap | None
    cache: dict
    _line_starts: list[int] | None
    _scope_starts: dict[str, list[int]]

    def __init__(self, text: str, path: str = "<text>", scopes: dict[str, list[tuple[int, int]]] | None = None,
                 credits: list[Credit] | None = None, meta: dict[str, str] | None = None,
                 comments: list[tuple[int, int]] | None = None, problems: list[str] | None = None,
                 unchecked: list[str] | None = None, source: str | None = None, source_map: SourceMap | None = None,
                 cache: dict | None = None, _line_starts: list[int] | None = None,
                 _scope_starts: dict[str, list[int]] | None = None):
        self.text, self.path, self.source, self.source_map = text, path, source, source_map
        self.scopes = {} if scopes is None else scopes
        self.credits = [] if credits is None else credits
        self.meta = {} if meta is None else meta
        self.comments = [] if comments is None else comments
        self.problems = [] if problems is None else problems
        self.unchecked = [] if unchecked is None else unchecked
        self.cache = {} if cache is None else cache
        self._line_starts = _line_starts
        self._scope_starts = {} if _scope_starts is None else _scope_starts

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
            names = key[1]
            own = self.scopes.get(names[0], ()) if len(names) == 1 else None
            if own is not None and len(own) <= 1:  # (the usual headline or body: nothing to merge)
                ranges = self.cache[key] = [(start, end) for start, end in own]
            else:
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
