"""Findings: plain data that every reporter reads.

A finding knows its rule id, level, message, the exact span it points at (character offset
and length in the document text, plus 1-based line/column counted in Unicode characters),
the matched text, replacement suggestions and its `Fix`: the edits that apply the first
replacement, and how far they may be trusted (after ruff):

- ``safe``: applied by ``--fix``;
- ``unsafe``: a suggestion (a near-miss idiom, an ambiguous conversion), applied only with
  ``--unsafe-fixes``;
- ``display``: shown, never applied (a rule with ``fix: none``, or a span with markup inside).
"""
from __future__ import annotations

from collections import Counter

from .records import FrozenRecord, Record

LEVELS = ("info", "warning", "error")
LEVEL_RANK = {name: rank for rank, name in enumerate(LEVELS)}
APPLICABILITIES = ("display", "unsafe", "safe")  # least trusted first


class Match(FrozenRecord):
    """What a rule reports: a span in the document text and what to say about it.

    The fix is the first replacement over the span, or, when `edits` are given, those edits
    ((start, end, new text) in the document text: a pair of marks is one fix with two edits).
    A kind sets `certain=False` when its replacement is a guess (the engine then offers it
    as unsafe at most); whether a fix is safe is decided by the engine alone.
    """

    __slots__ = ("start", "end", "message", "replacements", "edits", "certain")
    start: int
    end: int
    message: str
    replacements: tuple[str, ...]
    edits: tuple[tuple[int, int, str], ...]
    certain: bool

    def __init__(self, start: int, end: int, message: str, replacements: tuple[str, ...] = (), *,
                 edits: tuple[tuple[int, int, str], ...] = (), certain: bool = True):
        set_field = object.__setattr__
        set_field(self, "start", start)
        set_field(self, "end", end)
        set_field(self, "message", message)
        set_field(self, "replacements", replacements)
        set_field(self, "edits", edits)
        set_field(self, "certain", certain)


class Edit(FrozenRecord):
    """Replace `length` characters at `offset` of the file's text with `content`; the span's
    1-based line and column (in characters) too, for reporters and editors."""

    __slots__ = ("offset", "length", "content", "line", "column", "end_line", "end_column")
    offset: int
    length: int
    content: str
    line: int
    column: int
    end_line: int
    end_column: int

    def __init__(self, offset: int, length: int, content: str, line: int = 1, column: int = 1,
                 end_line: int = 1, end_column: int = 1):
        set_field = object.__setattr__
        set_field(self, "offset", offset)
        set_field(self, "length", length)
        set_field(self, "content", content)
        set_field(self, "line", line)
        set_field(self, "column", column)
        set_field(self, "end_line", end_line)
        set_field(self, "end_column", end_column)

    @property
    def end(self) -> int:
        return self.offset + self.length

    def to_dict(self) -> dict:
        return {"offset": self.offset, "length": self.length, "content": self.content,
                "line": self.line, "column": self.column, "end_line": self.end_line, "end_column": self.end_column}


class Fix(FrozenRecord):
    """Edits that never overlap, in text order, and how far they may be trusted."""

    __slots__ = ("edits", "applicability")
    edits: tuple[Edit, ...]
    applicability: str

    def __init__(self, edits: tuple[Edit, ...], applicability: str = "safe"):
        object.__setattr__(self, "edits", edits)
        object.__setattr__(self, "applicability", applicability)

    def applies(self, unsafe: bool = False) -> bool:
        """Whether `--fix` applies it (`unsafe`: with --unsafe-fixes)."""
        return self.applicability == "safe" or (unsafe and self.applicability == "unsafe")


class Finding(Record):
    __slots__ = ("rule", "level", "message", "path", "offset", "length", "text", "line", "column",
                 "end_line", "end_column", "replacements", "fix", "link")
    rule: str
    level: str
    message: str
    path: str
    offset: int
    length: int
    text: str
    line: int
    column: int
    end_line: int
    end_column: int
    replacements: list[str]
    fix: Fix | None
    link: str | None

    def __init__(self, rule: str, level: str, message: str, path: str, offset: int, length: int, text: str,
                 line: int = 1, column: int = 1, end_line: int = 1, end_column: int = 1,
                 replacements: list[str] | None = None, fix: Fix | None = None, link: str | None = None):
        self.rule, self.level, self.message, self.path = rule, level, message, path
        self.offset, self.length, self.text = offset, length, text
        self.line, self.column, self.end_line, self.end_column = line, column, end_line, end_column
        self.replacements = [] if replacements is None else replacements
        self.fix, self.link = fix, link

    @property
    def end(self) -> int:
        return self.offset + self.length

    @property
    def fixable(self) -> bool:
        """Whether plain `--fix` applies this finding's fix."""
        return self.fix is not None and self.fix.applicability == "safe"

    @property
    def applicability(self) -> str | None:
        return self.fix.applicability if self.fix else None

    def sort_key(self):
        return (self.offset, self.length, self.rule)

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "level": self.level,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "length": self.length,
            "text": self.text,
            "replacements": list(self.replacements),
            "fixable": self.fixable,
            "applicability": self.applicability,
            "edits": [edit.to_dict() for edit in self.fix.edits] if self.fix else [],
        }


class FileReport(Record):
    """The findings of one input, or the error that stopped it from being linted.

    `lines`: the source lines that findings point at (line number -> text), for reporters that
    show them; kept instead of the whole document so a run over a large tree holds no file
    text. `warnings` are said on stderr; the exit status ignores them."""

    __slots__ = ("path", "findings", "error", "lines", "fixed", "warnings")
    path: str
    findings: list[Finding]
    error: str | None
    lines: dict[int, str]
    fixed: int
    warnings: list[str]

    def __init__(self, path: str, findings: list[Finding] | None = None, error: str | None = None,
                 lines: dict[int, str] | None = None, fixed: int = 0, warnings: list[str] | None = None):
        self.path, self.error, self.fixed = path, error, fixed
        self.findings = [] if findings is None else findings
        self.lines = {} if lines is None else lines
        self.warnings = [] if warnings is None else warnings


def lines_of(findings, line_text) -> dict[int, str]:
    """The source lines findings start on, from a `line_text(number)` function."""
    return {number: line_text(number) for number in sorted({f.line for f in findings})}


def at_or_above(level: str, threshold: str) -> bool:
    return LEVEL_RANK[level] >= LEVEL_RANK[threshold]


class Run(Record):
    """Everything one `newslint check` produced, handed to a reporter: `errors` are input, rule
    and internal errors, one line each; `rules` describes the rules that ran; `skipped` counts
    binary files skipped while walking directories."""

    __slots__ = ("reports", "errors", "rules", "fixed", "skipped")
    reports: list[FileReport]
    errors: list[str]
    rules: list[dict]
    fixed: int
    skipped: int

    def __init__(self, reports: list[FileReport] | None = None, errors: list[str] | None = None,
                 rules: list[dict] | None = None, fixed: int = 0, skipped: int = 0):
        self.reports = [] if reports is None else reports
        self.errors = [] if errors is None else errors
        self.rules = [] if rules is None else rules
        self.fixed, self.skipped = fixed, skipped

    @property
    def findings(self) -> list[Finding]:
        return [f for report in self.reports for f in report.findings]

    def counts(self) -> dict[str, int]:
        counts = {level: 0 for level in LEVELS}
        for finding in self.findings:
            counts[finding.level] += 1
        return counts


class Totals(Record):
    """Running counts of a report: what its summary, statistics and exit status need.

    A streamed report adds each file's `FileReport` here and then drops it, so a run over a
    large tree holds these counters, not its findings. `rules`: findings per rule, in the
    order first met; `unsafe_fixable`: findings whose fix only --unsafe-fixes applies;
    `warnings`: e.g. fixes that did not converge.
    """

    __slots__ = ("files", "levels", "rules", "fixable_rules", "unsafe_fixable", "errors", "warnings",
                 "fixed", "skipped")
    files: int
    levels: dict[str, int]
    rules: Counter
    fixable_rules: Counter
    unsafe_fixable: int
    errors: list[str]
    warnings: list[str]
    fixed: int
    skipped: int

    def __init__(self, files: int = 0, levels: dict[str, int] | None = None, rules: Counter | None = None,
                 fixable_rules: Counter | None = None, unsafe_fixable: int = 0, errors: list[str] | None = None,
                 warnings: list[str] | None = None, fixed: int = 0, skipped: int = 0):
        self.files, self.unsafe_fixable, self.fixed, self.skipped = files, unsafe_fixable, fixed, skipped
        self.levels = {level: 0 for level in LEVELS} if levels is None else levels
        self.rules = Counter() if rules is None else rules
        self.fixable_rules = Counter() if fixable_rules is None else fixable_rules
        self.errors = [] if errors is None else errors
        self.warnings = [] if warnings is None else warnings

    def add(self, report: FileReport) -> None:
        self.files += 1
        self.fixed += report.fixed
        for finding in report.findings:
            self.levels[finding.level] += 1
            self.rules[finding.rule] += 1
            if finding.fixable:
                self.fixable_rules[finding.rule] += 1
            elif finding.applicability == "unsafe":
                self.unsafe_fixable += 1
        self.warnings += report.warnings

    @property
    def findings(self) -> int:
        return sum(self.levels.values())

    @property
    def fixable(self) -> int:
        return sum(self.fixable_rules.values())

    def reached(self, threshold: str) -> bool:
        """Whether any finding is at or above the level `threshold`."""
        return any(count and at_or_above(level, threshold) for level, count in self.levels.items())

    @classmethod
    def of(cls, run: Run) -> Totals:
        totals = cls(errors=list(run.errors), skipped=run.skipped)
        for report in run.reports:
            totals.add(report)
        totals.fixed = run.fixed
        return totals
