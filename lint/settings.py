"""Rule selection: which rules run on a file, at what level, with which options.

This is the one home of that decision. `resolve` is a pure function of the loaded rules, the
configuration, the caller's `Selection` (the command line's ``--select``/``--ignore``, or a
library call's) and the overrides that match the file; it returns `Settings`. The engine is
built once per rule set and reads `Settings` on every document, so choosing other rules costs
a dictionary lookup, not a new automaton.

Settings come in layers, each mapping a rule id or pack name to ``off``, ``on`` or a level:
the shipped defaults, then the configuration's top level, then each override whose ``files``
match, in order. A layer changes only the rules it names (a pack speaks for all its rules);
within one layer a rule id beats its pack. ``on`` turns a rule on at the level it has; a
level given to a rule id turns it on at that level; a level given to a pack sets the level of
the pack's rules and turns on those that are on by default (an off-by-default rule is turned
on by ``on`` or by its own id).

A selection (ids, packs or ALL) replaces the default set; a pack, or ALL, selects its rules
that are on after the layers (as ruff's prefixes leave preview rules out); a rule that is off
runs only when selected by its own id. ``off`` in a matching override beats any selection
(as ruff's per-file-ignores beat ``--select``); ``off`` at the top level beats the
configuration's own ``select`` but not the command line's (asking there is explicit).
``ignore`` always wins. Selection never changes levels.

Rule options (``headline.length: {max: 40}``) re-build the rule from its original spec plus
the options, checked like a rule file; a file whose matching overrides give options gets its
own rule set (and engine), one per distinct set of such overrides.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from .config import Config, ConfigError
from .findings import LEVELS
from .kinds import FieldError, Rule
from .records import FrozenRecord

OFF = "off"
ALL = "ALL"
PACK_OPTIONS = ("require",)
# fields a config may change on a rule besides the kind's own
COMMON_OPTIONS = ("message", "scope", "fix", "link")


class Selection(FrozenRecord):
    """What a caller asks for on top of the configuration (the command line's flags)."""

    __slots__ = ("select", "ignore")
    select: tuple[str, ...]
    ignore: tuple[str, ...]

    def __init__(self, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()):
        object.__setattr__(self, "select", select)
        object.__setattr__(self, "ignore", ignore)

    @classmethod
    def of(cls, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> Selection:
        return cls(tuple(select or ()), tuple(ignore or ()))


class Settings(FrozenRecord):
    """The decision for one file: the rule set to use (`variant`: the matching overrides that
    change options), the ids of the rules that run, and the levels that differ from a rule's own."""

    __slots__ = ("variant", "enabled", "levels")
    variant: tuple[int, ...]
    enabled: frozenset[str]
    levels: tuple[tuple[str, str], ...]

    def __init__(self, variant: tuple[int, ...], enabled: frozenset[str], levels: tuple[tuple[str, str], ...] = ()):
        object.__setattr__(self, "variant", variant)
        object.__setattr__(self, "enabled", enabled)
        object.__setattr__(self, "levels", levels)

    def level_map(self) -> dict[str, str]:
        return dict(self.levels)


def rule_matches(rule: Rule, names: Iterable[str]) -> bool:
    """A rule is named by its id, its pack, or ALL."""
    return any(name in (rule.id, rule.pack, ALL) for name in names)


def known_names(rules: Sequence[Rule]) -> set[str]:
    return {rule.id for rule in rules} | {rule.pack for rule in rules} | {ALL}


def unknown_name(name: str, known) -> str:
    """The error for a name that is no rule or pack, with the likely one: a rule of that
    short name (idiom -> typos.idiom) or a near spelling (typo -> typos)."""
    import difflib

    likely = sorted(k for k in known if k.endswith("." + name)) or \
        difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.8)
    hint = f"did you mean '{likely[0]}'? " if likely else ""
    return f"unknown rule or pack '{name}' ({hint}see 'newslint rules')"


def resolve(rules: Sequence[Rule], config: Config, selection: Selection, overrides: tuple[int, ...]) -> Settings:
    """The settings of a file that the given overrides (indexes into `config.overrides`) match."""
    from_command_line = bool(selection.select)
    select = selection.select or tuple(config.select)
    ignore = selection.ignore + tuple(config.ignore)
    # (settings, whether its `off` beats the selection)
    layers = [(pack_settings(rules, config.rules, config.options, config.locator()), not from_command_line)]
    for index in overrides:
        override = config.overrides[index]
        layers.append((pack_settings(rules, override.rules, override.options, config.locator((index,))), True))
    enabled, levels = set(), []
    for rule in rules:
        on, level, vetoed = rule.enabled, None, False
        for layer, beats_selection in layers:
            turn, new_level = _setting(rule, layer)
            level = new_level or level
            if turn is not None:
                on = turn
                if beats_selection:
                    vetoed = not turn
        if select:
            selected = rule.id in select or ((rule.enabled or on) and rule_matches(rule, select))
            on = selected and not vetoed
        if ignore and rule_matches(rule, ignore):
            on = False
        if on:
            enabled.add(rule.id)
            if level is not None and level != rule.level:
                levels.append((rule.id, level))
    variant = tuple(i for i in overrides if config.overrides[i].options)
    return Settings(variant, frozenset(enabled), tuple(levels))


def _setting(rule: Rule, layer: dict[str, str]) -> tuple[bool | None, str | None]:
    """What one layer says about a rule: turn it on (True), off (False) or neither (None),
    and its level (None: not set here). The rule's id beats its pack, for each."""
    own, pack = layer.get(rule.id), layer.get(rule.pack)
    level = own if own in LEVELS else pack if pack in LEVELS else None
    if own is not None:
        return own != OFF, level
    if pack is None or (pack in LEVELS and not rule.enabled):
        return None, level
    return pack != OFF, level


# --- checking a configuration against the rules ----------------------------------------------
def check_names(rules: Sequence[Rule], config: Config) -> None:
    """Every rule id and pack a configuration names exists; every option is valid. Raises
    `ConfigError` naming the file and line, so a bad config stops the run before any file."""
    known = known_names(rules)
    for key in ("select", "ignore"):
        for name in getattr(config, key):
            if name not in known:
                where = config.places.get((key,), str(config.path) if config.path else "<config>")
                raise ConfigError(f"{where}: '{key}': {unknown_name(name, known)}")
    for indexes in [()] + [(i,) for i in range(len(config.overrides))]:
        where = config.locator(indexes)
        layers = [(config.rules, config.options)] + [
            (config.overrides[i].rules, config.overrides[i].options) for i in indexes]
        for settings, options in layers:
            for name in list(settings) + list(options):
                if name not in known or name == ALL:
                    raise ConfigError(f"{where('rules', name)}: {unknown_name(name, known)}")
            pack_settings(rules, settings, options, where)
        with_options(rules, config, indexes)


def pack_settings(rules: Sequence[Rule], settings: dict[str, str], options: dict[str, dict], where
                  ) -> dict[str, str]:
    """A layer's settings, with pack options (``byline: {require: [author]}``) turned into
    settings of the pack's presence checks."""
    packs = {rule.pack for rule in rules}
    settings = dict(settings)
    for pack, values in options.items():
        if pack in packs:
            _pack_options(pack, values, rules, settings, where)
    return settings


def _pack_options(pack: str, values: dict, rules, settings, where) -> None:
    for option in values:
        if option not in PACK_OPTIONS:
            raise ConfigError(f"{where('rules', pack, option)}: pack '{pack}' takes only level and "
                              f"{', '.join(PACK_OPTIONS)}; set '{option}' on a rule id")
    wanted = values.get("require")
    if wanted is None:
        return
    if isinstance(wanted, str):
        wanted = [wanted]
    presence = [r for r in rules if r.pack == pack and r.presence_fields()]
    if not isinstance(wanted, list) or not all(isinstance(w, str) for w in wanted):
        raise ConfigError(f"{where('rules', pack, 'require')}: 'require' must be a list of credits")
    for credit in wanted:
        if not any(credit in r.presence_fields() for r in presence):
            known = sorted({f for r in presence for f in r.presence_fields()})
            raise ConfigError(f"{where('rules', pack, 'require')}: pack '{pack}' has no presence check for "
                              f"'{credit}' (it checks: {', '.join(known) or 'nothing'})")
    for rule in presence:
        if rule.id in settings:
            continue  # a setting of the rule itself wins
        if not rule.presence_fields() & set(wanted):
            settings[rule.id] = OFF
        elif not rule.enabled and settings.get(pack) != OFF:
            settings[rule.id] = "on"  # a required credit is checked even if off by default


# --- rule options --------------------------------------------------------------------------------
def with_options(rules: Sequence[Rule], config: Config, overrides: tuple[int, ...]) -> list[Rule]:
    """The rules with the options of the top level and then of the given overrides (later ones
    replace earlier ones, option by option), each changed rule re-built from its original spec."""
    by_id = {rule.id: rule for rule in rules}
    merged: dict[str, dict] = {}
    for options in [config.options] + [config.overrides[i].options for i in overrides]:
        for name, values in options.items():
            if name in by_id:
                merged.setdefault(name, {}).update(values)
    if not merged:
        return list(rules)
    where = config.locator(overrides)
    changed = {name: _rebuilt(by_id[name], values, where) for name, values in merged.items()}
    return [changed.get(rule.id, rule) for rule in rules]


def _rebuilt(rule: Rule, values: dict, where) -> Rule:
    allowed = tuple(type(rule).FIELDS) + COMMON_OPTIONS
    for option in values:
        if option not in allowed:
            raise ConfigError(f"{where('rules', rule.id, option)}: rule '{rule.id}' ({rule.KIND}) has no "
                              f"option '{option}' (expected level, {', '.join(allowed)})")
    try:
        return rule.with_options(values)
    except FieldError as error:
        raise ConfigError(f"{where('rules', rule.id, error.field)}: rule '{rule.id}': {error}") from None
