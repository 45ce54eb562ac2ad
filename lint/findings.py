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
from dataclasses import dataclass, field

LEVELS = ("info", "warning", "error")
LEVEL_RANK = {name: rank for rank, name in enumerate(LEVELS)}
APPLICABILITIES = ("display", "unsafe", "safe")  # least trusted first


@dataclass(frozen=True, slots=True)
class Match:
    """What a rule reports: a span in the document text and what to say about it.

    The fix is the first replacement over the span, or, when `edits` are given, those edits
    ((start, end, new text) in the document text: a pair of marks is one fix with two edits).
    A kind sets `certain=False` when its replacement is a guess (the engine then offers it
    as unsafe at most); whether a fix is safe is decided by the engine alone.
    """

    start: int
    end: int
    message: str
    replacements: tuple[str, ...] = ()
    edits: tuple[tuple[int, int, str], ...] = field(default=(), kw_only=True)
    certain: bool = field(default=True, kw_only=True)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `length` characters at `offset` of the file's text with `content`; the span's
    1-based line and column (in characters) too, for reporters and editors."""

    offset: int
    length: int
    content: str
    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1

    @property
    def end(self) -> int:
        return self.offset + self.length

    def to_dict(self) -> dict:
        return {"offset": self.offset, "length": self.length, "content": self.content,
                "line": self.line, "column": self.column, "end_line": self.end_line, "end_column": self.end_column}


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that never overlap, in text order, and how far they may be trusted."""

    edits: tuple[Edit, ...]
    applicability: str = "safe"

    def applies(self, unsafe: bool = False) -> bool:
        """Whether `--fix` applies it (`unsafe`: with --unsafe-fixes)."""
        return self.applicability == "safe" or (unsafe and self.applicability == "unsafe")


@dataclass(slots=True)
class Finding:
    rule: str
    level: str
    message: str
    path: str
    offset: int
    length: int
    text: str
    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1
    replacements: list[str] = field(default_factory=list)
    fix: Fix | None = None
    link: str | None = None

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


@dataclass(slots=True)
class FileReport:
    """The findings of one input, or the error that stopped it from being linted."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    # the source lines that findings point at (line number -> text), for reporters that show
    # them; kept instead of the whole document so a run over a large tree holds no file text
    lines: dict[int, str] = field(default_factory=dict)
    fixed: int = 0
    warnings: list[str] = field(default_factory=list)  # said on stderr; the exit status ignores them


def lines_of(findings, line_text) -> dict[int, str]:
    """The source lines findings start on, from a `line_text(number)` function."""
    return {number: line_text(number) for number in sorted({f.line for f in findings})}


def at_or_above(level: str, threshold: str) -> bool:
    return LEVEL_RANK[level] >= LEVEL_RANK[threshold]


@dataclass(slots=True)
class Run:
    """Everything one `newslint check` produced, handed to a reporter."""

    reports: list[FileReport] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # input, rule and internal errors, one line each
    rules: list[dict] = field(default_factory=list)  # descriptions of the rules that ran
    fixed: int = 0
    skipped: int = 0  # binary files skipped while walking directories

    @property
    def findings(self) -> list[Finding]:
        return [f for report in self.reports for f in report.findings]

    def counts(self) -> dict[str, int]:
        counts = {level: 0 for level in LEVELS}
        for finding in self.findings:
            counts[finding.level] += 1
        return counts


@dataclass(slots=True)
class Totals:
    """Running counts of a report: what its summary, statistics and exit status need.

    A streamed report adds each file's `FileReport` here and then drops it, so a run over a
    large tree holds these counters, not its findings.
    """

    files: int = 0
    levels: dict[str, int] = field(default_factory=lambda: {level: 0 for level in LEVELS})
    rules: Counter = field(default_factory=Counter)  # findings per rule, in the order first met
    fixable_rules: Counter = field(default_factory=Counter)
    unsafe_fixable: int = 0  # findings whose fix only --unsafe-fixes applies
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. fixes that did not converge
    fixed: int = 0
    skipped: int = 0

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
