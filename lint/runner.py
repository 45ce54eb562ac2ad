"""Lint files: walk paths, decode, read, lint, and (when asked) fix and write back atomically."""
from __future__ import annotations

import errno
import os
import stat
from collections import deque
from itertools import chain, islice
from pathlib import Path

from .config import excluded
from .findings import FileReport, lines_of
from .readers import TEXT_SUFFIXES, InputError, Source, decode
from .records import Record

SKIPPED_DIRS = {"node_modules", "__pycache__"}


class Target(Record):
    """`path`: as the user will see it."""

    __slots__ = ("path", "explicit")
    path: str
    explicit: bool

    def __init__(self, path: str, explicit: bool = True):
        self.path, self.explicit = path, explicit


def walk_targets(paths, exclude, root, errors: list[str]):
    """Files to lint, one by one as the walk finds them (a tree's list of files is never held
    whole), in a stable order: explicit files as given, directories walked sorted. A path that
    cannot be used (missing, a symbolic link loop, a directory that cannot be listed) becomes
    one line in `errors`, appended as it is met; the other paths are still walked.
    `exclude`: glob patterns relative to `root`, or a function of a path saying whether it is
    excluded (`Linter.excluded`: each path by the configuration nearest to it)."""
    if not callable(exclude):
        patterns = exclude
        exclude = lambda path: excluded(path, patterns, root)  # noqa: E731
    for name in paths:
        if name == "-":
            yield Target("-")
            continue
        try:
            info = os.stat(name)
        except OSError as error:
            errors.append(f"{name}: {path_problem(error)}")
            continue
        if stat.S_ISDIR(info.st_mode):
            for path in _walk_dir(Path(name), exclude, errors):
                yield Target(path, explicit=False)
        else:
            yield Target(name)


def path_problem(error: OSError) -> str:
    """One short reason for an OSError on a path, without the path (the caller names it)."""
    if error.errno == errno.ENOENT:
        return "no such file or directory"
    if error.errno == errno.ELOOP:
        return "symbolic link loop (too many levels of symbolic links)"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.EISDIR:
        return "is a directory"
    return (error.strerror or str(error)).lower()


def _walk_dir(top: Path, exclude, errors: list[str]):

    def report(error: OSError) -> None:
        errors.append(f"{error.filename}: cannot read directory: {path_problem(error)}")

    inside = os.path.realpath(top)
    for folder, dirs, files in os.walk(top, onerror=report, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS
                         and not exclude(Path(folder) / d))
        for name in sorted(files):
            path = Path(folder) / name
            if path.suffix.lower() in TEXT_SUFFIXES and not name.startswith(".") and not exclude(path):
                try:
                    info = os.stat(path)
                except OSError as error:  # a broken symbolic link or a loop
                    errors.append(f"{path}: {path_problem(error)}")
                    continue
                if not stat.S_ISREG(info.st_mode):  # never block on a FIFO or a device met while walking
                    continue
                if os.path.islink(path) and not _within(os.path.realpath(path), inside):
                    continue  # a link out of the walked tree is not followed (--fix would rewrite its target)
                yield str(path)


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


_excluded = excluded  # (the language server's name for it)


class Outcome(Record):
    """`fixed_bytes`: the fixed text in the input's own encoding and BOM; `skipped`: a binary
    file met while walking; `config`: the configuration file that applied (for --verbose)."""

    __slots__ = ("report", "fixed_bytes", "diff", "skipped", "failures", "config")
    report: FileReport
    fixed_bytes: bytes | None
    diff: str
    skipped: bool
    failures: list[str]
    config: str | None

    def __init__(self, report: FileReport, fixed_bytes: bytes | None = None, diff: str = "", skipped: bool = False,
                 failures: list[str] | None = None, config: str | None = None):
        self.report, self.fixed_bytes, self.diff, self.skipped, self.config = report, fixed_bytes, diff, skipped, config
        self.failures = [] if failures is None else failures


# the largest input read (`--max-file-size`): `/dev/zero` was read until MemoryError
MAX_FILE_BYTES = 64 * 1024 * 1024
_FILE_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
               (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))


def read_input(path: str, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; `InputError` for anything else. A
    FIFO named on the command line blocked the run forever: the file is opened without
    blocking and refused unless it is a regular file."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _FILE_KINDS if test(info.st_mode)), "not a regular file")
            raise InputError(f"not a regular file ({kind}); to lint a stream, pipe it to '-'")
        if info.st_size > max_bytes:
            raise InputError(_too_large(info.st_size, max_bytes))
        with os.fdopen(fd, "rb") as stream:
            fd = None
            data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:  # it grew while being read
            raise InputError(_too_large(len(data), max_bytes))
        return data
    finally:
        if fd is not None:
            os.close(fd)


def _too_large(size: int, limit: int) -> str:
    return f"too large ({size / 2**20:.1f} MB; the limit is {limit / 2**20:g} MB, see --max-file-size)"


def lint_target(linter, target: Target, *, encoding="auto", fix=False, diff=False, unsafe_fixes=None,
                stdin_bytes: bytes | None = None, display_name: str | None = None,
                settings_path: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> Outcome:
    """Lint one file (or standard input) with `linter` (`lint.linter.Linter`), and fix it or
    diff it when asked. `settings_path` is the path whose configuration applies (standard
    input's --stdin-filename); `max_bytes`: the largest file read."""
    name = display_name or target.path
    try:
        data = stdin_bytes if target.path == "-" else read_input(target.path, max_bytes)
        text, source = decode(data, encoding)
    except InputError as error:
        if not target.explicit and "binary" in str(error):
            return Outcome(FileReport(name), skipped=True)
        return Outcome(FileReport(name, error=f"{name}: {error}"))
    except OSError as error:
        return Outcome(FileReport(name, error=f"{name}: cannot read: {path_problem(error)}"))
    try:
        linter = linter.for_path(settings_path or target.path)  # the nearest configuration's
    except Exception as error:  # its configuration cannot be used (ConfigError, RuleFileError)
        return Outcome(FileReport(name, error=f"{name}: not linted: {error}"))
    try:
        settings = linter.settings_for(settings_path or target.path)
        outcome = _lint_text(linter, settings, target, name, data, text, source, fix, diff, unsafe_fixes)
        outcome.config = str(linter.config.path) if linter.config.path else None
        return outcome
    except Exception as error:  # a bug in a reader must cost one file, not the run
        return Outcome(FileReport(name, error=f"{name}: internal error: {type(error).__name__}: {error}"))


def _lint_text(linter, settings, target, name, data, text, source, fix, diff, unsafe_fixes) -> Outcome:
    doc = linter.read(text, name, settings)
    if doc.problems:  # e.g. invalid front matter: not linted (its findings would be wrong), not fixed
        return Outcome(FileReport(name, error=f"{name}: {doc.problems[0]}"))
    findings, failures = linter.lint_document(doc, settings)
    outcome = Outcome(FileReport(name, findings, lines=lines_of(findings, doc.line_text)), failures=failures)
    if not (fix or diff):
        return outcome

    result = linter.fix_document(doc, (findings, failures), unsafe=unsafe_fixes, settings=settings)
    outcome.failures = result.failures  # failures met while fixing are kept
    fixed, count = result.text, result.applied
    if not result.converged:
        outcome.report.warnings.append(f"{name}: fixes did not converge after {result.rounds} rounds; "
                                       "some fixable problems are left")
    if count:
        if diff:
            outcome.diff = unified_diff(text, fixed, name)
        elif target.path == "-":
            outcome.fixed_bytes = source.encode(fixed)
        else:
            try:
                write_atomically(Path(target.path), source, fixed, data)
            except (OSError, UnicodeError) as error:
                reason = path_problem(error) if isinstance(error, OSError) and error.errno else error
                outcome.report.error = f"{name}: not fixed: {reason}"
                return outcome
    elif target.path == "-" and fix:
        outcome.fixed_bytes = data
    if fix and not diff:
        left = result.findings
        outcome.report = FileReport(name, left, lines=lines_of(left, result.document.line_text), fixed=count,
                                    warnings=outcome.report.warnings)
    return outcome


def unified_diff(before: str, after: str, name: str) -> str:
    import difflib  # only --diff needs it: start-up pays for what the run uses

    lines = []
    for line in difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"a/{name}", tofile=f"b/{name}",
    ):
        if line.endswith("\n"):
            lines.append(line)
        else:
            # a last line without its newline: patch and git apply need the marker after it,
            # else the next line of the patch runs on into it ("corrupt patch")
            lines.append(line + "\n\\ No newline at end of file\n")
    return "".join(lines)


class ChangedOnDisk(OSError):
    """The file is not what was read: someone else wrote it meanwhile."""


SHORT_TEMPORARY_ABOVE = 200  # bytes of a file name


def write_atomically(path: Path, source: Source, text: str, original: bytes) -> None:
    """Replace the file with `text`, so that it is always either wholly old or wholly new.

    The new content goes to a temporary file in the same directory (same file system), is
    flushed to disk, given the original's permissions and owner, and renamed over the
    original in one step; the directory is synced so the rename survives a crash. A symbolic
    link is followed: its target is rewritten and the link stays a link. If the file no longer
    holds `original` (it changed on disk while it was being linted), nothing is written and
    `ChangedOnDisk` is raised. Encoding and byte-order mark come from `source`.
    """
    data = source.encode(text)
    real = Path(os.path.realpath(path))
    before = os.stat(real)
    if not stat.S_ISREG(before.st_mode):
        raise OSError("not a regular file")
    # a read-only file is the owner's "do not touch" (ruff and black refuse it too); the rename
    # would replace it anyway, and root may write anything, so the mode bits decide
    if not before.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise OSError("the file is read-only; left as it is")
    import tempfile  # only --fix writes files

    # `.NAME.XXXXXXXX.newslint-tmp` beside the file; a name near the 255-byte limit would make
    # that too long to create, so it gets a short one
    prefix = f".{real.name}." if len(os.fsencode(real.name)) <= SHORT_TEMPORARY_ABOVE else ".newslint."
    handle, temporary = tempfile.mkstemp(prefix=prefix, suffix=".newslint-tmp", dir=real.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _keep_owner(temporary, before)
        os.chmod(temporary, stat.S_IMODE(before.st_mode))
        with open(real, "rb") as current:  # the last moment before the rename
            if current.read() != original:
                raise ChangedOnDisk("the file changed on disk while it was being linted; "
                                    "left as it is, run again")
        os.replace(temporary, real)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    _sync_directory(real.parent)


def _keep_owner(temporary: str, before: os.stat_result) -> None:
    created = os.stat(temporary)
    if (created.st_uid, created.st_gid) == (before.st_uid, before.st_gid):
        return
    try:
        os.chown(temporary, before.st_uid, before.st_gid)
    except PermissionError:
        raise OSError(f"cannot keep the file's owner and group ({before.st_uid}:{before.st_gid}); "
                      "left as it is") from None


def _sync_directory(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


# --- many files: a process pool -------------------------------------------------------------
#
# `lint_targets` yields one Outcome per target, in the order of the targets, whether it runs
# serially or in a pool: the report of a parallel run is byte for byte the serial one. The
# workers get the parent's `Linter` once, when they start (forked, they inherit it with its
# engines built; elsewhere it is re-built from its recipe), then lint chunks of files. A file that
# fails in any way becomes an error Outcome; the other files are still linted. Small runs (a
# pre-commit hook on a few changed files) stay serial: starting workers would cost more than
# it saves.

# Below this many bytes of input, lint in this process. Measured: starting two workers costs
# about 70 ms of CPU and each file about 0.5 ms more than in one process (results travel back
# pickled), while linting costs about 1.5 ms per 2,000-character article; a pool starts to win
# at around 150 such articles, half a megabyte.
SERIAL_BELOW = 512 * 1024


def default_jobs() -> int:
    """All the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def lint_targets(linter, targets, *, jobs: int | None = None,
                 serial_below: int = SERIAL_BELOW, stdin_name: str | None = None, **options):
    """Outcomes of `lint_target` for every target, in order; in a pool when it pays.

    `targets` may be any iterable (`walk_targets`): it is read as the run goes on, after a
    look at its first files to decide on the pool. `linter` is a `lint.linter.Linter`;
    `options` are those of `lint_target`; standard input ('-') is linted as `stdin_name` says
    (its name and format).
    """
    options["stdin_name"] = stdin_name
    jobs = default_jobs() if jobs is None else max(1, jobs)
    targets = iter(targets)
    if jobs == 1:
        for target in targets:
            yield _guarded(linter, target, options)
        return
    # enough of the first targets to decide: the pool needs `serial_below` bytes of input, and
    # its chunk size needs to know whether there are at least CHUNK * 8 files per worker
    head, size = [], 0
    for target in targets:
        head.append(target)
        if size < serial_below and target.path != "-":
            size += _size(target)
        if size >= serial_below and len(head) >= jobs * 8 * CHUNK:
            break
    rest = chain(head, targets)
    parallel = (len(head) >= 2 and size >= serial_below and options.get("stdin_bytes") is None
                and all(t.path != "-" for t in head))
    if not parallel:
        for target in rest:
            yield _guarded(linter, target, options)
        return
    jobs = min(jobs, len(head))
    chunk = max(1, min(CHUNK, len(head) // (jobs * 8)))
    del head
    yield from _lint_in_pool(linter, rest, jobs, chunk, options)


def _size(target: Target) -> int:
    try:
        return os.path.getsize(target.path)
    except OSError:
        return 0


def _guarded(linter, target: Target, options: dict) -> Outcome:
    options = dict(options)
    stdin_name = options.pop("stdin_name", None)
    name = (stdin_name or "-") if target.path == "-" else target.path
    try:
        return lint_target(linter, target, **options, display_name=name,
                           settings_path=stdin_name if target.path == "-" else target.path)
    except Exception as error:  # a failing file must not stop the others
        return Outcome(FileReport(name, error=f"{name}: internal error: {type(error).__name__}: {error}"))


# Files per chunk sent to a worker, at most: big enough to amortise the round trip, small
# enough to balance the load (fewer for small runs: at least 8 chunks per worker).
CHUNK = 64
# Chunks submitted per worker ahead of the one being reported.
CHUNKS_IN_FLIGHT = 4


def _lint_in_pool(linter, targets, jobs, per_chunk, options):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    targets = iter(targets)
    chunks = iter(lambda: list(islice(targets, per_chunk)), [])
    # fork where it exists (the parent has imported everything already), spawn elsewhere
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                             initargs=(linter,)) as pool:
        # a few chunks per worker in flight, no more: results wait to be reported in input
        # order, and a finished future holds its outcomes until it is dropped here
        window = deque((chunk, _submit(pool, chunk, options))
                       for chunk in islice(chunks, jobs * CHUNKS_IN_FLIGHT))
        while window:
            chunk, future = window.popleft()
            following = next(chunks, None)
            if following is not None:
                window.append((following, _submit(pool, following, options)))
            try:
                outcomes = future.result()
            except Exception as error:  # the worker died (killed, out of memory, crashed)
                reason = f"{type(error).__name__}: {error}".rstrip(": ")
                outcomes = [Outcome(FileReport(t.path, error=f"{t.path}: not linted: worker failed ({reason})"))
                            for t in chunk]
            yield from outcomes


def _submit(pool, chunk, options):
    from concurrent.futures import Future

    try:
        return pool.submit(_lint_chunk, chunk, options)
    except Exception as error:  # the pool broke (a worker died): this chunk fails as those in flight do
        future = Future()
        future.set_exception(error)
        return future


_worker_linter = None


def _start_worker(linter) -> None:
    global _worker_linter
    _worker_linter = linter


def _lint_chunk(chunk: list[Target], options: dict) -> list[Outcome]:
    return [_guarded(_worker_linter, target, options) for target in chunk]
