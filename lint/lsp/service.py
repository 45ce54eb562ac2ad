"""The language server's one adapter to the linter: every call into `lint` is made here.

The server (`lint.lsp.server`) speaks LSP and knows nothing of rules, configs or findings;
it asks this module for `Issue`s (plain records with file offsets, a level and the ways to
fix them), for the fixed text of a document, for an inline suppression edit, and for the
`explain` text of a rule. When the core changes (selection, the fix model), this module
changes and the server does not.

Configuration: a document uses the nearest ``.newslint.yml`` / ``.newslint.yaml`` /
``pyproject.toml`` with ``[tool.newslint]`` above it (`lint.config.find_config`), looked up
again for every lint, so a config created or deleted nearer to the document is used at
once. A loaded config is kept with a stamp (size and modification time) of the files it was
read from and of its own rule packs; when a stamp changes, the config is read again. A config
that cannot be used (`ConfigError`, or a broken rule file) is reported once, as
`Setup.error`; meanwhile the document is linted with the last good version of that config,
or with the built-in defaults when there was none.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config, ConfigError, find_config, load_config
from ..linter import Linter
from ..readers import read_document
from ..builtin_rules import builtin_rules_dir
from ..rulepack import RuleFileError, load_packs, pack_files
from ..runner import _excluded as excluded
from ..suppress import UNUSED_ID, unused_suppression_rule

SAFE, UNSAFE, DISPLAY = "safe", "unsafe", "display"
# reader suffix of each LSP language id, for documents whose name does not say (untitled:)
LANGUAGES = {"plaintext": ".txt", "text": ".txt", "markdown": ".md", "html": ".html"}
SUFFIXES = {".txt": ".txt", ".md": ".md", ".markdown": ".md", ".html": ".html", ".htm": ".html"}
COMMENTED = (".md", ".html")  # formats with comments, so with inline suppression
_PLACE = re.compile(r"^(.*?)(?::\d+)?$")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `length` characters at `offset` (of the file text) with `content`."""

    offset: int
    length: int
    content: str


@dataclass(frozen=True, slots=True)
class Fix:
    """One way to fix an issue: its edits, and whether it may be applied without a look."""

    edits: tuple[Edit, ...]
    applicability: str  # safe | unsafe | display

    @property
    def label(self) -> str:
        """What the fix writes, for an action's title."""
        return "".join(edit.content for edit in self.edits)


@dataclass(slots=True)
class Issue:
    rule: str
    level: str  # error | warning | info
    message: str
    offset: int  # in the file text
    length: int
    text: str
    link: str | None = None
    fixes: list[Fix] = field(default_factory=list)
    unnecessary: bool = False  # an unused suppression comment: the editor may fade it

    @property
    def end(self) -> int:
        return self.offset + self.length


@dataclass
class Setup:
    """What lints one document: the linter chosen for its path, and what went wrong finding it."""

    linter: Linter | None  # None: the document is excluded by its config (settings per path)
    config_path: Path | None
    error: str | None = None  # a config or rule-file error (the linter is a fallback)


@dataclass
class _Loaded:
    stamp: tuple
    linter: Linter | None
    config: Config | None
    error: str | None


def reader_suffix(path: str | None, language_id: str | None) -> str | None:
    """The format a document is linted as ('.txt', '.md', '.html'), or None: not ours."""
    if path:
        suffix = SUFFIXES.get(os.path.splitext(path)[1].lower())
        if suffix:
            return suffix
    return LANGUAGES.get(language_id or "")


class Service:
    """Configs and linters for the documents of one server, built once and reused."""

    def __init__(self, root: str | None = None):
        self.root = Path(root) if root else None
        self._loaded: dict[Path | None, _Loaded] = {}
        self._rules: dict[tuple, list] = {}

    # --- configuration ------------------------------------------------------------------
    def setup(self, path: str | None) -> Setup:
        """The linter for a document at `path` (None: an unsaved document)."""
        start = Path(path).parent if path else (self.root or Path.cwd())
        config_path = find_config(start)
        loaded = self._load(config_path)
        error = loaded.error
        if loaded.linter is None:  # never loaded successfully: the built-in defaults
            error = f"{error} (newslint uses the built-in defaults until it is fixed)"
            return Setup(self._load(None).linter, config_path, error)
        if error:
            error = f"{error} (newslint uses the last good version of this configuration until it is fixed)"
        config = loaded.config
        if path and config.exclude and excluded(Path(path), config.exclude, config.root):
            return Setup(None, config_path, error)
        return Setup(loaded.linter, config_path, error)

    def _load(self, config_path: Path | None) -> _Loaded:
        known = self._loaded.get(config_path)
        if known is not None and known.stamp == _stamp(_sources(known.config, config_path)):
            return known
        try:
            config = load_config(config_path) if config_path else Config()
            rules = self._rules_for(config)
            linter = Linter(rules=rules, config=config)
            loaded = _Loaded(_stamp(_sources(config, config_path)), linter, config, None)
        except (ConfigError, RuleFileError) as error:
            # keep using the last good version; check the file again when it changes
            loaded = _Loaded(_stamp([config_path] if config_path else []),
                             known.linter if known else None, known.config if known else None, str(error))
        self._loaded[config_path] = loaded
        return loaded

    def _rules_for(self, config: Config) -> list:
        """The rule packs of a config (built-in + its rule_paths), shared by every config
        that names the same packs and loaded again when a pack file changes."""
        paths = tuple(str(p) for p in config.rule_paths)
        stamp = _stamp(pack_files(config.rule_paths)) if paths else ()
        cached = self._rules.get(paths)
        if cached is None or cached[0] != stamp:
            rules = load_packs([builtin_rules_dir(), *config.rule_paths]) + [unused_suppression_rule()]
            cached = self._rules[paths] = (stamp, rules)
        return cached[1]

    def warm_up(self) -> None:
        """Load the workspace's config and rules, and lint a line, before the first document."""
        setup = self.setup(str((self.root or Path.cwd()) / "warm-up.txt"))
        if setup.linter is not None:
            for name in ("warm-up.txt", "warm-up.md", "warm-up.html"):
                setup.linter.lint_text("标题\n\n正文。\n", name)

    def forget(self) -> None:
        """Read every config again on its next use (a file watcher saw a change; a stamp may
        miss one on a coarse clock). The loaded versions stay, as fallbacks."""
        for loaded in self._loaded.values():
            loaded.stamp = None
        self._rules.clear()

    # --- linting ------------------------------------------------------------------------
    def lint(self, text: str, path: str | None, suffix: str, setup: Setup | None = None
             ) -> tuple[list[Issue], list[str]]:
        """Issues of a document and the failures of rules that could not finish."""
        setup = setup or self.setup(path)
        if setup.linter is None:
            return [], []
        findings, failures = setup.linter.lint_document(read_document(text, _reader_name(path, suffix)))
        return [_issue(f) for f in findings], failures

    def fix_all(self, text: str, path: str | None, suffix: str) -> str:
        """The text with every safe fix applied (to a fixpoint, as `newslint check --fix`)."""
        setup = self.setup(path)
        if setup.linter is None:
            return text
        fixed, _count, _left = setup.linter.fix_text(text, _reader_name(path, suffix), unsafe=False)
        return fixed

    def explain(self, rule_id: str, path: str | None) -> str | None:
        """The `newslint explain` text of a rule (in Chinese), or None for an unknown id."""
        from ..explain import explain_text

        setup = self.setup(path)
        linter = setup.linter or self._load(None).linter
        rule = linter.rule(rule_id)
        return explain_text(rule) if rule else None

    # --- inline suppression ---------------------------------------------------------------
    def suppression(self, text: str, path: str | None, suffix: str, issue: Issue, issues: list[Issue]
                    ) -> Edit | None:
        """An edit adding ``<!-- newslint-disable-next-line RULE -->`` so that the issue is
        suppressed, or None when the format has no comments (.txt) or no place for one
        works. A place works when, after the edit, the issue is gone, no other finding
        appears, the comment is not reported as unused, and the prose every rule sees is the
        same (so the comment never lands inside front matter, a code block or a <title>).
        `issues` are the document's issues as they are now."""
        if suffix not in COMMENTED or issue.rule == UNUSED_ID:
            return None
        setup = self.setup(path)
        if setup.linter is None:
            return None
        name = _reader_name(path, suffix)
        before_doc = read_document(text, name)
        before = Counter((i.rule, i.text, i.message) for i in issues)
        for edit in _comment_places(text, issue):
            changed = text[:edit.offset] + edit.content + text[edit.offset + edit.length:]
            after_doc = read_document(changed, name)
            after, _ = setup.linter.lint_document(after_doc)
            if _suppresses(issue, edit, before, after) and _prose(before_doc) == _prose(after_doc):
                return edit
        return None


# --- findings -> issues: the one place that reads `Finding` -------------------------------
def _issue(finding) -> Issue:
    return Issue(
        rule=finding.rule, level=finding.level, message=finding.message,
        offset=finding.offset, length=finding.length, text=finding.text, link=finding.link,
        fixes=_fixes(finding), unnecessary=finding.rule == UNUSED_ID,
    )


def _fixes(finding) -> list[Fix]:
    """The ways to fix a finding, the recommended one first: `finding.fix` (edits and an
    applicability, decided by the engine), then each further replacement as a suggestion for
    display (shown, never applied without a look)."""
    fixes = []
    fix = finding.fix
    if fix is not None:
        fixes.append(Fix(tuple(Edit(e.offset, e.length, e.content) for e in fix.edits), fix.applicability))
    for replacement in finding.replacements[1 if fix is not None else 0:]:
        fixes.append(Fix((Edit(finding.offset, finding.length, replacement),), DISPLAY))
    return fixes


def _reader_name(path: str | None, suffix: str) -> str:
    """The name the reader sees: the path when its suffix names the format."""
    if path and SUFFIXES.get(os.path.splitext(path)[1].lower()) == suffix:
        return path
    return (path or "untitled") + suffix


def _sources(config: Config | None, config_path: Path | None) -> list:
    """The files a loaded config depends on: itself, the files its settings came from (an
    `extends` chain) and its rule packs."""
    files = {config_path} if config_path else set()
    if config is not None:
        for place in config.places.values():
            name = _PLACE.match(place).group(1)
            if name and not name.startswith("<"):
                files.add(Path(name))
        try:
            files.update(pack_files(config.rule_paths))
        except RuleFileError:
            files.update(config.rule_paths)
    return sorted(files, key=str)


def _stamp(files) -> tuple:
    stamp = []
    for file in files:
        try:
            info = os.stat(file)
            stamp.append((str(file), info.st_mtime_ns, info.st_size))
        except OSError:
            stamp.append((str(file), None, None))
    return tuple(stamp)


# --- inline suppression helpers -------------------------------------------------------------
def _comment_places(text: str, issue: Issue) -> list[Edit]:
    """Where a disable-next-line comment for the issue's line may go: at the end of the line
    before (keeps a paragraph whole), or on a new line of its own above."""
    comment = f"<!-- newslint-disable-next-line {issue.rule} -->"
    line_start = text.rfind("\n", 0, issue.offset) + 1
    cr_start = text.rfind("\r", 0, issue.offset) + 1
    line_start = max(line_start, cr_start)
    newline = _newline(text)
    above = Edit(line_start, 0, comment + newline)
    if line_start == 0:
        return [above]
    previous_end = line_start - 1
    if text[previous_end] == "\n" and previous_end > 0 and text[previous_end - 1] == "\r":
        previous_end -= 1
    previous_start = max(text.rfind("\n", 0, previous_end), text.rfind("\r", 0, previous_end)) + 1
    if not text[previous_start:previous_end].strip():
        return [above]
    return [Edit(previous_end, 0, comment), above]


def _newline(text: str) -> str:
    match = re.search(r"\r\n|\r|\n", text)
    return match.group() if match else "\n"


def _suppresses(issue: Issue, edit: Edit, before, after) -> bool:
    shift = len(edit.content) - edit.length

    def moved(offset):
        return offset + shift if offset >= edit.offset + edit.length else offset

    if any(f.rule == issue.rule and f.text == issue.text and f.offset == moved(issue.offset) for f in after):
        return False
    if any(f.rule == UNUSED_ID and f.offset < edit.offset + len(edit.content) and f.offset + f.length > edit.offset
           for f in after):
        return False
    new = Counter((f.rule, f.text, f.message) for f in after)
    return not (new - before)


def _prose(doc) -> dict:
    """What the rules see of a document, per scope, whitespace aside."""
    return {name: "".join("".join(doc.text[s:e].split()) for s, e in ranges)
            for name, ranges in doc.scopes.items()} | {"credits": [(c.field, c.value) for c in doc.credits]}
