"""HTML articles (.html, .htm), parsed with the standard library's `html.parser`.

The stdlib parser is lenient (CMS exports are rarely valid HTML), needs no dependency, and —
with ``convert_charrefs=False`` — reports every piece of text, entity and tag with its exact
position in the file, which is what exact line and column numbers need.

`Document.text` is the text a reader sees: text nodes verbatim, entities decoded (``&ldquo;``
-> ``“``), block-level tags read as line breaks, inline tags dropped, so ``<b>见缝</b>插扎``
is the word ``见缝插扎``. The file text stays in `Document.source` and a `SourceMap` maps every
text offset back to it: findings point at the file's own lines and columns, and a fix applies
only where the file holds exactly the characters the rule saw (never across a tag or an
entity).

- Headline: the ``<h1>`` whose text begins ``<title>`` or is the longest part of it (site logos
  are often an ``<h1>`` too, and titles read "headline_site"), else the first ``<h1>``, else
  ``<title>``.
  A ``<title>`` that is not the headline is the ``meta`` scope; other ``<h1>``s are body.
- Body: the text of the page outside ``<head>``. ``<script>``, ``<style>``, ``<code>``,
  ``<pre>``, ``<kbd>``, ``<samp>``, ``<noscript>``, ``<template>``, ``<svg>``, ``<math>`` and
  every attribute are not prose.
- Credits: ``<meta name="author" content="…">`` (also ``editor``, ``source``,
  ``article:author``, ``dc.creator``) as metadata credits; elements marked as credits by
  common CMS markup (``class="author"``, ``byline``, ``editor``, ``source``, ``itemprop="author"``,
  ``rel="author"``) holding a bare name; and credit lines in the text (``责任编辑：李四``).
- Comments are recorded for inline suppression (``<!-- newslint-disable … -->``).
"""
from __future__ import annotations

import html
from html.parser import HTMLParser

import regex

from .. import patterns
from ..credits import MAX_VALUE_CHARS, find_credits
from ..document import Credit, Document, SourceMap
from ..spans import merged, subtract
from .text import not_prose_spans

SKIPPED = {"script", "style", "code", "pre", "kbd", "samp", "noscript", "template", "svg", "math",
           "textarea", "select", "iframe", "object"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr"}
BLOCK = {"address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "div", "dl",
         "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
         "head", "header", "hr", "html", "li", "main", "nav", "ol", "p", "section", "table",
         "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul"}
META_CREDITS = {
    "author": "author", "article:author": "author", "dc.creator": "author", "byl": "author",
    "editor": "editor", "source": "source", "reviewer": "reviewer",
}
_CMS_CREDIT = [
    ("editor", patterns.compile(r"(?:^|[-_])(?:editor|bianji|zebian)(?:[-_]?name)?$", regex.IGNORECASE)),
    ("source", patterns.compile(r"(?:^|[-_])(?:source|laiyuan)(?:[-_]?name)?$", regex.IGNORECASE)),
    ("author", patterns.compile(r"(?:^|[-_])(?:author|byline|writer|reporter|zuozhe)(?:[-_]?name)?$",
                             regex.IGNORECASE)),
]
_NOT_A_NAME = patterns.LazyPattern(r"[。！？!?；;，,]")


def read_html(source: str, path: str = "<text>") -> Document:
    reader = _Reader(source)
    reader.feed(source)
    reader.close()
    return reader.document(path)


class _Reader(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.newlines = [0] + [m.end() for m in regex.finditer(r"\n", source)]
        self.pieces: list[str] = []
        self.length = 0  # of the text so far
        self.map = SourceMap()
        self.zones: dict[str, list[tuple[int, int]]] = {"title": [], "h1": [], "body": []}
        self.h1s: list[list[tuple[int, int]]] = []  # the text ranges of each <h1>
        self.skip = 0
        self.in_head = False
        self.in_title = False
        self.h1_depth = 0
        self.stack: list[tuple[str, str | None, int]] = []  # tag, credit field, text start
        self.credits: list[Credit] = []
        self.comments: list[tuple[int, int]] = []

    # --- positions ----------------------------------------------------------------------
    def here(self) -> int:
        line, column = self.getpos()
        return self.newlines[line - 1] + column

    def emit(self, text: str, start: int, end: int, exact: bool, zone: str | None) -> None:
        if not text:
            return
        self.map.add(self.length, start, end, exact)
        if zone:
            ranges = self.zones[zone]
            if ranges and ranges[-1][1] == self.length:
                ranges[-1] = (ranges[-1][0], self.length + len(text))
            else:
                ranges.append((self.length, self.length + len(text)))
        self.pieces.append(text)
        self.length += len(text)

    def zone(self) -> str | None:
        if self.skip:
            return None
        if self.in_title:
            return "title"
        if self.h1_depth:
            return "h1"
        return None if self.in_head else "body"

    def line_break(self, start: int, end: int) -> None:
        if self.pieces and not self.pieces[-1].endswith("\n"):
            self.emit("\n", start, end, False, None)

    # --- parser callbacks ---------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        start = self.here()
        raw = self.get_starttag_text() or ""
        end = start + len(raw)
        attributes = {name: value or "" for name, value in attrs}
        if tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        elif tag == "meta":
            self.meta_credit(attributes)
        if tag in BLOCK:
            self.line_break(start, end)
        if tag in VOID:
            return
        if tag in SKIPPED:
            self.skip += 1
        elif tag == "title" and not self.skip:
            self.in_title = True
        elif tag == "h1" and not self.skip:
            if not self.h1_depth:
                self.zones["h1"] = []
                self.h1s.append(self.zones["h1"])
            self.h1_depth += 1
        self.stack.append((tag, self.cms_credit(attributes), self.length))

    def handle_startendtag(self, tag, attrs):
        if tag in VOID or tag not in SKIPPED:
            self.handle_starttag(tag, attrs)
            if tag not in VOID and self.stack and self.stack[-1][0] == tag:
                self.stack.pop()
                self.closed(tag)

    def handle_endtag(self, tag):
        start = self.here()
        close = self.source.find(">", start)
        end = close + 1 if close >= 0 else start
        if not any(entry[0] == tag for entry in self.stack):
            if tag in BLOCK:
                self.line_break(start, end)
            return
        while self.stack:
            open_tag, field, text_start = self.stack.pop()
            if field:
                self.cms_credit_found(field, text_start)
            self.closed(open_tag)
            if open_tag == tag:
                break
        if tag in BLOCK:
            self.line_break(start, end)

    def closed(self, tag):
        if tag in SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag == "title":
            self.in_title = False
        elif tag == "h1" and self.h1_depth:
            self.h1_depth -= 1
        elif tag == "head":
            self.in_head = False

    def handle_data(self, data):
        start = self.here()
        exact = self.source.startswith(data, start)
        self.emit(data, start, start + len(data), exact, self.zone())

    def handle_entityref(self, name):
        self.reference("&" + name)

    def handle_charref(self, name):
        self.reference("&#" + name)

    def reference(self, raw):
        start = self.here()
        end = start + len(raw)
        if self.source.startswith(";", end):
            end += 1
        decoded = html.unescape(self.source[start:end])
        self.emit(decoded, start, end, decoded == self.source[start:end], self.zone())

    def parse_marked_section(self, i, report=1):
        # the stdlib raises AssertionError on '<![' that opens no known section ('<![图](a.png)');
        # browsers read it as a bogus comment, and so do we (restoring the position, which
        # the stdlib moved before raising)
        position = self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = position
            return self.parse_bogus_comment(i, report)

    def handle_comment(self, data):
        start = self.here()
        raw = f"<!--{data}-->"
        if self.source.startswith(raw, start):
            self.comments.append((start, start + len(raw)))

    # --- credits ------------------------------------------------------------------------
    def meta_credit(self, attributes):
        name = (attributes.get("name") or attributes.get("property") or "").strip().lower()
        field = META_CREDITS.get(name)
        if field and "content" in attributes:
            value = " ".join(attributes["content"].split())
            self.credits.append(Credit(field=field, label=name, value=value, start=-1, end=-1,
                                       value_start=-1, value_end=-1))

    def cms_credit(self, attributes) -> str | None:
        if attributes.get("itemprop", "").lower() == "author" or "author" in attributes.get("rel", "").lower().split():
            return "author"
        for token in attributes.get("class", "").split():
            for field, pattern in _CMS_CREDIT:
                if pattern.search(token):
                    return field
        return None

    def cms_credit_found(self, field, text_start):
        """An element marked as a credit: a bare name counts; labelled lines are found anyway."""
        text = "".join(self.pieces)[text_start:] if text_start < self.length else ""
        if find_credits(text):
            return
        value = text.strip()
        if not value or len(value) > MAX_VALUE_CHARS or _NOT_A_NAME.search(value):
            return
        value_start = text_start + text.index(value)
        self.credits.append(Credit(field=field, label=field, value=value, start=value_start,
                                   end=value_start + len(value), value_start=value_start,
                                   value_end=value_start + len(value)))

    # --- the document -------------------------------------------------------------------
    def pick_h1(self, text):
        found = [ranges for ranges in self.h1s if "".join(text[s:e] for s, e in ranges).strip()]
        title = "".join(text[s:e] for s, e in self.zones["title"]).strip()
        named = []
        for ranges in found:
            words = "".join(text[s:e] for s, e in ranges).strip()
            if words in title:
                named.append((title.startswith(words), len(words), -len(named), ranges))
        if named:
            return max(named, key=lambda item: item[:3])[3]  # "headline_site": the prefix, the longest
        return found[0] if found else None

    def document(self, path) -> Document:
        text = "".join(self.pieces)
        holes = not_prose_spans(text)
        title, body = (subtract(self.zones[z], holes) for z in ("title", "body"))
        h1 = self.pick_h1(text)
        if h1 is not None:
            body = merged(body + [r for other in self.h1s if other is not h1 for r in other])
        headline, meta = (subtract(h1, holes), title) if h1 else (title, [])
        credits = [c for start, end in body for c in find_credits(text, start, end)]
        byline = sorted({(c.start, c.end) for c in credits + self.credits if c.start >= 0 and c.end > c.start})
        credits = sorted(credits + self.credits, key=lambda c: c.start)
        meta_values = {c.label: c.value for c in self.credits if c.start < 0}
        if title:
            meta_values["title"] = "".join(text[s:e] for s, e in self.zones["title"]).strip()
        return Document(
            text=text, path=path,
            scopes={"headline": headline, "body": body, "byline": merged(byline), "meta": meta},
            credits=credits, meta=meta_values, comments=self.comments,
            source=self.source, source_map=self.map,
        )



__all__ = ["read_html"]
