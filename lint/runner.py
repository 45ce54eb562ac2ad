"""Lint files: walk paths, decode, read, lint, and (when asked) fix and write back atomically."""
from __future__ import annotations

import difflib
import fnmatch
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .findings import FileReport, lines_of
from .readers import TEXT_SUFFIXES, InputError, Source, decode, read_document

SKIPPED_DIRS = {"node_modules", "__pycache__"}


@dataclass
class Target:
    path: str  # as the user will see it
    explicit: bool = True


@dataclass
class Walk:
    targets: list[Target] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def collect(paths, exclude=(), root: Path | None = None) -> Walk:
    """Files to lint, in a stable order: explicit files as given, directories walked sorted."""
    walk = Walk()
    for name in paths:
        if name == "-":
            walk.targets.append(Target("-"))
            continue
        path = Path(name)
        if path.is_dir():
            walk.targets += [Target(p, explicit=False) for p in _walk_dir(path, exclude, root)]
        elif path.exists():
            walk.targets.append(Target(name))
        else:
            walk.errors.append(f"{name}: no such file or directory")
    return walk


def _walk_dir(top: Path, exclude, root) -> list[str]:
    found = []
    for folder, dirs, files in os.walk(top, onerror=None, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS
                         and not _excluded(Path(folder) / d, exclude, root))
        for name in sorted(files):
            path = Path(folder) / name
            if path.suffix.lower() in TEXT_SUFFIXES and not name.startswith(".") and not _excluded(path, exclude, root):
                found.append(str(path))
    return found


def _excluded(path: Path, patterns, root) -> bool:
    if not patterns:
        return False
    try:
        relative = path.resolve().relative_to((root or Path.cwd()).resolve()).as_posix()
    except ValueError:
        relative = path.as_posix()
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(path.name, p) or
               fnmatch.fnmatch(relative, p.rstrip("/") + "/*") for p in patterns)


@dataclass
class Outcome:
    report: FileReport
    fixed_text: str | None = None  # for stdin with --fix
    diff: str = ""
    skipped: bool = False  # a binary file met while walking
    failures: list[str] = field(default_factory=list)


def lint_target(linter, target: Target, *, encoding="auto", fix=False, diff=False,
                stdin_bytes: bytes | None = None, display_name: str | None = None) -> Outcome:
    name = display_name or target.path
    try:
        data = stdin_bytes if target.path == "-" else Path(target.path).read_bytes()
        text, source = decode(data, encoding)
    except InputError as error:
        if not target.explicit and "binary" in str(error):
            return Outcome(FileReport(name), skipped=True)
        return Outcome(FileReport(name, error=f"{name}: {error}"))
    except OSError as error:
        return Outcome(FileReport(name, error=f"{name}: cannot read: {error.strerror or error}"))

    doc = read_document(text, name)
    findings, failures = linter.lint_document(doc)
    outcome = Outcome(FileReport(name, findings, lines=lines_of(findings, doc.line_text)), failures=failures)
    if not (fix or diff):
        return outcome

    fixed, count, left = linter.fix_text(text, name)
    if count:
        if diff:
            outcome.diff = unified_diff(text, fixed, name)
        elif target.path == "-":
            outcome.fixed_text = fixed
        else:
            try:
                write_atomically(Path(target.path), source, fixed, data)
            except OSError as error:
                outcome.report.error = f"{name}: not fixed: {error}"
                return outcome
    elif target.path == "-" and fix:
        outcome.fixed_text = text
    if fix and not diff:
        doc = read_document(fixed, name)
        outcome.report = FileReport(name, left, lines=lines_of(left, doc.line_text), fixed=count)
    return outcome


def unified_diff(before: str, after: str, name: str) -> str:
    return "".join(difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"a/{name}", tofile=f"b/{name}",
    ))


def write_atomically(path: Path, source: Source, text: str, original: bytes) -> None:
    """Write through a temporary file in the same directory, then rename over the original.

    The file keeps its encoding, BOM and permissions. If it changed on disk since it was read,
    it is left alone and an error is raised.
    """
    data = source.bom + text.encode(source.encoding)
    if path.read_bytes() != original:
        raise OSError("the file changed on disk while it was being linted")
    mode = path.stat().st_mode
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".newslint-tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
