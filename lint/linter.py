"""The library's front door: choose rules, lint documents and text, fix text.

`Linter` gathers the built-in packs and any user packs, applies selection (ids or pack names)
and the configured settings, layer on layer (`choose_rules`), and wraps one `Engine`. `lint_text` in ``lint/__init__.py`` uses a
shared default `Linter`.
"""
from __future__ import annotations

from collections.abc import Iterable

from .document import Document
from .engine import Engine
from .findings import LEVELS, Finding
from .fixes import fix_text
from .kinds import Rule
from .readers import read_document
from .rulepack import builtin_rules_dir, load_packs
from .suppress import unused_suppression_rule

OFF = "off"


def rule_matches(rule: Rule, names: Iterable[str]) -> bool:
    """A rule is named by its id, its pack, or ALL."""
    return any(name in (rule.id, rule.pack, "ALL") for name in names)


def choose_rules(rules, select=None, ignore=None, settings=None, overrides=()
                 ) -> tuple[list[Rule], dict[str, str]]:
    """Enabled rules and their levels.

    Settings come in layers, each mapping a rule id or pack name to ``off``, ``on`` or a level:
    `settings` (the config file's top level), then `overrides` (the per-path overrides that
    match a file, in order). Each layer is applied on top of the one before: what it says
    about a rule replaces what the earlier layers said (a pack speaks for all its rules), and
    within one layer a rule id beats its pack. ``on`` turns a rule on at the level it has;
    a level given to a rule id turns it on at that level; a level given to a pack sets the
    level of the pack's rules and turns on those that are on by default (an off-by-default
    rule is turned on by ``on`` or by its own id).

    `select` (ids or packs) replaces the default set; selecting a pack, or ALL, takes the pack's
    rules that are on (by default or turned on by the settings), as ruff's prefixes leave
    preview rules out; a rule that is off for both runs only when selected by its own id. An explicit selection beats ``off`` in
    `settings`, but not ``off`` in `overrides` (as ruff's per-file-ignores beat ``--select``).
    `ignore` removes rules. Selection never changes levels: a selected rule runs at the level
    the layers give it.
    """
    layers = [settings or {}, *overrides]
    chosen, levels = [], {}
    for rule in rules:
        enabled, level, overridden = rule.enabled, None, None
        for index, layer in enumerate(layers):
            turn, new_level = _setting(rule, layer)
            level = new_level or level
            if turn is not None:
                enabled = turn
                if index:
                    overridden = turn
        if select:
            # a pack (or ALL) selects its rules that are on: by default, or by the configuration
            selected = rule.id in select or ((rule.enabled or enabled) and rule_matches(rule, select))
            enabled = selected and overridden is not False
        if ignore and rule_matches(rule, ignore):
            enabled = False
        if not enabled:
            continue
        chosen.append(rule)
        if level is not None:
            levels[rule.id] = level
    return chosen, levels


def _setting(rule: Rule, layer: dict[str, str]) -> tuple[bool | None, str | None]:
    """What one settings layer says about a rule: turn it on (True), off (False) or neither
    (None), and its level (None: not set here). The rule's id beats its pack, for each."""
    own, pack = layer.get(rule.id), layer.get(rule.pack)
    level = own if own in LEVELS else pack if pack in LEVELS else None
    if own is not None:
        return own != OFF, level
    if pack is None or (pack in LEVELS and not rule.enabled):
        return None, level
    return pack != OFF, level


class Linter:
    def __init__(self, rule_paths=(), *, builtin=True, select=None, ignore=None, settings=None, overrides=(),
                 rules=None):
        if rules is None:
            paths = ([builtin_rules_dir()] if builtin else []) + list(rule_paths)
            rules = load_packs(paths) + ([unused_suppression_rule()] if builtin else [])
        self.all_rules = rules
        self.rules, levels = choose_rules(rules, select, ignore, settings, overrides)
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
