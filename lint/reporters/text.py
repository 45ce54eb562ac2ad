"""Text for people: one header line per finding, the source line, a caret underline that lines
up under wide CJK characters, and a summary line."""
from __future__ import annotations

import unicodedata
from collections import Counter

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "bold": "\033[1m", "dim": "\033[2m"}
RESET = "\033[0m"
CONTEXT_BEFORE = 40  # characters of a long line shown before the finding
CONTEXT_AFTER = 60


def width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1 for ch in text)


def render(run, options) -> str:
    paint = _painter(options.get("color", False))
    out = []
    for report in run.reports:
        for finding in report.findings:
            out.append(_header(finding, paint))
            if finding.line in report.lines and not options.get("quiet"):
                out.extend(_snippet(report.lines[finding.line], finding, paint))
    for error in run.errors:
        out.append(paint("error", "error: ") + error)
    if options.get("statistics"):
        out.extend(_statistics(run))
    if not options.get("quiet"):
        out.append(summary(run))
    return "\n".join(out) + "\n" if out else ""


def _header(f, paint) -> str:
    return f"{paint('bold', f'{f.path}:{f.line}:{f.column}:')} {paint(f.level, f.level)} {f.rule} {f.message}"


def _snippet(line_text, f, paint) -> list[str]:
    line_text = line_text.replace("\t", " ")
    start = f.column - 1
    end = f.end_column - 1 if f.end_line == f.line else len(line_text)
    end = max(end, start + 1)  # a zero-length finding still gets one caret
    left = max(0, start - CONTEXT_BEFORE)
    right = min(len(line_text), end + CONTEXT_AFTER)
    shown = ("…" if left else "") + line_text[left:right] + ("…" if right < len(line_text) else "")
    offset = 1 if left else 0
    pad = width(shown[: start - left + offset])
    carets = max(1, width(line_text[start:end]) or 1)
    gutter = f"{f.line:>5} | "
    blank = " " * (len(gutter) - 2) + "| "
    return [paint("dim", gutter) + shown, paint("dim", blank) + " " * pad + paint(f.level, "^" * carets)]


def _statistics(run) -> list[str]:
    counts = Counter(f.rule for f in run.findings)
    fixable = Counter(f.rule for f in run.findings if f.fixable)
    return [f"{n:6d}  {rule:<36} {'[*]' if fixable[rule] else ''}".rstrip() for rule, n in counts.most_common()]


def summary(run) -> str:
    counts = run.counts()
    total = sum(counts.values())
    files = len(run.reports)
    parts = []
    if run.fixed:
        parts.append(f"Fixed {run.fixed} problem{'s' * (run.fixed != 1)}.")
    if total:
        levels = ", ".join(f"{counts[l]} {l}{'s' * (counts[l] != 1)}" for l in ("error", "warning", "info") if counts[l])
        parts.append(f"Found {total} problem{'s' * (total != 1)} ({levels}) in {files} file{'s' * (files != 1)}.")
        fixable = sum(1 for f in run.findings if f.fixable)
        if fixable:
            parts.append(f"{fixable} fixable with --fix.")
    else:
        parts.append(f"No problems found in {files} file{'s' * (files != 1)}.")
    if run.errors:
        parts.append(f"{len(run.errors)} error{'s' * (len(run.errors) != 1)} stopped part of the run.")
    if run.skipped:
        parts.append(f"Skipped {run.skipped} binary file{'s' * (run.skipped != 1)}.")
    return " ".join(parts)


def _painter(color: bool):
    if not color:
        return lambda _style, text: text
    return lambda style, text: f"{COLORS[style]}{text}{RESET}"
