"""Apply safe fixes to text: never overlapping, never outside their span, repeated to a fixpoint.

Like ruff: fixes are sorted by position; a fix that overlaps one already taken is skipped this
round (the earlier start wins, then the shorter span, then the rule id: a deterministic
choice); the text is linted again and the loop repeats, at most `MAX_ROUNDS` times.

A fix is applied only if the finding still describes the text (its `text` equals the span)
and actually changes it; two insertions at one offset keep the first. So every character
outside the spans of the applied findings is left exactly as it was.
"""
from __future__ import annotations

from collections.abc import Callable

MAX_ROUNDS = 10


def choose(text: str, findings) -> list:
    """The fixable findings one round applies: non-overlapping, in text order."""
    chosen, cursor, last_insert = [], 0, -1
    for finding in sorted((f for f in findings if f.fixable and f.replacements),
                          key=lambda f: (f.offset, f.length, f.rule)):
        start, end = finding.offset, finding.offset + finding.length
        if start < cursor or end > len(text) or text[start:end] != finding.text:
            continue  # overlaps a fix already taken, or no longer describes the text
        if finding.replacements[0] == finding.text:
            continue  # would change nothing
        if start == end:
            if start == last_insert:
                continue  # two insertions at one place: keep the first
            last_insert = start
        chosen.append(finding)
        cursor = end
    return chosen


def apply_once(text: str, findings) -> tuple[str, int]:
    """Apply the non-overlapping safe fixes of one lint pass; returns (text, count)."""
    pieces, cursor = [], 0
    chosen = choose(text, findings)
    for finding in chosen:
        pieces.append(text[cursor:finding.offset])
        pieces.append(finding.replacements[0])
        cursor = finding.offset + finding.length
    pieces.append(text[cursor:])
    return "".join(pieces), len(chosen)


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
