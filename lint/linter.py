"""The library's front door: choose rules, lint documents and text, fix text.

`Linter` gathers the built-in packs and any user packs, applies selection (ids or pack names),
levels from configuration, and wraps one `Engine`. `lint_text` in ``lint/__init__.py`` uses a
shared default `Linter`.
"""
from __future__ import annotations

from collections.abc import Iterable

from .document import Document
from .engine import Engine
from .findings import Finding
from .fixes import fix_text
from .kinds import Rule
from .readers import read_document
from .rulepack import builtin_rules_dir, load_packs
from .suppress import unused_suppression_rule

OFF = "off"


def rule_matches(rule: Rule, names: Iterable[str]) -> bool:
    """A rule is named by its id, its pack, or ALL."""
    return any(name in (rule.id, rule.pack, "ALL") for name in names)


def choose_rules(rules, select=None, ignore=None, settings=None) -> tuple[list[Rule], dict[str, str]]:
    """Enabled rules and their levels.

    `settings` maps a rule id or pack name to ``off``, ``on`` or a level (config file);
    a rule id beats its pack. `select` (ids or packs) replaces the default set; a rule that is
    off by default runs only when selected by its own id (selecting its pack, or ALL, takes
    the pack's default rules, as ruff's prefixes leave preview rules out); `ignore` removes rules.
    """
    settings = settings or {}
    chosen, levels = [], {}
    for rule in rules:
        setting = settings.get(rule.id, settings.get(rule.pack))
        if select:
            enabled = rule.id in select or (rule.enabled and rule_matches(rule, select))
        else:
            enabled = rule.enabled if setting is None else setting != OFF
        if ignore and rule_matches(rule, ignore):
            enabled = False
        if not enabled:
            continue
        chosen.append(rule)
        if setting not in (None, OFF, "on"):
            levels[rule.id] = setting
    return chosen, levels


class Linter:
    def __init__(self, rule_paths=(), *, builtin=True, select=None, ignore=None, settings=None, rules=None):
        if rules is None:
            paths = ([builtin_rules_dir()] if builtin else []) + list(rule_paths)
            rules = load_packs(paths) + ([unused_suppression_rule()] if builtin else [])
        self.all_rules = rules
        self.rules, levels = choose_rules(rules, select, ignore, settings)
        self.engine = Engine(self.rules, levels)

    def lint_document(self, doc: Document) -> tuple[list[Finding], list[str]]:
        return self.engine.lint(doc)

    def lint_text(self, text: str, path: str = "<text>") -> list[Finding]:
        findings, _ = self.engine.lint(read_document(text, path))
        return findings

    def fix_text(self, text: str, path: str = "<text>") -> tuple[str, int, list[Finding]]:
        """Apply every safe fix; returns (fixed text, number of fixes, findings left)."""
        return fix_text(text, lambda t: self.lint_text(t, path))

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.all_rules if r.id == rule_id), None)
