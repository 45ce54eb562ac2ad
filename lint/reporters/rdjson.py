"""reviewdog's rdjson (the `DiagnosticResult` message of the Reviewdog Diagnostic Format).

Columns are in reviewdog's unit, not newslint's: the Reviewdog Diagnostic Format counts a
column as 1 + the number of UTF-8 bytes before the position on its line, and reviewdog
matches suggestions against the diff by those byte columns. Chinese characters take three
bytes, so `见缝插扎` at character column 18 of a line of Chinese starts at byte column 52.
The bytes are counted on the decoded line in UTF-8 (a file read as GB18030 is counted as its
UTF-8 text; a BOM is not part of line 1). Ends are exclusive, as the format requires. Every
replacement becomes a suggestion over the finding's range: reviewdog shows suggestions to a
reviewer, who accepts or not, so unsafe replacements are offered too (only safe ones are what
`--fix` applies).
"""
from __future__ import annotations

import re

from .reporter import JsonList, Stream, nested

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


class RdjsonStream(Stream):
    """Streamed: each file's diagnostics are written as it is linted."""

    def start(self) -> None:
        source = {"name": self.options.get("tool", {"name": "newslint"}).get("name", "newslint")}
        self.write(f'{{\n  "source": {nested(source, 1)},\n  "diagnostics": ')
        self.diagnostics = JsonList(self.write, 1)
        self.diagnostics.open()

    def file(self, report) -> None:
        for f in report.findings:
            self.diagnostics.item(diagnostic(f, report.lines))

    def finish(self, totals) -> None:
        self.diagnostics.close()
        self.write("\n}\n")



def diagnostic(f, lines: dict[int, str]) -> dict:
    start, end = byte_columns(f, lines.get(f.line))
    span = {"start": {"line": f.line, "column": start}, "end": {"line": f.end_line, "column": end}}
    entry = {
        "message": f.message,
        "location": {"path": f.path, "range": span},
        "severity": SEVERITIES[f.level],
        "code": {"value": f.rule, **({"url": f.link} if f.link else {})},
    }
    if f.replacements:
        entry["suggestions"] = [{"range": span, "text": text} for text in f.replacements]
    return entry


def byte_columns(f, line_text: str | None) -> tuple[int, int]:
    """Start and end columns as 1 + the UTF-8 bytes before them on their lines.

    The start needs the text of the finding's first line; the end of a finding that spans lines
    is the part of the matched text after its last line break.
    """
    if line_text is None:  # no source line kept: characters are the best we have
        return f.column, f.end_column
    before = line_text[: f.column - 1].encode("utf-8")
    start = len(before) + 1
    if f.end_line == f.line:
        return start, start + len(f.text.encode("utf-8"))
    last = _LINE_BREAK.split(f.text)[-1]
    return start, len(last.encode("utf-8")) + 1


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
