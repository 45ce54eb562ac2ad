"""Inline suppression comments in Markdown and HTML articles.

    <!-- newslint-disable typos.idiom, headline -->   … findings of these rules are dropped …
    <!-- newslint-enable -->
    <!-- newslint-disable-next-line punctuation -->  the next line only

A name is a rule id or a pack name; no name means every rule. ``newslint-enable`` without
names ends every open ``disable``; with names it ends the ``disable`` comments whose rules it
names. A ``disable`` without a matching ``enable`` lasts to the end of the file.

Readers record the HTML comments they meet (`Document.comments`, ranges of the file text), so
a comment shown inside a code block is never a directive. The engine hands its findings to
`apply`, which drops the suppressed ones and reports every ``disable`` comment that
suppressed nothing as ``newslint.unused-suppression`` (level ``info``, like ruff's RUF100),
so stale comments get cleaned. That report is itself a rule (`UnusedSuppression`): config,
``--select`` and ``--ignore`` turn it off or change its level like any other; it is given only
when every rule the comment names is running, since a rule turned off by configuration
suppresses nothing for a reason.
"""
from __future__ import annotations


import regex

from . import patterns
from .document import Document
from .findings import Finding
from .kinds.rule import Rule
from .records import Record
from .builtin_rules import builtin_rules_dir

UNUSED_ID = "newslint.unused-suppression"
_DIRECTIVE = patterns.LazyPattern(r"<!--\s*newslint-(disable-next-line|disable|enable)(?![\w-])(.*?)-->", regex.DOTALL)
_NAMES = patterns.LazyPattern(r"[^\s,，]+")


class UnusedSuppression(Rule):
    """The rule under which unused suppression comments are reported; `apply` produces its
    findings, so its `run` finds nothing by itself."""

    KIND = "suppression"
    trusted = True  # newslint's own code: no time budget (lint.budget)
    literal_only = True  # and no literals: the engine never visits it; `apply` reports for it

    def run(self, doc, hits):
        return ()


def unused_suppression_rule() -> UnusedSuppression:
    return UnusedSuppression({
        "id": "unused-suppression",
        "kind": "suppression",
        "level": "info",
        "message": "抑制注释“{match}”没有抑制任何问题，可以删除",
        "description": (
            "Markdown 或 HTML 稿件中的 newslint-disable / newslint-disable-next-line 注释"
            "没有抑制任何问题（问题已改正，或规则名写错），应删除，以免日后掩盖新的问题。"
        ),
        "examples": {
            "bad": ["<!-- newslint-disable-next-line typos -->\n正文没有错别字。\n"],
            "good": ["<!-- newslint-disable-next-line typos -->\n明天阳光见缝插扎地照进来。\n"],
        },
    }, "newslint", str(builtin_rules_dir()))


class Directive(Record):
    """`action`: disable | enable | disable-next-line; `names` empty: every rule."""

    __slots__ = ("action", "names", "start", "end", "used")
    action: str
    names: tuple[str, ...]
    start: int
    end: int
    used: bool

    def __init__(self, action: str, names: tuple[str, ...], start: int, end: int, used: bool = False):
        self.action, self.names, self.start, self.end, self.used = action, names, start, end, used

    def covers(self, rule_id: str) -> bool:
        return not self.names or any(_names_rule(name, rule_id) for name in self.names)


def _names_rule(name: str, rule_id: str) -> bool:
    return name in (rule_id, "ALL") or rule_id.startswith(name + ".")


def directives(doc: Document) -> list[Directive]:
    found = []
    text = doc.original
    for start, end in doc.comments:
        match = _DIRECTIVE.fullmatch(text, start, end)
        if match:
            found.append(Directive(match.group(1), tuple(_NAMES.findall(match.group(2))), start, end))
    return found


def apply(doc: Document, findings: list[Finding], rules, levels: dict[str, str]) -> list[Finding]:
    """Findings minus the suppressed ones, plus a finding for each unused suppression."""
    if not doc.comments:
        return findings
    found = directives(doc)
    if not found:
        return findings
    regions = _regions(doc, found)
    kept = []
    for finding in findings:
        suppressors = [d for d, start, end in regions if start <= finding.offset < end and d.covers(finding.rule)]
        for directive in suppressors:
            directive.used = True
        if not suppressors:
            kept.append(finding)
    reporter = next((r for r in rules if isinstance(r, UnusedSuppression)), None)
    if reporter is None:
        return kept
    running = [r.id for r in rules]
    for directive in found:
        if directive.action == "enable" or directive.used:
            continue
        if directive.names and not all(any(_names_rule(n, rule) for rule in running) for n in directive.names):
            continue
        kept.append(_unused(doc, directive, reporter, levels))
    return sorted(kept, key=Finding.sort_key)


def _regions(doc: Document, found: list[Directive]) -> list[tuple[Directive, int, int]]:
    """(directive, start, end) file ranges in which each disable comment applies."""
    text = doc.original
    regions, open_ = [], []
    for directive in found:
        if directive.action == "disable-next-line":
            line, _ = doc.position(directive.end)
            starts = doc.line_starts
            start = starts[line] if line < len(starts) else len(text)
            end = starts[line + 1] if line + 1 < len(starts) else len(text)
            regions.append((directive, start, end))
        elif directive.action == "disable":
            open_.append(directive)
        else:
            closing = [d for d in open_ if not directive.names or (d.names and set(d.names) <= set(directive.names))]
            for disabled in closing:
                regions.append((disabled, disabled.end, directive.start))
                open_.remove(disabled)
    regions += [(d, d.end, len(text)) for d in open_]
    return regions


def _unused(doc, directive, rule, levels) -> Finding:
    comment = doc.original[directive.start:directive.end]
    return Finding(
        rule=rule.id, level=levels.get(rule.id, rule.level), message=rule.render(match=comment),
        path=doc.path, text=comment, **doc.span(directive.start, directive.end), link=rule.link,
    )
