"""Apply fixes to text: never overlapping, never outside their edits, repeated to a fixpoint.

After ruff: a fix is a list of edits plus an applicability (`lint.findings.Fix`). One round
takes the fixes that apply (safe ones; unsafe ones too with ``unsafe=True``) in order of their
findings (position, then the shorter span, then the rule id: a deterministic choice), skips a
fix any of whose edits overlaps an edit already taken, applies the rest, and the caller lints
again; the loop stops when a round applies nothing, or after `MAX_ROUNDS` rounds, when it says
that it did not converge.

An edit is applied only if the finding still describes the text (its `text` equals its span)
and the fix actually changes something; two insertions at one offset keep the first. So every
character outside the edits of the applied fixes is left exactly as it was.
"""
from __future__ import annotations

from collections.abc import Callable

from .records import Record

MAX_ROUNDS = 10


def choose(text: str, findings, unsafe: bool = False) -> list:
    """The findings whose fixes one round applies: their edits do not overlap, in text order."""
    chosen, taken = [], []  # taken: (start, end) of edits already chosen
    for finding in sorted((f for f in findings if f.fix is not None and f.fix.applies(unsafe)),
                          key=lambda f: (f.offset, f.length, f.rule)):
        if finding.end > len(text) or text[finding.offset:finding.end] != finding.text:
            continue  # no longer describes the text
        edits = finding.fix.edits
        if all(text[e.offset:e.end] == e.content for e in edits):
            continue  # would change nothing
        if any(_collides(edit, taken) for edit in edits):
            continue
        taken += [(e.offset, e.end) for e in edits]
        chosen.append(finding)
    return chosen


def _collides(edit, taken) -> bool:
    """An edit overlaps a taken one (touching ends is fine), or inserts where another
    insertion already does."""
    for start, end in taken:
        if edit.offset < end and start < edit.end:
            return True
        if edit.offset == edit.end == start == end:
            return True
    return False


def apply(text: str, findings) -> str:
    """`text` with the fixes of `findings` applied (their edits must not overlap)."""
    edits = sorted((e for f in findings for e in f.fix.edits), key=lambda e: (e.offset, e.end))
    pieces, cursor = [], 0
    for edit in edits:
        pieces.append(text[cursor:edit.offset])
        pieces.append(edit.content)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)


class FixResult(Record):
    """`applied`: fixes applied, over all rounds; `findings`: those of the last lint, of the
    fixed text; `failures`: of every round, each once; `document`: the last document linted
    (set by `Linter.fix_document`)."""

    __slots__ = ("text", "applied", "findings", "failures", "converged", "rounds", "document")
    text: str
    applied: int
    findings: list
    failures: list[str]
    converged: bool
    rounds: int
    document: object

    def __init__(self, text: str, applied: int, findings: list, failures: list[str] | None = None,
                 converged: bool = True, rounds: int = 0, document: object = None):
        self.text, self.applied, self.findings = text, applied, findings
        self.failures = [] if failures is None else failures
        self.converged, self.rounds, self.document = converged, rounds, document


def fix_until_stable(text: str, lint: Callable[[str], tuple[list, list[str]]], first=None,
                     unsafe: bool = False, max_rounds: int = MAX_ROUNDS) -> FixResult:
    """Fix until a round applies nothing. `lint(text)` gives (findings, failures); `first` is
    the lint of `text` when the caller has it already (a file is linted once per round)."""
    findings, failures = first if first is not None else lint(text)
    result = FixResult(text, 0, findings, list(failures))
    for _ in range(max_rounds):
        chosen = choose(result.text, result.findings, unsafe)
        if not chosen:
            return result
        result.text = apply(result.text, chosen)
        result.applied += len(chosen)
        result.rounds += 1
        result.findings, failures = lint(result.text)
        result.failures += [f for f in failures if f not in result.failures]
    result.converged = not choose(result.text, result.findings, unsafe)
    return result


def fix_text(text: str, lint: Callable[[str], list], unsafe: bool = False) -> tuple[str, int, list]:
    """Fix until nothing fixable is left, with `lint(text)` giving findings only.
    Returns (fixed text, fixes applied, last findings)."""
    result = fix_until_stable(text, lambda t: (lint(t), []), unsafe=unsafe)
    return result.text, result.applied, result.findings
