"""The library's front door: load rules and configuration once, then lint and fix many files.

A `Linter` holds the loaded rules, the configuration and the caller's default `Selection`. It
builds one `Engine` per rule set (the configuration's options give most runs exactly one;
it holds the rules asked for so far, see `engine`) and
asks `lint.settings.resolve` which rules run on each file, caching the answer per distinct
selection and set of matching overrides; so linting with another selection, or another file
of a project, never rebuilds the automaton. The CLI, the web page, the language server and
`lint.lint_text` all use it.

Three words, three jobs: the `Linter` decides what runs (rules, configuration, selection) and
is what callers hold; the `Engine` runs rules over one `Document`; the runner
(`lint.runner`) reads and writes files and spreads them over processes.
"""
from __future__ import annotations

import contextlib
import gc
import os
from pathlib import Path

from .config import Config, excluded, find_config
from .document import Document
from .engine import Engine
from .findings import Finding
from .fixes import FixResult, fix_until_stable
from .kinds import Rule
from .readers import read_document
from .rulepack import builtin_rules_dir, load_packs
from .settings import Selection, Settings, check_names, resolve, with_options
from .suppress import unused_suppression_rule


class Linter:
    """Rules + configuration + the caller's selection.

    `rule_paths`: extra packs (directories or files) besides the built-in ones (`builtin`) and
    the configuration's `rule_paths`; `rules`: use these rules instead of loading any;
    `settings`: a top-level ``rules:`` mapping (as in a config file) on top of `config`.
    A bad configuration raises `lint.config.ConfigError`, a bad pack `RuleFileError`.
    """

    def __init__(self, rule_paths=(), *, builtin: bool = True, config: Config | None = None,
                 select=None, ignore=None, settings: dict[str, str] | None = None,
                 rules: list[Rule] | None = None, unsafe_fixes: bool | None = None):
        config = config or Config()
        if settings:
            config = _with_top_settings(config, settings)
        if rules is None:
            paths = ([builtin_rules_dir()] if builtin else []) + list(config.rule_paths) + list(rule_paths)
            with building():
                rules = load_packs(paths) + ([unused_suppression_rule()] if builtin else [])
        self.config = config
        self.all_rules = list(rules)
        self.selection = Selection.of(select, ignore)
        self.unsafe_fixes = config.unsafe_fixes if unsafe_fixes is None else unsafe_fixes
        check_names(self.all_rules, config)
        self._settings: dict[tuple, Settings] = {}
        self._engines: dict[tuple[int, ...], Engine] = {}
        self._recipe = None  # how a worker process re-builds this linter (`__reduce__`)
        # a linter loaded without an explicit config gives each file the config nearest it
        self._nearest = False
        self._found: dict[str, Path | None] = {}  # folder -> its nearest config
        self._children: dict[Path, Linter | Exception] = {}  # config -> its linter (or error)

    @classmethod
    def load(cls, config_path=None, rule_paths=(), select=None, ignore=None, unsafe_fixes=None) -> Linter:
        """The linter of a project: its configuration (found from the working directory when
        `config_path` is None), the built-in packs and the given extra packs."""
        from .config import load_config

        linter = cls(rule_paths, config=load_config(config_path), select=select, ignore=ignore,
                     unsafe_fixes=unsafe_fixes)
        linter._recipe = (config_path, tuple(rule_paths), select, ignore, unsafe_fixes)
        linter._nearest = config_path is None
        return linter

    # --- which configuration: the nearest one, as ruff does ------------------------------
    def for_path(self, path: str | None) -> Linter:
        """The linter for the file `path`. A linter loaded without an explicit config (the
        command line without ``--config``) gives each file the configuration nearest to it,
        found by walking up from the file's folder (as ruff does): ``newslint check ../repo``
        uses the repository's ``.newslint.yml``. A file with no configuration above it uses
        this linter's own (the working directory's, or the defaults). Each configuration is
        loaded once, with this linter's extra packs and selection. A configuration that cannot
        be used raises its `ConfigError` (or `RuleFileError`) for every file under it."""
        if not self._nearest or not path or path == "-":
            return self
        folder = os.path.dirname(os.path.abspath(path))
        if folder not in self._found:
            self._found[folder] = find_config(Path(folder))
        found = self._found[folder]
        if found is None or (self.config.path is not None and found == Path(self.config.path).resolve()):
            return self
        child = self._children.get(found)
        if child is None:
            try:
                child = Linter.load(found, *self._recipe[1:])
            except Exception as error:  # ConfigError, RuleFileError: reported for each file
                child = error
            self._children[found] = child
        if isinstance(child, Exception):
            raise child
        return child

    def excluded(self, path) -> bool:
        """Whether the configuration that applies to `path` excludes it (its ``exclude``
        globs, relative to that configuration's folder). A path under a configuration that
        cannot be used is not excluded: linting it reports the error."""
        try:
            config = self.for_path(str(path)).config
        except Exception:
            return False
        return excluded(Path(path), config.exclude, config.root)

    def __reduce__(self):
        # a process pool started by `spawn` re-builds the linter from its recipe; with `fork`
        # (Linux) the workers inherit it and nothing is pickled
        if self._recipe is None:
            raise TypeError("only a Linter made by Linter.load can be sent to another process")
        return (_rebuild, self._recipe)

    # --- what runs ---------------------------------------------------------------------------
    def settings_for(self, path: str | None = None, select=None, ignore=None) -> Settings:
        """Which rules run on the file `path`, at which levels. `select`/`ignore` replace the
        linter's own selection for this call."""
        selection = self.selection if select is None and ignore is None else Selection.of(select, ignore)
        overrides = self.config.overrides_for(path) if self.config.overrides else ()
        key = (selection, overrides)
        settings = self._settings.get(key)
        if settings is None:
            settings = self._settings[key] = resolve(self.all_rules, self.config, selection, overrides)
        return settings

    def engine(self, settings: Settings) -> Engine:
        """The engine of the settings' rule set. It holds the rules that some settings asked
        for so far, not every loaded rule: a rule never selected never builds its literals
        (a dictionary, OpenCC's tables). Asking for a rule it lacks re-builds it once."""
        engine = self._engines.get(settings.variant)
        if engine is None or not settings.enabled <= engine.ids:
            wanted = settings.enabled | (engine.ids if engine else frozenset())
            rules = with_options(self.all_rules, self.config, settings.variant)
            chosen = [r for r in rules if r.id in wanted]
            if any(r.publication_script() == "zh-Hant" for r in rules):
                chosen = _in_traditional(chosen)
            with building():
                engine = self._engines[settings.variant] = Engine(chosen)
        return engine

    def enabled_rules(self, settings: Settings | None = None) -> list[Rule]:
        """The rules that run under `settings` (default: those of a file no override matches)."""
        settings = settings or self.settings_for(None)
        return [rule for rule in self.engine(settings).rules if rule.id in settings.enabled]

    @property
    def rules(self) -> list[Rule]:
        return self.enabled_rules()

    def rule(self, rule_id: str) -> Rule | None:
        """A loaded rule, with the options of the configuration's top level."""
        return next((r for r in with_options(self.all_rules, self.config, ()) if r.id == rule_id), None)

    # --- linting and fixing --------------------------------------------------------------------
    def lint_document(self, doc: Document, settings: Settings | None = None) -> tuple[list[Finding], list[str]]:
        """Findings and the failures of rules that could not finish."""
        settings = settings or self.settings_for(doc.path)
        findings, failures = self.engine(settings).lint(doc, settings)
        if doc.unchecked:  # what the reader could not read is said, never silently skipped
            failures = [f"{doc.path}: {part}" for part in doc.unchecked] + failures
        return findings, failures

    def read(self, text: str, path: str, settings: Settings) -> Document:
        """`text` read as the format `path` names, with the help of the engine that will lint it
        (one search of the text serves both: `Engine.credit_starts`)."""
        return read_document(text, path, self.engine(settings).credit_starts)

    def lint_text(self, text: str, path: str = "<text>", *, select=None, ignore=None) -> list[Finding]:
        """Findings of `text`, read as the format `path` names."""
        settings = self.settings_for(path, select, ignore)
        return self.lint_document(self.read(text, path, settings), settings)[0]

    def fix_document(self, doc: Document, first=None, *, unsafe: bool | None = None,
                     settings: Settings | None = None) -> FixResult:
        """Apply fixes to a document's text until none applies (`first`: its lint, when the
        caller has it). `unsafe` adds unsafe fixes (default: the configuration's)."""
        settings = settings or self.settings_for(doc.path)
        engine = self.engine(settings)
        unsafe = self.unsafe_fixes if unsafe is None else unsafe
        last = [doc]

        def lint(text):
            last[0] = read_document(text, doc.path, engine.credit_starts)
            return engine.lint(last[0], settings)

        result = fix_until_stable(doc.original, lint, first, unsafe=unsafe)
        result.document = last[0]
        return result

    def fix_text(self, text: str, path: str = "<text>", *, unsafe: bool | None = None,
                 select=None, ignore=None) -> tuple[str, int, list[Finding]]:
        """Apply every fix that applies; returns (fixed text, number of fixes, findings left)."""
        settings = self.settings_for(path, select, ignore)
        result = self.fix_document(read_document(text, path), unsafe=unsafe, settings=settings)
        return result.text, result.applied, result.findings


@contextlib.contextmanager
def building():
    """Loading rules and building an engine make many objects that live as long as the
    process (parsed packs, the automaton's tables, the idiom index): the cyclic garbage
    collector would walk them again and again while they are made and at every later full
    collection (~6 % of linting one article as a process). It pauses while they are built;
    then everything alive is moved out of its sight (`gc.freeze`). (A server that re-builds
    for another configuration also freezes the little cyclic garbage waiting at that moment:
    a bounded cost for a rare event.)"""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _in_traditional(rules: list[Rule]) -> list[Rule]:
    """A publication in Traditional characters (its script rule's ``target: zh-Hant``) reads
    its messages in Traditional characters: the rules' message templates converted (their
    placeholders are filled with the document's own text, never converted)."""
    from .opencc_tables import OpenCCDataError, to_traditional

    try:
        return [rule.with_messages(to_traditional) for rule in rules]
    except OpenCCDataError:  # the script rule itself reports OpenCC's absence
        return rules


def _rebuild(config_path, rule_paths, select, ignore, unsafe_fixes) -> Linter:
    return Linter.load(config_path, rule_paths, select, ignore, unsafe_fixes)


def _with_top_settings(config: Config, settings: dict[str, str]) -> Config:
    return config.replace(rules={**config.rules, **settings})
