"""The user cache directory: parsed rule packs and the script kind's table of flagged
characters are kept there as JSON between runs (YAML parsing and OpenCC conversion are most of
newslint's start-up).

Entries are plain data (JSON, never pickle), so a tampered file cannot run code. An entry's
name is a hash of what it was derived from (the rule file's text, OpenCC's files, newslint's
version …), so a changed input is a new entry, never a stale answer. Entries are written to a
temporary file and renamed into place, so concurrent runs never read half of one. Anything
wrong with an entry, or a directory that cannot be written, only means deriving it again.

An entry is never trusted blindly (docs/reliability.md): only a regular file is opened (a FIFO
at its path would block the run, a link could point anywhere), owned by the user and writable
by nobody else, of a sane size; its users check what it holds against the source it claims to
cache (a parsed pack carries its rule file's content hash, see `lint.rulepack`) and derive it
again on any mismatch. Old entries are pruned when a new one is written.
"""
from __future__ import annotations

import contextlib
import json
import os
import stat
import time
from pathlib import Path

# entries larger than this are not read (a generated dictionary pack of 10 MB of YAML is about
# as much JSON)
MAX_ENTRY_BYTES = 256 * 1024 * 1024
# when an entry is written, entries of its kind (the name up to its first '-') beyond this
# many most recently written are deleted; temporary files of interrupted writes after an hour
KEEP_ENTRIES = 64
STALE_TEMPORARY_SECONDS = 3600


try:  # the standard library's own BLAKE2: importing hashlib also starts OpenSSL, ~12 M
    # instructions (~1 % of one article as a command) for hashes that only name cache entries
    from _blake2 import blake2b as _blake2b
except ImportError:  # an interpreter built without it
    from hashlib import blake2b as _blake2b


def hasher():
    """A hash object (`update`, `hexdigest`) of the kind `digest` uses, fed piece by piece."""
    return _blake2b(digest_size=32)


def digest(data: bytes) -> str:
    """A hex digest of `data` (64 characters): what names and checks cache entries."""
    return _blake2b(data, digest_size=32).hexdigest()


def cache_dir() -> Path | None:
    """Where entries are kept: $NEWSLINT_CACHE_DIR, else the user cache directory.
    NEWSLINT_CACHE_DIR set to an empty string turns the cache off."""
    chosen = os.environ.get("NEWSLINT_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


def digest_entry(kind: str, *parts: bytes) -> Path | None:
    """The entry `kind-<digest>.json`, the digest of `parts` (what the cached data was computed
    from: the module's source, its data, its options), or None when the cache is off. A changed
    module or input names another entry, so an old answer is never read for a new question."""
    directory = cache_dir()
    if directory is None:
        return None
    return directory / f"{kind}-{digest(b''.join(parts))[:32]}.json"


def read_cache(entry: Path | None):
    """The data remembered in `entry`, or None when there is none, it is unreadable, or it is
    not a regular file of the user's that nobody else can write."""
    if entry is None:
        return None
    try:
        # O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer
        fd = os.open(entry, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if (not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES
                or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
                or (hasattr(os, "geteuid") and info.st_uid != os.geteuid())):
            return None
        with os.fdopen(fd, "rb") as stream:
            fd = None
            return json.loads(stream.read(MAX_ENTRY_BYTES + 1).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    finally:
        if fd is not None:
            os.close(fd)


def whole_numbers(values) -> bool:
    """Whether `values` (an entry's list or dict values) are whole numbers only, checked in C:
    the sum of ints is an int, and a float, a string or None among them makes it something else
    or fails (a test of each item in Python was ~7 M instructions of every start for the idiom
    index)."""
    try:
        return type(sum(values)) is int
    except TypeError:
        return False


def write_cache(entry: Path, data, keep: int = KEEP_ENTRIES) -> None:
    """Remember `data` (plain JSON data) in `entry`: written to a temporary file in the same
    directory and renamed into place, so a concurrent run reads the old entry, the new one or
    none, never half of one. Data JSON cannot hold exactly, or a cache directory that cannot
    be written, only means nothing is remembered. Old entries of the same kind beyond `keep`
    are pruned."""
    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return  # values JSON cannot hold (dates…): simply not cached
    if json.loads(text) != data:
        return
    import tempfile  # only when writing: a warm run never pays for it

    temporary = None
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".entry-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, entry)  # also replaces whatever else was at that name (a FIFO…)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return
    prune(entry, keep)


def prune(entry: Path, keep: int = KEEP_ENTRIES) -> None:
    """Delete entries of `entry`'s kind beyond the `keep` most recently written
    (`entry` itself is kept; a deleted entry still in use is simply derived again), and
    temporary files of writes that were interrupted long ago."""
    kind = entry.name.split("-", 1)[0] + "-"
    now = time.time()
    found = []
    with contextlib.suppress(OSError), os.scandir(entry.parent) as listing:
        for item in listing:
            with contextlib.suppress(OSError):
                if item.name.startswith(".entry-") and item.name.endswith(".tmp"):
                    if now - item.stat(follow_symlinks=False).st_mtime > STALE_TEMPORARY_SECONDS:
                        os.unlink(item.path)
                elif item.name.startswith(kind) and item.name.endswith(".json") and item.name != entry.name:
                    found.append((item.stat(follow_symlinks=False).st_mtime, item.path))
    found.sort(reverse=True)
    for _, path in found[keep - 1:]:
        with contextlib.suppress(OSError):
            os.unlink(path)
