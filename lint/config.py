"""Configuration: `.newslint.yml` found by walking up from a folder (the command line asks for
each file's own folder: `lint.linter.Linter.for_path`), or `[tool.newslint]` in
`pyproject.toml`, or a file given with `--config`.

Keys (all optional):
- ``extends``: a built-in preset (``default``, ``strict``, ``relaxed``; shipped in
  ``lint/presets/``) or a path to another config file (relative to this one), or a list of
  them; this file's settings are merged onto them (``rules`` rule by rule, lists appended);
- ``rules``: rule id or pack name -> ``off``, ``on``, ``error``, ``warning`` or ``info``, or a
  mapping with ``level`` and rule options, validated against the rule's kind exactly like a
  rule file (``headline.length: {level: info, max: 40}``). A pack takes ``level`` and
  ``require`` (``byline: {require: [author, editor]}``: the pack's presence checks of kind
  ``required`` run for the listed credits only). A rule id beats its pack;
- ``rule_paths``: directories or files of the team's own packs, relative to the config file;
- ``exclude``: glob patterns of paths not to lint (matched against the path relative to the
  config file's directory and against the file name);
- ``overrides``: a list of ``{files: GLOB or [GLOBS], rules: {...}}``; for a file matching
  ``files`` (relative to the config file's directory), its ``rules`` apply on top, in order;
- ``select``, ``ignore``: lists of rule ids or packs, as on the command line;
- ``fail_level``: ``error``, ``warning`` or ``info``;
- ``unsafe_fixes``: ``true`` to let ``--fix`` apply unsafe fixes too (as ``--unsafe-fixes``).
This module only reads and checks the file; what the settings mean for each rule and file is
decided in `lint.settings` (the layers, selection, rule options).
Every error is a `ConfigError` naming the file and, where there is one, the line.
"""
from __future__ import annotations

import fnmatch
from pathlib import Path

from .findings import LEVELS
from .messages import one_line
from .records import Record
from .yamlsafe import SafeLoader, compose, node_line, yaml  # PyYAML is imported only when a YAML file is parsed

CONFIG_NAMES = (".newslint.yml", ".newslint.yaml")
SETTINGS = ("off", "on") + LEVELS
KEYS = ("extends", "rules", "rule_paths", "exclude", "overrides", "select", "ignore", "fail_level",
        "unsafe_fixes")
PRESETS_DIR = Path(__file__).resolve().parent / "presets"


class ConfigError(Exception):
    """A configuration that cannot be used; its message is one line (names as escapes)."""

    def __init__(self, message: str):
        super().__init__(one_line(message))


class _ForeignConfigError(ConfigError):
    """A config extended from outside the project (the directory of the config that was
    loaded) is not valid: the message names where, never what the file holds (it may be
    anyone's file: ``extends: ~/.aws/credentials`` must not print its keys)."""


class Override(Record):
    __slots__ = ("files", "rules", "options")
    files: list[str]
    rules: dict[str, str]
    options: dict[str, dict]

    def __init__(self, files: list[str], rules: dict[str, str] | None = None, options: dict[str, dict] | None = None):
        self.files = files
        self.rules = {} if rules is None else rules
        self.options = {} if options is None else options

    def matches(self, path: str, root: Path) -> bool:
        candidate = Path(path)
        try:
            relative = candidate.resolve().relative_to(root.resolve()).as_posix()
        except (ValueError, OSError):
            relative = candidate.as_posix()
        return any(fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(candidate.name, pattern)
                   for pattern in self.files)


class Config(Record):
    """`options`: rule id or pack -> its options; `places`: where each setting was written,
    ("rules", name[, option]) -> "file:line"."""

    __slots__ = ("path", "rules", "options", "rule_paths", "exclude", "overrides", "select", "ignore",
                 "fail_level", "unsafe_fixes", "places")
    path: Path | None
    rules: dict[str, str]
    options: dict[str, dict]
    rule_paths: list[Path]
    exclude: list[str]
    overrides: list[Override]
    select: list[str]
    ignore: list[str]
    fail_level: str | None
    unsafe_fixes: bool
    places: dict[tuple, str]

    def __init__(self, path: Path | None = None, rules: dict[str, str] | None = None,
                 options: dict[str, dict] | None = None, rule_paths: list[Path] | None = None,
                 exclude: list[str] | None = None, overrides: list[Override] | None = None,
                 select: list[str] | None = None, ignore: list[str] | None = None, fail_level: str | None = None,
                 unsafe_fixes: bool = False, places: dict[tuple, str] | None = None):
        self.path, self.fail_level, self.unsafe_fixes = path, fail_level, unsafe_fixes
        self.rules = {} if rules is None else rules
        self.options = {} if options is None else options
        self.rule_paths = [] if rule_paths is None else rule_paths
        self.exclude = [] if exclude is None else exclude
        self.overrides = [] if overrides is None else overrides
        self.select = [] if select is None else select
        self.ignore = [] if ignore is None else ignore
        self.places = {} if places is None else places

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def locator(self, indexes: tuple[int, ...] = ()):
        """A function giving 'file:line' of a setting ("rules", name[, option]), looked up in
        the given overrides (last first), then at the top level."""
        prefixes = [("overrides", i) for i in reversed(indexes)] + [()]

        def where(*key) -> str:
            while key:
                for prefix in prefixes:
                    if prefix + key in self.places:
                        return self.places[prefix + key]
                key = key[:-1]
            return str(self.path) if self.path else "<config>"

        return where

    def overrides_for(self, path: str | None) -> tuple[int, ...]:
        """Indexes of the overrides whose globs match the file."""
        return tuple(i for i, o in enumerate(self.overrides) if path and o.matches(path, self.root))


def excluded(path: Path, patterns, root) -> bool:
    """Whether one of the ``exclude`` globs matches the path: relative to `root` (the config's
    folder), its name, or a folder above it (``archive/`` and ``archive/**`` alike)."""
    if not patterns:
        return False
    try:
        relative = path.resolve().relative_to((root or Path.cwd()).resolve()).as_posix()
    except ValueError:
        relative = path.as_posix()
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(path.name, p) or
               fnmatch.fnmatch(relative, p.rstrip("/") + "/*") for p in patterns)


# --- finding and reading ------------------------------------------------------------------
def find_config(start: Path | None = None) -> Path | None:
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            if _is_file(folder / name):
                return folder / name
        pyproject = folder / "pyproject.toml"
        if _is_file(pyproject) and _has_newslint_table(pyproject):
            return pyproject
    return None


def _is_file(path: Path) -> bool:
    """A folder that cannot be read holds no config we could use (walking it reports it)."""
    try:
        return path.is_file()
    except OSError:
        return False


def presets() -> list[str]:
    return sorted(p.stem for p in PRESETS_DIR.glob("*.yaml"))


def load_config(path: Path | None = None) -> Config:
    path = path or find_config()
    if path is None:
        return Config()
    return _load(Path(path), (), set())


def _load(path: Path, chain: tuple[Path, ...], merged: set[Path]) -> Config:
    """The config at `path` with what it extends merged in. `chain`: the files extending it
    (a loop is an error); `merged`: every file read so far for this configuration, each one
    read and merged once, where it is first named (each level extending the next twice made
    2^24 reads at depth 24)."""
    merged.add(path.resolve())
    data, source = _read(path)
    extends = data.pop("extends", None) if isinstance(data, dict) else None
    config = parse_config(data, path, source)
    if extends is None:
        return config
    names = [extends] if isinstance(extends, str) else extends
    locate = _Locator(path, source)
    if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
        raise ConfigError(f"{locate('extends')}: 'extends' must be a preset name, a path, or a list of them")
    base = Config(path=path)
    for name in names:
        parent = _resolve_extends(name, path, locate)
        if parent.resolve() in chain + (path.resolve(),):
            raise ConfigError(f"{locate('extends')}: 'extends' loops back to {parent}")
        if parent.resolve() in merged:
            continue  # already in this configuration, where it was first named
        try:
            extended = _load(parent, chain + (path.resolve(),), merged)
        except _ForeignConfigError:
            raise
        except ConfigError as error:
            if _inside_project(parent, chain or (path.resolve(),)):
                raise
            place = str(error).split(": ", 1)[0]  # "file:line" (the file may be a deeper one)
            raise _ForeignConfigError(
                f"{locate('extends')}: extends {parent}, which is not a valid newslint config "
                f"(see {place}; what it holds is not shown: it is outside the project)") from None
        base = _merge(base, extended)
    return _merge(base, config)


def _inside_project(path: Path, chain: tuple[Path, ...]) -> bool:
    """Whether `path` (links resolved) is a preset or lies in the directory of the config
    first loaded (`chain[0]`), or below it."""
    target = path.resolve()
    return target.is_relative_to(PRESETS_DIR.resolve()) or target.is_relative_to(chain[0].parent)


def _resolve_extends(name: str, path: Path, locate) -> Path:
    if "/" not in name and "\\" not in name and not name.endswith((".yml", ".yaml", ".toml")):
        preset = PRESETS_DIR / f"{name}.yaml"
        if not preset.is_file():
            raise ConfigError(f"{locate('extends')}: unknown preset '{name}' (expected one of {', '.join(presets())}, or a path)")
        return preset
    target = path.parent / name
    if not target.is_file():
        raise ConfigError(f"{locate('extends')}: no such config file to extend: {target}")
    return target


def _merge(base: Config, child: Config) -> Config:
    """Child settings on top of the base: rules and options per rule, lists appended."""
    options = {name: dict(values) for name, values in base.options.items()}
    for name, values in child.options.items():
        options.setdefault(name, {}).update(values)
    return Config(
        path=child.path,
        rules={**base.rules, **child.rules},
        options=options,
        rule_paths=base.rule_paths + child.rule_paths,
        exclude=base.exclude + child.exclude,
        overrides=base.overrides + child.overrides,
        select=child.select or base.select,
        ignore=base.ignore + child.ignore,
        fail_level=child.fail_level or base.fail_level,
        unsafe_fixes=child.unsafe_fixes or base.unsafe_fixes,
        places={**base.places, **{_shift(key, len(base.overrides)): where for key, where in child.places.items()}},
    )


def _shift(key: tuple, offset: int) -> tuple:
    """A place key of a child config, with its override index moved past the base's."""
    if key[:1] == ("overrides",) and offset:
        return ("overrides", key[1] + offset) + key[2:]
    return key


def _read(path: Path):
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from None
    if path.suffix == ".toml":
        import tomllib  # only for pyproject.toml configurations

        try:
            data = tomllib.loads(source).get("tool", {}).get("newslint", {})
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{path}: TOML error: {error}") from None
    else:
        try:
            data = yaml.load(source, Loader=SafeLoader)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]  # one line
            raise ConfigError(f"{path}{line}: YAML error: {problem}") from None
        data = {} if data is None else data
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: config must be a mapping")
    return data, source


# --- checking ------------------------------------------------------------------------------
def parse_config(data, path: Path, source: str = "") -> Config:
    locate = _Locator(path, source)

    def fail(message, *key):
        raise ConfigError(f"{locate(*key)}: {message}")

    if not isinstance(data, dict):
        fail("config must be a mapping")
    config = Config(path=path)
    for key, value in data.items():
        if key not in KEYS:
            fail(f"unknown config key '{key}' (expected one of {', '.join(KEYS)})", key)
        if value is None:
            continue  # a key with only comments under it
        if key == "extends":
            fail("'extends' is read by load_config", key)
        elif key == "rules":
            _parse_rules(value, (), config.rules, config.options, config.places, locate)
        elif key == "overrides":
            if not isinstance(value, list):
                fail("'overrides' must be a list of {files: GLOB, rules: {...}}", key)
            for index, entry in enumerate(value):
                here = ("overrides", index)
                if not isinstance(entry, dict) or set(entry) - {"files", "rules"} or "files" not in entry:
                    fail("each override must be a mapping with 'files' and 'rules' (nothing else)", *here)
                files = [entry["files"]] if isinstance(entry["files"], str) else entry["files"]
                if not isinstance(files, list) or not files or not all(isinstance(f, str) and f for f in files):
                    fail("'files' must be a glob or a list of globs", *here, "files")
                override = Override(files=list(files))
                _parse_rules(entry.get("rules") or {}, here, override.rules, override.options,
                             config.places, locate)
                config.overrides.append(override)
        elif key == "fail_level":
            if value not in LEVELS:
                fail(f"'fail_level' must be one of {', '.join(LEVELS)}", key)
            config.fail_level = value
        elif key == "unsafe_fixes":
            if not isinstance(value, bool):
                fail("'unsafe_fixes' must be true or false", key)
            config.unsafe_fixes = value
        else:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                fail(f"'{key}' must be a list of strings", key)
            if key == "rule_paths":
                config.rule_paths = [path.parent / v for v in value]
            else:
                setattr(config, key, list(value))
                config.places[(key,)] = locate(key)
    return config


def _parse_rules(value, prefix, settings, options, places, locate):
    """Read one `rules:` mapping; `prefix` is () at the top level or ("overrides", i)."""
    key = prefix + ("rules",)
    if not isinstance(value, dict):
        raise ConfigError(f"{locate(*key)}: 'rules' must map rule ids or packs to off, on, a level, or options")
    for name, setting in value.items():
        name = str(name)
        places[key + (name,)] = locate(*key, name)
        if isinstance(setting, dict):
            setting = dict(setting)
            level = setting.pop("level", None)
            for option in setting:
                places[key + (name, option)] = locate(*key, name, option)
            if setting:
                options[name] = setting
            if level is None:
                continue
            where = locate(*key, name, "level")
        else:
            level, where = setting, places[key + (name,)]
        if isinstance(level, bool):
            level = "on" if level else "off"
        if not isinstance(level, str) or level not in SETTINGS:  # a list was an unhashable key
            raise ConfigError(f"{where}: rule '{name}': setting must be one of {', '.join(SETTINGS)}"
                              " (or a mapping of level and options)")
        settings[name] = level


class _Locator:
    """'file:line' of a key path in a YAML config (TOML: the first line naming the key)."""

    def __init__(self, path: Path, source: str):
        self.path, self.source = path, source
        self._root = compose(source) if source and path.suffix != ".toml" else None

    def __call__(self, *key) -> str:
        line = node_line(self._root, *key) if self._root is not None else self._text_line(key)
        return f"{self.path}:{line}" if line else str(self.path)

    def _text_line(self, key):
        names = [k for k in key if isinstance(k, str)]
        for name in reversed(names):
            for number, line in enumerate(self.source.splitlines(), 1):
                if line.lstrip().startswith((f"{name}:", f'"{name}":', f"'{name}':", f"{name} =", f'"{name}" =', f"[{name}]")):
                    return number
        return None


def _has_newslint_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "newslint" not in text:
        return False  # most projects: decided without parsing TOML
    import tomllib

    try:
        return "newslint" in tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        return False
