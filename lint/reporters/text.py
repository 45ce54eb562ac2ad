"""Text for people: one header line per finding, the source line, a caret underline that lines
up under wide CJK characters, and a summary line."""
from __future__ import annotations

import unicodedata

from .. import messages
from .reporter import Stream

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "bold": "\033[1m", "dim": "\033[2m"}
RESET = "\033[0m"
CONTEXT_BEFORE = 40  # characters of a long line shown before the finding
CONTEXT_AFTER = 60


def width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two; combining marks
    and format characters (zero width joiner and space, …) none."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF"
               else 0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf" else 1 for ch in text)


# Characters an article must not send to the terminal: controls (ESC starts a terminal
# sequence), bidirectional overrides and isolates (they reorder what is shown: a snippet
# would read otherwise than the file), line and paragraph separators, lone surrogates (a
# file name that is not UTF-8). They are shown as escapes: `\x1b`, `\u202e`.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_HIDDEN_CATEGORIES = frozenset(("Cc", "Cs", "Zl", "Zp"))


def visible(text: str) -> str:
    """`text` with control characters, bidi controls and lone surrogates escaped."""
    if text.isprintable():
        return text
    return "".join(_escape(ch) if ch in _BIDI or unicodedata.category(ch) in _HIDDEN_CATEGORIES else ch
                   for ch in text)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class TextStream(Stream):
    """Streamed: each file's findings are written as it is linted; errors, statistics and the
    summary at the end. Every line ends with a newline; a report of no lines is empty."""

    def start(self) -> None:
        self.paint = _painter(self.options.get("color", False))
        self.quiet = self.options.get("quiet", False)

    def line(self, text: str) -> None:
        self.write(text + "\n")

    def file(self, report) -> None:
        if self.options.get("statistics"):
            return  # --statistics prints the table alone, as ruff does
        for finding in report.findings:
            self.line(_header(finding, self.paint))
            if finding.line in report.lines and not self.quiet:
                for line in _snippet(report.lines[finding.line], finding, self.paint):
                    self.line(line)

    def finish(self, totals) -> None:
        lang = self.options.get("lang", "en")
        for error in totals.errors:
            self.line(self.paint("error", messages.prefix("error", lang)) + visible(messages.localize(error, lang)))
        if self.options.get("statistics"):
            for line in _statistics(totals):
                self.line(line)
            return
        if not self.quiet:
            self.line(summary(totals, self.options.get("lang", "en")))



def _header(f, paint) -> str:
    return f"{paint('bold', f'{visible(f.path)}:{f.line}:{f.column}:')} {paint(f.level, f.level)} {f.rule} {f.message}"


def _snippet(line_text, f, paint) -> list[str]:
    line_text = line_text.replace("\t", " ")
    start = f.column - 1
    end = f.end_column - 1 if f.end_line == f.line else len(line_text)
    end = max(end, start + 1)  # a zero-length finding still gets one caret
    left = max(0, start - CONTEXT_BEFORE)
    right = min(len(line_text), end + CONTEXT_AFTER)
    before, inside = visible(line_text[left:start]), visible(line_text[start:end])
    shown = ("…" if left else "") + before + inside + visible(line_text[end:right]) + ("…" if right < len(line_text) else "")
    pad = width(before) + (1 if left else 0)
    carets = max(1, width(inside) or 1)
    gutter = f"{f.line:>5} | "
    blank = " " * (len(gutter) - 2) + "| "
    return [paint("dim", gutter) + shown, paint("dim", blank) + " " * pad + paint(f.level, "^" * carets)]


def _statistics(totals) -> list[str]:
    fixable = totals.fixable_rules
    return [f"{n:6d}  {rule:<36} {'[*]' if fixable[rule] else ''}".rstrip() for rule, n in totals.rules.most_common()]


def summary(totals, lang: str = "en") -> str:
    return messages.summary(totals, lang)


def _painter(color: bool):
    if not color:
        return lambda _style, text: text
    return lambda style, text: f"{COLORS[style]}{text}{RESET}"
