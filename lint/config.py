"""Configuration: `.newslint.yml` found by walking up from the working directory, or
`[tool.newslint]` in `pyproject.toml`, or a file given with `--config`.

Keys (all optional):
- ``rules``: rule id or pack name -> ``off``, ``on``, ``error``, ``warning`` or ``info``;
- ``rule_paths``: directories or files of the team's own packs, relative to the config file;
- ``exclude``: glob patterns of paths not to lint (matched against the path relative to the
  config file's directory and against the file name);
- ``select``, ``ignore``: lists of rule ids or packs, as on the command line;
- ``fail_level``: ``error``, ``warning`` or ``info``.
Command-line options win over the file. Every error names the file and, for YAML, the line.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .findings import LEVELS

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CONFIG_NAMES = (".newslint.yml", ".newslint.yaml")
SETTINGS = ("off", "on") + LEVELS
KEYS = ("rules", "rule_paths", "exclude", "select", "ignore", "fail_level")


class ConfigError(Exception):
    pass


@dataclass
class Config:
    path: Path | None = None
    rules: dict[str, str] = field(default_factory=dict)
    rule_paths: list[Path] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_level: str | None = None

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


def find_config(start: Path | None = None) -> Path | None:
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_newslint_table(pyproject):
            return pyproject
    return None


def load_config(path: Path | None = None) -> Config:
    path = path or find_config()
    if path is None:
        return Config()
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from None
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(source).get("tool", {}).get("newslint", {})
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{path}: TOML error: {error}") from None
    else:
        try:
            data = yaml.load(source, Loader=SafeLoader) or {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            raise ConfigError(f"{path}{line}: YAML error: {getattr(error, 'problem', error)}") from None
    return parse_config(data, path, source)


def parse_config(data, path: Path, source: str = "") -> Config:
    def fail(key, message):
        raise ConfigError(f"{path}{_line_hint(source, key)}: {message}")

    if not isinstance(data, dict):
        fail(None, "config must be a mapping")
    config = Config(path=path)
    for key, value in data.items():
        if key not in KEYS:
            fail(key, f"unknown config key '{key}' (expected one of {', '.join(KEYS)})")
        if value is None:
            continue  # a key with only comments under it
        if key == "rules":
            if not isinstance(value, dict):
                fail(key, "'rules' must map rule ids or packs to off, on or a level")
            for name, setting in value.items():
                setting = {True: "on", False: "off"}.get(setting, setting)
                if setting not in SETTINGS:
                    fail(name, f"rule '{name}': setting must be one of {', '.join(SETTINGS)}")
                config.rules[str(name)] = setting
        elif key == "fail_level":
            if value not in LEVELS:
                fail(key, f"'fail_level' must be one of {', '.join(LEVELS)}")
            config.fail_level = value
        else:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                fail(key, f"'{key}' must be a list of strings")
            if key == "rule_paths":
                config.rule_paths = [path.parent / v for v in value]
            else:
                setattr(config, key, list(value))
    return config


def _line_hint(source: str, key) -> str:
    if not source or key is None:
        return ""
    for number, line in enumerate(source.splitlines(), 1):
        if line.lstrip().startswith((f"{key}:", f'"{key}":', f"'{key}':", f"{key} =")):
            return f":{number}"
    return ""


def _has_newslint_table(path: Path) -> bool:
    try:
        return "newslint" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
