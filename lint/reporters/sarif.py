"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run. `tool.driver.rules` holds one descriptor per rule that produced a finding (id, short
and full description, help URI when the rule has a `link`, default level); results point at
their rule by `ruleId` and `ruleIndex`. Regions count columns in Unicode code points, as every
newslint position does, and the run says so (`columnKind: unicodeCodePoints`); `charOffset`
and `charLength` count the same characters from the start of the decoded text (a BOM is not
part of it). Safe fixes become SARIF `fixes` (one replacement: the deleted region and the
inserted text). Input and rule errors are tool execution notifications.

Every result carries ``partialFingerprints: {"newslint/v1": "HASH:N"}`` so that code scanning
follows a finding from commit to commit: HASH is `lint.fingerprint` (the rule, the
matched text and up to ten characters each side on its line; no line or column), and N counts
identical findings in the file (1, 2, …), as GitHub's own line hashes do. Moving a paragraph
keeps the fingerprint; a different match, or an edit next to it, changes it.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import PurePath, PurePosixPath
from urllib.parse import quote

from .reporter import JsonList, Stream, nested

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SOURCE_ROOT = "%SRCROOT%"
FINGERPRINT = "newslint/v1"


class SarifStream(Stream):
    """Streamed SARIF. The rule list comes first in the document and its indexes are known only
    at the end (the rules that fired, sorted), so each result is spooled as one JSON line with
    its rule id (in memory up to a few MB, then in a temporary file) and the document is
    written at `finish`: a run holds the results as text, never the findings."""

    SPOOL_IN_MEMORY = 4 << 20

    def start(self) -> None:
        import tempfile  # only a SARIF report spools

        self.spool = tempfile.SpooledTemporaryFile(max_size=self.SPOOL_IN_MEMORY, mode="w+", encoding="utf-8")
        self.used: set[str] = set()

    def file(self, report) -> None:
        for f, print_ in fingerprinted(report):
            self.used.add(f.rule)
            self.spool.write(f.rule + "\t" + json.dumps(result(f, -1, print_), ensure_ascii=False) + "\n")

    def finish(self, totals) -> None:
        tool = self.options.get("tool", {"name": "newslint"})
        described = {rule["id"]: rule for rule in self.options.get("rules", ())}
        used = sorted(self.used)
        index = {rule_id: i for i, rule_id in enumerate(used)}
        driver = {"name": tool.get("name", "newslint")}
        if tool.get("version"):
            driver["version"] = driver["semanticVersion"] = tool["version"]
        driver["rules"] = [descriptor(rule_id, described.get(rule_id)) for rule_id in used]
        invocations = [{
            "executionSuccessful": not totals.errors,
            "toolExecutionNotifications": [{"level": "error", "message": {"text": error}} for error in totals.errors],
        }]
        # the bytes of json.dumps(document, ensure_ascii=False, indent=2), written in order
        self.write(f'{{\n  "$schema": {json.dumps(SCHEMA)},\n  "version": "2.1.0",\n  "runs": [\n    {{\n'
                   f'      "tool": {nested({"driver": driver}, 3)},\n'
                   f'      "columnKind": "unicodeCodePoints",\n      "results": ')
        results = JsonList(self.write, 3)
        results.open()
        self.spool.seek(0)
        for line in self.spool:
            rule_id, data = line.rstrip("\n").split("\t", 1)
            entry = json.loads(data)
            entry["ruleIndex"] = index[rule_id]
            results.item(entry)
        self.spool.close()
        results.close()
        self.write(f',\n      "invocations": {nested(invocations, 3)}\n    }}\n  ]\n}}\n')


def descriptor(rule_id: str, rule: dict | None) -> dict:
    rule = rule or {}
    full = unwrap(rule.get("description") or "") or rule.get("message") or rule_id
    entry = {
        "id": rule_id,
        "shortDescription": {"text": first_sentence(full)},
        "fullDescription": {"text": full},
    }
    if rule.get("link"):
        entry["helpUri"] = rule["link"]
    entry["help"] = {"text": full}
    entry["defaultConfiguration"] = {"level": LEVELS[rule.get("level", "warning")]}
    if rule.get("kind"):
        entry["properties"] = {"kind": rule["kind"], "fix": rule.get("fix", "none")}
    return entry


def unwrap(text: str) -> str:
    """Join the wrapped lines of a YAML description; blank lines stay paragraph breaks.

    Chinese lines join without a space; a space is kept only between two Latin letters or digits.
    """
    paragraphs = []
    for paragraph in text.strip().split("\n\n"):
        joined = ""
        for line in (part.strip() for part in paragraph.splitlines()):
            if joined and line and joined[-1].isascii() and joined[-1].isalnum() and line[0].isascii() and line[0].isalnum():
                joined += " "
            joined += line
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)


def first_sentence(text: str) -> str:
    """Up to the first full stop outside quotes and brackets, else the first paragraph."""
    paragraph = text.split("\n\n")[0]
    depth = 0
    for index, char in enumerate(paragraph):
        if char in "“‘「『（《":
            depth += 1
        elif char in "”’」』）》":
            depth = max(0, depth - 1)
        elif depth == 0 and (char in "。！？" or (char in ".!?" and paragraph[index + 1: index + 2] in ("", " "))):
            return paragraph[: index + 1]
    return paragraph


def fingerprinted(report):
    """(finding, "HASH:N") for every finding of one file's report, in order."""
    from ..fingerprint import fingerprint  # here, not at import: only a SARIF report needs hashlib

    seen: Counter = Counter()
    for f in report.findings:
        print_ = fingerprint(f, report.lines.get(f.line))
        seen[print_] += 1
        yield f, f"{print_}:{seen[print_]}"


def result(f, rule_index: int, print_: str) -> dict:
    location = artifact_location(f.path)
    entry = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[f.level],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region(f, snippet=True)}}],
        "partialFingerprints": {FINGERPRINT: print_},
    }
    if f.fixable:
        entry["fixes"] = [{
            "description": {"text": f"替换为“{f.replacements[0]}”" if f.replacements[0] else "删除"},
            "artifactChanges": [{
                "artifactLocation": location,
                "replacements": [{
                    "deletedRegion": region(edit),
                    "insertedContent": {"text": edit.content},
                } for edit in f.fix.edits],
            }],
        }]
    return entry


def region(f, snippet: bool = False) -> dict:
    """The region of a finding or an edit."""
    entry = {
        "startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column,
        "charOffset": f.offset, "charLength": f.length,
    }
    if snippet and f.text:
        entry["snippet"] = {"text": f.text}
    return entry


def artifact_location(path: str) -> dict:
    """A relative path becomes a relative URI against %SRCROOT%; an absolute one a file URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    posix = PurePosixPath(pure.as_posix())
    return {"uri": quote(str(posix), safe="/"), "uriBaseId": SOURCE_ROOT}
