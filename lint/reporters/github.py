"""GitHub Actions workflow commands: one annotation line per finding.

``::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE``, with
``warning`` for warnings and ``notice`` for info. Columns count Unicode characters and the end
column is exclusive, as in every newslint report; GitHub can place columns only within one
line, so a finding that spans lines gives lines only, and an empty span (a missing credit)
gives its start only. Values are escaped as the Actions runner expects: in the message
``%`` ``\\r`` ``\\n`` become ``%25`` ``%0D`` ``%0A``; in properties ``:`` and ``,`` also become
``%3A`` and ``%2C``. Errors that stopped part of the run become ``::error`` lines too.
"""
from __future__ import annotations

from .reporter import Stream

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubStream(Stream):
    """Streamed: each file's annotations are written as it is linted, errors at the end."""

    def file(self, report) -> None:
        for f in report.findings:
            self.write(annotation(f) + "\n")

    def finish(self, totals) -> None:
        title = escape_property(self.options.get("tool", {}).get("name", "newslint"))
        for error in totals.errors:
            self.write(f"::error title={title}::{escape_data(error)}\n")



def annotation(f) -> str:
    properties = [("file", f.path), ("line", f.line)]
    if f.length and f.end_line == f.line:
        properties += [("col", f.column), ("endLine", f.end_line), ("endColumn", f.end_column)]
    elif f.length:
        properties += [("endLine", f.end_line)]
    else:
        properties += [("col", f.column)]
    properties.append(("title", f.rule))
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    return f"::{COMMANDS[f.level]} {rendered}::{escape_data(f.message)}"
