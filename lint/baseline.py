"""Baselines: record today's findings so that CI on an old archive fails only on new ones.

`newslint check content/ --write-baseline FILE` writes every finding as (path, rule,
fingerprint) with a count; `newslint check content/ --baseline FILE` then drops as many
findings of each (path, rule, fingerprint) as the baseline holds, and reports the rest.

The fingerprint (`lint.fingerprint`) is a hash of the rule, the matched text and up to ten
characters on each side of it on its line: no line or column numbers, so that edits elsewhere
in the file (a paragraph added above, a paragraph moved) leave it unchanged. Editing the words
right next to a finding, or the finding itself, makes it new. Counts make the baseline exact
for repeated findings: two identical findings in the baseline excuse two, and a third is new.
The SARIF reporter uses the same fingerprint for its ``partialFingerprints``, so code
scanning and baselines agree on when a finding is the same one.

Paths are stored relative to the baseline file's folder, with '/' separators, so the same
baseline works from any working directory and on any system.
"""
from __future__ import annotations

import json
import os
import stat
from collections import Counter
from pathlib import Path

from .fingerprint import fingerprint

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names the file."""


def key_path(path: str, folder: Path) -> str:
    """A report path as the baseline stores it: relative to the baseline's folder, '/'-separated."""
    if path == "-":
        return path
    try:
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(folder))
    except ValueError:  # another drive on Windows
        relative = os.path.abspath(path)
    return Path(relative).as_posix()


def keys(report, folder: Path):
    """(finding, key) for every finding of one file's report, key = (path, rule, fingerprint)."""
    path = key_path(report.path, folder)
    for finding in report.findings:
        yield finding, (path, finding.rule, fingerprint(finding, report.lines.get(finding.line)))


class Recorder:
    """Collects the keys of findings file by file (not the findings), then writes the baseline."""

    def __init__(self, file: Path):
        self.file = Path(file)
        self.counts: Counter = Counter()
        self.texts: dict = {}

    def add(self, report) -> None:
        for finding, key in keys(report, self.file.parent):
            self.counts[key] += 1
            self.texts[key] = finding.text

    def write(self) -> int:
        """Write the baseline file; returns how many findings it records."""
        counts, texts = self.counts, self.texts
        entries = [
            {"path": path, "rule": rule, "text": texts[(path, rule, print_)], "fingerprint": print_,
             "count": counts[(path, rule, print_)]}
            for path, rule, print_ in sorted(counts, key=lambda k: (k[0], k[1], texts[k], k[2]))
        ]
        # one finding a line: a baseline under version control diffs line by line
        lines = ",\n".join("  " + json.dumps(entry, ensure_ascii=False) for entry in entries)
        text = f'{{"version": {VERSION}, "tool": "newslint", "findings": [\n{lines}\n]}}\n' if entries else \
            f'{{"version": {VERSION}, "tool": "newslint", "findings": []}}\n'
        try:
            _replace(self.file, text.encode("utf-8"))
        except OSError as error:
            raise BaselineError(f"{self.file}: cannot write baseline: {error.strerror or error}") from None
        return sum(counts.values())


def _replace(file: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `file` and rename it over `file` in one step.

    The old baseline stays whole if the write fails (disk full), and a symbolic link at `file`
    is replaced by the new file, never followed: its target is left untouched. A new file gets
    the usual mode (0666 less the umask), a replaced regular file keeps its mode.
    """
    import tempfile

    folder = file.parent if str(file.parent) else Path(".")
    try:
        old = os.lstat(file)
        mode = stat.S_IMODE(old.st_mode) if stat.S_ISREG(old.st_mode) else None
    except FileNotFoundError:
        mode = None
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, temporary = tempfile.mkstemp(prefix=".nl-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, file)
    except BaseException:
        if os.path.lexists(temporary):
            os.unlink(temporary)
        raise


def load(file: Path) -> Counter:
    """The (path, rule, fingerprint) -> count table of a baseline file."""
    try:
        document = json.loads(Path(file).read_text(encoding="utf-8"))
    except OSError as error:
        raise BaselineError(f"{file}: cannot read baseline: {error.strerror or error}") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise BaselineError(f"{file}: not a newslint baseline (invalid JSON: {error})") from None
    except RecursionError:
        raise BaselineError(f"{file}: not a newslint baseline (JSON nested too deeply)") from None
    if not isinstance(document, dict) or document.get("version") != VERSION:
        raise BaselineError(f"{file}: not a newslint baseline of version {VERSION}")
    table: Counter = Counter()
    try:
        for entry in document["findings"]:
            table[(entry["path"], entry["rule"], entry["fingerprint"])] += int(entry.get("count", 1))
    except (KeyError, TypeError, ValueError, OverflowError) as error:  # 1e400 is infinity
        raise BaselineError(f"{file}: malformed baseline entry ({type(error).__name__}: {error})") from None
    return table


class Filter:
    """Drops the findings a baseline excuses, file by file in run order; counts what it dropped."""

    def __init__(self, table: Counter, file: Path):
        self.remaining = Counter(table)
        self.folder = Path(file).parent
        self.dropped = 0

    def apply(self, report) -> None:
        kept = []
        for finding, key in keys(report, self.folder):
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
                self.dropped += 1
            else:
                kept.append(finding)
        report.findings = kept
