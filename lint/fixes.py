"""Apply safe fixes to text: never overlapping, never outside their span, repeated to a fixpoint.

Like ruff: fixes are sorted by position; a fix that overlaps one already taken is skipped this
round (the earlier, then the shorter, wins: a deterministic choice); the text is linted again
and the loop repeats, at most `MAX_ROUNDS` times.
"""
from __future__ import annotations

from collections.abc import Callable

MAX_ROUNDS = 10


def apply_once(text: str, findings) -> tuple[str, int]:
    """Apply the non-overlapping safe fixes of one lint pass; returns (text, count)."""
    pieces, cursor, applied = [], 0, 0
    for finding in sorted((f for f in findings if f.fixable), key=lambda f: (f.offset, f.length)):
        if finding.offset < cursor:
            continue
        if finding.length == 0 and finding.offset == cursor and applied and pieces:
            continue  # two insertions at one place: keep the first
        pieces.append(text[cursor:finding.offset])
        pieces.append(finding.replacements[0])
        cursor = finding.offset + finding.length
        applied += 1
    pieces.append(text[cursor:])
    return "".join(pieces), applied


def fix_text(text: str, lint: Callable[[str], list]) -> tuple[str, int, list]:
    """Fix until nothing fixable is left. Returns (fixed text, fixes applied, last findings)."""
    total = 0
    findings = lint(text)
    for _ in range(MAX_ROUNDS):
        text, applied = apply_once(text, findings)
        if not applied:
            break
        total += applied
        findings = lint(text)
    return text, total, findings
