"""JSON: one document, schema version 1, documented in docs/json-format.md.

Streamed: the opening, then each file's entry as it is linted, then the errors and the
summary; the bytes are those of `json.dumps(document, ensure_ascii=False, indent=2)`.
"""
from __future__ import annotations

from .reporter import JsonList, Stream, nested

SCHEMA_VERSION = 1


class JsonStream(Stream):
    def start(self) -> None:
        tool = self.options.get("tool", {"name": "newslint"})
        self.write(f'{{\n  "version": {SCHEMA_VERSION},\n  "tool": {nested(tool, 1)},\n  "files": ')
        self.files = JsonList(self.write, 1)
        self.files.open()

    def file(self, report) -> None:
        self.files.item({"path": report.path, "findings": [f.to_dict() for f in report.findings]})

    def finish(self, totals) -> None:
        self.files.close()
        summary = {
            "files": totals.files,
            "findings": totals.findings,
            "by_level": totals.levels,
            "fixable": totals.fixable,
            "fixed": totals.fixed,
            "errors": len(totals.errors),
        }
        self.write(f',\n  "errors": {nested(totals.errors, 1)},\n  "summary": {nested(summary, 1)}\n}}\n')

