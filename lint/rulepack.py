"""Load rule packs from YAML, validate them against their kind, and name rules `pack.rule`.

A pack is one YAML file: ``pack`` (optional; defaults to the file stem), ``description`` and
``rules``. Rule files are data, never code: they are read with the safe loader only (the C
one when PyYAML has it), so a tag that would construct an object is an error. PyYAML itself is
imported only when a rule file is really parsed: the built-in packs come from a JSON cache.

Every problem is a `RuleFileError` naming the file, the line, the rule and what is wrong.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import regex

from . import version
from .builtin_rules import builtin_rules_dir
from .cache import cache_dir, read_cache, write_cache
from .kinds import KINDS, FieldError, Rule
from .yamlsafe import SafeLoader, line_of, yaml  # PyYAML is imported only when a YAML text is parsed
PACK_FIELDS = {"pack", "description", "rules"}
_RULE_ID = regex.compile(r"^[a-z0-9][a-z0-9-]*$")


class RuleFileError(Exception):
    def __init__(self, path, line, message, rule=None):
        self.path, self.line, self.rule = str(path), line, rule
        where = f"{self.path}:{line}" if line else self.path
        named = f" rule '{rule}':" if rule else ""
        super().__init__(f"{where}:{named} {message}")


def pack_files(paths) -> list[Path]:
    """YAML files named directly, or found (sorted) in the given directories."""
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
        elif path.is_file():
            files.append(path)
        else:
            raise RuleFileError(path, None, "no such rule file or directory")
    return files


def load_packs(paths) -> list[Rule]:
    """All rules of the packs in `paths`; duplicate ids across packs are an error."""
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    builtin = builtin_rules_dir().resolve()
    for path in pack_files(paths):
        trusted = path.resolve().parent == builtin
        for rule in load_pack(path):
            rule.trusted = trusted
            if rule.id in seen:
                raise RuleFileError(path, _line_of(path, rule.name, "id"),
                                    f"duplicate rule id '{rule.id}' (also in {seen[rule.id]})", rule.id)
            seen[rule.id] = str(path)
            rules.append(rule)
    return rules


def load_pack(path) -> list[Rule]:
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleFileError(path, None, f"cannot read: {error}") from None
    return parse_pack(source, path)


def parse_pack(source: str, path) -> list[Rule]:
    entry = cache_entry(source)
    data = read_cache(entry)
    validated = data is not None  # only packs that compiled without error are ever cached
    try:
        if data is None:
            data = yaml.load(source, Loader=SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise RuleFileError(path, mark.line + 1 if mark else None, f"YAML error: {problem}") from None
    if not isinstance(data, dict):
        raise RuleFileError(path, 1, "a rule file must be a mapping with a 'rules' list")
    for key in data:
        if key not in PACK_FIELDS:
            raise RuleFileError(path, line_of(source, key), f"unknown pack field '{key}'")
    pack = data.get("pack") or Path(path).stem
    if not isinstance(pack, str) or not _RULE_ID.match(pack):
        raise RuleFileError(path, line_of(source, "pack"), f"invalid pack name {pack!r}")
    specs = data.get("rules")
    if not isinstance(specs, list):
        raise RuleFileError(path, line_of(source, "rules"), "'rules' must be a list of rules")
    rules, ids = [], set()
    for index, spec in enumerate(specs):
        # a cached pack's expressions compiled before: they are not compiled again to be checked
        rule = _compile_rule(spec, index, pack, path, source, check_patterns=not validated)
        if rule.name in ids:
            raise RuleFileError(path, line_of(source, "rules", index, "id"), f"duplicate rule id '{rule.id}'", rule.id)
        ids.add(rule.name)
        rules.append(rule)
    if not validated and entry is not None:
        write_cache(entry, data)
    return rules


def _compile_rule(spec, index, pack, path, source, check_patterns=True) -> Rule:
    if not isinstance(spec, dict):
        raise RuleFileError(path, line_of(source, "rules", index), "each rule must be a mapping")
    name = spec.get("id")
    label = f"{pack}.{name}" if isinstance(name, str) else f"#{index + 1}"
    if isinstance(name, str) and not _RULE_ID.match(name):
        raise RuleFileError(path, line_of(source, "rules", index, "id"),
                            "field 'id' must be lowercase letters, digits and '-'", label)
    kind = KINDS.get(spec.get("kind"))
    if kind is None:
        known = ", ".join(sorted(KINDS))
        what = f"unknown kind {spec.get('kind')!r}" if "kind" in spec else "missing required field 'kind'"
        raise RuleFileError(path, line_of(source, "rules", index, "kind"), f"{what} (expected one of {known})", label)
    try:
        return kind(spec, pack, str(path), check_patterns=check_patterns)
    except FieldError as error:
        raise RuleFileError(path, line_of(source, "rules", index, error.field), str(error), label) from None


# --- parsed packs cached as JSON (see lint.cache): YAML parsing is most of start-up ---------
def cache_entry(source: str) -> Path | None:
    """The cache file for a rule file's text (keyed by the text and newslint's version).

    Entries are written only for packs that loaded without error, so a hit also means that the
    pack's regular expressions were checked before: they are not compiled again just to be
    checked (regex compilation is most of start-up). The key's "checked-pack-N" counts what the
    loader checks: 2 added duplicate mapping keys, so an entry of a pack that has one, written
    before that check, is never read."""
    folder = cache_dir()
    if folder is None:
        return None
    key = hashlib.sha256(f"checked-pack-2\0{version.__version__}\0{source}".encode("utf-8", "surrogatepass")).hexdigest()
    return folder / f"pack-{key}.json"


def _line_of(path, rule_name, field):
    """The line of `field` of the rule called `rule_name` (looked up only to report an error)."""
    source = Path(path).read_text(encoding="utf-8")
    specs = (yaml.load(source, Loader=SafeLoader) or {}).get("rules") or []
    for index, spec in enumerate(specs):
        if isinstance(spec, dict) and spec.get("id") == rule_name:
            return line_of(source, "rules", index, field)
    return None
