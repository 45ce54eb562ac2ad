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

import json

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def render(run, options) -> str:
    tool = options.get("tool", {"name": "newslint"})
    diagnostics = []
    for report in run.reports:
        for f in report.findings:
            diagnostics.append(diagnostic(f, report.document))
    result = {"source": {"name": tool.get("name", "newslint")}, "diagnostics": diagnostics}
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


def diagnostic(f, document) -> dict:
    span = {
        "start": {"line": f.line, "column": byte_column(document, f.line, f.column)},
        "end": {"line": f.end_line, "column": byte_column(document, f.end_line, f.end_column)},
    }
    entry = {
        "message": f.message,
        "location": {"path": f.path, "range": span},
        "severity": SEVERITIES[f.level],
        "code": {"value": f.rule, **({"url": f.link} if f.link else {})},
    }
    if f.replacements:
        entry["suggestions"] = [{"range": span, "text": text} for text in f.replacements]
    return entry


def byte_column(document, line: int, column: int) -> int:
    """1 + the UTF-8 length of the first `column - 1` characters of `line`."""
    if document is None:
        return column
    return len(document.line_text(line)[: column - 1].encode("utf-8")) + 1
