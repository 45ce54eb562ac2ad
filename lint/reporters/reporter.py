"""Streamed reports: written file by file while the run goes on.

A streamed format is a class built with a `write(text)` function and the report options:
`start()` writes the opening, `file(report)` writes one input's part as soon as that input is
linted, `finish(totals)` writes the closing (errors, statistics, summary) from the running
`Totals`. The command line drops each `FileReport` once it is written, so a run over a large
tree holds one file's findings at a time. The bytes are those of the whole report rendered at
once; `render_run` gives that string for a finished `Run`.
"""
from __future__ import annotations

import json
import re

from ..findings import Totals


class Stream:
    def __init__(self, write, options: dict):
        self.write = write
        self.options = options

    def start(self) -> None:
        pass

    def file(self, report) -> None:
        raise NotImplementedError

    def finish(self, totals: Totals) -> None:
        pass


def render_run(stream_class, run, options: dict) -> str:
    """The whole report of a finished `Run`, as one string."""
    parts: list[str] = []
    stream = stream_class(parts.append, options)
    stream.start()
    for report in run.reports:
        stream.file(report)
    stream.finish(Totals.of(run))
    return "".join(parts)


def nested(value, depth: int) -> str:
    """`json.dumps(value, indent=2)` as it appears `depth` levels deep in an indented document.
    Lone surrogates (a file name that is not UTF-8, decoded as Python does: `os.fsdecode`) are
    written as JSON escapes (`\\udce9`), so the output stays valid UTF-8 and
    `os.fsencode(json.loads(...))` gives the name's bytes back."""
    text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonList:
    """The items of a JSON list at `depth`, written one by one: `[`, items, then `]`."""

    def __init__(self, write, depth: int):
        self.write, self.depth, self.count = write, depth, 0

    def open(self) -> None:
        self.write("[")

    def item(self, value) -> None:
        indent = "  " * (self.depth + 1)
        self.write(("," if self.count else "") + "\n" + indent + nested(value, self.depth + 1))
        self.count += 1

    def close(self) -> None:
        self.write("\n" + "  " * self.depth + "]" if self.count else "]")
