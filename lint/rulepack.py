"""Load rule packs from YAML, validate them against their kind, and name rules `pack.rule`.

A pack is one YAML file: ``pack`` (optional; defaults to the file stem), ``description`` and
``rules``. Rule files are data, never code: they are read with the safe loader only (the C
one when PyYAML has it), so a tag that would construct an object is an error. PyYAML itself is
imported only when a rule file is really parsed: the built-in packs come from a JSON cache.

Every problem is a `RuleFileError` naming the file, the line, the rule and what is wrong.
"""
from __future__ import annotations

from pathlib import Path

import regex

from . import version
from .builtin_rules import builtin_rules_dir
from .cache import cache_dir, digest, read_cache, write_cache
from .messages import one_line
from .kinds import KINDS, FieldError, Rule
from .yamlsafe import SafeLoader, line_of, yaml  # PyYAML is imported only when a YAML text is parsed
PACK_FIELDS = {"pack", "description", "rules"}
_RULE_ID = regex.compile(r"^[a-z0-9][a-z0-9-]*$")


class RuleFileError(Exception):
    def __init__(self, path, line, message, rule=None):
        self.path, self.line, self.rule = str(path), line, rule
        where = f"{self.path}:{line}" if line else self.path
        named = f" rule '{rule}':" if rule else ""
        super().__init__(one_line(f"{where}:{named} {message}"))


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
    key = _pack_key(source)
    entry = cache_entry(source, key)
    cached = _cached_pack(read_cache(entry), key)
    if cached is not None:
        try:  # only packs that compiled without error are ever cached: no pattern checks
            return _pack_rules(cached, source, path, validated=True)
        except Exception:  # noqa: BLE001 - an entry that does not load as its source would:
            pass  # parse the source again, and the entry is rewritten below
    try:
        data = yaml.load(source, Loader=SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]  # one line
        raise RuleFileError(path, mark.line + 1 if mark else None, f"YAML error: {problem}") from None
    rules = _pack_rules(data, source, path, validated=False)
    if entry is not None:
        write_cache(entry, {"schema": PACK_SCHEMA, "source": key, "pack": data})
    return rules


def _pack_rules(data, source: str, path, validated: bool) -> list[Rule]:
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
# The format of an entry: {"schema": PACK_SCHEMA, "source": the key of the rule file's text,
# "pack": the parsed YAML}. An entry is used only when it has exactly this form and its
# "source" is the key of the text being loaded: anything else ({}, a pack planted by hand, an
# entry copied from another name, an older format) is parsed again and rewritten.
PACK_SCHEMA = 4


def _pack_key(source: str) -> str:
    """The content hash of a rule file's text (with newslint's version and what the loader
    checks: the key's "checked-pack-N" counts that; 2 added duplicate mapping keys, 3 the
    entry format with the key inside, 4 folded (``>``) text re-joined as Chinese joins it)."""
    return digest(f"checked-pack-{PACK_SCHEMA}\0{version.__version__}\0{source}".encode("utf-8", "surrogatepass"))


def cache_entry(source: str, key: str | None = None) -> Path | None:
    """The cache file for a rule file's text (named by its key, `_pack_key`).

    Entries are written only for packs that loaded without error, so a hit also means that the
    pack's regular expressions were checked before: they are not compiled again just to be
    checked (regex compilation is most of start-up)."""
    folder = cache_dir()
    if folder is None:
        return None
    return folder / f"pack-{key or _pack_key(source)}.json"


def _cached_pack(entry, key: str):
    """The parsed pack an entry holds, when it is one for the text whose key is `key`."""
    if (isinstance(entry, dict) and entry.keys() == {"schema", "source", "pack"}
            and entry["schema"] == PACK_SCHEMA and entry["source"] == key and isinstance(entry["pack"], dict)):
        return entry["pack"]
    return None


def _line_of(path, rule_name, field):
    """The line of `field` of the rule called `rule_name` (looked up only to report an error)."""
    source = Path(path).read_text(encoding="utf-8")
    specs = (yaml.load(source, Loader=SafeLoader) or {}).get("rules") or []
    for index, spec in enumerate(specs):
        if isinstance(spec, dict) and spec.get("id") == rule_name:
            return line_of(source, "rules", index, field)
    return None
